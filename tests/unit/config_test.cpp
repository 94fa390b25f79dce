#include "domain/config.hpp"

#include <gtest/gtest.h>

#include "minimal_config.hpp"

#include <algorithm>
#include <array>
#include <regex>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace {

using domain::Config;
using domain::ConfigError;
using domain::parseConfig;

using testing_support::readFile;

Config loadShipped(const std::string& name) {
    const std::string path = "config/" + name;
    return parseConfig(readFile(std::string(KIOSK_SOURCE_DIR) + "/" + path), path);
}

// The message of the ConfigError thrown for `toml`, or a test failure when it is accepted.
std::string errorFor(const std::string& toml) {
    try {
        parseConfig(toml, "test.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    ADD_FAILURE() << "accepted a config that should be rejected:\n" << toml;
    return {};
}

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

using testing_support::kOffice;
using testing_support::kTwoCategories;

TEST(Config, gorgonzolaDemoHasTheFourCategories) {
    const std::string text = readFile(std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml");
    const Config config = parseConfig(text, "config/gorgonzola.toml");

    EXPECT_EQ(config.sourceName, "config/gorgonzola.toml");
    ASSERT_EQ(config.categories.size(), 4u);
    const std::vector<std::string> ids{"adulti", "anziani", "disabili", "minori-famiglie"};
    const std::vector<std::string> labels{"Adulti", "Anziani", "Disabili", "Minori e Famiglie"};
    const std::string prefixes = "ANDM";
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(config.categories[i].id, ids[i]);
        EXPECT_EQ(config.categories[i].label, labels[i]);
        EXPECT_EQ(config.categories[i].prefix, prefixes[i]);
        EXPECT_FALSE(config.categories[i].description.empty()) << ids[i];
    }

    const domain::Office& office = config.office;
    EXPECT_EQ(office.comune, "Comune di Gorgonzola");
    EXPECT_EQ(office.name, "Segretariato sociale");
    EXPECT_EQ(office.service, "Servizio sociale \u2013 Uffici delle Assistenti sociali");
    EXPECT_EQ(office.floor, "1\u00b0 piano");
    EXPECT_EQ(office.address, "Piazza Camillo Ripamonti, 1");
    EXPECT_EQ(office.city, "Gorgonzola");
    EXPECT_EQ(office.phones, (std::vector<std::string>{"02 95701220", "02 95701222",
                                                        "02 95701223", "02 95701233"}));
    EXPECT_EQ(office.email, "servizio.sociale@comune.gorgonzola.mi.it");
}

TEST(Config, acceptsAMinimalConfigAndUppercasesThePrefix) {
    const Config config = parseConfig(kOffice + kTwoCategories + "\n[[categories]]\n"
                                          "id = \"minori-famiglie\"\nlabel = \"Minori\"\n"
                                          "prefix = \"m\"\n",
                                      "test.toml");
    ASSERT_EQ(config.categories.size(), 3u);
    EXPECT_EQ(config.categories[2].prefix, 'M');
    EXPECT_TRUE(config.office.phones.empty());
    EXPECT_EQ(config.office.floor, "");
    EXPECT_EQ(config.categories[0].description, "");
}

TEST(Config, unknownKeyNamesFileAndLine) {
    const std::string toml = "[office]\n"
                             "comune = \"Comune di Prova\"\n"
                             "name = \"Segretariato sociale\"\n"
                             "adress = \"Via Roma, 1\"\n" +
                             kTwoCategories;
    EXPECT_EQ(errorFor(toml),
              "test.toml:4: unknown key \"adress\" in [office] (expected one of: comune, name, "
              "service, floor, address, city, phones, email)");
}

TEST(Config, unknownKeyInACategoryNamesTheCategory) {
    const std::string error = errorFor(kOffice + kTwoCategories + "colour = \"red\"\n");
    EXPECT_TRUE(startsWith(error, "test.toml:15: unknown key \"colour\" in categories[2]"))
        << error;
    EXPECT_TRUE(contains(error, "id, label, prefix, description")) << error;
}

TEST(Config, reportsTheFirstUnknownKeyInFileOrderNotAlphabetical) {
    const std::string toml = "[office]\n"
                             "zona = \"nord\"\n"
                             "comune = \"Comune di Prova\"\n"
                             "name = \"Segretariato sociale\"\n"
                             "address = \"Via Roma, 1\"\n"
                             "anno = 2024\n" +
                             kTwoCategories;
    EXPECT_TRUE(startsWith(errorFor(toml), "test.toml:2: unknown key \"zona\""));
}

TEST(Config, unknownSectionIsRejectedWithTheExpectedOnes) {
    const std::string error = errorFor(kOffice + kTwoCategories + "\n[orari]\nlunedi = \"9-12\"\n");
    EXPECT_EQ(error, "test.toml:16: unknown section [orari] (expected sections: [office], "
                     "[[categories]], [hours], [tickets], [charter], [[services]], [staff], [board], [survey], "
                     "[printer], [backup], [kiosk], [scheda])");
}

TEST(Config, keyBeforeAnySectionIsRejected) {
    const std::string error = errorFor("comune = \"Comune di Prova\"\n" + kOffice + kTwoCategories);
    EXPECT_TRUE(startsWith(error, "test.toml:1: key \"comune\" is outside any section")) << error;
}

TEST(Config, wrongTypeNamesTheKeyAndWhatIsExpected) {
    const std::string error =
        errorFor(kOffice + "phones = \"02 95701220\"\n" + kTwoCategories);
    EXPECT_TRUE(startsWith(error, "test.toml:5: office.phones: expected an array of strings"))
        << error;
    EXPECT_TRUE(contains(error, "found \"02 95701220\"")) << error;
}

TEST(Config, phoneThatIsNotAStringIsRejectedOnItsLine) {
    const std::string error =
        errorFor(kOffice + "phones = [\n  \"02 95701220\",\n  295701222,\n]\n" + kTwoCategories);
    EXPECT_TRUE(startsWith(error, "test.toml:7: office.phones: expected an array of strings"))
        << error;
    EXPECT_TRUE(contains(error, "an integer")) << error;
}

TEST(Config, textFieldGivenANumberIsRejected) {
    const std::string error = errorFor(kOffice + "floor = 1\n" + kTwoCategories);
    EXPECT_EQ(error,
              "test.toml:5: office.floor: expected a text in double quotes, found an integer");
}

TEST(Config, duplicatePrefixIsRejected) {
    // Line 19 says "a", which clashes with "A" once uppercased.
    const std::string error = errorFor(kOffice + kTwoCategories +
                                       "\n[[categories]]\nid = \"altro\"\nlabel = \"Altro\"\n"
                                       "prefix = \"a\"\n");
    EXPECT_TRUE(startsWith(error, "test.toml:19: categories[3].prefix: letter \"A\" is already "
                                  "used by categories[1] at line 6"))
        << error;
}

TEST(Config, duplicateIdIsRejected) {
    const std::string error = errorFor(kOffice + kTwoCategories +
                                       "\n[[categories]]\nid = \"adulti\"\nlabel = \"Adulti bis\"\n"
                                       "prefix = \"B\"\n");
    EXPECT_TRUE(startsWith(error, "test.toml:17: categories[3].id: \"adulti\" is already used by "
                                  "categories[1] at line 6"))
        << error;
}

TEST(Config, missingOfficeIsRejected) {
    const std::string error = errorFor("# solo categorie\n" + kTwoCategories);
    EXPECT_EQ(error, "test.toml:1: missing required section [office]");
}

TEST(Config, missingRequiredKeyIsReportedOnItsTableHeader) {
    const std::string toml = "# commento\n"
                             "[office]\n"
                             "comune = \"Comune di Prova\"\n"
                             "name = \"Segretariato sociale\"\n" +
                             kTwoCategories;
    EXPECT_EQ(errorFor(toml), "test.toml:2: missing required key \"address\" in [office]");
}

TEST(Config, emptyRequiredTextIsRejected) {
    const std::string toml = "[office]\n"
                             "comune = \"  \"\n"
                             "name = \"Segretariato sociale\"\n"
                             "address = \"Via Roma, 1\"\n" +
                             kTwoCategories;
    EXPECT_EQ(errorFor(toml), "test.toml:2: office.comune: must not be empty");
}

TEST(Config, noCategoriesIsRejected) {
    EXPECT_EQ(errorFor(kOffice), "test.toml:1: missing required section [[categories]]");
    // A top-level key has to come before the first [section] header.
    EXPECT_EQ(errorFor("categories = []\n" + kOffice),
              "test.toml:1: categories: at least one category is required");
}

TEST(Config, singleBracketCategoriesIsExplained) {
    const std::string error = errorFor(kOffice + "[categories]\nid = \"adulti\"\n");
    EXPECT_TRUE(startsWith(error, "test.toml:5: categories: expected one or more [[categories]]"))
        << error;
    EXPECT_TRUE(contains(error, "double square brackets")) << error;
}

TEST(Config, badPrefixIsRejected) {
    std::string toml = kOffice + kTwoCategories;
    toml.replace(toml.find("prefix = \"N\""), 12, "prefix = \"AB\"");
    EXPECT_EQ(errorFor(toml),
              "test.toml:14: categories[2].prefix: expected one letter A-Z, found \"AB\"");

    std::string digit = kOffice + kTwoCategories;
    digit.replace(digit.find("prefix = \"N\""), 12, "prefix = \"7\"");
    EXPECT_TRUE(contains(errorFor(digit), "found \"7\""));

    std::string accented = kOffice + kTwoCategories;
    accented.replace(accented.find("prefix = \"N\""), 12, "prefix = \"\u00c8\"");
    EXPECT_TRUE(startsWith(errorFor(accented), "test.toml:14: categories[2].prefix:"));
}

TEST(Config, badCategoryIdIsRejected) {
    std::string toml = kOffice + kTwoCategories;
    toml.replace(toml.find("id = \"anziani\""), 14, "id = \"Anziani Soli\"");
    const std::string error = errorFor(toml);
    EXPECT_TRUE(startsWith(error, "test.toml:12: categories[2].id: expected lowercase letters"))
        << error;
    EXPECT_TRUE(contains(error, "found \"Anziani Soli\"")) << error;
}

TEST(Config, missingLabelIsReportedOnTheCategoryHeader) {
    std::string toml = kOffice + kTwoCategories;
    toml.replace(toml.find("label = \"Anziani\"\n"), 18, "");
    EXPECT_EQ(errorFor(toml), "test.toml:11: missing required key \"label\" in categories[2]");
}

TEST(Config, tomlSyntaxErrorNamesTheLine) {
    const std::string toml = "[office]\n"
                             "comune = \"Comune di Prova\"\n"
                             "name = \"Segretariato sociale\n"  // unterminated string
                             "address = \"Via Roma, 1\"\n" +
                             kTwoCategories;
    const std::string error = errorFor(toml);
    EXPECT_TRUE(startsWith(error, "test.toml:3: not valid TOML: ")) << error;
}

TEST(Config, findCategoryReturnsTheCategoryOrNull) {
    const Config config = parseConfig(kOffice + kTwoCategories, "test.toml");
    const domain::Category* anziani = config.findCategory("anziani");
    ASSERT_NE(anziani, nullptr);
    EXPECT_EQ(anziani->label, "Anziani");
    EXPECT_EQ(anziani->prefix, 'N');
    EXPECT_EQ(config.findCategory("disabili"), nullptr);
    EXPECT_EQ(config.findCategory("Anziani"), nullptr);
    EXPECT_EQ(config.findCategory(""), nullptr);
}

// ---- [hours], [tickets], [charter], [[services]] ----

// One [[hours.weekly]] block of five lines, the first one blank: after kOffice + kTwoCategories
// the k-th block (from 0) has its header on line 16 + 5k.
std::string weekly(const std::string& day, const std::string& from, const std::string& to) {
    return "\n[[hours.weekly]]\nday = \"" + day + "\"\nfrom = \"" + from + "\"\nto = \"" + to +
           "\"\n";
}

const std::string kBase = kOffice + kTwoCategories;  // 14 lines

// A [[services]] block for the base config's categories.
std::string service(const std::string& id, const std::string& categories,
                    const std::string& extra = "") {
    return "\n[[services]]\nid = \"" + id + "\"\ntitle = \"Titolo " + id +
           "\"\ncategories = " + categories + "\n" + extra;
}

std::vector<std::string> sectionKeys(const domain::ServiceCard& card) {
    std::vector<std::string> keys;
    for (const domain::CardSection& section : card.sections) keys.push_back(section.key);
    return keys;
}

std::string sectionText(const domain::ServiceCard& card, const std::string& key) {
    for (const domain::CardSection& section : card.sections)
        if (section.key == key) return section.text;
    return {};
}

std::vector<std::string> idsOf(const std::vector<const domain::ServiceCard*>& cards) {
    std::vector<std::string> ids;
    for (const domain::ServiceCard* card : cards) ids.push_back(card->id);
    return ids;
}

void expectSession(const domain::WeeklySession& s, int weekday, int from, int to, int desks) {
    EXPECT_EQ(s.weekday, weekday);
    EXPECT_EQ(s.fromMinute, from);
    EXPECT_EQ(s.toMinute, to);
    EXPECT_EQ(s.desks, desks);
}

TEST(Config, gorgonzolaHoursAreExactlyTheThreeSessionsOfTheCharterCard) {
    const Config config = loadShipped("gorgonzola.toml");
    const domain::HoursConfig& hours = config.hours;
    EXPECT_FALSE(hours.example);
    ASSERT_EQ(hours.weekly.size(), 3u);
    expectSession(hours.weekly[0], 1, 15 * 60 + 30, 17 * 60, 1);       // lunedì 15.30-17
    expectSession(hours.weekly[1], 3, 16 * 60 + 30, 18 * 60 + 30, 1);  // mercoledì 16.30-18.30
    expectSession(hours.weekly[2], 5, 9 * 60 + 30, 11 * 60 + 30, 1);   // venerdì 9.30-11.30
    EXPECT_TRUE(hours.closures.empty());
    EXPECT_TRUE(hours.extraOpenings.empty());
}

TEST(Config, gorgonzolaPatronIsSantiGervasoEProtasoOn19June) {
    const domain::PatronDay patron = loadShipped("gorgonzola.toml").hours.patron;
    EXPECT_EQ(patron.month, 6);
    EXPECT_EQ(patron.day, 19);
    EXPECT_EQ(patron.name, "Santi Gervaso e Protaso");
}

TEST(Config, gorgonzolaCharterPromisesFourHoursAndTwoAfternoons) {
    const Config config = loadShipped("gorgonzola.toml");
    EXPECT_DOUBLE_EQ(config.charter.minWeeklyHours, 4.0);
    EXPECT_EQ(config.charter.minAfternoonOpenings, 2);
    const domain::TicketRules defaults;
    EXPECT_EQ(config.tickets.openBeforeMinutes, defaults.openBeforeMinutes);
    EXPECT_EQ(config.tickets.cutoffMinutesBeforeClose, defaults.cutoffMinutesBeforeClose);
    EXPECT_EQ(config.tickets.defaultInterviewMinutes, defaults.defaultInterviewMinutes);
    EXPECT_EQ(config.tickets.learnFromWeeks, defaults.learnFromWeeks);
    EXPECT_EQ(config.tickets.minSamplesToLearn, defaults.minSamplesToLearn);
}

TEST(Config, gorgonzolaSegretariatoCardHasEverySectionOfTheSeedWordForWord) {
    const Config config = loadShipped("gorgonzola.toml");
    const domain::ServiceCard* card = config.findService("segretariato-sociale");
    ASSERT_NE(card, nullptr);
    EXPECT_EQ(card->title, "Segretariato sociale");
    EXPECT_FALSE(card->example);
    EXPECT_EQ(card->categoryIds, (std::vector<std::string>{"adulti", "anziani", "disabili",
                                                            "minori-famiglie"}));
    // Scheda 2 fills every section of the charter's layout.
    EXPECT_EQ(sectionKeys(*card), domain::kCardSectionKeys);
    EXPECT_EQ(sectionText(*card, "what"),
              "Il Segretariato sociale \u00e8 la prima fase di accoglienza del Servizio sociale "
              "professionale. Offre ascolto, informazioni e orientamento a tutti i cittadini sui "
              "servizi e sugli interventi sociali (socio-assistenziali, socio-educativi, "
              "socio-sanitari) erogati dal Comune e dalle organizzazioni pubbliche e private del "
              "territorio.");
    EXPECT_EQ(sectionText(*card, "hours"),
              "Luned\u00ec dalle 15.30 alle 17\nMercoled\u00ec dalle 16.30 alle 18.30\n"
              "Venerd\u00ec dalle 9.30 alle 11.30");
    EXPECT_EQ(sectionText(*card, "for_whom"), "Tutti i cittadini.");
    EXPECT_EQ(sectionText(*card, "forms"), "Nessuno.");
    EXPECT_EQ(sectionText(*card, "documents"), "Nessuno.");
    EXPECT_EQ(sectionText(*card, "cost"), "Nessun costo a carico del cittadino.");
    EXPECT_TRUE(startsWith(sectionText(*card, "where"),
                           "Servizio sociale\nUffici delle Assistenti sociali \u2013 1\u00b0 piano\n"
                           "Comune di Gorgonzola\nPiazza Camillo Ripamonti, 1\n"));
    const std::string quality = sectionText(*card, "quality");
    for (const std::string line :
         {"Facilit\u00e0 di accesso al servizio\n", "- Il servizio prevede 2 aperture pomeridiane.\n",
          "\n\nProfessionalit\u00e0 degli operatori\n",
          "Capacit\u00e0 di lettura della domanda sociale del territorio\n",
          "- \u00c8 disponibile uno spazio per l'attesa opportunamente attrezzato.\n",
          "non meno del 70% dei fruitori del servizio."})
        EXPECT_TRUE(contains(quality, line)) << line;
}

TEST(Config, gorgonzolaExampleCardsAreMarkedAndCarryNoPhoneNumbers) {
    const Config config = loadShipped("gorgonzola.toml");
    ASSERT_GE(config.services.size(), 4u);
    const std::regex phone(R"(\d{2,} [\d ]{6,})");
    // The pattern does catch the real card's numbers ("02 95701220").
    EXPECT_TRUE(std::regex_search(sectionText(config.services[0], "where"), phone));
    for (std::size_t i = 1; i < config.services.size(); ++i) {
        const domain::ServiceCard& card = config.services[i];
        EXPECT_TRUE(card.example) << card.id;
        EXPECT_FALSE(card.categoryIds.empty()) << card.id;
        EXPECT_FALSE(card.sections.empty()) << card.id;
        EXPECT_FALSE(std::regex_search(card.title, phone)) << card.id;
        for (const domain::CardSection& section : card.sections)
            EXPECT_FALSE(std::regex_search(section.text, phone)) << card.id << "." << section.key;
    }
}

TEST(Config, massaLoadsWithAnExampleTimetableOf21HoursAWeek) {
    const Config config = loadShipped("massa.toml");
    EXPECT_EQ(config.office.comune, "Comune di Massa");
    EXPECT_EQ(config.office.address, "Viale Roma, 33-35");
    EXPECT_EQ(config.office.city, "Massa");
    EXPECT_TRUE(config.office.phones.empty());  // the seed gives none
    EXPECT_TRUE(config.office.email.empty());
    ASSERT_EQ(config.categories.size(), 4u);

    EXPECT_TRUE(config.hours.example);
    int minutes = 0;
    for (const domain::WeeklySession& s : config.hours.weekly) minutes += s.toMinute - s.fromMinute;
    EXPECT_EQ(minutes, 21 * 60);
    EXPECT_EQ(config.hours.patron.month, 10);
    EXPECT_EQ(config.hours.patron.day, 4);
    EXPECT_EQ(config.hours.patron.name, "San Francesco d'Assisi");
    EXPECT_EQ(config.charter.minWeeklyHours, 0);
    EXPECT_EQ(config.charter.minAfternoonOpenings, 0);

    const domain::ServiceCard* card = config.findService("segretariato-sociale");
    ASSERT_NE(card, nullptr);
    EXPECT_EQ(card->categoryIds.size(), 4u);
    EXPECT_TRUE(startsWith(sectionText(*card, "what"),
                           "Il Segretariato Sociale \u00e8 il servizio che svolge funzioni di "
                           "ascolto, orientamento, accompagnamento e attivazione dei servizi "
                           "sociali territoriali "));
    EXPECT_EQ(sectionText(*card, "where"),
              "Viale Roma 33-35, presso la sede della Misericordia San Francesco");
    EXPECT_TRUE(contains(sectionText(*card, "activities"), "assistente sociale"));
    EXPECT_TRUE(contains(sectionText(*card, "activities"), "educatore"));
}

TEST(Config, noHoursSectionLeavesTheDefaults) {
    const Config config = parseConfig(kBase, "test.toml");
    EXPECT_TRUE(config.hours.weekly.empty());
    EXPECT_EQ(config.hours.patron.month, 0);
    EXPECT_EQ(config.tickets.defaultInterviewMinutes, domain::TicketRules{}.defaultInterviewMinutes);
    EXPECT_TRUE(config.services.empty());
}

TEST(Config, weekdayIsAcceptedInAnyCaseWithOrWithoutAccent) {
    const Config config =
        parseConfig(kBase + weekly("Luned\u00ec", "9:00", "10:00") + weekly("martedi", "09:00", "10:00") +
                        weekly("MERCOLED\u00cc", "09:00", "10:00") +
                        weekly("giovedi'", "09:00", "10:00") + weekly(" Domenica ", "9.30", "24:00"),
                    "test.toml");
    ASSERT_EQ(config.hours.weekly.size(), 5u);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(config.hours.weekly[i].weekday, i + 1);
    expectSession(config.hours.weekly[0], 1, 9 * 60, 10 * 60, 1);
    expectSession(config.hours.weekly[4], 7, 9 * 60 + 30, 24 * 60, 1);
}

TEST(Config, overlappingSessionsOfOneDayNameBothLines) {
    const std::string toml = kBase + weekly("luned\u00ec", "15:30", "17:00") +  // header line 16
                             weekly("mercoled\u00ec", "16:00", "18:00") +      // 21
                             weekly("Lunedi", "16:30", "18:00");              // 26
    EXPECT_EQ(errorFor(toml),
              "test.toml:26: hours.weekly[3] (luned\u00ec 16:30-18:00) overlaps hours.weekly[1] "
              "at line 16 (luned\u00ec 15:30-17:00); openings on the same day must not overlap");
}

TEST(Config, sessionsThatOnlyTouchAreAccepted) {
    const Config config = parseConfig(kBase + weekly("luned\u00ec", "09:00", "12:00") +
                                          weekly("luned\u00ec", "12:00", "13:00"),
                                      "test.toml");
    EXPECT_EQ(config.hours.weekly.size(), 2u);
}

TEST(Config, fromAfterToIsRejectedOnItsLine) {
    // Block 0: header 16, day 17, from 18, to 19.
    EXPECT_EQ(errorFor(kBase + weekly("luned\u00ec", "17:00", "15:30")),
              "test.toml:18: hours.weekly[1]: from \"17:00\" must be before to \"15:30\"");
    EXPECT_EQ(errorFor(kBase + weekly("luned\u00ec", "15:30", "15:30")),
              "test.toml:18: hours.weekly[1]: from \"15:30\" must be before to \"15:30\"");
}

TEST(Config, badTimeSaysTheExpectedFormat) {
    for (const std::string bad : {"25:00", "24:30", "15:60", "1530", "15:3", "mezzogiorno"}) {
        const std::string error = errorFor(kBase + weekly("luned\u00ec", "09:00", bad));
        EXPECT_EQ(error, "test.toml:19: hours.weekly[1].to: expected a time \"HH:MM\" from "
                         "\"00:00\" to \"24:00\", like \"15:30\", found \"" + bad + "\"");
    }
}

TEST(Config, unknownWeekdayListsTheValidNames) {
    EXPECT_EQ(errorFor(kBase + weekly("lundi", "09:00", "12:00")),
              "test.toml:17: hours.weekly[1].day: unknown weekday \"lundi\" (expected one of: "
              "luned\u00ec, marted\u00ec, mercoled\u00ec, gioved\u00ec, venerd\u00ec, sabato, "
              "domenica)");
}

TEST(Config, unknownKeyInAWeeklySessionListsTheExpectedOnes) {
    EXPECT_EQ(errorFor(kBase + weekly("luned\u00ec", "09:00", "12:00") + "sportelli = 2\n"),
              "test.toml:20: unknown key \"sportelli\" in hours.weekly[1] "
              "(expected one of: day, from, to, desks)");
}

TEST(Config, deskCountMustBeAtLeastOne) {
    EXPECT_EQ(errorFor(kBase + weekly("luned\u00ec", "09:00", "12:00") + "desks = 0\n"),
              "test.toml:20: hours.weekly[1].desks: expected a whole number from 1 to 50, found 0");
}

TEST(Config, hoursWithoutWeeklySessionsIsRejected) {
    const std::string error = errorFor(kBase + "\n[hours]\nexample = true\n");
    EXPECT_TRUE(startsWith(error, "test.toml:16: hours.weekly: at least one [[hours.weekly]]"))
        << error;
}

TEST(Config, closuresAndExtraOpeningsAreRead) {
    const Config config = parseConfig(kBase + weekly("luned\u00ec", "09:00", "12:00") +
                                          "\n[[hours.closures]]\nfrom = 2026-12-24\n"
                                          "to = 2027-01-06\nreason = \"Chiusura natalizia\"\n"
                                          "\n[[hours.closures]]\nfrom = \"2026-08-14\"\n"
                                          "reason = \"Ponte\"\n"
                                          "\n[[hours.extra]]\ndate = 2026-12-22\nfrom = \"09:00\"\n"
                                          "to = \"12:00\"\ndesks = 2\n"
                                          "note = \"Apertura straordinaria\"\n",
                                      "test.toml");
    const domain::HoursConfig& hours = config.hours;
    ASSERT_EQ(hours.closures.size(), 2u);
    EXPECT_EQ(hours.closures[0].from, (domain::LocalDate{2026, 12, 24}));
    EXPECT_EQ(hours.closures[0].to, (domain::LocalDate{2027, 1, 6}));
    EXPECT_EQ(hours.closures[0].reason, "Chiusura natalizia");
    EXPECT_EQ(hours.closures[1].from, (domain::LocalDate{2026, 8, 14}));
    EXPECT_EQ(hours.closures[1].to, hours.closures[1].from);  // one day
    ASSERT_EQ(hours.extraOpenings.size(), 1u);
    EXPECT_EQ(hours.extraOpenings[0].date, (domain::LocalDate{2026, 12, 22}));
    EXPECT_EQ(hours.extraOpenings[0].fromMinute, 9 * 60);
    EXPECT_EQ(hours.extraOpenings[0].toMinute, 12 * 60);
    EXPECT_EQ(hours.extraOpenings[0].desks, 2);
    EXPECT_EQ(hours.extraOpenings[0].note, "Apertura straordinaria");
}

TEST(Config, closureEndingBeforeItStartsIsRejected) {
    // weekly block: lines 15-19; closure header 21, from 22, to 23.
    EXPECT_EQ(errorFor(kBase + weekly("luned\u00ec", "09:00", "12:00") +
                       "\n[[hours.closures]]\nfrom = 2026-12-24\nto = 2026-12-20\n"
                       "reason = \"Chiusura\"\n"),
              "test.toml:23: hours.closures[1].to: 2026-12-20 is before from 2026-12-24; the last "
              "closed day must be on or after the first");
}

TEST(Config, extraOpeningWithBackwardTimesIsRejected) {
    EXPECT_EQ(errorFor(kBase + weekly("luned\u00ec", "09:00", "12:00") +
                       "\n[[hours.extra]]\ndate = 2026-12-22\nfrom = \"12:00\"\nto = \"09:00\"\n"),
              "test.toml:23: hours.extra[1]: from \"12:00\" must be before to \"09:00\"");
}

TEST(Config, patronOnADayTheMonthHasNotIsRejected) {
    EXPECT_EQ(errorFor(kBase + "\n[hours]\npatron = { month = 6, day = 31, name = \"X\" }\n" +
                       weekly("luned\u00ec", "09:00", "12:00")),
              "test.toml:17: hours.patron.day: month 6 has no day 31");
}

TEST(Config, ticketRulesMustBeNonNegativeAndAnInterviewAtLeastOneMinute) {
    const Config config = parseConfig(kBase + "\n[tickets]\nopen_before_minutes = 0\n"
                                              "default_interview_minutes = 30\n",
                                      "test.toml");
    EXPECT_EQ(config.tickets.openBeforeMinutes, 0);
    EXPECT_EQ(config.tickets.defaultInterviewMinutes, 30);
    EXPECT_EQ(config.tickets.learnFromWeeks, domain::TicketRules{}.learnFromWeeks);

    EXPECT_EQ(errorFor(kBase + "\n[tickets]\ndefault_interview_minutes = 0\n"),
              "test.toml:17: tickets.default_interview_minutes: expected a whole number from 1 "
              "to 1440, found 0");
    EXPECT_EQ(errorFor(kBase + "\n[tickets]\nlearn_from_weeks = -1\n"),
              "test.toml:17: tickets.learn_from_weeks: expected a whole number from 0 to 520, "
              "found -1");
    EXPECT_EQ(errorFor(kBase + "\n[tickets]\nmin_samples_to_learn = \"20\"\n"),
              "test.toml:17: tickets.min_samples_to_learn: expected a whole number from 0 to "
              "100000, found \"20\"");
}

TEST(Config, serviceNamingAnUnknownCategoryIsRejected) {
    // Service header 16, id 17, title 18, categories 19.
    EXPECT_EQ(errorFor(kBase + service("colloquio", "[\"adulti\", \"giovani\"]")),
              "test.toml:19: services[1].categories: unknown category \"giovani\" "
              "(known categories: adulti, anziani)");
}

TEST(Config, serviceNeedsATitleAndACategory) {
    EXPECT_EQ(errorFor(kBase + "\n[[services]]\nid = \"colloquio\"\ncategories = [\"adulti\"]\n"),
              "test.toml:16: missing required key \"title\" in services[1]");
    const std::string error = errorFor(kBase + service("colloquio", "[]"));
    EXPECT_TRUE(startsWith(error, "test.toml:19: services[1].categories: expected a list of one "
                                  "or more category ids"))
        << error;
}

TEST(Config, duplicateServiceIdIsRejected) {
    // First block: lines 15-19; second: header 21, id 22.
    EXPECT_EQ(errorFor(kBase + service("colloquio", "[\"adulti\"]") +
                       service("colloquio", "[\"anziani\"]")),
              "test.toml:22: services[2].id: \"colloquio\" is already used by services[1] at "
              "line 16; each service needs its own id");
}

TEST(Config, unknownServiceKeyListsTheCardSections) {
    const std::string error =
        errorFor(kBase + service("colloquio", "[\"adulti\"]", "costo = \"Gratuito\"\n"));
    EXPECT_EQ(error, "test.toml:20: unknown key \"costo\" in services[1] (expected one of: id, "
                     "title, categories, example, what, activities, where, hours, for_whom, "
                     "responsible, how_to_access, forms, documents, cost, quality, translations)");
}

TEST(Config, cardSectionsComeOutInCharterOrderWhateverTheFileOrder) {
    const Config config = parseConfig(
        kBase + service("colloquio", "[\"adulti\"]",
                        "example = true\n"
                        "quality = \"Q\"\ncost = \"C\"\nwhat = \"\"\"\nPrima riga.\n\nSeconda.\n\"\"\"\n"
                        "where = \"W\"\nforms = \"   \"\n"),
        "test.toml");
    ASSERT_EQ(config.services.size(), 1u);
    const domain::ServiceCard& card = config.services[0];
    EXPECT_TRUE(card.example);
    // "forms" is blank, so left out like an absent section.
    EXPECT_EQ(sectionKeys(card), (std::vector<std::string>{"what", "where", "cost", "quality"}));
    EXPECT_EQ(sectionText(card, "what"), "Prima riga.\n\nSeconda.");
}

TEST(Config, servicesOfListsTheCardsOfACategoryInFileOrder) {
    const Config config = parseConfig(kBase + service("uno", "[\"anziani\"]") +
                                          service("due", "[\"adulti\"]") +
                                          service("tre", "[\"adulti\", \"anziani\"]"),
                                      "test.toml");
    EXPECT_EQ(idsOf(config.servicesOf("anziani")), (std::vector<std::string>{"uno", "tre"}));
    EXPECT_EQ(idsOf(config.servicesOf("adulti")), (std::vector<std::string>{"due", "tre"}));
    EXPECT_TRUE(config.servicesOf("disabili").empty());
    ASSERT_NE(config.findService("due"), nullptr);
    EXPECT_EQ(config.findService("due")->title, "Titolo due");
    EXPECT_EQ(config.findService("quattro"), nullptr);
}

TEST(Config, gorgonzolaServicesOfAnzianiAreInFileOrder) {
    const Config config = loadShipped("gorgonzola.toml");
    EXPECT_EQ(idsOf(config.servicesOf("anziani")),
              (std::vector<std::string>{"segretariato-sociale", "colloquio-assistente-sociale",
                                        "assistenza-domiciliare-anziani"}));
}

}  // namespace

TEST(Config, gorgonzolaDemoHasTwoRoomsAndAnnouncesCalls) {
    const Config config =
        parseConfig(readFile(std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml"), "gorgonzola.toml");
    EXPECT_EQ(config.staff.rooms, (std::vector<std::string>{"Stanza 1", "Stanza 2"}));
    EXPECT_TRUE(config.staff.priorityCategoryIds.empty());
    EXPECT_TRUE(config.board.chime);
    EXPECT_TRUE(config.board.speak);
    EXPECT_EQ(config.board.recentCalls, 5);
}

TEST(Config, staffPriorityMustNameAKnownCategory) {
    const std::string error = errorFor(kOffice + kTwoCategories + "[staff]\npriority_categories = [\"giovani\"]\n");
    EXPECT_TRUE(contains(error, "staff.priority_categories: unknown category \"giovani\"")) << error;
}

TEST(Config, boardSwitchesAreBooleans) {
    const std::string error = errorFor(kOffice + kTwoCategories + "[board]\nspeak = \"si\"\n");
    EXPECT_TRUE(contains(error, "board.speak: expected true or false")) << error;
}

// ---- [survey] ----

TEST(Config, shippedConfigsHaveTheSurveyDefaults) {
    for (const char* name : {"gorgonzola.toml", "massa.toml"}) {
        const Config config = loadShipped(name);
        const domain::SurveyConfig defaults;
        EXPECT_EQ(config.survey.overallQuestion, defaults.overallQuestion) << name;
        EXPECT_EQ(config.survey.dimensionQuestions, defaults.dimensionQuestions) << name;
        EXPECT_EQ(config.survey.scaleLabels, defaults.scaleLabels) << name;
        EXPECT_EQ(config.survey.satisfiedFrom, 4) << name;
        EXPECT_EQ(config.survey.targetPercent, 70) << name;
        EXPECT_EQ(config.survey.minAnswersForFigures, 5) << name;
    }
}

TEST(Config, surveySectionFillsEveryKey) {
    const Config config = parseConfig(kOffice + kTwoCategories +
                                          "[survey]\n"
                                          "overall_question = \"Come è andata?\"\n"
                                          "access_question = \"A\"\n"
                                          "professionalism_question = \"P\"\n"
                                          "privacy_question = \"R\"\n"
                                          "waiting_question = \"W\"\n"
                                          "scale_labels = [\"1\", \"2\", \"3\", \"4\", \"5\"]\n"
                                          "satisfied_from = 3\n"
                                          "target_percent = 72.5\n"
                                          "min_answers_for_figures = 10\n",
                                      "test.toml");
    EXPECT_EQ(config.survey.overallQuestion, "Come è andata?");
    EXPECT_EQ(config.survey.dimensionQuestions, (std::array<std::string, 4>{"A", "P", "R", "W"}));
    EXPECT_EQ(config.survey.scaleLabels, (std::array<std::string, 5>{"1", "2", "3", "4", "5"}));
    EXPECT_EQ(config.survey.satisfiedFrom, 3);
    EXPECT_EQ(config.survey.targetPercent, 72.5);
    EXPECT_EQ(config.survey.minAnswersForFigures, 10);
}

TEST(Config, surveyWithoutTheSectionKeepsTheDefaults) {
    const Config config = parseConfig(kOffice + kTwoCategories, "test.toml");
    EXPECT_EQ(config.survey.satisfiedFrom, 4);
    EXPECT_EQ(config.survey.scaleLabels[4], "Molto soddisfatto");
}

TEST(Config, surveyScaleNeedsExactlyFiveLabels) {
    const std::string error =
        errorFor(kOffice + kTwoCategories + "[survey]\nscale_labels = [\"poco\", \"molto\"]\n");
    EXPECT_TRUE(startsWith(error, "test.toml:16: survey.scale_labels: expected exactly 5 labels")) << error;
    EXPECT_TRUE(contains(error, "found 2")) << error;
}

TEST(Config, surveyNumbersStayInTheirRanges) {
    EXPECT_TRUE(contains(errorFor(kOffice + kTwoCategories + "[survey]\nsatisfied_from = 6\n"),
                         "survey.satisfied_from: expected a whole number from 1 to 5, found 6"));
    EXPECT_TRUE(contains(errorFor(kOffice + kTwoCategories + "[survey]\ntarget_percent = 120\n"),
                         "survey.target_percent: expected a percentage from 0 to 100, like 70, found 120"));
    EXPECT_TRUE(contains(errorFor(kOffice + kTwoCategories + "[survey]\nmin_answers_for_figures = 0\n"),
                         "survey.min_answers_for_figures: expected a whole number from 1 to 1000"));
}

TEST(Config, surveyQuestionsMustNotBeEmptyAndKeysAreChecked) {
    EXPECT_TRUE(contains(errorFor(kOffice + kTwoCategories + "[survey]\noverall_question = \" \"\n"),
                         "survey.overall_question: must not be empty"));
    const std::string error = errorFor(kOffice + kTwoCategories + "[survey]\ntarget = 70\n");
    EXPECT_TRUE(startsWith(error, "test.toml:16: unknown key \"target\" in [survey]")) << error;
}

TEST(Config, printerSectionReadsTargetAndWidth) {
    const Config config =
        parseConfig(kOffice + kTwoCategories + "[printer]\ntarget = \"cups:Termica_58\"\nwidth_chars = 48\n", "test.toml");
    EXPECT_EQ(config.printer.target, "cups:Termica_58");
    EXPECT_EQ(config.printer.widthChars, 48);
}

TEST(Config, printerWithoutTheSectionPrintsNothing) {
    const Config config = parseConfig(kOffice + kTwoCategories, "test.toml");
    EXPECT_EQ(config.printer.target, "none");
    EXPECT_EQ(config.printer.widthChars, 32);
}

TEST(Config, printerAcceptsEveryTargetForm) {
    for (const std::string target : {"none", "file:/tmp/ticket.bin", "device:/dev/usb/lp0", "cups:Ticket-Printer"}) {
        const Config config = parseConfig(kOffice + kTwoCategories + "[printer]\ntarget = \"" + target + "\"\n",
                                          "test.toml");
        EXPECT_EQ(config.printer.target, target);
    }
}

TEST(Config, printerTargetOfAnotherFormIsRejectedWithTheForms) {
    for (const std::string target : {"usb", "file:out.bin", "device:", "cups:", "cups:my queue", "lp0"}) {
        const std::string error =
            errorFor(kOffice + kTwoCategories + "[printer]\nwidth_chars = 32\ntarget = \"" + target + "\"\n");
        EXPECT_TRUE(startsWith(error, "test.toml:17: printer.target: expected \"none\", \"file:/path/out.bin\", "
                                      "\"device:/dev/usb/lp0\" or \"cups:QUEUE_NAME\""))
            << error;
        EXPECT_TRUE(contains(error, "found \"" + target + "\"")) << error;
    }
}

TEST(Config, printerWidthStaysInItsRangeAndKeysAreChecked) {
    const std::string error = errorFor(kOffice + kTwoCategories + "[printer]\nwidth_chars = 80\n");
    EXPECT_TRUE(startsWith(error, "test.toml:16: printer.width_chars: expected a whole number from 24 to 64, found 80"))
        << error;
    EXPECT_TRUE(contains(errorFor(kOffice + kTwoCategories + "[printer]\ntarget = 1\n"),
                         "printer.target: expected a text in double quotes"));
    EXPECT_TRUE(startsWith(errorFor(kOffice + kTwoCategories + "[printer]\nwidth = 32\n"),
                           "test.toml:16: unknown key \"width\" in [printer] (expected one of: target, width_chars)"));
}

TEST(Config, shippedConfigsHaveNoPrinter) {
    for (const std::string name : {"gorgonzola.toml", "massa.toml"}) {
        const Config config = loadShipped(name);
        EXPECT_EQ(config.printer.target, "none") << name;
        EXPECT_EQ(config.printer.widthChars, 32) << name;
    }
}
