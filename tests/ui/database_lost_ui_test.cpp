// Issue #19: the database's -wal deleted while the citizen kiosk runs (an operator's mistake).
// Before, the kiosk went on as if nothing had happened and, stopped by its service manager
// (SIGTERM: a locked kiosk ends by the signal's default action, no destructor runs), left a
// database without the tickets it had given. Now it notices at once (its folder watch), copies
// every ticket given into the database file, stops issuing, and its whole window says so. The
// real kiosk runs a UI script; the test follows its log (stderr joined to stdout), deletes the
// -wal at the right moment and sends the SIGTERM, without sleeping.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <string>

#include "child_process.hpp"
#include "support/process.hpp"

namespace {

namespace fs = std::filesystem;
using crash_support::ChildProcess;
using testing_support::ProcessResult;
using testing_support::runProcess;
using testing_support::TempDir;

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";

// Reads the kiosk's log until a line contains `text`; false if the kiosk ended first.
bool readUntil(ChildProcess& kiosk, const std::string& text, std::string& log) {
    while (const auto line = kiosk.readLine()) {
        log += *line + "\n";
        if (line->find(text) != std::string::npos) return true;
    }
    return false;
}

ProcessResult kioskctl(const std::string& db, const std::vector<std::string>& args) {
    std::vector<std::string> all = {"--config", kConfig, "--db", db, "--now", "2026-11-30T15:31"};
    all.insert(all.end(), args.begin(), args.end());
    return runProcess(KIOSKCTL_BIN, all);
}

}  // namespace

TEST(DatabaseLostUi, aDeletedWalStopsTheKioskAndNoTicketItGaveIsLost) {
    if (!std::getenv("DISPLAY")) GTEST_FAIL() << "no X display: run the tests under xvfb-run (see README)";
    TempDir dir;
    const std::string db = dir.file("kiosk.db");
    // The person at the screen chose English and took a number; then the -wal goes.
    testing_support::writeFile(dir.file("script"),
                               "expect-screen home\n"
                               "tap language\nexpect-screen language\ntap language:en\n"
                               "expect-screen home\ntap take_ticket\nexpect-screen category\n"
                               "tap category:adulti\nexpect-screen ticket\n"
                               "timeout 60\n"
                               "expect-screen database-lost\n"
                               "expect-target in-use:en\nexpect-target tickets-saved\n"
                               "idle\n");
    const std::string command = std::string("KIOSK_LOG_LEVEL=debug exec ") + KIOSK_BIN + " --config " + kConfig +
                                " --db " + db + " --windowed 1280x720 --now 2026-11-30T15:30" + " --ui-script " +
                                dir.file("script") + " 2>&1";
    ChildProcess kiosk("/bin/sh", {"-c", command});
    std::string log;
    ASSERT_TRUE(readUntil(kiosk, "on screen: ticket", log)) << log;
    // Two more tickets from another program while the kiosk runs: all three are in the -wal only.
    const ProcessResult second = kioskctl(db, {"take", "adulti"});
    const ProcessResult third = kioskctl(db, {"take", "adulti"});
    ASSERT_EQ(second.out.substr(0, 4), "A002") << second.err;
    ASSERT_EQ(third.out.substr(0, 4), "A003") << third.err;
    ASSERT_GT(fs::file_size(db + "-wal"), 0u);

    fs::remove(db + "-wal");

    ASSERT_TRUE(readUntil(kiosk, "out of service: ", log)) << log;
    EXPECT_NE(log.find("write-ahead log " + db + "-wal was deleted"), std::string::npos) << log;
    EXPECT_NE(log.find("every ticket given so far was copied into " + db), std::string::npos) << log;
    // The whole window says so, in the visitor's language, with the tickets saved.
    ASSERT_TRUE(readUntil(kiosk, "on screen: database-lost", log)) << log;
    const std::string shown = log.substr(log.rfind("on screen: database-lost"));
    EXPECT_NE(shown.find("in-use:en"), std::string::npos) << shown;
    EXPECT_NE(shown.find("tickets-saved"), std::string::npos) << shown;
    // A program started now works on the saved file and numbers go on: no number given twice.
    const ProcessResult after = kioskctl(db, {"take", "adulti"});
    EXPECT_EQ(after.out.substr(0, 4), "A004") << after.err;

    kiosk.kill(SIGTERM);
    while (const auto line = kiosk.readLine()) log += *line + "\n";
    const int status = kiosk.wait();
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << crash_support::describeStatus(status) << log;

    const ProcessResult stored = kioskctl(db, {"status"});
    EXPECT_EQ(stored.exitCode, 0) << stored.err;
    for (const char* code : {"A001", "A002", "A003", "A004"})
        EXPECT_NE(stored.out.find(code), std::string::npos) << code << "\n" << stored.out << stored.err;
}
