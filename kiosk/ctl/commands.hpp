#pragma once
// The kioskctl subcommands, each over an opened queue; main.cpp only parses and dispatches.
#include <iosfwd>
#include <string>

#include "domain/queue.hpp"

namespace ctl {

// Exit codes are part of the interface scripts rely on.
enum ExitCode : int {
    kOk = 0,
    kUsage = 2,
    kConfigError = 3,
    kStoreError = 4,
    kUnknownCategory = 5,
};

// Prints the new ticket code alone on the first line, then what the citizen would read.
int takeTicket(domain::QueueService& queue, const std::string& categoryId, std::ostream& out);

// The day's queue, as a table for people or as JSON for scripts.
int printStatus(const domain::QueueService& queue, bool json, std::ostream& out);

}  // namespace ctl
