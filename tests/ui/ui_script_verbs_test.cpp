// The --ui-script verbs for long runs (tests/soak/soak): loop, repeat, wait. Checked on the real
// kiosk under X (xvfb-run), by the tickets the taps leave in the database.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "kiosk/store/sqlite_store.hpp"
#include "support/process.hpp"

using testing_support::runProcess;
using testing_support::TempDir;

namespace {

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";

class UiScriptVerbs : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::getenv("DISPLAY")) GTEST_FAIL() << "no X display: run the tests under xvfb-run (see README)";
    }

    testing_support::ProcessResult runScript(const std::string& scriptText) {
        std::ofstream(dir.file("script.txt")) << scriptText;
        return runProcess(KIOSK_BIN, {"--config", kConfig, "--db", dir.file("kiosk.db"), "--windowed", "1280x800",
                                      "--now", "2026-11-30T15:45", "--ui-script", dir.file("script.txt")});
    }

    std::vector<std::string> ticketCodes() {
        store::SqliteStore store(dir.file("kiosk.db"));
        std::vector<std::string> codes;
        for (const auto& t : store.ticketsOfDay(domain::LocalDate{2026, 11, 30})) codes.push_back(t.code);
        return codes;
    }

    TempDir dir;
};

std::string takeTicket(const std::string& category) {
    return "tap take_ticket\nexpect-screen category\ntap category:" + category +
           "\nexpect-screen ticket\ntap done\nexpect-screen home\n";
}

}  // namespace

TEST_F(UiScriptVerbs, repeatGoesBackToTheLoopMarkTheGivenNumberOfTimes) {
    // The ticket before `loop` is taken once, the loop body once plus once again. (Three tickets:
    // on this Monday afternoon a fourth one no longer fits before closing.)
    auto r = runScript("expect-screen home\n" + takeTicket("adulti") + "loop\n" + takeTicket("anziani") +
                       "repeat 1\nquit\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(ticketCodes(), (std::vector<std::string>{"A001", "N001", "N002"}));
}

TEST_F(UiScriptVerbs, repeatWithoutALoopMarkStartsAgainFromTheTop) {
    auto r = runScript(takeTicket("disabili") + "repeat 1\nquit\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(ticketCodes(), (std::vector<std::string>{"D001", "D002"}));
}

TEST_F(UiScriptVerbs, waitKeepsTheKioskRunningForThatLongThenGoesOn) {
    const std::string png = dir.file("after-wait.png");
    const auto started = std::chrono::steady_clock::now();
    auto r = runScript("expect-screen home\nwait 3\nscreenshot " + png + "\nquit\n");
    const auto elapsed = std::chrono::steady_clock::now() - started;
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_GE(elapsed, std::chrono::seconds(3));
    EXPECT_TRUE(std::filesystem::exists(png));  // the commands after the wait ran
}

TEST_F(UiScriptVerbs, aMalformedWaitOrRepeatIsRefusedWhenTheScriptIsLoaded) {
    // Before any tap: a soak run must not fail minutes in on a typo.
    auto badRepeat = runScript(takeTicket("adulti") + "repeat twice\n");
    EXPECT_NE(badRepeat.exitCode, 0);
    EXPECT_NE(badRepeat.err.find("script.txt:7: repeat twice"), std::string::npos) << badRepeat.err;
    auto badWait = runScript("wait soon\nquit\n");
    EXPECT_NE(badWait.exitCode, 0);
    EXPECT_NE(badWait.err.find("script.txt:1: wait soon"), std::string::npos) << badWait.err;
    EXPECT_TRUE(ticketCodes().empty());
}
