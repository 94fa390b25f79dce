// The citizen kiosk when things go wrong: a failing disk, close requests and stray keys, a
// failing frame. The real kiosk under X, driven by its UI script.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "kiosk_fixture.hpp"

using testing_support::ProcessResult;
using testing_support::readFile;
using testing_support::runProcess;
using testing_support::TempDir;

namespace {

using ui_tests::kConfig;
using ui_tests::kDay;

class KioskReliability : public ui_tests::KioskFixture {};

int occurrences(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

// The disk refuses the ticket's COMMIT once: the citizen is sent to the desk with no number on
// screen and none printed; the next citizen gets a ticket from the same running kiosk.
TEST_F(KioskReliability, aFailedCommitShowsOutOfServiceAndTheKioskRecoversByItself) {
    // The schema exists before the kiosk starts, so the only write to the log is the ticket's.
    ASSERT_EQ(runProcess(KIOSKCTL_BIN, {"--config", kConfig, "--db", db(), "status"}).exitCode, 0);
    const std::string control = write("fault", "fail-writes ENOSPC\nmatch .db-wal\ntimes 1\n");
    const std::string png = dir.file("out-of-service.png");
    const std::string script = write("take.txt",
                                     "tap take_ticket\nexpect-screen category\ntap category:adulti\n"
                                     "expect-screen error\nexpect-target back\nscreenshot " + png + "\n"
                                     "tap back\nexpect-screen home\n"
                                     "tap take_ticket\nexpect-screen category\ntap category:adulti\n"
                                     "expect-screen ticket\nquit\n");
    std::vector<std::string> args{"LD_PRELOAD=" + std::string(KIOSK_FAULTSHIM), "KIOSK_FAULT_CONTROL=" + control,
                                  KIOSK_BIN};
    for (const auto& a : kioskArgs(printingConfig(), script)) args.push_back(a);
    ProcessResult r = runProcess("/usr/bin/env", args);
    ASSERT_EQ(r.exitCode, 0) << r.err;

    // The fault really happened, and the kiosk said why in its log.
    EXPECT_NE(readFile(control + ".log").find("ENOSPC"), std::string::npos);
    EXPECT_NE(r.err.find("could not issue a ticket"), std::string::npos) << r.err;
    // One ticket: the failed one left no row and used no number.
    auto tickets = storedTickets();
    ASSERT_EQ(tickets.size(), 1u);
    EXPECT_EQ(tickets[0].code, "A001");
    // Printed once, and only the stored one.
    std::string paper = readFile(printed());
    EXPECT_EQ(occurrences(paper, "A001"), 1);
    EXPECT_EQ(occurrences(paper, "A002"), 0);
}

namespace {

const std::string kLongPressOnOfficeName = "press admin_corner\nwait 5.5\nrelease\nexpect-screen admin-pin\n";

std::string typePin(const std::string& digits) {
    std::string script;
    for (char d : digits) script += std::string("tap pin:") + d + "\n";
    return script;
}

}  // namespace

// A curious child, or a keyboard left on the desk: no key and no close request leaves the kiosk,
// and none of them takes a ticket.
TEST_F(KioskReliability, keysAndCloseRequestsNeitherCloseTheKioskNorIssueAnything) {
    const std::string png = dir.file("still-there.png");
    ProcessResult r = runProcess(
        KIOSK_BIN, kioskArgs(kConfig, write("keys.txt",
                                            "expect-screen home\nkey Escape\nkey Alt+F4\nkey Alt+Tab\nkey Ctrl+Q\n"
                                            "close-request\nwait 1\nexpect-screen home\n"
                                            "tap take_ticket\nexpect-screen category\nkey Escape\nkey Return\n"
                                            "close-request\nwait 1\nexpect-screen category\nscreenshot " + png +
                                                "\nquit\n")));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("close request ignored"), std::string::npos) << r.err;
    EXPECT_TRUE(storedTickets().empty());
    EXPECT_FALSE(readFile(png).empty());
}

// The staff console is not locked down: its window closes like any other.
TEST_F(KioskReliability, theStaffConsoleClosesOnACloseRequest) {
    std::vector<std::string> args = kioskArgs(kConfig, write("close.txt", "close-request\nwait 30\nfail-frame\n"));
    args.insert(args.begin(), {"--role", "staff"});
    ProcessResult r = runProcess(KIOSK_BIN, args);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err.find("frame failed"), std::string::npos) << r.err;
}

// Only staff close the kiosk: a five-second press on the office name, then the staff PIN.
TEST_F(KioskReliability, aLongPressOnTheOfficeNameAndTheStaffPinCloseTheKiosk) {
    ASSERT_EQ(runProcess(KIOSKCTL_BIN, {"--config", kConfig, "--db", db(), "set-pin", "--pin", "2468"}).exitCode, 0);
    const std::string png = dir.file("admin.png");
    ProcessResult r = runProcess(
        KIOSK_BIN, kioskArgs(kConfig, write("admin.txt",
                                            "tap admin_corner\nwait 1\nexpect-screen home\n" + kLongPressOnOfficeName +
                                                typePin("1111") + "tap pin:ok\nexpect-target pin_error\n" +
                                                typePin("2468") + "tap pin:ok\nexpect-screen admin\nscreenshot " + png +
                                                "\ntap admin:exit\ntimeout 10\nexpect-screen never-shown\n")));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("closed by staff"), std::string::npos) << r.err;
    EXPECT_FALSE(readFile(png).empty());
    EXPECT_TRUE(storedTickets().empty());
}

// Half a PIN typed and left: after the configured inactivity the kiosk is home again and has
// forgotten the digits (the second half alone does not open the reserved area).
TEST_F(KioskReliability, inactivityGoesHomeAndForgetsTheDigitsTyped) {
    ASSERT_EQ(runProcess(KIOSKCTL_BIN, {"--config", kConfig, "--db", db(), "set-pin", "--pin", "2468"}).exitCode, 0);
    ProcessResult r = runProcess(
        KIOSK_BIN, kioskArgs(configWith("quick.toml", "inactivity_seconds = 90", "inactivity_seconds = 15"),
                             write("forget.txt", kLongPressOnOfficeName + typePin("24") +
                                                     "timeout 30\nexpect-screen home\n" + kLongPressOnOfficeName +
                                                     typePin("68") + "tap pin:ok\nexpect-target pin_error\n"
                                                     "expect-screen admin-pin\nquit\n")));
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

// A frame that throws is logged and the citizen is back home; failing again and again exits
// non-zero so the service manager restarts the kiosk.
TEST_F(KioskReliability, aFailingFrameGoesHomeAndRepeatedFailuresExitForARestart) {
    ProcessResult once = runProcess(
        KIOSK_BIN, kioskArgs(kConfig, write("once.txt", "tap take_ticket\nexpect-screen category\nfail-frame\n"
                                                        "expect-screen home\nquit\n")));
    EXPECT_EQ(once.exitCode, 0) << once.err;
    EXPECT_NE(once.err.find("ERROR kiosk: frame failed"), std::string::npos) << once.err;

    std::string many;
    for (int i = 0; i < 6; ++i) many += "fail-frame\nexpect-screen home\n";
    ProcessResult again = runProcess(KIOSK_BIN, kioskArgs(kConfig, write("many.txt", many + "wait 30\nquit\n")));
    EXPECT_EQ(again.exitCode, 70) << again.err;
    EXPECT_NE(again.err.find("exiting with 70"), std::string::npos) << again.err;
}

// A file that is not a ticket database stops the kiosk before any window: a clear message, exit
// code 4 for the service manager, and the file as it was.
TEST_F(KioskReliability, theKioskRefusesADamagedDatabaseWithoutTouchingIt) {
    const std::string garbage(64 * 1024, '\x5a');
    testing_support::writeFile(db(), garbage);
    ProcessResult r = runProcess(KIOSK_BIN, kioskArgs(kConfig, write("never.txt", "quit\n")));
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_NE(r.err.find(db()), std::string::npos) << r.err;
    EXPECT_EQ(readFile(db()), garbage);
}
