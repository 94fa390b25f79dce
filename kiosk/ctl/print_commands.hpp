#pragma once
// kioskctl's printer subcommands: a test page, a reprint, and a PNG preview of a ticket.
#include <iosfwd>
#include <optional>
#include <string>

#include "domain/i18n.hpp"
#include "domain/queue.hpp"

namespace ctl {

// Today's stored ticket with that code (typed as a person types it: "a7", "A007"), described as
// it stands now: people ahead and the wait are today's figures, not those of when it was taken.
std::optional<domain::IssuedTicket> todaysTicket(const domain::QueueService& queue, const std::string& code);

// The language a ticket is printed in (--language): as on the kiosk, the citizen's language when
// the printer can print all of it, otherwise Italian.
struct TicketLanguage {
    const domain::Catalog& catalog;
    std::string code = "it";
};

// A sample ticket ("A000", marked as a test) to the configured printer. Prints where it went;
// no printer or a fault: the reason on stderr, kPrintFailed.
int printTest(const domain::Config& config, const domain::Clock& clock, const TicketLanguage& language,
              std::ostream& out, std::ostream& err);

// Today's ticket CODE again, marked as a reprint. Unknown code: kUnknownTicket; fault: kPrintFailed.
int reprint(const domain::QueueService& queue, const std::string& code, const TicketLanguage& language,
            std::ostream& out, std::ostream& err);

// A PNG of today's ticket CODE as the printer would print it (width from [printer] width_chars).
int printPreview(const domain::QueueService& queue, const std::string& code, const TicketLanguage& language,
                 const std::string& assetsDir, const std::string& pngPath, std::ostream& out, std::ostream& err);

}  // namespace ctl
