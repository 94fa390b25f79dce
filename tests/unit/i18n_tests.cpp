// Issue #9: the languages a citizen can choose, the Italian fallback, translations in the config,
// and the language of the printed ticket.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "domain/config_translations.hpp"
#include "domain/i18n.hpp"
#include "domain/ticket_print.hpp"
#include "kiosk/common/config_files.hpp"
#include "kiosk/common/escpos.hpp"
#include "minimal_config.hpp"
#include "support/process.hpp"

namespace {

using namespace domain;
using testing_support::kOffice;
using testing_support::kTwoCategories;
using testing_support::TempDir;
using testing_support::writeFile;

const std::string kI18nDir = std::string(KIOSK_SOURCE_DIR) + "/assets/i18n";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

LanguageFile file(const std::string& code, const std::string& toml) {
    return {code, code + ".toml", parseTexts(toml, code + ".toml")};
}

const std::string kItalian =
    "[language]\nname = \"Italiano\"\nvoice = \"it\"\n"
    "[home]\ntake_ticket = \"Prendi il numero\"\nwaiting_many = \"{n} persone in attesa\"\n"
    "[staff]\ncall = \"Chiama\"\n";

// The message of the ConfigError parseConfig throws for `toml`, or a failure when it is accepted.
std::string configErrorFor(const std::string& toml) {
    try {
        parseConfig(toml, "t.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    ADD_FAILURE() << "accepted:\n" << toml;
    return {};
}

// ---- the shipped language files ----

TEST(ShippedLanguages, everyLanguageHasEveryCitizenKeyWithItsPlaceholdersAndNothingElse) {
    const std::vector<LanguageFile> files = common::loadLanguageFiles(kI18nDir);
    std::vector<std::string> codes;
    for (const LanguageFile& f : files) codes.push_back(f.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"it", "en", "fr", "es", "ro", "sq", "uk"}));
    for (const LanguageCheck& check : checkLanguages(files)) {
        EXPECT_TRUE(check.missing.empty()) << check.code << " lacks " << ::testing::PrintToString(check.missing);
        EXPECT_TRUE(check.wrongPlaceholders.empty())
            << check.code << ": other {placeholders} in " << ::testing::PrintToString(check.wrongPlaceholders);
        EXPECT_TRUE(check.unused.empty()) << check.code << " has unused " << ::testing::PrintToString(check.unused);
    }
}

TEST(ShippedLanguages, eachIsNamedInItselfWithAnEspeakVoice) {
    const Catalog catalog = common::loadCatalog(kI18nDir);
    std::vector<std::string> names, voices;
    for (const Language& l : catalog.languages()) {
        names.push_back(l.selfName);
        voices.push_back(l.voice);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"Italiano", "English", "Français", "Español", "Română", "Shqip",
                                               "Українська"}));
    EXPECT_EQ(voices, (std::vector<std::string>{"it", "en", "fr", "es", "ro", "sq", "uk"}));
}

// Romanian is written with the comma below (ș ț); the cedilla forms (ş ţ) are a common slip.
TEST(ShippedLanguages, romanianUsesCommaBelowLetters) {
    const Catalog catalog = common::loadCatalog(kI18nDir);
    bool sawCommaBelow = false;
    for (const auto& [key, text] : catalog.texts("ro").all()) {
        if (isStaffOnlyKey(key)) continue;
        EXPECT_FALSE(contains(text, "ş") || contains(text, "ţ") || contains(text, "Ş") || contains(text, "Ţ")) << key;
        sawCommaBelow = sawCommaBelow || contains(text, "ș") || contains(text, "ț");
    }
    EXPECT_TRUE(sawCommaBelow);
}

TEST(ShippedLanguages, staffSectionsStayItalianInEveryLanguage) {
    const Catalog catalog = common::loadCatalog(kI18nDir);
    for (const Language& l : catalog.languages())
        EXPECT_EQ(l.texts.get("staff.call_next"), "Chiama il prossimo") << l.code;
    EXPECT_TRUE(isStaffOnlyKey("satisfaction.tab"));
    EXPECT_TRUE(isStaffOnlyKey("admin.exit"));
    EXPECT_FALSE(isStaffOnlyKey("home.take_ticket"));
    EXPECT_FALSE(isStaffOnlyKey("staffing.x"));
}

// ---- the catalog ----

TEST(Catalog, aKeyMissingInALanguageIsTheItalianText) {
    const Catalog catalog({file("it", kItalian),
                           file("en", "[language]\nname = \"English\"\nvoice = \"en\"\n"
                                      "[home]\ntake_ticket = \"Take a number\"\n")});
    EXPECT_EQ(catalog.texts("en").get("home.take_ticket"), "Take a number");
    EXPECT_EQ(catalog.texts("en").get("home.waiting_many"), "{n} persone in attesa");
    EXPECT_EQ(catalog.texts("en").get("staff.call"), "Chiama");
    EXPECT_EQ(catalog.language("en").selfName, "English");
}

TEST(Catalog, anUnknownLanguageIsItalian) {
    const Catalog catalog({file("it", kItalian)});
    EXPECT_FALSE(catalog.has("de"));
    EXPECT_EQ(catalog.language("de").code, "it");
    EXPECT_EQ(catalog.texts("de").get("home.take_ticket"), "Prendi il numero");
}

TEST(Catalog, aFileWithoutItsNameOrVoiceIsRefusedNamingTheFile) {
    try {
        Catalog catalog({file("it", kItalian), file("en", "[language]\nvoice = \"en\"\n")});
        FAIL() << "accepted";
    } catch (const ConfigError& e) {
        EXPECT_TRUE(contains(e.what(), "en.toml:1: missing name in [language]")) << e.what();
    }
    EXPECT_THROW(Catalog({file("en", "[language]\nname = \"English\"\nvoice = \"en\"\n")}), ConfigError);
}

TEST(Catalog, filesLoadInTheShippedOrderThenAlphabetically) {
    EXPECT_EQ(orderedLanguageCodes({"de", "uk", "it", "ab", "en", "ro"}),
              (std::vector<std::string>{"it", "en", "ro", "uk", "ab", "de"}));
}

TEST(Catalog, loadingADirectoryReportsTheBadFileAndLine) {
    TempDir dir;
    writeFile(dir.file("it.toml"), kItalian);
    writeFile(dir.file("en.toml"), "[language]\nname = \"English\"\nvoice = \"en\"\n[home]\ntake_ticket = 3\n");
    try {
        common::loadCatalog(dir.path().string());
        FAIL() << "accepted";
    } catch (const ConfigError& e) {
        EXPECT_TRUE(contains(e.what(), "en.toml:5: home.take_ticket")) << e.what();
    }
    TempDir noItalian;
    writeFile(noItalian.file("en.toml"), "[language]\nname = \"English\"\nvoice = \"en\"\n");
    EXPECT_THROW(common::loadCatalog(noItalian.path().string()), ConfigError);
}

// ---- the check behind kioskctl i18n-check ----

TEST(I18nCheck, listsMissingUnusedAndStaffKeysAndWrongPlaceholders) {
    const LanguageCheck check = checkLanguage(
        parseTexts(kItalian, "it.toml"),
        file("fr", "[language]\nname = \"Français\"\nvoice = \"fr\"\n"
                   "[home]\nwaiting_many = \"personnes en attente\"\ntake_tiket = \"Prendre un numéro\"\n"
                   "[staff]\ncall = \"Appeler\"\n"));
    EXPECT_EQ(check.missing, std::vector<std::string>{"home.take_ticket"});  // staff.call is not asked for
    EXPECT_EQ(check.unused, (std::vector<std::string>{"home.take_tiket", "staff.call"}));
    EXPECT_EQ(check.wrongPlaceholders, std::vector<std::string>{"home.waiting_many"});
    EXPECT_FALSE(check.complete());
}

TEST(I18nCheck, aLanguageWithEveryCitizenKeyIsComplete) {
    const LanguageCheck check =
        checkLanguage(parseTexts(kItalian, "it.toml"),
                      file("en", "[language]\nname = \"English\"\nvoice = \"en\"\n"
                                 "[home]\ntake_ticket = \"Take a number\"\nwaiting_many = \"{n} people waiting\"\n"));
    EXPECT_TRUE(check.complete());
    EXPECT_TRUE(check.unused.empty());
}

// ---- translations in the config ----

const std::string kTranslatedCategory = kOffice +  // lines 1-4
                                        "\n"                                    // 5
                                        "[[categories]]\n"                      // 6
                                        "id = \"anziani\"\n"                    // 7
                                        "label = \"Anziani\"\n"                 // 8
                                        "prefix = \"N\"\n"                      // 9
                                        "description = \"Persone anziane\"\n"   // 10
                                        "\n"                                    // 11
                                        "[categories.translations.en]\n"        // 12
                                        "label = \"Older people\"\n"            // 13
                                        "description = \"Older people\"\n";     // 14

const std::string kCard = "\n"                                     // 15
                          "[[services]]\n"                         // 16
                          "id = \"segretariato\"\n"                // 17
                          "title = \"Segretariato sociale\"\n"     // 18
                          "categories = [\"anziani\"]\n"           // 19
                          "what = \"Ascolto e orientamento.\"\n"   // 20
                          "cost = \"Nessuno.\"\n"                  // 21
                          "\n"                                     // 22
                          "[services.translations.en]\n";          // 23

TEST(ConfigTranslations, categoriesCardsAndSurveyCarryTheirTranslations) {
    const Config config = parseConfig(kTranslatedCategory + kCard +
                                          "title = \"Social services desk\"\n"
                                          "what = \"Listening and guidance.\"\n"
                                          "cost = \"None.\"\n"
                                          "[survey.translations.en]\n"
                                          "overall_question = \"Overall?\"\n"
                                          "access_question = \"Access?\"\n"
                                          "professionalism_question = \"Staff?\"\n"
                                          "privacy_question = \"Privacy?\"\n"
                                          "waiting_question = \"Wait?\"\n"
                                          "scale_labels = [\"1\", \"2\", \"3\", \"4\", \"5\"]\n",
                                      "t.toml");
    EXPECT_EQ(config.categories[0].translations.at("en").label, "Older people");
    const CardTranslation& card = config.services[0].translations.at("en");
    EXPECT_EQ(card.title, "Social services desk");
    ASSERT_EQ(card.sections.size(), 2u);
    EXPECT_EQ(card.sections[0].key, "what");
    EXPECT_EQ(card.sections[1].text, "None.");
    EXPECT_EQ(config.survey.translations.at("en").dimensionQuestions[3], "Wait?");
    EXPECT_EQ(configTranslationLanguages(config), std::vector<std::string>{"en"});
    EXPECT_TRUE(untranslatedConfigBlocks(config, "en").empty());
    EXPECT_EQ(untranslatedConfigBlocks(config, "fr"),
              (std::vector<std::string>{"categories[1] (anziani)", "services[1] (segretariato)", "[survey]"}));
}

TEST(ConfigTranslations, anUnknownLanguageIsRefusedAtItsLine) {
    std::string toml = kTranslatedCategory;
    toml.replace(toml.find("translations.en"), 15, "translations.de");
    EXPECT_EQ(configErrorFor(toml),
              "t.toml:12: categories[1].translations: unknown language \"de\" (expected one of: en, fr, es, ro, sq, "
              "uk; Italian is the text of the block itself)");
    toml.replace(toml.find("translations.de"), 15, "translations.it");
    EXPECT_TRUE(contains(configErrorFor(toml), "t.toml:12: categories[1].translations: unknown language \"it\""));
}

TEST(ConfigTranslations, anUnknownKeyIsRefusedAtItsLine) {
    EXPECT_TRUE(contains(configErrorFor(kTranslatedCategory + "prefix = \"O\"\n"),
                         "t.toml:15: unknown key \"prefix\" in categories[1].translations.en (expected one of: "
                         "label, description)"));
}

TEST(ConfigTranslations, aCategoryTranslationNeedsTheDescriptionTheItalianHas) {
    std::string toml = kTranslatedCategory;
    toml.erase(toml.find("description = \"Older people\"\n"));
    EXPECT_EQ(configErrorFor(toml),
              "t.toml:12: missing key \"description\" in categories[1].translations.en: the Italian category has "
              "it, so the translation needs it too");
}

TEST(ConfigTranslations, aCardTranslationHasExactlyTheItalianSections) {
    const std::string partial = kTranslatedCategory + kCard + "title = \"Desk\"\nwhat = \"Listening.\"\n";
    EXPECT_TRUE(contains(configErrorFor(partial),
                         "t.toml:23: missing key \"cost\" in services[1].translations.en: the Italian card has it"));
    const std::string extra = partial + "cost = \"None.\"\nforms = \"None.\"\n";
    EXPECT_TRUE(contains(configErrorFor(extra),
                         "t.toml:27: services[1].translations.en.forms: the Italian card has no such text"));
    EXPECT_TRUE(contains(configErrorFor(kTranslatedCategory + kCard + "what = \"x\"\ncost = \"y\"\n"),
                         "t.toml:23: missing required key \"title\" in services[1].translations.en"));
}

TEST(ConfigTranslations, aSurveyTranslationHasEveryQuestionAndFiveLabels) {
    const std::string survey = kOffice + kTwoCategories +
                               "[survey.translations.en]\n"                     // 15
                               "overall_question = \"Overall?\"\n"              // 16
                               "access_question = \"Access?\"\n"                // 17
                               "professionalism_question = \"Staff?\"\n"        // 18
                               "privacy_question = \"Privacy?\"\n"              // 19
                               "waiting_question = \"Wait?\"\n";                // 20
    EXPECT_TRUE(contains(configErrorFor(survey + "scale_labels = [\"1\", \"2\"]\n"),
                         "t.toml:21: survey.translations.en.scale_labels: expected exactly 5 labels"));
    EXPECT_TRUE(contains(configErrorFor(survey),
                         "t.toml:15: missing required key \"scale_labels\" in survey.translations.en"));
    EXPECT_TRUE(contains(configErrorFor(survey + "target_percent = 50\n"),
                         "t.toml:21: unknown key \"target_percent\" in survey.translations.en"));
}

TEST(ConfigTranslations, theShippedConfigsTranslateIntoEveryLanguage) {
    const std::vector<std::string> everyLanguage{"en", "fr", "es", "ro", "sq", "uk"};
    const Config gorgonzola = common::loadConfigFile(std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml");
    EXPECT_EQ(configTranslationLanguages(gorgonzola), everyLanguage);
    for (const std::string& language : everyLanguage) {
        EXPECT_TRUE(localizedCard(*gorgonzola.findService("segretariato-sociale"), language).translated) << language;
        EXPECT_TRUE(localizedSurvey(gorgonzola.survey, language).translated) << language;
    }
    EXPECT_EQ(localizedCategory(*gorgonzola.findCategory("anziani"), "en").label, "Older people");
    EXPECT_TRUE(localizedCard(*gorgonzola.findService("segretariato-sociale"), "en").translated);
    // The demo shows both kinds: an example card has no translation.
    EXPECT_FALSE(localizedCard(*gorgonzola.findService("contributi-economici"), "en").translated);
    EXPECT_TRUE(localizedSurvey(gorgonzola.survey, "en").translated);
    const Config massa = common::loadConfigFile(std::string(KIOSK_SOURCE_DIR) + "/config/massa.toml");
    for (const Category& category : massa.categories)
        for (const std::string& language : everyLanguage)
            EXPECT_TRUE(localizedCategory(category, language).translated) << category.id << " " << language;
}

// ---- localized accessors ----

TEST(LocalizedTexts, aLanguageWithoutTranslationGetsTheItalianTextAndSaysSo) {
    const Config config = parseConfig(kTranslatedCategory + kCard +
                                          "title = \"Desk\"\nwhat = \"Listening.\"\ncost = \"None.\"\n",
                                      "t.toml");
    const LocalizedCategory english = localizedCategory(config.categories[0], "en");
    EXPECT_EQ(english.label, "Older people");
    EXPECT_TRUE(english.translated);
    const LocalizedCategory french = localizedCategory(config.categories[0], "fr");
    EXPECT_EQ(french.label, "Anziani");
    EXPECT_EQ(french.description, "Persone anziane");
    EXPECT_FALSE(french.translated);

    const LocalizedCard card = localizedCard(config.services[0], "uk");
    EXPECT_EQ(card.title, "Segretariato sociale");
    EXPECT_EQ(card.sections.size(), 2u);
    EXPECT_TRUE(card.italianOnly("uk"));
    // Italian is never "only Italian": no note for the Italian reader.
    EXPECT_FALSE(localizedCard(config.services[0], "it").italianOnly("it"));
    EXPECT_EQ(localizedCard(config.services[0], "en").title, "Desk");

    const LocalizedSurvey survey = localizedSurvey(config.survey, "en");
    EXPECT_FALSE(survey.translated);
    EXPECT_EQ(survey.overallQuestion, config.survey.overallQuestion);
}

// ---- the printed ticket's language ----

struct PrintFixture : ::testing::Test {
    Catalog catalog = common::loadCatalog(kI18nDir);
    Config config = common::loadConfigFile(std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml");
    IssuedTicket issued = [this] {
        IssuedTicket t;
        t.category = config.findCategory("anziani");
        t.ticket.code = "N007";
        t.ticket.categoryId = "anziani";
        t.ticket.issuedAt = *LocalDateTime::parse("2026-11-30T15:42");
        t.ticket.surveyCode = "482913";
        t.peopleAhead = 3;
        t.waitMinutes = 25;
        return t;
    }();

    std::vector<std::string> linesIn(const std::string& language) const {
        std::vector<std::string> out;
        for (const PrintLine& line :
             common::ticketForPrinter(config, issued, catalog.texts(language), language, catalog.texts("it")).lines)
            out.push_back(line.text);
        return out;
    }
    static bool has(const std::vector<std::string>& lines, const std::string& text) {
        return std::find(lines.begin(), lines.end(), text) != lines.end();
    }
};

TEST_F(PrintFixture, aLanguageThePrinterCanPrintIsPrintedInIt) {
    const auto english = linesIn("en");
    EXPECT_TRUE(has(english, "Your number"));
    EXPECT_TRUE(has(english, "Older people"));  // the config's translated category
    EXPECT_TRUE(has(english, "30/11/2026 at 15:42"));
    EXPECT_TRUE(has(english, "3 people ahead of you"));
    EXPECT_TRUE(has(linesIn("sq"), "Numri juaj"));  // ë and ç are in PC858
    EXPECT_TRUE(has(linesIn("fr"), "Votre numéro"));
    EXPECT_TRUE(has(linesIn("es"), "Su número"));
}

TEST_F(PrintFixture, aLanguageWithLettersThePrinterLacksIsPrintedInItalian) {
    for (const std::string language : {"uk", "ro"}) {
        const auto lines = linesIn(language);
        EXPECT_TRUE(has(lines, "Il tuo numero")) << language;
        EXPECT_TRUE(has(lines, "Anziani")) << language;
        EXPECT_TRUE(has(lines, "30/11/2026 ore 15:42")) << language;
        for (const std::string& line : lines) EXPECT_TRUE(common::printableOnPc858(line)) << line;
    }
    EXPECT_FALSE(common::printableOnPc858("Ваш номер"));
    EXPECT_FALSE(common::printableOnPc858("Numărul"));
    EXPECT_TRUE(common::printableOnPc858("Après l’entretien – «Code»"));  // ’ and – print as ' and -
}

TEST_F(PrintFixture, everyPrintedLineOfEveryShippedLanguageIsPrintable) {
    for (const Language& language : catalog.languages())
        for (const std::string& line : linesIn(language.code))
            EXPECT_TRUE(common::printableOnPc858(line)) << language.code << ": " << line;
}

}  // namespace
