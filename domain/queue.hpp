#pragma once
// The day's queue: taking tickets and seeing who is ahead, over an injected store and clock.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "civil_time.hpp"
#include "config.hpp"
#include "opening_hours.hpp"
#include "ticket_policy.hpp"
#include "ticket_store.hpp"

namespace domain {

// A waiting ticket and its place in line (1 = the next one to be called).
struct QueueEntry {
    Ticket ticket;
    int position = 0;
};

// What the screens and kioskctl show of one service day.
struct QueueSnapshot {
    LocalDate serviceDay;
    std::vector<Ticket> tickets;     // all of the day, in issue order
    std::vector<QueueEntry> waiting;  // waiting ones, in calling order

    int waitingCount() const { return static_cast<int>(waiting.size()); }
    int positionOf(std::int64_t ticketId) const;  // 0 when not waiting
};

// A ticket just handed to a citizen, with what the ticket screen tells them.
struct IssuedTicket {
    Ticket ticket;
    const Category* category = nullptr;
    int peopleAhead = 0;
    int waitMinutes = 0;  // rounded up honestly (see roundedWaitMinutes)
};

class UnknownCategoryError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// No number can be handed out now; the decision says why and when the next opening is.
class TicketRefusedError : public std::runtime_error {
public:
    explicit TicketRefusedError(IssueDecision decision)
        : std::runtime_error("no ticket can be issued now"), m_decision(std::move(decision)) {}
    const IssueDecision& decision() const { return m_decision; }

private:
    IssueDecision m_decision;
};

// Orders the waiting tickets of a day as staff will call them: priority categories first, then
// first come, first called.
std::vector<QueueEntry> waitingInCallingOrder(const std::vector<Ticket>& ticketsOfDay,
                                              const std::vector<std::string>& priorityCategoryIds = {});

// How many of the waiting tickets (their categories, in issue order) staff will call before a new
// ticket of `categoryId`, the newest of all: every one of them, or for a priority category only
// the priority ones (the order of waitingInCallingOrder).
int peopleAheadOfNewTicket(std::string_view categoryId, const std::vector<std::string>& waitingCategoryIds,
                           const std::vector<std::string>& priorityCategoryIds = {});

class QueueService {
public:
    QueueService(const Config& config, TicketStore& store, const Clock& clock);

    // Takes a ticket now, if the hours and the queue allow it (TicketRefusedError otherwise).
    // A repeated non-empty requestToken returns the first ticket again, whatever the hours say.
    // The queue is read once, by the store, inside the write that numbers the ticket: the decision
    // and the people ahead are those of the moment the ticket is stored.
    IssuedTicket takeTicket(std::string_view categoryId, const std::string& requestToken = {});

    // Could a ticket be taken now? Read-only.
    IssueDecision issueDecision() const;
    // The interview length used for estimates right now, in minutes.
    double interviewMinutes() const;
    const OpeningCalendar& calendar() const { return m_calendar; }

    // What a ticket's holder reads now: people ahead and the honest wait (reprints, previews).
    IssuedTicket describe(const Ticket& ticket, const Category& category, int peopleAhead) const;

    // What a ticket taken now would look like, without storing anything (screenshots, previews).
    IssuedTicket previewTicket(std::string_view categoryId) const;

    QueueSnapshot snapshot() const;
    LocalDateTime now() const { return m_clock.now(); }
    const Config& config() const { return m_config; }

private:
    const Category& categoryOrThrow(std::string_view id) const;
    IssuedTicket describeWith(const Ticket& ticket, const Category& category, int peopleAhead,
                              double interviewMinutes) const;

    const Config& m_config;
    TicketStore& m_store;
    const Clock& m_clock;
    OpeningCalendar m_calendar;
};

}  // namespace domain
