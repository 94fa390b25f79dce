#include "domain/texts.hpp"

#include <gtest/gtest.h>


#include "domain/config.hpp"
#include "support/process.hpp"

using namespace domain;

using testing_support::readFile;

TEST(Texts, nestedTablesBecomeDottedKeys) {
    Texts t = parseTexts("[home]\ntake_ticket = \"Prendi il numero\"\n", "it.toml");
    EXPECT_EQ(t.get("home.take_ticket"), "Prendi il numero");
}

TEST(Texts, missingKeyIsVisibleNotBlank) {
    Texts t;
    EXPECT_EQ(t.get("home.nothing"), "[home.nothing]");
}

TEST(Texts, formatFillsEveryPlaceholder) {
    Texts t = parseTexts("a = \"{n} persone, ancora {n}; {s} s\"\n", "it.toml");
    EXPECT_EQ(t.format("a", {{"n", "3"}, {"s", "10"}}), "3 persone, ancora 3; 10 s");
}

TEST(Texts, nonTextValueNamesFileAndLine) {
    try {
        parseTexts("[home]\nok = \"x\"\ncount = 3\n", "assets/i18n/it.toml");
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("assets/i18n/it.toml:3:", 0), 0u) << e.what();
    }
}

TEST(Texts, italianTableHasEveryKeyTheScreensUse) {
    Texts t = parseTexts(readFile(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n/it.toml"), "it.toml");
    for (const char* key : {"common.back", "common.demo", "home.take_ticket", "home.take_ticket_hint",
                            "home.waiting_label", "home.waiting_none", "home.waiting_one", "home.waiting_many", "category.title",
                            "category.subtitle", "ticket.your_number", "ticket.ahead_none", "ticket.ahead_one",
                            "ticket.ahead_many", "ticket.wait_hint", "ticket.done", "ticket.auto_home", "error.title",
                            "error.store", "calendar.weekday_1", "calendar.weekday_7", "calendar.month_1",
                            "calendar.month_12"})
        EXPECT_TRUE(t.has(key)) << key;
}
