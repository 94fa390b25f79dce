// The two sides of the crash test, each in its own process on one database file.
//   crash_worker take DB   takes tickets forever (adulti and anziani in turn) and prints each code
//                          on its own line only after takeTicket returned, i.e. after the COMMIT.
//                          The test kills it with SIGKILL at a random moment.
//   crash_worker call DB   prints "ready" once its store is open, then calls the next ticket and
//                          serves it, over and over, until its stdin is closed; then prints the
//                          codes it served, one per line, and exits 0.
// Exit 1 with a message on stderr on any error.
#include <poll.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "domain/queue.hpp"
#include "domain/staff.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "test_office.hpp"

namespace {

// One write(2) per line: a pipe write this short is atomic, so the test never sees half a code,
// and nothing sits in a stdio buffer when SIGKILL arrives.
void printLine(const std::string& text) {
    const std::string line = text + '\n';
    if (write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(1);
}

[[noreturn]] void takeForever(const std::string& dbPath) {
    const auto config = crash_support::alwaysOpenOffice();
    domain::FixedClock clock(crash_support::testNow());
    store::SqliteStore store(dbPath);
    domain::QueueService queue(config, store, clock);
    for (long i = 0;; ++i) {
        const char* category = i % 2 == 0 ? "adulti" : "anziani";
        printLine(queue.takeTicket(category).ticket.code);
    }
}

// Whether stdin was closed, waiting at most timeoutMs for it; the wait paces an empty queue.
bool stdinClosed(int timeoutMs) {
    pollfd in{STDIN_FILENO, POLLIN, 0};
    if (poll(&in, 1, timeoutMs) <= 0) return false;
    char byte = 0;
    return read(STDIN_FILENO, &byte, 1) <= 0;
}

int callUntilStdinCloses(const std::string& dbPath) {
    const auto config = crash_support::alwaysOpenOffice();
    domain::FixedClock clock(crash_support::testNow());
    store::SqliteStore store(dbPath);
    domain::StaffService staff(config, store, clock);
    printLine("ready");
    std::vector<std::string> served;
    constexpr int kIdlePollMs = 1;
    for (;;) {
        const auto called = staff.callNext(1);
        if (called) served.push_back(staff.serve(called->code).code);
        if (stdinClosed(called ? 0 : kIdlePollMs)) break;
    }
    for (const auto& code : served) printLine(code);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: crash_worker take|call DB\n");
        return 2;
    }
    const std::string mode = argv[1];
    try {
        if (mode == "take") takeForever(argv[2]);
        if (mode == "call") return callUntilStdinCloses(argv[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "crash_worker %s: %s\n", mode.c_str(), e.what());
        return 1;
    }
    std::fprintf(stderr, "crash_worker: unknown mode %s\n", mode.c_str());
    return 2;
}
