// A full or failing disk, simulated with the kiosk_faultshim LD_PRELOAD library (see
// fault_shim.cpp): a ticket or survey answer whose COMMIT failed is never reported, never
// stored, and the store works again by itself once the fault is gone, in the same process too.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "inspector.hpp"
#include "support/process.hpp"

namespace {

namespace fs = std::filesystem;
using crash_support::ChildProcess;
using crash_support::describeStatus;
using crash_support::Inspector;
using testing_support::TempDir;

constexpr const char* kServiceDay = "2026-11-30";

// The shim's control file in a test directory; changes are atomic renames, as the shim asks.
class FaultControl {
public:
    explicit FaultControl(const TempDir& dir) : m_path(dir.file("fault")) {}

    void set(const std::string& directives) {
        const std::string staging = m_path + ".tmp";
        std::ofstream(staging) << directives << '\n';
        fs::rename(staging, m_path);
    }
    void clear() { fs::remove(m_path); }
    // The failures the shim injected so far, one line each ("pwrite64 ENOSPC /tmp/.../tickets.db-wal").
    std::string log() const { return testing_support::readFile(m_path + ".log"); }
    std::vector<std::string> environment() const {
        return {std::string("LD_PRELOAD=") + KIOSK_FAULTSHIM, "KIOSK_FAULT_CONTROL=" + m_path};
    }

private:
    std::string m_path;
};

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

std::string word(const std::string& line, int index) {
    std::istringstream words(line);
    std::string w;
    for (int i = 0; i <= index; ++i) words >> w;
    return w;
}

int ticketCount(const std::string& dbPath) {
    return std::stoi(Inspector(dbPath).value("SELECT COUNT(*) FROM tickets"));
}

// ---- one long-lived store in one process ----

struct Fault {
    const char* name;
    const char* directives;
    const char* expectedHint;  // what the error message must tell the person
    // A failed fsync leaves the whole transaction, commit mark included, in the write-ahead log:
    // only the WAL index of the living processes ignores it. See the crash test below.
    bool wholeCommitInTheLog = false;
};

std::ostream& operator<<(std::ostream& out, const Fault& fault) { return out << fault.name; }
std::string faultName(const ::testing::TestParamInfo<Fault>& fault) { return fault.param.name; }

// The store is already open: every matching write is part of a COMMIT (a WAL frame).
const Fault kFaults[] = {
    {"diskFull", "fail-writes ENOSPC", "the disk is full"},
    {"diskFullOnTheSecondWrite", "fail-writes ENOSPC\nafter 1", "the disk is full"},
    {"diskFullOnTheFifthWrite", "fail-writes ENOSPC\nafter 4", "the disk is full"},
    {"writeError", "fail-writes EIO", "input/output error"},
    {"writeErrorOnTheThirdWrite", "fail-writes EIO\nafter 2", "input/output error"},
    {"syncError", "fail-fsync EIO", "input/output error", true},
};

class StoreUnderFault : public ::testing::TestWithParam<Fault> {
protected:
    TempDir dir;
    FaultControl control{dir};
    std::string dbPath = dir.file("tickets.db");
    ChildProcess worker{FAULT_WORKER, {dbPath}, control.environment()};
};

TEST_P(StoreUnderFault, failedCommitStoresNothingAndTheSameStoreIssuesAgainOnceTheFaultIsGone) {
    ASSERT_EQ(worker.ask("take adulti").substr(0, 11), "ticket A001") << worker.errors();

    control.set(GetParam().directives);
    const std::string failed = worker.ask("take adulti");
    EXPECT_TRUE(startsWith(failed, "error ")) << failed;
    EXPECT_NE(failed.find(GetParam().expectedHint), std::string::npos) << failed;
    EXPECT_NE(control.log(), "") << "the shim never injected the fault";
    // Another process sees a sound file without the failed ticket while the worker lives on.
    EXPECT_EQ(Inspector(dbPath).integrity(), "ok");
    EXPECT_EQ(ticketCount(dbPath), 1);

    control.clear();
    EXPECT_EQ(worker.ask("count"), "tickets 1") << "the store's connection still sees the failed ticket";
    EXPECT_EQ(worker.ask("take adulti").substr(0, 11), "ticket A002") << "the same store did not recover";
    EXPECT_EQ(worker.ask("take anziani").substr(0, 11), "ticket N001");
    worker.send("quit");
    EXPECT_EQ(describeStatus(worker.wait()), "exit 0") << worker.errors();

    Inspector db(dbPath);
    EXPECT_EQ(db.integrity(), "ok");
    const auto states = db.stateByCode(kServiceDay);
    EXPECT_EQ(states.size(), 3u);
    EXPECT_TRUE(states.count("A001") && states.count("A002") && states.count("N001"));
}

TEST_P(StoreUnderFault, aProcessKilledAfterTheFailureLeavesASoundFileAndNoDuplicate) {
    ASSERT_EQ(worker.ask("take adulti").substr(0, 11), "ticket A001") << worker.errors();
    control.set(GetParam().directives);
    ASSERT_TRUE(startsWith(worker.ask("take adulti"), "error "));
    // The worker dies with the fault still on (a power cut right after the failure): the next
    // process to open the file rebuilds the WAL index from what the log holds.
    worker.kill(SIGKILL);
    worker.wait();
    control.clear();

    ChildProcess next(FAULT_WORKER, {dbPath}, control.environment());
    const std::string count = next.ask("count");
    const std::string taken = next.ask("take adulti");
    next.send("quit");
    EXPECT_EQ(describeStatus(next.wait()), "exit 0") << next.errors();
    EXPECT_EQ(Inspector(dbPath).integrity(), "ok");
    if (!GetParam().wholeCommitInTheLog) {
        EXPECT_EQ(count, "tickets 1") << "the ticket whose COMMIT failed came back";
        EXPECT_EQ(taken.substr(0, 11), "ticket A002");
        EXPECT_EQ(ticketCount(dbPath), 2);
        return;
    }
    // After a failed fsync nobody can know what reached the disk, and SQLite's recovery replays a
    // complete commit it finds in the log: the ticket nobody was given may reappear, as a
    // waiting ticket that will be a no-show. Its number is then used up, never given twice.
    EXPECT_TRUE(count == "tickets 1" || count == "tickets 2") << count;
    EXPECT_EQ(taken.substr(0, 11), count == "tickets 1" ? "ticket A002" : "ticket A003");
    const auto states = Inspector(dbPath).stateByCode(kServiceDay);
    EXPECT_EQ(states.size(), count == "tickets 1" ? 2u : 3u);
    if (count == "tickets 2") {
        EXPECT_EQ(states.at("A002"), "waiting");
    }
}

INSTANTIATE_TEST_SUITE_P(Faults, StoreUnderFault, ::testing::ValuesIn(kFaults),
                         faultName);

// A survey answer is one transaction with marking its code used: a failed COMMIT undoes both.
TEST(SurveyUnderFault, failedSubmitLeavesNoAnswerAndTheCodeUnused) {
    TempDir dir;
    FaultControl control(dir);
    const std::string dbPath = dir.file("tickets.db");
    ChildProcess worker(FAULT_WORKER, {dbPath}, control.environment());
    ASSERT_TRUE(startsWith(worker.ask("take adulti"), "ticket A001")) << worker.errors();
    const std::string served = worker.ask("serve");
    ASSERT_TRUE(startsWith(served, "served A001 ")) << served;
    const std::string surveyCode = word(served, 2);

    control.set("fail-writes ENOSPC");
    const std::string failed = worker.ask("survey " + surveyCode);
    EXPECT_TRUE(startsWith(failed, "error ")) << failed;
    EXPECT_NE(failed.find("the disk is full"), std::string::npos) << failed;
    {
        Inspector db(dbPath);
        EXPECT_EQ(db.value("SELECT COUNT(*) FROM survey_answers"), "0");
        EXPECT_EQ(db.value("SELECT survey_used FROM tickets WHERE code = 'A001'"), "0");
    }

    control.clear();
    EXPECT_EQ(worker.ask("survey " + surveyCode), "answered") << "the code was burnt by the failed submit";
    worker.send("quit");
    EXPECT_EQ(describeStatus(worker.wait()), "exit 0") << worker.errors();
    Inspector db(dbPath);
    EXPECT_EQ(db.value("SELECT COUNT(*) FROM survey_answers"), "1");
    EXPECT_EQ(db.value("SELECT survey_used FROM tickets WHERE code = 'A001'"), "1");
}

// ---- kioskctl take, as scripts and the office's IT run it ----

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";
constexpr const char* kMondayOpen = "2026-11-30T15:45";  // Gorgonzola is open on Monday afternoons

struct Outcome {
    int status = 0;
    std::string out;
    std::string err;
};

Outcome kioskctlTake(const std::string& dbPath, const FaultControl& control) {
    ChildProcess ctl(KIOSKCTL_BIN, {"--config", kConfig, "--db", dbPath, "--now", kMondayOpen, "take", "adulti"},
                     control.environment());
    ctl.closeStdin();
    Outcome outcome;
    while (const auto line = ctl.readLine()) outcome.out += *line + "\n";
    outcome.status = ctl.wait();
    outcome.err = ctl.errors();
    return outcome;
}

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

class KioskctlUnderFault : public ::testing::TestWithParam<Fault> {};

// kioskctl opens the file anew: its first write grows the -shm file (the WAL index), so a fault
// on every ".db" file stops it at the opening; "match .db-wal" lets it reach the COMMIT.
const Fault kKioskctlFaults[] = {
    {"diskFullAtOpening", "fail-writes ENOSPC", "the disk is full"},
    {"diskFullAtCommit", "fail-writes ENOSPC\nmatch .db-wal", "the disk is full"},
    {"diskFullOnTheThirdWriteOfTheCommit", "fail-writes ENOSPC\nmatch .db-wal\nafter 2", "the disk is full"},
    {"writeErrorAtCommit", "fail-writes EIO\nmatch .db-wal", "input/output error"},
    {"syncErrorAtCommit", "fail-fsync EIO\nmatch .db-wal", "input/output error", true},
};

TEST_P(KioskctlUnderFault, takeFailsClearlyPrintsNoCodeAndTheNextTakeWorks) {
    TempDir dir;
    FaultControl control(dir);
    const std::string dbPath = dir.file("tickets.db");
    ASSERT_EQ(firstLine(kioskctlTake(dbPath, control).out), "A001");

    control.set(GetParam().directives);
    const Outcome failed = kioskctlTake(dbPath, control);
    EXPECT_EQ(describeStatus(failed.status), "exit 4") << failed.err;  // ctl::kStoreError
    EXPECT_EQ(failed.out, "") << "a ticket code was printed although its COMMIT failed";
    EXPECT_NE(failed.err.find("database error"), std::string::npos) << failed.err;
    EXPECT_NE(failed.err.find(GetParam().expectedHint), std::string::npos) << failed.err;
    EXPECT_NE(control.log(), "") << "the shim never injected the fault";

    control.clear();
    EXPECT_EQ(Inspector(dbPath).integrity(), "ok");
    EXPECT_EQ(ticketCount(dbPath), 1) << "the failed ticket is in the database";
    const Outcome again = kioskctlTake(dbPath, control);
    EXPECT_EQ(describeStatus(again.status), "exit 0") << again.err;
    EXPECT_EQ(firstLine(again.out), "A002");
    EXPECT_EQ(ticketCount(dbPath), 2);
}

INSTANTIATE_TEST_SUITE_P(Faults, KioskctlUnderFault, ::testing::ValuesIn(kKioskctlFaults),
                         faultName);

// The shim itself: without a control file it changes nothing, and it fails only matching files.
TEST(FaultShim, withoutControlFileEverythingPasses) {
    TempDir dir;
    FaultControl control(dir);
    const std::string dbPath = dir.file("tickets.db");
    const Outcome taken = kioskctlTake(dbPath, control);
    EXPECT_EQ(describeStatus(taken.status), "exit 0") << taken.err;
    EXPECT_EQ(control.log(), "");
}

TEST(FaultShim, failsOnlyFilesWhosePathMatches) {
    TempDir dir;
    FaultControl control(dir);
    control.set("fail-writes ENOSPC\nfail-fsync EIO\nmatch some-other-file.db");
    const Outcome taken = kioskctlTake(dir.file("tickets.db"), control);
    EXPECT_EQ(describeStatus(taken.status), "exit 0") << taken.err;
    EXPECT_EQ(firstLine(taken.out), "A001");
    EXPECT_EQ(control.log(), "");
}

}  // namespace
