// The [backup] and [kiosk] sections: defaults, accepted values, and file:line on every mistake.
#include <gtest/gtest.h>

#include <string>

#include "domain/config.hpp"
#include "minimal_config.hpp"
#include "support/process.hpp"

namespace {

using testing_support::kOfficeAndOneCategory;
using testing_support::sectionError;

using domain::Config;
using domain::ConfigError;
using domain::parseConfig;

Config parsed(const std::string& section) { return parseConfig(kOfficeAndOneCategory + section, "test.toml"); }

TEST(BackupConfig, withoutTheSectionsTheDefaultsHold) {
    const Config config = parsed("");
    EXPECT_TRUE(config.backup.enabled);
    EXPECT_EQ(config.backup.directory, "");
    EXPECT_EQ(config.backup.keep, 14);
    EXPECT_EQ(config.kiosk.inactivitySeconds, 90);
}

TEST(BackupConfig, readsEveryKey) {
    const Config config = parsed(
        "[backup]\n"
        "enabled = false\n"
        "directory = \"/media/usb/copie\"\n"
        "keep = 30\n"
        "[kiosk]\n"
        "inactivity_seconds = 45\n");
    EXPECT_FALSE(config.backup.enabled);
    EXPECT_EQ(config.backup.directory, "/media/usb/copie");
    EXPECT_EQ(config.backup.keep, 30);
    EXPECT_EQ(config.kiosk.inactivitySeconds, 45);
}

TEST(BackupConfig, acceptsTheBoundsOfTheRanges) {
    EXPECT_EQ(parsed("[backup]\nkeep = 1\n").backup.keep, 1);
    EXPECT_EQ(parsed("[backup]\nkeep = 365\n").backup.keep, 365);
    EXPECT_EQ(parsed("[kiosk]\ninactivity_seconds = 15\n").kiosk.inactivitySeconds, 15);
    EXPECT_EQ(parsed("[kiosk]\ninactivity_seconds = 600\n").kiosk.inactivitySeconds, 600);
}

TEST(BackupConfig, keepOutsideItsRangeNamesFileLineAndTheRange) {
    EXPECT_EQ(sectionError("[backup]\nkeep = 0\n"),
              "test.toml:11: backup.keep: expected a whole number from 1 to 365, found 0");
    EXPECT_EQ(sectionError("[backup]\n\nkeep = 400\n"),
              "test.toml:12: backup.keep: expected a whole number from 1 to 365, found 400");
    EXPECT_EQ(sectionError("[backup]\nkeep = \"14\"\n"),
              "test.toml:11: backup.keep: expected a whole number from 1 to 365, found \"14\"");
}

TEST(BackupConfig, enabledMustBeABoolean) {
    EXPECT_EQ(sectionError("[backup]\nenabled = \"si\"\n"),
              "test.toml:11: backup.enabled: expected true or false (without quotes), found \"si\"");
}

TEST(BackupConfig, directoryMustBeAFullPath) {
    const std::string relative = sectionError("[backup]\ndirectory = \"copie\"\n");
    EXPECT_EQ(relative.rfind("test.toml:11: backup.directory: expected a full path starting with /", 0), 0u)
        << relative;
    EXPECT_NE(relative.find("found \"copie\""), std::string::npos) << relative;
    EXPECT_EQ(sectionError("[backup]\ndirectory = \"\"\n").rfind("test.toml:11: backup.directory:", 0), 0u);
    EXPECT_EQ(sectionError("[backup]\ndirectory = 3\n"),
              "test.toml:11: backup.directory: expected a text in double quotes, found an integer");
}

TEST(BackupConfig, unknownKeysAreNamedWithTheKnownOnes) {
    EXPECT_EQ(sectionError("[backup]\nkeep = 3\nfolder = \"/tmp\"\n"),
              "test.toml:12: unknown key \"folder\" in [backup] (expected one of: enabled, directory, keep)");
    EXPECT_EQ(sectionError("[kiosk]\ninactivity = 90\n"),
              "test.toml:11: unknown key \"inactivity\" in [kiosk] (expected one of: inactivity_seconds, theme, click_sound, "
              "min_touch_px, store)");
}

TEST(BackupConfig, inactivityOutsideItsRangeNamesFileLineAndTheRange) {
    EXPECT_EQ(sectionError("[kiosk]\ninactivity_seconds = 5\n"),
              "test.toml:11: kiosk.inactivity_seconds: expected a whole number from 15 to 600, found 5");
    EXPECT_EQ(sectionError("[kiosk]\ninactivity_seconds = 3600\n"),
              "test.toml:11: kiosk.inactivity_seconds: expected a whole number from 15 to 600, found 3600");
    EXPECT_EQ(sectionError("[kiosk]\ninactivity_seconds = 1.5\n"),
              "test.toml:11: kiosk.inactivity_seconds: expected a whole number from 15 to 600, found a decimal number");
}

// Issue #9: the accessibility keys of [kiosk].
TEST(KioskAccessibilityConfig, defaultsAreTheStandardThemeWithClicksAnd88Pixels) {
    const Config config = parsed("");
    EXPECT_EQ(config.kiosk.theme, "standard");
    EXPECT_TRUE(config.kiosk.clickSound);
    EXPECT_EQ(config.kiosk.minTouchPx, 88);
}

TEST(KioskAccessibilityConfig, acceptsTheHighContrastThemeNoClicksAndAnotherMinimum) {
    const Config config = parsed("[kiosk]\ntheme = \"high-contrast\"\nclick_sound = false\nmin_touch_px = 120\n");
    EXPECT_EQ(config.kiosk.theme, "high-contrast");
    EXPECT_FALSE(config.kiosk.clickSound);
    EXPECT_EQ(config.kiosk.minTouchPx, 120);
}

TEST(KioskAccessibilityConfig, mistakesNameFileLineAndWhatIsAccepted) {
    EXPECT_EQ(sectionError("[kiosk]\ntheme = \"dark\"\n"),
              "test.toml:11: kiosk.theme: expected one of standard, high-contrast, found \"dark\"");
    EXPECT_EQ(sectionError("[kiosk]\nclick_sound = \"yes\"\n"),
              "test.toml:11: kiosk.click_sound: expected true or false (without quotes), found \"yes\"");
    EXPECT_EQ(sectionError("[kiosk]\nmin_touch_px = 20\n"),
              "test.toml:11: kiosk.min_touch_px: expected a whole number from 44 to 160, found 20");
    EXPECT_EQ(sectionError("[kiosk]\ninactivity_seconds = 90\nmin_touch_px = 400\n"),
              "test.toml:12: kiosk.min_touch_px: expected a whole number from 44 to 160, found 400");
}

// Issue #11: [kiosk] store names a PostgreSQL server shared by the PCs of a site.
TEST(KioskStoreConfig, leftOutItIsTheSqliteFileAndAPostgresUrlIsKeptAsWritten) {
    EXPECT_EQ(parsed("").kiosk.store, "");
    EXPECT_EQ(parsed("[kiosk]\nstore = \"postgresql://kiosk@192.168.1.10/segretariato\"\n").kiosk.store,
              "postgresql://kiosk@192.168.1.10/segretariato");
}

TEST(KioskStoreConfig, anythingButAPostgresUrlNamesFileLineAndTheExpectedForm) {
    const std::string path = sectionError("[kiosk]\nstore = \"/var/lib/segretariato-kiosk/kiosk.db\"\n");
    EXPECT_EQ(path.rfind("test.toml:11: kiosk.store: expected a PostgreSQL connection string like "
                         "\"postgresql://kiosk@server/segretariato\", found \"/var/lib/segretariato-kiosk/kiosk.db\"",
                         0),
              0u)
        << path;
    EXPECT_EQ(sectionError("[kiosk]\nstore = 5\n").rfind("test.toml:11: kiosk.store: expected a text", 0), 0u);
}

TEST(BackupConfig, aSectionWrittenAsAValueIsReported) {
    EXPECT_EQ(sectionError("backup = 3\n").rfind("test.toml:10: ", 0), 0u);
}

TEST(BackupConfig, theShippedConfigsSetBothSections) {
    for (const char* name : {"gorgonzola.toml", "massa.toml"}) {
        const std::string path = std::string(KIOSK_SOURCE_DIR) + "/config/" + name;
        const Config config = parseConfig(testing_support::readFile(path), path);
        EXPECT_TRUE(config.backup.enabled) << name;
        EXPECT_EQ(config.backup.keep, 14) << name;
        EXPECT_EQ(config.kiosk.inactivitySeconds, 90) << name;
    }
}

}  // namespace
