#pragma once
// Sends a printed ticket to the printer named by [printer] target: a file, a device node, or a
// CUPS queue (as raw ESC/POS). Never throws: a fault is a result the kiosk shows and logs.
#include <string>

#include "domain/config.hpp"
#include "domain/ticket_print.hpp"

namespace common {

struct PrintResult {
    bool ok = false;
    bool skipped = false;  // target "none": nothing was tried, nothing went wrong (error is empty)
    std::string error;     // when neither ok nor skipped: English, for logs and the staff screen,
                           // naming the target ("printer device:/dev/usb/lp0: paper out")
};

class TicketPrinter {
public:
    // The target was checked by the config loader; an unparsable one (a hand-built config) makes
    // every print fail with a message saying so.
    explicit TicketPrinter(const domain::PrinterConfig& config);

    // False for target "none": the kiosk then shows the ticket without trying to print.
    bool enabled() const;

    // Prints a ticket that is already stored. Blocks for at most a few seconds.
    PrintResult print(const domain::PrintedTicket& ticket);

    // The bytes alone, to any target: print-test, and the tests.
    PrintResult send(const std::string& bytes);

    const domain::PrinterConfig& config() const { return m_config; }

private:
    domain::PrinterConfig m_config;
};

}  // namespace common
