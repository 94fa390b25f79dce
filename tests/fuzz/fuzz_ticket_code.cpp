// Fuzzes the ticket-code parsers staff and kioskctl type into: domain::parseTicketCode and
// domain::normalizeTicketCode ("a 7" -> "A007").
// Properties: a parsed code is one letter A-Z and a positive number; the stored form parses back
// to the same code and is a fixed point of normalisation; what does not parse is refused with
// UnknownTicketError, never another exception or a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/staff.hpp"
#include "domain/ticket.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::asText(data, size);
    const auto parsed = domain::parseTicketCode(text);
    if (!parsed) {
        bool refused = false;
        try {
            domain::normalizeTicketCode(text);
        } catch (const domain::UnknownTicketError& error) {
            // The message reaches staff screens and logs whole, whatever bytes were typed.
            refused = std::string_view(error.what()).find("is not a ticket code (like A007)") !=
                      std::string_view::npos;
        }
        fuzz::require(refused, "a text that is not a code is refused, and the message says so", text);
        return 0;
    }
    fuzz::require(parsed->prefix >= 'A' && parsed->prefix <= 'Z', "prefix is an uppercase letter", text);
    fuzz::require(parsed->number >= 1, "number is positive", text);

    const std::string stored = domain::formatTicketCode(parsed->prefix, parsed->number);
    fuzz::require(stored.size() >= 4 && stored.size() <= 8, "stored code is 4 to 8 characters", text);
    const auto again = domain::parseTicketCode(stored);
    fuzz::require(again && again->prefix == parsed->prefix && again->number == parsed->number,
                  "stored code parses back to the same code", text);
    fuzz::require(domain::normalizeTicketCode(text) == stored, "normalised form is the stored form", text);
    fuzz::require(domain::normalizeTicketCode(stored) == stored, "normalising is idempotent", text);
    return 0;
}
