// kiosk --version, kioskctl --version and kioskctl doctor (issue #10): what an IT person runs on
// a deployed PC, with the exit codes a script or CI checks.
#include <gtest/gtest.h>
#include <pwd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace {

using testing_support::ProcessResult;
using testing_support::readFile;
using testing_support::runProcess;
using testing_support::TempDir;
using testing_support::writeFile;

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";
constexpr int kUsage = 2;
constexpr int kDoctorFailed = 14;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The first line of the report that starts with this status and subject.
std::string lineFor(const std::string& report, const std::string& start) {
    const std::size_t at = report.find(start);
    if (at == std::string::npos || (at > 0 && report[at - 1] != '\n')) return "";
    return report.substr(at, report.find('\n', at) - at);
}

// doctor's display check reads DISPLAY: without one it is a WARN whatever runs the tests
// (xvfb-run or a bare shell), so the exit code depends only on what each test sets up.
class DoctorCli : public testing::Test {
protected:
    void SetUp() override {
        unsetenv("DISPLAY");
        unsetenv("WAYLAND_DISPLAY");
    }

    std::string db() const { return m_dir.file("kiosk.db"); }

    ProcessResult doctor(const std::string& dbPath, std::vector<std::string> args = {},
                         const std::string& config = kConfig) const {
        std::vector<std::string> all = {"--config", config, "--db", dbPath, "doctor"};
        all.insert(all.end(), args.begin(), args.end());
        return runProcess(KIOSKCTL_BIN, all);
    }

    // The database with a staff PIN, as after installation and `kioskctl set-pin`.
    void setUpDatabaseWithPin(const std::string& pinDigits = "246813") const {
        const ProcessResult pin = runProcess(KIOSKCTL_BIN, {"--db", db(), "set-pin", "--pin", pinDigits});
        ASSERT_EQ(pin.exitCode, 0) << pin.err;
    }

    // Gorgonzola's config with another [printer] target.
    std::string configWithPrinter(const std::string& target) const {
        std::string text = readFile(kConfig);
        const std::string none = "\ntarget = \"none\"\n";
        const std::size_t at = text.find(none);
        EXPECT_NE(at, std::string::npos) << "gorgonzola.toml's [printer] target is no longer \"none\"";
        if (at != std::string::npos) text.replace(at, none.size(), "\ntarget = \"" + target + "\"\n");
        const std::string path = m_dir.file("printer.toml");
        writeFile(path, text);
        return path;
    }

    TempDir m_dir;
};

void expectVersionLine(const ProcessResult& run, const std::string& program) {
    EXPECT_EQ(run.exitCode, 0) << run.err;
    const std::regex line(program + " " + std::regex_replace(KIOSK_VERSION, std::regex("\\."), "\\.") +
                          "( \\(git [0-9a-f]{4,40}\\))?\n");
    EXPECT_TRUE(std::regex_match(run.out, line)) << run.out;
    EXPECT_EQ(run.err, "");
}

TEST(VersionCli, kioskctlPrintsTheProjectVersionAndExitsZero) {
    expectVersionLine(runProcess(KIOSKCTL_BIN, {"--version"}), "kioskctl");
}

TEST(VersionCli, kioskPrintsTheProjectVersionWithoutOpeningAWindow) {
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    expectVersionLine(runProcess(KIOSK_BIN, {"--version"}), "kiosk");
}

// A copy of the database gives a 4-digit PIN away in minutes: doctor says so, from what set-pin
// recorded (short or not), never from the PIN itself.
TEST_F(DoctorCli, aPinOfFourOrFiveDigitsIsAWarningAndSixOrMoreAreFine) {
    setUpDatabaseWithPin("2468");
    EXPECT_EQ(lineFor(doctor(db()).out, "WARN staff PIN"),
              "WARN staff PIN: only 4 or 5 digits: from a copy of the database it is found in minutes; choose 6 "
              "or more (fix: kioskctl --db " + db() + " set-pin)");
    setUpDatabaseWithPin("24681");
    EXPECT_NE(lineFor(doctor(db()).out, "WARN staff PIN"), "");
    setUpDatabaseWithPin("246813");
    const ProcessResult run = doctor(db());
    EXPECT_EQ(lineFor(run.out, "WARN staff PIN"), "") << run.out;
    EXPECT_EQ(lineFor(run.out, "ok   staff PIN"), "ok   staff PIN: set") << run.out;
}

TEST_F(DoctorCli, aGoodSetupListsEveryCheckAndExitsZero) {
    setUpDatabaseWithPin();
    const ProcessResult run = doctor(db());
    EXPECT_EQ(run.exitCode, 0) << run.out << run.err;
    EXPECT_NE(lineFor(run.out, "ok   config " + kConfig + ": valid"), "") << run.out;
    EXPECT_NE(lineFor(run.out, "ok   database " + db() + ": healthy"), "") << run.out;
    EXPECT_NE(lineFor(run.out, "ok   database " + db() + ": writable by user"), "") << run.out;
    EXPECT_NE(lineFor(run.out, "ok   staff PIN: set"), "") << run.out;
    EXPECT_NE(lineFor(run.out, "ok   translations "), "") << run.out;
    EXPECT_NE(lineFor(run.out, "ok   printer: no printer"), "") << run.out;
    EXPECT_NE(lineFor(run.out, "ok   backups " + m_dir.file("backups") + ": created at the first daily copy"), "")
        << run.out;
    // Machine-dependent, but always there: fonts, sound card, free space.
    for (const char* subject : {"fonts: ", "audio: ", "disk space: "})
        EXPECT_TRUE(contains(run.out, std::string(" ") + subject)) << subject << "\n" << run.out;
    EXPECT_NE(lineFor(run.out,
                      "WARN displays: no display server (DISPLAY/WAYLAND_DISPLAY unset): run doctor in the "
                      "kiosk's session to check the monitors"),
              "")
        << run.out;
    EXPECT_TRUE(contains(run.out, "doctor: 11 checks, ")) << run.out;
    EXPECT_TRUE(contains(run.out, " 0 failures\n")) << run.out;
    EXPECT_EQ(lineFor(run.out, "FAIL"), "") << run.out;
}

TEST_F(DoctorCli, writesNothingNextToTheDatabase) {
    setUpDatabaseWithPin();
    const std::string before = readFile(db());
    doctor(db());
    EXPECT_EQ(readFile(db()), before);
    EXPECT_FALSE(std::filesystem::exists(m_dir.file("backups")));
}

TEST_F(DoctorCli, aMissingDatabaseIsAWarningWithTheCommandThatCreatesIt) {
    const ProcessResult run = doctor(db());
    EXPECT_EQ(run.exitCode, 0) << run.out << run.err;
    EXPECT_EQ(lineFor(run.out, "WARN database " + db()),
              "WARN database " + db() +
                  ": not created yet (the kiosk creates it at its first start) (fix: kioskctl --db " + db() +
                  " set-pin creates it and sets the staff PIN)");
    EXPECT_FALSE(std::filesystem::exists(db())) << "doctor must not create the database";
}

TEST_F(DoctorCli, aDamagedDatabaseFailsWithExitFourteen) {
    writeFile(db(), std::string(8192, 'x'));
    const ProcessResult run = doctor(db());
    EXPECT_EQ(run.exitCode, kDoctorFailed) << run.out << run.err;
    const std::string line = lineFor(run.out, "FAIL database " + db() + ": ");
    EXPECT_TRUE(contains(line, "is not an SQLite database")) << run.out;
    EXPECT_TRUE(contains(line, "restore")) << line;
    EXPECT_EQ(readFile(db()), std::string(8192, 'x')) << "doctor must not touch a damaged file";
}

TEST_F(DoctorCli, aDatabaseFolderThatIsAFileFails) {
    writeFile(m_dir.file("data"), "not a folder\n");
    const std::string dbPath = m_dir.file("data") + "/kiosk.db";
    const ProcessResult run = doctor(dbPath);
    EXPECT_EQ(run.exitCode, kDoctorFailed) << run.out << run.err;
    EXPECT_TRUE(contains(lineFor(run.out, "FAIL database " + dbPath + ": "),
                         "its folder " + m_dir.file("data") + " is a file, not a folder"))
        << run.out;
}

TEST_F(DoctorCli, anExistingDatabaseWithoutAPinFails) {
    const ProcessResult create = runProcess(KIOSKCTL_BIN, {"--config", kConfig, "--db", db(), "status"});
    ASSERT_EQ(create.exitCode, 0) << create.err;
    const ProcessResult run = doctor(db());
    EXPECT_EQ(run.exitCode, kDoctorFailed) << run.out << run.err;
    EXPECT_EQ(lineFor(run.out, "FAIL staff PIN"),
              "FAIL staff PIN: not set: the staff console cannot be unlocked (fix: "
              "kioskctl --db " +
                  db() + " set-pin)");
}

TEST_F(DoctorCli, aBrokenConfigFailsWithFileAndLine) {
    setUpDatabaseWithPin();
    const std::string config = m_dir.file("broken.toml");
    writeFile(config, "[office]\nname = \"Gorgonzola\"\nhours = \n");
    const ProcessResult run = doctor(db(), {}, config);
    EXPECT_EQ(run.exitCode, kDoctorFailed) << run.out << run.err;
    EXPECT_TRUE(contains(lineFor(run.out, "FAIL config: "), config + ":3:")) << run.out;
    // What needs the config says so, instead of guessing.
    EXPECT_NE(lineFor(run.out, "WARN printer: not checked: the config did not load"), "") << run.out;
    EXPECT_NE(lineFor(run.out, "WARN backups: not checked: the config did not load"), "") << run.out;
}

TEST_F(DoctorCli, aPrinterDeviceThatIsNotThereFailsAndNothingIsCreated) {
    setUpDatabaseWithPin();
    const std::string device = m_dir.file("lp0");
    const ProcessResult run = doctor(db(), {}, configWithPrinter("device:" + device));
    EXPECT_EQ(run.exitCode, kDoctorFailed) << run.out << run.err;
    EXPECT_TRUE(contains(lineFor(run.out, "FAIL printer device:" + device + ": "), device + " does not exist"))
        << run.out;
    EXPECT_FALSE(std::filesystem::exists(device)) << "doctor must not print";
}

TEST_F(DoctorCli, aPrinterDeviceThatIsThereIsOkAndGetsNoBytes) {
    setUpDatabaseWithPin();
    const std::string device = m_dir.file("lp0");
    writeFile(device, "");
    const ProcessResult run = doctor(db(), {}, configWithPrinter("device:" + device));
    EXPECT_EQ(run.exitCode, 0) << run.out << run.err;
    EXPECT_NE(lineFor(run.out, "ok   printer device:" + device + ": "), "") << run.out;
    EXPECT_EQ(readFile(device), "");
}

// Judged by the files' owner and mode for the named user, so it fails as root too.
TEST_F(DoctorCli, aDatabaseTheKiosksUserCannotWriteFailsWithTheChownToRun) {
    if (getpwnam("nobody") == nullptr) GTEST_SKIP() << "no user nobody on this machine";
    setUpDatabaseWithPin();
    if (getpwnam("nobody")->pw_uid == geteuid()) GTEST_SKIP() << "the tests run as nobody";
    const ProcessResult run = doctor(db(), {"--user", "nobody"});
    EXPECT_EQ(run.exitCode, kDoctorFailed) << run.out << run.err;
    EXPECT_EQ(lineFor(run.out, "FAIL database " + db() + ": not writable"),
              "FAIL database " + db() + ": not writable by user nobody: " + m_dir.path().string() + ", " + db() +
                  " (fix: chown nobody: " + m_dir.path().string() + " " + db() + ")");
}

TEST_F(DoctorCli, anUnknownUserIsAUsageError) {
    const ProcessResult run = doctor(db(), {"--user", "no-such-user-here"});
    EXPECT_EQ(run.exitCode, kUsage);
    EXPECT_TRUE(contains(run.err, "no user \"no-such-user-here\"")) << run.err;
}

TEST_F(DoctorCli, jsonCountsTheFailures) {
    const ProcessResult run = doctor(db(), {"--json"}, configWithPrinter("device:" + m_dir.file("lp0")));
    EXPECT_EQ(run.exitCode, kDoctorFailed) << run.out << run.err;
    const nlohmann::json doc = nlohmann::json::parse(run.out);
    EXPECT_EQ(doc["failures"], 1) << run.out;
    int failed = 0;
    for (const auto& check : doc["checks"]) failed += check["status"] == "fail";
    EXPECT_EQ(failed, 1);
    EXPECT_EQ(doc["checks"].size(), 10u) << run.out;  // no database yet: one line for it and the PIN each
}

}  // namespace
