// The tap click in the real kiosk: each press on a button asks for one click when [kiosk]
// click_sound is on, none when it is off, and a press on something that is not a button (the
// office name, the reserved area's hidden door) stays silent. SDL's dummy audio driver stands in
// for a sound card; the kiosk logs each click it asks for at debug level.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "support/process.hpp"

namespace {

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";

int countOf(const std::string& text, const std::string& needle) {
    int n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
    return n;
}

class ClickSound : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::getenv("DISPLAY")) GTEST_FAIL() << "no X display: run the tests under xvfb-run (see README)";
        setenv("SDL_AUDIODRIVER", "dummy", 1);
        setenv("KIOSK_LOG_LEVEL", "debug", 1);
    }
    void TearDown() override {
        unsetenv("SDL_AUDIODRIVER");
        unsetenv("KIOSK_LOG_LEVEL");
    }

    // Taps the office name (not a button), then hours and back (two buttons).
    testing_support::ProcessResult run(bool clickSound) {
        std::string config = testing_support::readFile(kConfig);
        const std::string line = "click_sound = true";
        const auto at = config.find(line);
        EXPECT_NE(at, std::string::npos) << "the demo config has no \"" << line << "\"";
        if (at != std::string::npos) config.replace(at, line.size(), clickSound ? line : "click_sound = false");
        const std::string configPath = dir.file("kiosk.toml"), script = dir.file("script.txt");
        std::ofstream(configPath) << config;
        std::ofstream(script) << "tap admin_corner\ntap hours\nexpect-screen hours\ntap back\nexpect-screen home\nquit\n";
        return testing_support::runProcess(KIOSK_BIN, {"--config", configPath, "--db", dir.file("kiosk.db"), "--windowed",
                                                       "1280x800", "--now", "2026-11-30T15:45", "--ui-script", script});
    }
    testing_support::TempDir dir;
};

TEST_F(ClickSound, EachButtonPressAsksForOneClick) {
    const auto r = run(true);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(countOf(r.err, "tap click"), 2) << r.err;
}

TEST_F(ClickSound, SwitchedOffInTheConfigNothingIsAskedFor) {
    const auto r = run(false);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(countOf(r.err, "tap click"), 0) << r.err;
}

}  // namespace
