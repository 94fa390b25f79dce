#pragma once
// The words both stores use when they refuse a change of a ticket: the staff screen shows them,
// so SQLite and PostgreSQL sites read the same sentence.
#include <string>
#include <string_view>
#include <vector>

#include "domain/ticket_store.hpp"

namespace store {

bool stateIn(const std::vector<domain::TicketState>& states, domain::TicketState state);
std::string_view inPlainWords(domain::TicketState state);
// "ticket A007 is served: it cannot become called", "ticket A007 is already served"
std::string refusedTransition(const domain::Ticket& ticket, domain::TicketState to);
// "no ticket A099 today (2026-11-30)"
std::string unknownTicket(const domain::TicketChange& change);

}  // namespace store
