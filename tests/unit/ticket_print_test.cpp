// What a printed ticket says, before any printer is involved.
#include "domain/ticket_print.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace domain;

namespace {

using Style = PrintLine::Style;

// The shipped Italian texts: the ticket's words come from their [print] section.
const Texts& italian() {
    static const Texts texts = [] {
        const std::string path = std::string(KIOSK_SOURCE_DIR) + "/assets/i18n/it.toml";
        std::ifstream in(path);
        std::ostringstream text;
        text << in.rdbuf();
        return parseTexts(text.str(), path);
    }();
    return texts;
}

Config office() {
    Config config;
    config.office.comune = "Comune di Gorgonzola";
    config.office.name = "Segretariato sociale";
    config.office.address = "Piazza Camillo Ripamonti, 1";
    config.office.floor = "1° piano";
    config.categories = {{"anziani", "Anziani", 'N', ""}};
    return config;
}

IssuedTicket issuedN7(const Config& config) {
    IssuedTicket issued;
    issued.ticket.code = "N007";
    issued.ticket.categoryId = "anziani";
    issued.ticket.issuedAt = *LocalDateTime::parse("2026-11-30T15:42");
    issued.ticket.surveyCode = "482913";
    issued.category = &config.categories.front();
    issued.peopleAhead = 3;
    issued.waitMinutes = 25;
    return issued;
}

const PrintLine* lineWith(const PrintedTicket& ticket, const std::string& text) {
    const auto found = std::find_if(ticket.lines.begin(), ticket.lines.end(),
                                    [&](const PrintLine& line) { return line.text == text; });
    return found == ticket.lines.end() ? nullptr : &*found;
}

std::vector<std::string> texts(const PrintedTicket& ticket) {
    std::vector<std::string> out;
    for (const PrintLine& line : ticket.lines) out.push_back(line.text);
    return out;
}

}  // namespace

TEST(TicketPrint, saysWhoWhatWhenAndTheSurveyCode) {
    const Config config = office();
    const PrintedTicket ticket = printedTicket(config, issuedN7(config), italian());
    const std::vector<std::string> expected = {"Comune di Gorgonzola",
                                               "Segretariato sociale",
                                               "Piazza Camillo Ripamonti, 1",
                                               "1° piano",
                                               "",
                                               "Il tuo numero",
                                               "N007",
                                               "Anziani",
                                               "",
                                               "30/11/2026 ore 15:42",
                                               "3 persone prima di te",
                                               "Attesa stimata: circa 25 minuti",
                                               "",
                                               "Dopo il colloquio valuta il servizio sul totem con il codice:",
                                               "482913"};
    EXPECT_EQ(texts(ticket), expected);
}

TEST(TicketPrint, theCodeIsBigAndTheSurveyCodeBold) {
    const Config config = office();
    const PrintedTicket ticket = printedTicket(config, issuedN7(config), italian());
    ASSERT_NE(lineWith(ticket, "N007"), nullptr);
    EXPECT_EQ(lineWith(ticket, "N007")->style, Style::Big);
    EXPECT_EQ(lineWith(ticket, "482913")->style, Style::Bold);
    EXPECT_EQ(lineWith(ticket, "Comune di Gorgonzola")->style, Style::Bold);
    EXPECT_TRUE(std::all_of(ticket.lines.begin(), ticket.lines.end(), [](const PrintLine& l) { return l.centered; }));
}

TEST(TicketPrint, peopleAheadInTheWordsOfTheTicketScreen) {
    const Config config = office();
    IssuedTicket issued = issuedN7(config);
    issued.peopleAhead = 0;
    EXPECT_NE(lineWith(printedTicket(config, issued, italian()), "Nessuna persona prima di te"), nullptr);
    issued.peopleAhead = 1;
    EXPECT_NE(lineWith(printedTicket(config, issued, italian()), "1 persona prima di te"), nullptr);
}

TEST(TicketPrint, aTicketNoLongerWaitingHasNoEstimate) {
    const Config config = office();
    IssuedTicket issued = issuedN7(config);
    issued.ticket.state = TicketState::Called;
    const PrintedTicket ticket = printedTicket(config, issued, italian());
    EXPECT_EQ(lineWith(ticket, "3 persone prima di te"), nullptr);
    EXPECT_EQ(lineWith(ticket, "Attesa stimata: circa 25 minuti"), nullptr);
    EXPECT_NE(lineWith(ticket, "N007"), nullptr);
}

TEST(TicketPrint, noSurveyLinesWithoutASurveyCode) {
    const Config config = office();
    IssuedTicket issued = issuedN7(config);
    issued.ticket.surveyCode.clear();
    EXPECT_EQ(lineWith(printedTicket(config, issued, italian()), "Dopo il colloquio valuta il servizio sul totem con il codice:"),
              nullptr);
}

TEST(TicketPrint, wrapBreaksAtSpacesCountingCharactersNotBytes) {
    // 'à' is two bytes in UTF-8 but one character on paper.
    EXPECT_EQ(wrapText("Attività sociali per la città", 12),
              (std::vector<std::string>{"Attività", "sociali per", "la città"}));
    EXPECT_EQ(wrapText("àèìòù àèìòù", 11), (std::vector<std::string>{"àèìòù àèìòù"}));
    EXPECT_EQ(wrapText("àèìòù àèìòù", 10), (std::vector<std::string>{"àèìòù", "àèìòù"}));
}

TEST(TicketPrint, wrapCutsAWordLongerThanTheLine) {
    EXPECT_EQ(wrapText("1234567890àb", 5), (std::vector<std::string>{"12345", "67890", "àb"}));
    EXPECT_EQ(wrapText("", 5), (std::vector<std::string>{""}));
    EXPECT_EQ(wrapText("  a   b  ", 5), (std::vector<std::string>{"a b"}));
}

TEST(TicketPrint, bigLettersTakeTwoColumns) {
    EXPECT_EQ(columnsFor(Style::Normal, 32), 32);
    EXPECT_EQ(columnsFor(Style::Bold, 48), 48);
    EXPECT_EQ(columnsFor(Style::Big, 32), 16);
}

TEST(TicketPrint, printerTargetsParse) {
    using Kind = PrinterTarget::Kind;
    EXPECT_EQ(parsePrinterTarget("none")->kind, Kind::None);
    EXPECT_EQ(parsePrinterTarget("file:/tmp/t.bin")->where, "/tmp/t.bin");
    EXPECT_EQ(parsePrinterTarget("device:/dev/usb/lp0")->kind, Kind::Device);
    EXPECT_EQ(parsePrinterTarget("cups:Termica")->where, "Termica");
    for (const char* bad : {"", "None", "file:", "file:rel.bin", "device:lp0", "cups:", "cups:a b", "cups:a/b", "usb:x"})
        EXPECT_FALSE(parsePrinterTarget(bad)) << bad;
}
