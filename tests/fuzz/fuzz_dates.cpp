// Fuzzes the civil date and time parsers (config closures, kioskctl --date/--at, stored rows):
// domain::LocalDate::parse and domain::LocalDateTime::parse.
// Properties: what parses is a valid date of years 1-9999, prints back as the same text, and
// survives day and second arithmetic (there and back again) without UB.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/civil_time.hpp"
#include "fuzz_check.hpp"

namespace {

void checkDate(const domain::LocalDate& date, std::string_view text) {
    fuzz::require(date.valid(), "parsed date is valid", text);
    fuzz::require(date.year >= 1 && date.year <= 9999, "year 1..9999", text);
    fuzz::require(date.weekdayIso() >= 1 && date.weekdayIso() <= 7, "weekday 1..7", text);
    // A year either way, through leap days and year ends, and back.
    fuzz::require(date.plusDays(366).plusDays(-366) == date, "days there and back", text);
    fuzz::require(date.plusDays(1).days() - date.days() == std::chrono::days{1}, "next day is one day on", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::asText(data, size);
    if (const auto date = domain::LocalDate::parse(text)) {
        checkDate(*date, text);
        fuzz::require(date->iso() == text, "date prints back as typed", text);
    }
    if (const auto at = domain::LocalDateTime::parse(text)) {
        checkDate(at->date, text);
        fuzz::require(at->secondOfDay >= 0 && at->secondOfDay < 86400, "second of day in range", text);
        const domain::LocalDateTime later = at->plusSeconds(86400 + 3600);
        fuzz::require(later.secondsSince(*at) == 86400 + 3600, "seconds add up", text);
        fuzz::require(later.plusSeconds(-(86400 + 3600)) == *at, "seconds there and back", text);
        const auto reparsed = domain::LocalDateTime::parse(at->iso());
        fuzz::require(reparsed && *reparsed == *at, "date-time prints back to the same instant", text);
    }
    return 0;
}
