#include "ticket_print.hpp"

#include <algorithm>
#include <cstdio>

#include "config_translations.hpp"
#include "format.hpp"

namespace domain {
namespace {

using Style = PrintLine::Style;

void add(PrintedTicket& ticket, std::string text, Style style = Style::Normal) {
    ticket.lines.push_back({std::move(text), style, true});
}

void addBlank(PrintedTicket& ticket) { add(ticket, {}); }

// "30/11/2026 ore 15:45": the date numeric, as European offices write it; the words around it
// from [print] issued_at.
std::string issuedText(const Texts& texts, const LocalDateTime& at) {
    char date[16];
    std::snprintf(date, sizeof date, "%02d/%02d/%04d", at.date.day, at.date.month, at.date.year);
    return texts.format("print.issued_at", {{"date", date}, {"time", at.hhmm()}});
}

void addOffice(PrintedTicket& ticket, const Office& office) {
    add(ticket, office.comune, Style::Bold);
    add(ticket, office.name);
    // Floor on its own line: joined to the address it breaks mid-phrase on 58 mm paper.
    add(ticket, office.address);
    if (!office.floor.empty()) add(ticket, office.floor);
}

void addCode(PrintedTicket& ticket, const IssuedTicket& issued, const Texts& texts, std::string_view language) {
    add(ticket, texts.get("print.your_number"));
    add(ticket, issued.ticket.code, Style::Big);
    const std::string label =
        issued.category ? localizedCategory(*issued.category, language).label : issued.ticket.categoryId;
    add(ticket, label, Style::Bold);
}

// A called or served ticket has nobody ahead: an estimate would only confuse.
void addWait(PrintedTicket& ticket, const IssuedTicket& issued, const Texts& texts) {
    if (issued.ticket.state != TicketState::Waiting) return;
    add(ticket, countText(texts, "print.ahead", std::max(0, issued.peopleAhead)));
    if (issued.waitMinutes > 0)
        add(ticket, texts.format("print.wait_estimate", {{"minutes", std::to_string(issued.waitMinutes)}}));
}

// The code stands on its own line in bold: it is typed on the kiosk digit by digit.
void addSurvey(PrintedTicket& ticket, const IssuedTicket& issued, const Texts& texts) {
    if (issued.ticket.surveyCode.empty()) return;
    add(ticket, texts.get("print.survey_code"));
    add(ticket, issued.ticket.surveyCode, Style::Bold);
}

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t codePoints(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !isContinuationByte(c); }));
}

// Byte length of the first `count` code points of text (all of it when shorter).
std::size_t prefixBytes(std::string_view text, std::size_t count) {
    std::size_t bytes = 0;
    for (std::size_t seen = 0; bytes < text.size(); ++bytes) {
        if (!isContinuationByte(text[bytes]) && seen++ == count) break;
    }
    return bytes;
}

std::vector<std::string_view> wordsOf(std::string_view text) {
    std::vector<std::string_view> words;
    while (!text.empty()) {
        const std::size_t start = text.find_first_not_of(' ');
        if (start == std::string_view::npos) break;
        text.remove_prefix(start);
        const std::size_t end = std::min(text.find(' '), text.size());
        words.push_back(text.substr(0, end));
        text.remove_prefix(end);
    }
    return words;
}

}  // namespace

PrintedTicket printedTicket(const Config& config, const IssuedTicket& issued, const Texts& texts,
                            std::string_view language) {
    PrintedTicket ticket;
    addOffice(ticket, config.office);
    addBlank(ticket);
    addCode(ticket, issued, texts, language);
    addBlank(ticket);
    add(ticket, issuedText(texts, issued.ticket.issuedAt));
    addWait(ticket, issued, texts);
    addBlank(ticket);
    addSurvey(ticket, issued, texts);
    return ticket;
}

PrintedTicket printedTicketFor(const Config& config, const IssuedTicket& issued, const Texts& chosen,
                               std::string_view language, const Texts& italian, const CanPrint& canPrint) {
    PrintedTicket ticket = printedTicket(config, issued, chosen, language);
    const bool printable = std::all_of(ticket.lines.begin(), ticket.lines.end(),
                                       [&canPrint](const PrintLine& line) { return canPrint(line.text); });
    return printable ? ticket : printedTicket(config, issued, italian, "it");
}

int columnsFor(PrintLine::Style style, int widthChars) {
    return style == Style::Big ? std::max(1, widthChars / 2) : std::max(1, widthChars);
}

std::vector<std::string> wrapText(std::string_view utf8, int columns) {
    const std::size_t width = static_cast<std::size_t>(std::max(1, columns));
    std::vector<std::string> lines;
    std::string line;
    for (std::string_view word : wordsOf(utf8)) {
        if (!line.empty() && codePoints(line) + 1 + codePoints(word) <= width) {
            line += ' ';
            line += word;
            continue;
        }
        if (!line.empty()) lines.push_back(std::move(line));
        // A word wider than the paper is cut where the paper ends.
        while (codePoints(word) > width) {
            const std::size_t cut = prefixBytes(word, width);
            lines.emplace_back(word.substr(0, cut));
            word.remove_prefix(cut);
        }
        line = std::string(word);
    }
    if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
    return lines;
}

std::optional<PrinterTarget> parsePrinterTarget(std::string_view text) {
    using Kind = PrinterTarget::Kind;
    if (text == "none") return PrinterTarget{Kind::None, {}};
    const auto withPrefix = [text](std::string_view prefix) -> std::optional<std::string_view> {
        if (text.substr(0, prefix.size()) != prefix) return std::nullopt;
        return text.substr(prefix.size());
    };
    if (auto path = withPrefix("file:"); path && path->size() > 1 && path->front() == '/')
        return PrinterTarget{Kind::File, std::string(*path)};
    if (auto path = withPrefix("device:"); path && path->size() > 1 && path->front() == '/')
        return PrinterTarget{Kind::Device, std::string(*path)};
    // CUPS queue names are printable characters other than space, '/' and '#'.
    if (auto queue = withPrefix("cups:"); queue && !queue->empty() && queue->size() <= 127 &&
                                          std::all_of(queue->begin(), queue->end(), [](char c) {
                                              return c > ' ' && c < 0x7F && c != '/' && c != '#';
                                          }))
        return PrinterTarget{Kind::Cups, std::string(*queue)};
    return std::nullopt;
}

}  // namespace domain
