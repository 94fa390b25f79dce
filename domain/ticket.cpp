#include "ticket.hpp"

#include <cctype>
#include <cstdio>

namespace domain {

std::string_view toString(TicketState s) {
    switch (s) {
        case TicketState::Waiting: return "waiting";
        case TicketState::Called: return "called";
        case TicketState::Served: return "served";
        case TicketState::NoShow: return "no-show";
    }
    return "waiting";
}

std::optional<TicketState> ticketStateFromString(std::string_view s) {
    for (auto st : {TicketState::Waiting, TicketState::Called, TicketState::Served, TicketState::NoShow})
        if (toString(st) == s) return st;
    return std::nullopt;
}

std::string formatTicketCode(char prefix, int number) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%c%03d", prefix, number);
    return buf;
}

std::optional<ParsedTicketCode> parseTicketCode(std::string_view text) {
    std::string compact;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    if (compact.size() < 2 || compact.size() > 8 || !std::isalpha(static_cast<unsigned char>(compact[0])))
        return std::nullopt;
    int number = 0;
    for (size_t i = 1; i < compact.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(compact[i]))) return std::nullopt;
        number = number * 10 + (compact[i] - '0');
    }
    if (number <= 0) return std::nullopt;
    return ParsedTicketCode{static_cast<char>(std::toupper(static_cast<unsigned char>(compact[0]))), number};
}

}  // namespace domain
