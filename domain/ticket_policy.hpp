#pragma once
// When a ticket can be handed out, and how long its holder will likely wait.
#include <optional>
#include <string>

#include "civil_time.hpp"
#include "config.hpp"
#include "opening_hours.hpp"
#include "texts.hpp"
#include "ticket_store.hpp"

namespace domain {

enum class Refusal {
    None,
    ClosedToday,       // no session left today: numbers at the next opening
    NotYetOpen,        // a session today, but numbers start only shortly before it
    AfterCutoff,       // the session is about to end
    QueueFull,         // those already waiting fill the time left
    NoOpeningPlanned,  // nothing opens in the coming year: a config problem
};

// The answer to "can I have a number now?", with what the citizen needs to hear if not.
struct IssueDecision {
    Refusal refusal = Refusal::None;
    std::optional<Session> session;      // the session the ticket is for (allowed, or NotYetOpen)
    std::optional<Session> nextOpening;  // when refused: the next session numbers are given for
    std::optional<std::string> closedReason;  // "Natale" when today is a holiday
    LocalDateTime ticketsFrom;           // NotYetOpen: when numbers start

    bool allowed() const { return refusal == Refusal::None; }
};

// Interview length in minutes: learned from enough served tickets, otherwise the configured one.
double interviewMinutes(const TicketRules& rules, const InterviewStats& learned);

// The decision for a new ticket at `now`, with `waiting` tickets already in line.
IssueDecision decideIssue(const OpeningCalendar& calendar, const TicketRules& rules, const LocalDateTime& now,
                          int waiting, double interviewMinutes);

// Minutes until a ticket with `peopleAhead` is called: the wait for the opening plus the
// interviews ahead, shared among the session's desks. Exact, not rounded.
double expectedWaitMinutes(const Session& session, const LocalDateTime& now, int peopleAhead, double interviewMinutes);

// What the ticket says: up to the next 5 minutes, never less than 5, so nobody is promised
// a call sooner than is likely ("circa 25 minuti").
int roundedWaitMinutes(double minutes);

// "mercoledì 2 dicembre, 16:30"
std::string sessionStartText(const Texts& texts, const Session& session);

// The sentence the kiosk and kioskctl show when no number can be had.
std::string refusalText(const Texts& texts, const IssueDecision& decision);

}  // namespace domain
