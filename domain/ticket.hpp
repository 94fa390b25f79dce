#pragma once
// Queue tickets and the categories they are taken for.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "civil_time.hpp"

namespace domain {

// A category's label and description in another language (config [categories.translations.en]).
struct CategoryTranslation {
    std::string label;
    std::string description;  // empty exactly when the Italian one is
};

// A kind of citizen the office serves (Adulti, Anziani ...); its prefix letter starts ticket codes.
struct Category {
    std::string id;           // stable key used in config, database and kioskctl: "adulti"
    std::string label;        // Italian label shown to citizens: "Adulti"
    char prefix = 'A';        // first character of the ticket code: 'A' -> "A007"
    std::string description;  // one line on who it is for, shown under the label
    // By language code ("en"); a language absent here shows the Italian texts
    // (domain::localizedCategory, config_translations.hpp).
    std::map<std::string, CategoryTranslation, std::less<>> translations{};
};

enum class TicketState { Waiting, Called, Served, NoShow };

std::string_view toString(TicketState s);  // "waiting", "called", "served", "no-show"
std::optional<TicketState> ticketStateFromString(std::string_view s);

// One queue number handed to a citizen on one service day.
struct Ticket {
    std::int64_t id = 0;           // store key, never shown
    std::string code;              // "A007": prefix + number, unique per service day
    std::string categoryId;
    int number = 0;                // per category, restarts at 1 every service day
    LocalDate serviceDay;
    LocalDateTime issuedAt;
    TicketState state = TicketState::Waiting;
    std::optional<std::string> desk;           // room or desk it was called to
    std::optional<LocalDateTime> calledAt;     // first call: ends the wait
    std::optional<LocalDateTime> finishedAt;   // served or no-show: ends the interview
    std::string surveyCode;                    // six random digits for the one survey answer
};

// "A" + 7 -> "A007"; numbers above 999 keep all their digits ("A1000").
std::string formatTicketCode(char prefix, int number);

struct ParsedTicketCode {
    char prefix;
    int number;
};
// Accepts what a person may type: "a7", "A007", " A 12 "; nullopt when it is not a code.
std::optional<ParsedTicketCode> parseTicketCode(std::string_view text);

}  // namespace domain
