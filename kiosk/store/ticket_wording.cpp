#include "kiosk/store/ticket_wording.hpp"

#include <algorithm>

namespace store {

bool stateIn(const std::vector<domain::TicketState>& states, domain::TicketState state) {
    return std::find(states.begin(), states.end(), state) != states.end();
}

std::string_view inPlainWords(domain::TicketState state) {
    return state == domain::TicketState::NoShow ? "a no-show" : domain::toString(state);
}

std::string refusedTransition(const domain::Ticket& ticket, domain::TicketState to) {
    const std::string prefix = "ticket " + ticket.code + " is ";
    if (ticket.state == to) return prefix + "already " + std::string(inPlainWords(to));
    return prefix + std::string(inPlainWords(ticket.state)) + ": it cannot become " + std::string(inPlainWords(to));
}

std::string unknownTicket(const domain::TicketChange& change) {
    return "no ticket " + change.code + " today (" + change.serviceDay.iso() + ")";
}

}  // namespace store
