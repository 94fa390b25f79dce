// Issue #19: the -wal deleted while programs have the database open (an operator's mistake). The
// programs that had it open are child processes here, ended with SIGKILL like a crash (the
// locked kiosk ends on SIGTERM the same way: no destructor runs). What they reported as done
// must be in the database file afterwards.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "kiosk/store/sqlite_store.hpp"
#include "raw_database.hpp"
#include "support/process.hpp"

namespace {

namespace fs = std::filesystem;
using testing_support::RawDatabase;
using testing_support::TempDir;

const domain::LocalDate kDay{2026, 11, 30};

domain::NewTicketRequest adulti(int minute) {
    domain::NewTicketRequest request;
    request.categoryId = "adulti";
    request.prefix = 'A';
    request.issuedAt = domain::LocalDateTime::parse("2026-11-30T09:00:00").value().plusSeconds(60 * minute);
    return request;
}

// A crash: no destructor runs, no connection is closed.
[[noreturn]] void killNow() {
    raise(SIGKILL);
    _exit(2);
}

// Runs `work` in a child process that reports lines on a pipe, and waits for it to die of the
// SIGKILL it sends itself at the end (or of anything else). Returns the lines. The work kills
// the child itself (killNow) while its stores are open: a store going out of scope would close
// its connection, and closing checkpoints.
using Report = std::function<void(const std::string&)>;

std::vector<std::string> inChildKilledAtTheEnd(const std::function<void(const Report&)>& work) {
    int pipeFds[2];
    if (pipe(pipeFds) != 0) return {"pipe failed"};
    const pid_t pid = fork();
    if (pid == 0) {
        close(pipeFds[0]);
        auto report = [&](const std::string& line) {
            const std::string text = line + "\n";
            if (write(pipeFds[1], text.data(), text.size()) < 0) _exit(3);
        };
        try {
            work(report);
        } catch (const std::exception& e) {
            report(std::string("exception: ") + e.what());
        }
        _exit(2);  // the work ended without killNow: reported as "did not die of SIGKILL"
    }
    close(pipeFds[1]);
    std::string all;
    char buffer[512];
    ssize_t n;
    while ((n = read(pipeFds[0], buffer, sizeof buffer)) > 0) all.append(buffer, static_cast<std::size_t>(n));
    close(pipeFds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    std::vector<std::string> lines;
    for (std::size_t at = 0, end; (end = all.find('\n', at)) != std::string::npos; at = end + 1)
        lines.push_back(all.substr(at, end - at));
    if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) lines.push_back("child did not die of SIGKILL");
    return lines;
}

std::vector<std::string> storedCodes(const std::string& path) {
    return RawDatabase(path).column("SELECT code || ' ' || state FROM tickets ORDER BY id");
}

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

}  // namespace

// The kiosk's case: tickets given, the -wal deleted, the kiosk killed. Before the guard every
// ticket was gone (the file kept only what a checkpoint had moved into it: here, nothing).
TEST(WalLoss, ticketsGivenBeforeTheWalWasDeletedSurviveTheProcess) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    { store::SqliteStore created(path); }

    const auto lines = inChildKilledAtTheEnd([&](const auto& report) {
        store::SqliteStore kiosk(path);
        for (int i = 0; i < 3; ++i) report("issued " + kiosk.issueTicket(adulti(i)).code);
        fs::remove(path + "-wal");
        try {
            report("issued " + kiosk.issueTicket(adulti(10)).code);
        } catch (const domain::StoreError& e) {
            report(std::string("refused: ") + e.what());
        }
        killNow();
    });

    std::vector<std::string> acknowledged;
    for (const auto& line : lines)
        if (startsWith(line, "issued ")) acknowledged.push_back(line.substr(7) + " waiting");
    ASSERT_GE(acknowledged.size(), 3u) << testing::PrintToString(lines);
    EXPECT_EQ(storedCodes(path), acknowledged) << testing::PrintToString(lines);
    EXPECT_EQ(RawDatabase(path).text("PRAGMA integrity_check"), "ok");
}

// Once the -wal is gone nothing more is written, the message says why and where the tickets are,
// and the copy into the database file holds the writes of every process that shared the log.
TEST(WalLoss, afterTheDeletionWritesAreRefusedAndEveryProcesssCommitsAreSaved) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    { store::SqliteStore created(path); }
    // A second process with the file open all along, as the staff console is: it calls A001.
    int go[2], ready[2];
    ASSERT_EQ(pipe(go), 0);
    ASSERT_EQ(pipe(ready), 0);
    const pid_t staffPid = fork();
    if (staffPid == 0) {
        store::SqliteStore staff(path);
        char byte = 0;
        if (read(go[0], &byte, 1) != 1) _exit(3);
        domain::CallNextRequest request;
        request.serviceDay = kDay;
        request.desk = "Stanza 1";
        request.now = domain::LocalDateTime::parse("2026-11-30T09:30:00").value();
        const bool called = staff.callNext(request).has_value();
        if (write(ready[1], called ? "c" : "n", 1) != 1) _exit(3);
        if (read(go[0], &byte, 1) != 1) _exit(3);
        killNow();
    }

    const auto lines = inChildKilledAtTheEnd([&](const auto& report) {
        store::SqliteStore kiosk(path);
        report("issued " + kiosk.issueTicket(adulti(0)).code);
        report("issued " + kiosk.issueTicket(adulti(1)).code);
        char byte = 'g';
        if (write(go[1], &byte, 1) != 1 || read(ready[0], &byte, 1) != 1) report("staff gone");
        report(std::string("staff ") + byte);
        report(kiosk.walLoss() ? "lost before the deletion" : "intact");
        fs::remove(path + "-wal");
        const auto loss = kiosk.walLoss();
        report(loss ? (loss->saved ? "saved: " : "not saved: ") + loss->message : "not noticed");
        try {
            kiosk.issueTicket(adulti(2));
            report("issued after the deletion");
        } catch (const domain::StoreError& e) {
            report(std::string("refused: ") + e.what());
        }
        if (write(go[1], &byte, 1) != 1) report("staff gone");
        killNow();
    });
    int status = 0;
    waitpid(staffPid, &status, 0);

    ASSERT_EQ(lines.size(), 6u) << testing::PrintToString(lines);
    EXPECT_EQ(lines[2], "staff c");
    EXPECT_EQ(lines[3], "intact");
    EXPECT_TRUE(startsWith(lines[4], "saved: the ticket database's write-ahead log " + path + "-wal was deleted"))
        << lines[4];
    EXPECT_NE(lines[4].find("every ticket given so far was copied into " + path), std::string::npos) << lines[4];
    EXPECT_TRUE(startsWith(lines[5], "refused: issuing a ticket refused: the ticket database's write-ahead log"))
        << lines[5];
    EXPECT_NE(lines[5].find("stop every kiosk program using " + path + " and start them again"), std::string::npos)
        << lines[5];
    EXPECT_EQ(storedCodes(path), (std::vector<std::string>{"A001 called", "A002 waiting"}));
    EXPECT_EQ(RawDatabase(path).text("PRAGMA integrity_check"), "ok");
    // And the file is usable again once the programs that held the old log are gone.
    store::SqliteStore restarted(path);
    EXPECT_EQ(restarted.issueTicket(adulti(3)).code, "A003");
}

// Nothing changes for a -wal that stays: no loss reported across opens, checkpoints and closes.
TEST(WalLoss, aWalThatStaysIsNeverReportedLost) {
    TempDir dir;
    const auto path = dir.file("kiosk.db");
    store::SqliteStore kiosk(path);
    kiosk.issueTicket(adulti(0));
    {
        store::SqliteStore other(path);
        other.issueTicket(adulti(1));
    }
    RawDatabase(path).exec("PRAGMA wal_checkpoint(TRUNCATE)");
    EXPECT_FALSE(kiosk.walLoss());
    EXPECT_EQ(kiosk.issueTicket(adulti(2)).code, "A003");
    EXPECT_FALSE(kiosk.walLoss());
}
