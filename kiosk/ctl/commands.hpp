#pragma once
// The kioskctl subcommands, each over an opened queue; main.cpp only parses and dispatches.
#include <iosfwd>
#include <optional>
#include <string>

#include "domain/queue.hpp"
#include "domain/staff.hpp"
#include "domain/texts.hpp"

namespace ctl {

// Exit codes are part of the interface scripts rely on.
enum ExitCode : int {
    kOk = 0,
    kUsage = 2,
    kConfigError = 3,
    kStoreError = 4,
    kUnknownCategory = 5,
    kTicketRefused = 6,       // closed, not yet open, after the cut-off, or numbers sold out
    kCharterNotMet = 7,       // check-config: the hours break a commitment of the charter
    kNobodyWaiting = 8,       // call: no ticket of the day is waiting
    kUnknownTicket = 9,       // no ticket with that code today, or not a code at all
    kTransitionRefused = 10,  // the ticket's state does not allow it (serving a served ticket)
};

// Prints the new ticket code alone on the first line, then what the citizen would read.
// Refused: the same sentence the kiosk shows, on stderr.
int takeTicket(domain::QueueService& queue, const domain::Texts& texts, const std::string& categoryId,
               std::ostream& out, std::ostream& err);

// The day's queue, as a table for people or as JSON for scripts.
int printStatus(const domain::QueueService& queue, bool json, std::ostream& out);

// A loaded config's figures against the charter's commitments on the hours.
int checkConfig(const domain::Config& config, std::ostream& out);

// The staff's actions. Each prints what happened on stdout ("A007 -> Stanza 2", "A007 served");
// a bad desk number, an unknown code or a refused change is reported on stderr with its exit code.
int callNext(domain::StaffService& staff, int desk, std::ostream& out, std::ostream& err);
int callTicket(domain::StaffService& staff, const std::string& code, int desk, std::ostream& out, std::ostream& err);
int recall(domain::StaffService& staff, int desk, std::ostream& out, std::ostream& err);
int serve(domain::StaffService& staff, const std::string& code, std::ostream& out, std::ostream& err);
int noShow(domain::StaffService& staff, const std::string& code, std::ostream& out, std::ostream& err);
int requeue(domain::StaffService& staff, const std::string& code, std::ostream& out, std::ostream& err);
int transfer(domain::StaffService& staff, const domain::Config& config, const std::string& code,
             const std::string& categoryId, std::ostream& out, std::ostream& err);

// The day at a glance (domain::DayFigures), for people or as JSON.
int printFigures(const domain::StaffService& staff, bool json, std::ostream& out);

// Stores the hash of a new staff PIN: `pin` if given, else one line read from `in`. Never echoes it.
int setPin(domain::TicketStore& store, const std::optional<std::string>& pin, std::istream& in, std::ostream& out,
           std::ostream& err);

}  // namespace ctl
