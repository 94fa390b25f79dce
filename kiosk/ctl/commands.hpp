#pragma once
// The kioskctl subcommands, each over an opened queue; main.cpp only parses and dispatches.
#include <iosfwd>
#include <string>

#include "domain/queue.hpp"
#include "domain/texts.hpp"

namespace ctl {

// Exit codes are part of the interface scripts rely on.
enum ExitCode : int {
    kOk = 0,
    kUsage = 2,
    kConfigError = 3,
    kStoreError = 4,
    kUnknownCategory = 5,
    kTicketRefused = 6,     // closed, not yet open, after the cut-off, or numbers sold out
    kCharterNotMet = 7,     // check-config: the hours break a commitment of the charter
};

// Prints the new ticket code alone on the first line, then what the citizen would read.
// Refused: the same sentence the kiosk shows, on stderr.
int takeTicket(domain::QueueService& queue, const domain::Texts& texts, const std::string& categoryId,
               std::ostream& out, std::ostream& err);

// The day's queue, as a table for people or as JSON for scripts.
int printStatus(const domain::QueueService& queue, bool json, std::ostream& out);

// A loaded config's figures against the charter's commitments on the hours.
int checkConfig(const domain::Config& config, std::ostream& out);

}  // namespace ctl
