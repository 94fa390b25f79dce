#include "domain/config.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/process.hpp"

namespace {

using domain::Config;
using domain::ConfigError;
using domain::parseConfig;

using testing_support::readFile;

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

// Line numbers in the tests below count from here: [office] is line 1.
const std::string kOffice =
    "[office]\n"                          // 1
    "comune = \"Comune di Prova\"\n"      // 2
    "name = \"Segretariato sociale\"\n"   // 3
    "address = \"Via Roma, 1\"\n";        // 4

const std::string kTwoCategories =
    "\n"                                  // 5
    "[[categories]]\n"                    // 6
    "id = \"adulti\"\n"                   // 7
    "label = \"Adulti\"\n"                // 8
    "prefix = \"A\"\n"                    // 9
    "\n"                                  // 10
    "[[categories]]\n"                    // 11
    "id = \"anziani\"\n"                  // 12
    "label = \"Anziani\"\n"               // 13
    "prefix = \"N\"\n";                   // 14

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
    EXPECT_EQ(error, "test.toml:16: unknown section [orari] "
                     "(expected sections: [office], [[categories]])");
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

}  // namespace
