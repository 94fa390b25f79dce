#pragma once
// The storage interface the domain needs; the SQLite adapter (kiosk/store) implements it.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ticket.hpp"

namespace domain {

// What the domain asks the store to record for a new ticket; the store assigns the number.
struct NewTicketRequest {
    std::string categoryId;
    char prefix = 'A';
    LocalDateTime issuedAt;  // its date is the service day
    // Same non-empty token twice -> the same ticket back, never a second one (a double tap).
    std::string requestToken;
};

// How long the interviews of served tickets took: teaches the wait estimate.
struct InterviewStats {
    int samples = 0;
    double averageMinutes = 0;
};

// A storage failure a person can act on (disk full, database locked too long, corrupt file).
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class TicketStore {
public:
    virtual ~TicketStore() = default;

    // Atomically gives the ticket the next number of its category on its service day and stores
    // it durably; returns only after the commit. Two processes never get the same number.
    virtual Ticket issueTicket(const NewTicketRequest& request) = 0;

    // The ticket a request token already produced, if any (a repeated tap).
    virtual std::optional<Ticket> findByRequestToken(const std::string& token) = 0;

    // Every ticket of one service day, in issue order (id ascending).
    virtual std::vector<Ticket> ticketsOfDay(const LocalDate& serviceDay) = 0;

    // The number the next ticket of the category would get (nothing is stored).
    virtual int nextNumber(const std::string& categoryId, const LocalDate& serviceDay) = 0;

    // Served tickets of service days from `since` on that have both call and end times.
    virtual InterviewStats interviewStats(const LocalDate& since) = 0;

    // Changes whenever another connection commits: cheap to poll to know when to redraw.
    virtual std::uint64_t dataVersion() = 0;
};

}  // namespace domain
