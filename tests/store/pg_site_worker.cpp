// One PC of a multi-PC site, for the PostgreSQL site tests: each runs in its own process on the
// same server, as kiosks and desks on different PCs do.
//   pg_site_worker take URL COUNT   takes COUNT tickets (adulti and anziani in turn), printing each
//                                   code only after takeTicket returned, i.e. after the COMMIT
//   pg_site_worker take-on URL      takes tickets until its stdin is closed, through lost
//                                   connections: a failed take prints nothing and is tried again
//                                   (the store reconnects with its backoff); "lost: MESSAGE" is
//                                   printed once per failure streak, for the test to follow
//   pg_site_worker call URL DESK    prints "ready", then calls the next ticket to DESK (1 or 2)
//                                   and serves it, printing each code called, until its stdin is
//                                   closed and nobody waits; then exits 0
// Exit 1 with a message on stderr on any other error.
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>

#include "domain/queue.hpp"
#include "domain/staff.hpp"
#include "kiosk/store/postgres_store.hpp"
#include "test_office.hpp"

namespace {

void printLine(const std::string& text) {
    const std::string line = text + '\n';
    if (write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(1);
}

// libpq's messages span several lines; the test reads one line per report.
std::string oneLine(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

domain::Config siteOffice() {
    domain::Config config = crash_support::alwaysOpenOffice();
    config.staff.rooms = {"Stanza 1", "Stanza 2"};
    return config;
}

// Whether stdin was closed, waiting at most timeoutMs for it (the wait paces an idle loop).
bool stdinClosed(int timeoutMs) {
    pollfd in{STDIN_FILENO, POLLIN, 0};
    if (poll(&in, 1, timeoutMs) <= 0) return false;
    char byte = 0;
    return read(STDIN_FILENO, &byte, 1) <= 0;
}

int take(const std::string& url, int count) {
    const auto config = siteOffice();
    domain::FixedClock clock(crash_support::testNow());
    store::PostgresStore store(url);
    domain::QueueService queue(config, store, clock);
    for (int i = 0; i < count; ++i) printLine(queue.takeTicket(i % 2 == 0 ? "adulti" : "anziani").ticket.code);
    return 0;
}

int takeOn(const std::string& url) {
    const auto config = siteOffice();
    domain::FixedClock clock(crash_support::testNow());
    store::PostgresStore store(url);
    domain::QueueService queue(config, store, clock);
    bool lost = false;
    for (long i = 0; !stdinClosed(lost ? 20 : 0); ++i) {
        try {
            printLine(queue.takeTicket(i % 2 == 0 ? "adulti" : "anziani").ticket.code);
            lost = false;
        } catch (const domain::StoreError& e) {
            if (!lost) printLine("lost: " + oneLine(e.what()));
            lost = true;
        }
    }
    return 0;
}

int call(const std::string& url, int desk) {
    const auto config = siteOffice();
    domain::FixedClock clock(crash_support::testNow());
    store::PostgresStore store(url);
    domain::StaffService staff(config, store, clock);
    printLine("ready");
    bool takersDone = false;
    for (;;) {
        const auto called = staff.callNext(desk);
        if (called) {
            printLine(called->code);
            staff.serve(called->code);
        } else if (takersDone) {
            return 0;
        }
        if (!takersDone) takersDone = stdinClosed(called ? 0 : 1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        if (mode == "take" && argc == 4) return take(argv[2], std::stoi(argv[3]));
        if (mode == "take-on" && argc == 3) return takeOn(argv[2]);
        if (mode == "call" && argc == 4) return call(argv[2], std::stoi(argv[3]));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pg_site_worker %s: %s\n", mode.c_str(), e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: pg_site_worker take URL COUNT | take-on URL | call URL DESK\n");
    return 2;
}
