// Power cuts, simulated: a ticket-taking process is killed with SIGKILL at a random write or sync
// of the database (the fault shim's kill-at), again and again, while another process calls and serves tickets on the same database. After every
// kill the file must be intact, no code may be given twice, and every code the killed process
// reported as issued (it reports only after the COMMIT returned) must be in the database.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "inspector.hpp"
#include "support/process.hpp"

namespace {

using crash_support::ChildProcess;
using crash_support::describeStatus;
using crash_support::Inspector;

constexpr int kKills = 250;
// The kill lands on one of the first this many writes and syncs of the database files: a take
// appends a few WAL frames and syncs them, so this covers the opening, several takes at every
// phase of BEGIN / INSERT / COMMIT (WAL append, fsync), and now and then a checkpoint.
constexpr long kMaxKillCall = 120;
constexpr const char* kServiceDay = "2026-11-30";

// Everything the kill test promises about the file, checked after one kill; "" when all hold.
std::string whatIsWrongWith(const std::string& path, const std::set<std::string>& reportedIssued) {
    Inspector db(path);
    std::string problems;
    const std::string integrity = db.integrity();
    if (integrity != "ok") problems += "integrity_check says: " + integrity + "; ";
    for (const auto& row : db.rows("SELECT service_day, code, COUNT(*) FROM tickets GROUP BY service_day, code "
                                   "HAVING COUNT(*) > 1"))
        problems += "code " + row[1] + " given " + row[2] + " times on " + row[0] + "; ";
    // Numbers are drawn inside the issuing transaction, so a killed issue leaves no hole either.
    for (const auto& row : db.rows("SELECT category_id, COUNT(*), MAX(number) FROM tickets "
                                   "GROUP BY service_day, category_id HAVING COUNT(*) <> MAX(number)"))
        problems += "numbers of " + row[0] + " have gaps (" + row[1] + " tickets, highest " + row[2] + "); ";
    const auto stored = db.stateByCode(kServiceDay);
    for (const auto& code : reportedIssued)
        if (!stored.count(code)) problems += "reported code " + code + " is missing; ";
    return problems;
}

struct KillRound {
    int reported = 0;  // codes the taker printed before it died
    bool killedBySignal = false;
};

// Starts a taker that the fault shim kills at a random write or sync of the database; collects
// what it printed before it died (its stdout closes when it does).
KillRound killOneTaker(const std::string& dbPath, const std::string& control, std::mt19937& random,
                       std::set<std::string>& reportedIssued, std::string& failure) {
    std::uniform_int_distribution<long> killAt(1, kMaxKillCall);
    testing_support::writeFile(control, "kill-at " + std::to_string(killAt(random)) + "\n");
    ChildProcess taker(CRASH_WORKER, {"take", dbPath},
                       {std::string("LD_PRELOAD=") + KIOSK_FAULTSHIM, "KIOSK_FAULT_CONTROL=" + control});
    KillRound round;
    while (const auto line = taker.readLine()) {
        if (!reportedIssued.insert(*line).second) failure = "the taker reported " + *line + " twice";
        ++round.reported;
    }
    const int status = taker.wait();
    round.killedBySignal = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    if (!round.killedBySignal) failure = "the taker ended by itself (" + describeStatus(status) + "): " + taker.errors();
    return round;
}

}  // namespace

TEST(CrashSafety, ticketsSurviveRepeatedSigkillWhileAnotherProcessCallsThem) {
    testing_support::TempDir dir;
    const std::string dbPath = dir.file("tickets.db");
    ChildProcess caller(CRASH_WORKER, {"call", dbPath});
    ASSERT_EQ(caller.readLine().value_or(""), "ready") << caller.errors();

    const unsigned seed = std::random_device{}();
    std::mt19937 random(seed);
    SCOPED_TRACE("random seed " + std::to_string(seed));
    std::set<std::string> reportedIssued;
    const auto started = std::chrono::steady_clock::now();
    int kills = 0;
    for (int round = 0; round < kKills; ++round) {
        std::string failure;
        const KillRound result = killOneTaker(dbPath, dir.file("fault"), random, reportedIssued, failure);
        ASSERT_EQ(failure, "") << "kill " << round + 1;
        kills += result.killedBySignal ? 1 : 0;
        const std::string problems = whatIsWrongWith(dbPath, reportedIssued);
        ASSERT_EQ(problems, "") << "after kill " << round + 1;
    }

    caller.closeStdin();
    std::vector<std::string> served;
    while (const auto line = caller.readLine()) served.push_back(*line);
    const int callerStatus = caller.wait();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    ASSERT_TRUE(WIFEXITED(callerStatus) && WEXITSTATUS(callerStatus) == 0)
        << "the caller failed (" << describeStatus(callerStatus) << "): " << caller.errors();
    const auto states = Inspector(dbPath).stateByCode(kServiceDay);
    for (const auto& code : served) EXPECT_EQ(states.count(code) ? states.at(code) : "missing", "served") << code;
    EXPECT_EQ(kills, kKills);
    EXPECT_GT(served.size(), 0u) << "the caller never served a ticket: the two processes did not overlap";
    EXPECT_EQ(whatIsWrongWith(dbPath, reportedIssued), "");

    std::printf("[ figures  ] %d kills, %zu codes reported, %zu tickets stored (%zu stored but never reported: "
                "killed between COMMIT and print), %zu served by the caller, %.1f s\n",
                kills, reportedIssued.size(), states.size(), states.size() - reportedIssued.size(), served.size(),
                seconds);
}
