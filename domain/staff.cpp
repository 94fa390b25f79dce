#include "staff.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "queue.hpp"
#include "shown_text.hpp"

namespace domain {

namespace {

TicketState stateAfter(StaffAction action) {
    switch (action) {
        case StaffAction::Call:
        case StaffAction::Recall:
            return TicketState::Called;
        case StaffAction::Serve:
            return TicketState::Served;
        case StaffAction::NoShow:
            return TicketState::NoShow;
        case StaffAction::Requeue:
        case StaffAction::Transfer:
            return TicketState::Waiting;
    }
    return TicketState::Waiting;
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

// Whole minutes from one time to a later one; a clock set back never makes a wait negative.
int minutesBetween(const LocalDateTime& from, const LocalDateTime& to) {
    return static_cast<int>(std::max(0LL, to.secondsSince(from)) / 60);
}

double exactMinutesBetween(const LocalDateTime& from, const LocalDateTime& to) {
    return static_cast<double>(std::max(0LL, to.secondsSince(from))) / 60.0;
}

void countState(DayFigures& figures, TicketState state) {
    switch (state) {
        case TicketState::Waiting:
            ++figures.waiting;
            break;
        case TicketState::Called:
            ++figures.called;
            break;
        case TicketState::Served:
            ++figures.served;
            break;
        case TicketState::NoShow:
            ++figures.noShow;
            break;
    }
}

const Category& categoryOrThrow(const Config& config, std::string_view id) {
    if (const Category* category = config.findCategory(id)) return *category;
    std::vector<std::string> known;
    for (const auto& category : config.categories) known.push_back(category.id);
    throw UnknownCategoryError("unknown category \"" + escapedControls(id) + "\" (known: " + joined(known) + ")");
}

// The ticket a desk called most recently among those still called there: the call log knows
// the order of recalls, which the first call time alone does not.
std::optional<Ticket> lastCalledAt(const std::vector<Ticket>& calledThere, const std::vector<CallRecord>& calls) {
    for (const auto& call : calls)
        for (const auto& ticket : calledThere)
            if (ticket.code == call.code) return ticket;
    if (calledThere.empty()) return std::nullopt;
    return *std::max_element(calledThere.begin(), calledThere.end(), [](const Ticket& a, const Ticket& b) {
        return std::tie(a.calledAt, a.id) < std::tie(b.calledAt, b.id);
    });
}

}  // namespace

std::vector<TicketState> statesAllowing(StaffAction action) {
    switch (action) {
        case StaffAction::Call:
            return {TicketState::Waiting};
        case StaffAction::Recall:
        case StaffAction::Serve:
        case StaffAction::NoShow:
            return {TicketState::Called};
        case StaffAction::Requeue:
            return {TicketState::Called, TicketState::NoShow};
        case StaffAction::Transfer:
            return {TicketState::Waiting, TicketState::Called};
    }
    return {};
}

DayFigures dayFigures(const std::vector<Ticket>& ticketsOfDay, const LocalDateTime& now) {
    DayFigures figures;
    figures.taken = static_cast<int>(ticketsOfDay.size());
    double totalWait = 0;
    int calledCount = 0;
    for (const auto& ticket : ticketsOfDay) {
        countState(figures, ticket.state);
        if (ticket.calledAt) {
            totalWait += exactMinutesBetween(ticket.issuedAt, *ticket.calledAt);
            ++calledCount;
            figures.longestWaitMinutes =
                std::max(figures.longestWaitMinutes, minutesBetween(ticket.issuedAt, *ticket.calledAt));
        } else if (ticket.state == TicketState::Waiting) {
            figures.longestWaitMinutes = std::max(figures.longestWaitMinutes, minutesBetween(ticket.issuedAt, now));
        }
    }
    if (calledCount > 0) figures.averageWaitMinutes = totalWait / calledCount;
    return figures;
}

std::string normalizeTicketCode(std::string_view typed) {
    const auto parsed = parseTicketCode(typed);
    // The typed text goes into the message escaped: a NUL would end what() before the explanation.
    if (!parsed) throw UnknownTicketError("\"" + escapedControls(typed) + "\" is not a ticket code (like A007)");
    return formatTicketCode(parsed->prefix, parsed->number);
}

StaffService::StaffService(const Config& config, TicketStore& store, const Clock& clock)
    : m_config(config), m_store(store), m_clock(clock) {}

const std::string& StaffService::room(int desk) const {
    const auto& rooms = m_config.staff.rooms;
    if (desk < 1 || static_cast<std::size_t>(desk) > rooms.size()) {
        const std::string counted = std::to_string(rooms.size()) + (rooms.size() == 1 ? " room" : " rooms");
        throw std::out_of_range("desk " + std::to_string(desk) + ": this office has " + counted + ": " + joined(rooms));
    }
    return rooms[static_cast<std::size_t>(desk - 1)];
}

TicketChange StaffService::change(std::string_view code, StaffAction action) const {
    TicketChange change;
    change.serviceDay = m_clock.now().date;
    change.code = normalizeTicketCode(code);
    change.from = statesAllowing(action);
    change.to = stateAfter(action);
    return change;
}

std::optional<Ticket> StaffService::callNext(int desk) {
    const LocalDateTime now = m_clock.now();
    return m_store.callNext({now.date, room(desk), now, m_config.staff.priorityCategoryIds});
}

Ticket StaffService::call(std::string_view code, int desk) {
    TicketChange called = change(code, StaffAction::Call);
    called.desk = room(desk);
    called.calledAt = m_clock.now();
    called.logCall = true;
    return m_store.changeTicket(called);
}

Ticket StaffService::recall(int desk) {
    const std::string& deskRoom = room(desk);
    const LocalDate today = m_clock.now().date;
    std::vector<Ticket> calledThere;
    for (const auto& ticket : m_store.ticketsOfDay(today))
        if (ticket.state == TicketState::Called && ticket.desk == deskRoom) calledThere.push_back(ticket);
    const auto last = lastCalledAt(calledThere, m_store.recentCalls(today, std::numeric_limits<int>::max()));
    if (!last) throw TransitionError("no ticket is called at " + deskRoom);

    TicketChange recalled = change(last->code, StaffAction::Recall);
    recalled.desk = deskRoom;
    recalled.calledAt = m_clock.now();  // the store keeps the first call time: it ends the wait
    recalled.logCall = true;
    return m_store.changeTicket(recalled);
}

Ticket StaffService::serve(std::string_view code) {
    TicketChange served = change(code, StaffAction::Serve);
    served.finishedAt = m_clock.now();
    return m_store.changeTicket(served);
}

Ticket StaffService::noShow(std::string_view code) {
    TicketChange missed = change(code, StaffAction::NoShow);
    missed.finishedAt = m_clock.now();
    return m_store.changeTicket(missed);
}

Ticket StaffService::requeue(std::string_view code) {
    TicketChange requeued = change(code, StaffAction::Requeue);
    requeued.clearCall = true;
    return m_store.changeTicket(requeued);
}

Ticket StaffService::transfer(std::string_view code, std::string_view categoryId) {
    const Category& category = categoryOrThrow(m_config, categoryId);
    TicketChange moved = change(code, StaffAction::Transfer);
    moved.clearCall = true;
    moved.newCategoryId = category.id;
    return m_store.changeTicket(moved);
}

DayFigures StaffService::figures() const {
    const LocalDateTime now = m_clock.now();
    return dayFigures(m_store.ticketsOfDay(now.date), now);
}

std::vector<CallRecord> StaffService::recentCalls(int limit) const {
    return m_store.recentCalls(m_clock.now().date, limit);
}

}  // namespace domain
