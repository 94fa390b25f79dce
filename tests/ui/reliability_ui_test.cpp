// The citizen kiosk when things go wrong: a failing disk, close requests and stray keys, a
// failing frame. The real kiosk under X, driven by its UI script.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "kiosk/store/sqlite_store.hpp"
#include "support/process.hpp"

using testing_support::ProcessResult;
using testing_support::readFile;
using testing_support::runProcess;
using testing_support::TempDir;

namespace {

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";
const domain::LocalDate kDay{2026, 11, 30};

class KioskReliability : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::getenv("DISPLAY")) GTEST_FAIL() << "no X display: run the tests under xvfb-run (see README)";
    }

    std::string write(const std::string& name, const std::string& text) const {
        std::string path = dir.file(name);
        std::ofstream(path) << text;
        return path;
    }

    // The demo config printing into a file, so the test sees every ticket that came out.
    std::string printingConfig() const {
        std::string config = readFile(kConfig);
        const std::string none = "target = \"none\"";
        config.replace(config.find(none), none.size(), "target = \"file:" + printed() + "\"");
        return write("printing.toml", config);
    }

    std::vector<std::string> kioskArgs(const std::string& config, const std::string& script) const {
        return {"--config", config, "--db", db(), "--windowed", "1280x800", "--now", "2026-11-30T15:45",
                "--ui-script", script};
    }

    std::vector<domain::Ticket> storedTickets() const {
        store::SqliteStore store(db());
        return store.ticketsOfDay(kDay);
    }

    std::string db() const { return dir.file("kiosk.db"); }
    std::string printed() const { return dir.file("printer.bin"); }
    TempDir dir;
};

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
