// One long-lived SqliteStore driven over stdin, for the fault tests: they run it under the fault
// shim, switch faults on and off between commands, and check that the same store recovers.
// Commands, one per line, each answered with one line:
//   take CATEGORY   -> "ticket CODE SURVEYCODE"
//   serve           -> "served CODE SURVEYCODE" (calls the next waiting ticket to desk 1, serves it)
//                      or "nobody"
//   survey CODE     -> "answered" (an answer with overall 4 for that survey code)
//   count           -> "tickets N" (today's tickets as this connection reads them)
//   quit            -> exits 0 without answering
// Any command may instead answer "error <message>" (domain::StoreError) or "refused <message>"
// (any other exception): the store stays open and the next command is read.
#include <unistd.h>

#include <exception>
#include <iostream>
#include <sstream>
#include <string>

#include "domain/queue.hpp"
#include "domain/staff.hpp"
#include "domain/survey_service.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "../crash/test_office.hpp"

namespace {

struct Services {
    domain::Config config = crash_support::alwaysOpenOffice();
    domain::FixedClock clock{crash_support::testNow()};
    store::SqliteStore store;
    domain::QueueService queue{config, store, clock};
    domain::StaffService staff{config, store, clock};
    domain::SurveyService survey{config, store, clock};

    explicit Services(const std::string& dbPath) : store(dbPath) {}
};

std::string run(Services& s, const std::string& command, const std::string& argument) {
    if (command == "take") {
        const auto issued = s.queue.takeTicket(argument);
        return "ticket " + issued.ticket.code + " " + issued.ticket.surveyCode;
    }
    if (command == "serve") {
        const auto called = s.staff.callNext(1);
        if (!called) return "nobody";
        const auto served = s.staff.serve(called->code);
        return "served " + served.code + " " + served.surveyCode;
    }
    if (command == "survey") {
        domain::SurveyAnswer answer;
        answer.overall = 4;
        s.survey.submit(argument, answer);
        return "answered";
    }
    if (command == "count") return "tickets " + std::to_string(s.store.ticketsOfDay(s.clock.now().date).size());
    return "refused unknown command " + command;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fault_worker DB\n";
        return 2;
    }
    try {
        Services services(argv[1]);
        std::string line;
        while (std::getline(std::cin, line)) {
            std::istringstream words(line);
            std::string command, argument;
            words >> command >> argument;
            if (command == "quit") return 0;
            std::string answer;
            try {
                answer = run(services, command, argument);
            } catch (const domain::StoreError& e) {
                answer = std::string("error ") + e.what();
            } catch (const std::exception& e) {
                answer = std::string("refused ") + e.what();
            }
            std::cout << answer << std::endl;  // flushed: the test waits for this line
        }
    } catch (const std::exception& e) {
        std::cerr << "fault_worker: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
