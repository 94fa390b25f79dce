#pragma once
// What the staff do with the queue: call, recall, serve, no-show, requeue, transfer; the day's figures.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "civil_time.hpp"
#include "config.hpp"
#include "ticket_store.hpp"

namespace domain {

enum class StaffAction { Call, Recall, Serve, NoShow, Requeue, Transfer };

// The states a ticket may be in for the action to make sense (serving a no-show does not).
std::vector<TicketState> statesAllowing(StaffAction action);

// The day at a glance, for the staff console and kioskctl.
struct DayFigures {
    int taken = 0;
    int waiting = 0;
    int called = 0;
    int served = 0;
    int noShow = 0;
    double averageWaitMinutes = 0;  // issue to first call, over called/served/no-show tickets
    int longestWaitMinutes = 0;     // the same, longest; includes those still waiting now
};

DayFigures dayFigures(const std::vector<Ticket>& ticketsOfDay, const LocalDateTime& now);

// Normalises what staff type ("a7", "A 007") to the stored code ("A007"); throws
// UnknownTicketError when it cannot be a code.
std::string normalizeTicketCode(std::string_view typed);

class StaffService {
public:
    StaffService(const Config& config, TicketStore& store, const Clock& clock);

    // Desks are 1-based indexes into config.staff.rooms; throws std::out_of_range naming the rooms.
    const std::string& room(int desk) const;

    std::optional<Ticket> callNext(int desk);
    Ticket call(std::string_view code, int desk);
    Ticket recall(int desk);  // the ticket last called to that desk, still called
    Ticket serve(std::string_view code);
    Ticket noShow(std::string_view code);
    Ticket requeue(std::string_view code);
    Ticket transfer(std::string_view code, std::string_view categoryId);

    DayFigures figures() const;
    std::vector<CallRecord> recentCalls(int limit) const;

private:
    TicketChange change(std::string_view code, StaffAction action) const;

    const Config& m_config;
    TicketStore& m_store;
    const Clock& m_clock;
};

}  // namespace domain
