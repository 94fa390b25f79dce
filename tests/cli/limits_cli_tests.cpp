// What kioskctl and the kiosk do with what a careless operator or an attacker hands them (issue
// #19): config paths that are not files, control characters in arguments and config values, and
// reports over absurd periods. Each must end at once with a plain message naming what was wrong.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <sys/stat.h>

#include "support/process.hpp"

using testing_support::runProcess;
using testing_support::TempDir;

namespace {

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";

bool hasRawControl(const std::string& text) {
    for (const char c : text)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f) return true;
    return false;
}

}  // namespace

// ---- config files that are not files ----

// Without a writer, the pipe used to block check-config for ever; it is refused at once now.
TEST(ConfigFileLimits, checkConfigOnANamedPipeReturnsAtOnce) {
    TempDir dir;
    const std::string fifo = dir.file("kiosk.toml");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto r = runProcess(KIOSKCTL_BIN, {"check-config", fifo});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "kioskctl: config error: " + fifo +
                         ": is a named pipe (FIFO), not a regular file: copy the text into a file\n");
}

TEST(ConfigFileLimits, checkConfigOnDevZeroDoesNotReadIt) {
    const auto r = runProcess(KIOSKCTL_BIN, {"check-config", "/dev/zero"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "kioskctl: config error: /dev/zero: is a device, not a regular file\n");
}

TEST(ConfigFileLimits, checkConfigOnAFolderSaysItIsAFolder) {
    TempDir dir;
    const auto r = runProcess(KIOSKCTL_BIN, {"check-config", dir.path().string()});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "kioskctl: config error: " + dir.path().string() +
                         ": is a folder, not a file: give the path of the .toml file in it\n");
}

TEST(ConfigFileLimits, aConfigOverOneMegabyteIsRefusedByKioskctlAndTheKiosk) {
    TempDir dir;
    const std::string big = dir.file("big.toml");
    testing_support::writeFile(big, testing_support::readFile(kConfig) + "#" + std::string(1024 * 1024, 'x') + "\n");
    const std::string expected = big + ": " + std::to_string(testing_support::readFile(big).size()) +
                                 " bytes, more than the 1 MB (1048576 bytes) a config or language file may have: is "
                                 "it the right file?\n";
    const auto check = runProcess(KIOSKCTL_BIN, {"check-config", big});
    EXPECT_EQ(check.exitCode, 3);
    EXPECT_EQ(check.err, "kioskctl: config error: " + expected);
    const auto status = runProcess(KIOSKCTL_BIN, {"--config", big, "--db", dir.file("k.db"), "status"});
    EXPECT_EQ(status.exitCode, 3);
    EXPECT_EQ(status.err, "kioskctl: config error: " + expected);
    // The kiosk reads its config before it opens a window: no display is needed to see this.
    const auto kiosk = runProcess(KIOSK_BIN, {"--config", big, "--db", dir.file("k.db"), "--screenshot", dir.file("x.png")});
    EXPECT_EQ(kiosk.exitCode, 3);
    EXPECT_EQ(kiosk.err, "kiosk: config error: " + expected);
}

TEST(ConfigFileLimits, theKioskStartedOnANamedPipeStopsAtOnce) {
    TempDir dir;
    const std::string fifo = dir.file("kiosk.toml");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto r = runProcess(KIOSK_BIN, {"--config", fifo, "--db", dir.file("k.db"), "--screenshot", dir.file("x.png")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "kiosk: config error: " + fifo +
                         ": is a named pipe (FIFO), not a regular file: copy the text into a file\n");
}

// ---- control characters repeated in messages ----

TEST(ControlCharacters, anUnknownCategoryWithAnEscapeIsShownEscaped) {
    TempDir dir;
    const auto r = runProcess(KIOSKCTL_BIN, {"--config", kConfig, "--db", dir.file("k.db"), "take", "gio\x1b[31mvani"});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_EQ(r.err, "kioskctl: unknown category \"gio\\x1b[31mvani\" (known: adulti, anziani, disabili, "
                     "minori-famiglie)\n");
}

TEST(ControlCharacters, theParsersRefusalRepeatsTheArgumentEscaped) {
    TempDir dir;
    const auto r = runProcess(KIOSKCTL_BIN, {"--config", kConfig, "--db", dir.file("k.db"), "report", "--month",
                                             "2026-11", "--format", "js\x1b]0;owned\x07on"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_FALSE(hasRawControl(r.err)) << r.err;
    EXPECT_NE(r.err.find("js\\x1b]0;owned\\x07on"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("\nRun with --help for more information.\n"), std::string::npos) << r.err;
}

// A NUL written as \u0000 in the config used to end the message before the value and the rest.
TEST(ControlCharacters, aConfigValueWithNulAndEscapeIsQuotedWholeAndEscaped) {
    TempDir dir;
    const std::string bad = dir.file("bad.toml");
    testing_support::writeFile(bad, "[office]\ncomune = \"C\"\nname = \"N\"\naddress = \"A\"\n[[categories]]\n"
                                    "id = \"adulti\"\nlabel = \"Adulti\"\nprefix = \"\\u0000\\u001b[2J\"\n");
    const std::string expected =
        bad + ":8: categories[1].prefix: expected one letter A-Z, found \"\\x00\\x1b[2J\"\n";
    const auto check = runProcess(KIOSKCTL_BIN, {"check-config", bad});
    EXPECT_EQ(check.exitCode, 3);
    EXPECT_EQ(check.err, "kioskctl: config error: " + expected);
    const auto kiosk = runProcess(KIOSK_BIN, {"--config", bad, "--db", dir.file("k.db"), "--screenshot", dir.file("x.png")});
    EXPECT_EQ(kiosk.exitCode, 3);
    EXPECT_EQ(kiosk.err, "kiosk: config error: " + expected);
}

TEST(ControlCharacters, theKiosksStartUpRefusalsRepeatTheArgumentEscaped) {
    TempDir dir;
    const std::vector<std::string> base = {"--config", kConfig, "--db", dir.file("k.db"), "--screenshot", dir.file("x.png")};
    auto with = [&](std::vector<std::string> more) {
        more.insert(more.begin(), base.begin(), base.end());
        return runProcess(KIOSK_BIN, more);
    };
    const auto language = with({"--language", "e\x1b[2Jn"});
    EXPECT_EQ(language.exitCode, 2);
    EXPECT_NE(language.err.find("kiosk: --language: no translation \"e\\x1b[2Jn\""), std::string::npos) << language.err;
    EXPECT_FALSE(hasRawControl(language.err)) << language.err;
    const auto theme = with({"--theme", "dark\x1b[2J"});
    EXPECT_EQ(theme.exitCode, 2);
    EXPECT_NE(theme.err.find("kiosk: --theme: unknown theme \"dark\\x1b[2J\""), std::string::npos) << theme.err;
    const auto role = with({"--role", "staff\x1b[2J"});
    EXPECT_NE(role.exitCode, 0);  // CLI11's own code for a value it refused
    EXPECT_NE(role.err.find("staff\\x1b[2J"), std::string::npos) << role.err;
    EXPECT_FALSE(hasRawControl(role.err)) << role.err;
}

// ---- reports over absurd periods ----

// It ran 100 s and used 18 GB, listing 120 000 empty months; now it is refused before the
// database is opened.
TEST(ReportLimits, aReportOverTenThousandYearsIsRefusedWithAPlainMessage) {
    TempDir dir;
    const auto r = runProcess(KIOSKCTL_BIN, {"--config", kConfig, "--db", dir.file("k.db"), "report", "--from",
                                             "0001-01-01", "--to", "9999-12-31", "--format", "json"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "kioskctl: report: 0001-01-01 to 9999-12-31 is more than 50 years; a report covers at most 50 "
                     "years, because it lists every month and quarter of its period: ask for a shorter one\n");
}

// ---- how many categories ----

TEST(CategoryLimits, checkConfigSaysHowManyCategoriesTheScreenShowsAndRefusesASeventh) {
    const auto ok = runProcess(KIOSKCTL_BIN, {"check-config", kConfig});
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_NE(ok.out.find("\ncategories: 4 (the kiosk's screen shows at most 6)\n"), std::string::npos) << ok.out;
    TempDir dir;
    std::string toml = "[office]\ncomune = \"C\"\nname = \"N\"\naddress = \"A\"\n";  // lines 1-4
    for (char letter = 'A'; letter <= 'G'; ++letter)  // each block 4 lines: the 7th starts on line 29
        toml += "[[categories]]\nid = \"c" + std::string(1, static_cast<char>(letter + 32)) + "\"\nlabel = \"L\"\nprefix = \"" +
                std::string(1, letter) + "\"\n";
    testing_support::writeFile(dir.file("seven.toml"), toml);
    const auto r = runProcess(KIOSKCTL_BIN, {"check-config", dir.file("seven.toml")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "kioskctl: config error: " + dir.file("seven.toml") +
                         ":29: categories[7]: at most 6 categories fit on the kiosk's screen (two columns of big "
                         "tiles, three rows that stay readable with large text), and this file has 7; merge some, or "
                         "list their services under another category\n");
}
