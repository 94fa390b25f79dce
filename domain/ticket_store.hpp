#pragma once
// The storage interface the domain needs; the SQLite adapter (kiosk/store) implements it.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "survey.hpp"
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

// Decides on a new ticket from the categories (after any transfer) of the service day's waiting
// tickets, in issue order; throws to refuse it.
using Admission = std::function<void(const std::vector<std::string>& waitingCategoryIds)>;

// How long the interviews of served tickets took: teaches the wait estimate.
struct InterviewStats {
    int samples = 0;
    double averageMinutes = 0;
};

// The tickets of one service day, category (after any transfer) and hour of arrival, counted by
// the store: the demand report over years of data reads these few rows, not every ticket.
struct DemandCell {
    LocalDate serviceDay;
    std::string categoryId;
    int hour = 0;                   // hour of issued_at, 0..23
    int tickets = 0;
    int served = 0;
    int noShow = 0;
    int called = 0;                 // tickets with a first call: the ones whose wait is known
    double totalWaitMinutes = 0;    // sum over them of called_at - issued_at
    double longestWaitMinutes = 0;
};

// One call of a ticket to a room, as the hall board shows it (a recall is a call too).
struct CallRecord {
    std::int64_t id = 0;  // increasing: the newest call has the highest id
    std::string code;
    std::string desk;
    LocalDateTime calledAt;
};

// Call the oldest waiting ticket of the day to a desk; priority categories go first.
struct CallNextRequest {
    LocalDate serviceDay;
    std::string desk;
    LocalDateTime now;
    std::vector<std::string> priorityCategoryIds;
};

// A change of one ticket's state, applied only if the ticket is still in one of `from`:
// the check and the write are one transaction, so two desks never act on the same ticket.
struct TicketChange {
    LocalDate serviceDay;
    std::string code;
    std::vector<TicketState> from;
    TicketState to = TicketState::Waiting;
    std::optional<std::string> desk;            // calling: the room
    std::optional<LocalDateTime> calledAt;      // calling: set only if not called before
    std::optional<LocalDateTime> finishedAt;    // served / no-show
    bool clearCall = false;                     // back in the queue: forget desk, call and end times
    std::optional<std::string> newCategoryId;   // transfer
    bool logCall = false;                       // add a CallRecord for the board
};

// One anonymous counter of the scheda di Segretariato (what people come for): how many
// interviews of one service day and category counted one (facet, value), e.g.
// ("need", "housing"), ("answer", "referral"), ("referral", "centro-impiego"), ("contact", "first").
// Only these counters are stored: no row per interview, no ticket, no time of day, no free text.
struct ContactTallyKey {
    std::string facet;
    std::string value;
};

struct ContactTally {
    LocalDate serviceDay;
    std::string categoryId;
    std::string facet;
    std::string value;
    int count = 0;
};

// The code names no ticket of that service day.
class UnknownTicketError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// The ticket exists but its state does not allow the change ("A007 is served: it cannot be called").
class TransitionError : public std::logic_error {
public:
    using std::logic_error::logic_error;
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

    // issueTicket with a decision first, on the queue as it is when the ticket is numbered: a
    // repeated token returns its ticket without asking `admit`; otherwise `admit` gets the day's
    // waiting tickets' categories and may throw, and then nothing is stored and the exception
    // propagates. A store that can hold a lock across both does it atomically (so several kiosks
    // never decide on a stale queue); this default, for single-process stores, does not.
    virtual Ticket issueTicketIfAdmitted(const NewTicketRequest& request, const Admission& admit) {
        if (!request.requestToken.empty())
            if (auto repeated = findByRequestToken(request.requestToken)) return *repeated;
        std::vector<std::string> waiting;
        for (const Ticket& t : ticketsOfDay(request.issuedAt.date))
            if (t.state == TicketState::Waiting) waiting.push_back(t.categoryId);
        admit(waiting);
        return issueTicket(request);
    }

    // The ticket a request token already produced, if any (a repeated tap).
    virtual std::optional<Ticket> findByRequestToken(const std::string& token) = 0;

    // Every ticket of one service day, in issue order (id ascending).
    virtual std::vector<Ticket> ticketsOfDay(const LocalDate& serviceDay) = 0;

    // The number the next ticket of the category would get (nothing is stored).
    virtual int nextNumber(const std::string& categoryId, const LocalDate& serviceDay) = 0;

    // Atomically picks the next waiting ticket, marks it called at the desk, logs the call.
    // nullopt when nobody is waiting.
    virtual std::optional<Ticket> callNext(const CallNextRequest& request) = 0;

    // Applies the change atomically and returns the ticket as it is afterwards. Throws
    // UnknownTicketError or TransitionError (naming the current state) and changes nothing.
    virtual Ticket changeTicket(const TicketChange& change) = 0;

    // The latest calls of the day, newest first.
    virtual std::vector<CallRecord> recentCalls(const LocalDate& serviceDay, int limit) = 0;

    // Small named values kept with the data (the staff PIN's hash).
    virtual std::optional<std::string> setting(const std::string& key) = 0;
    virtual void setSetting(const std::string& key, const std::string& value) = 0;

    // Served tickets of service days from `since` on that have both call and end times.
    virtual InterviewStats interviewStats(const LocalDate& since) = 0;

    // Changes whenever another connection commits: cheap to poll to know when to redraw.
    virtual std::uint64_t dataVersion() = 0;

    // Stores one anonymous survey answer with `today` as its day and nothing linking it to a ticket.
    // With a code (six digits, already normalised) the ticket of `today` holding it must be served
    // and not yet answered for; it is marked used in the same transaction as the answer is stored,
    // so two simultaneous answers with one code store exactly one. nullopt: a paper form typed by
    // staff. Throws SurveyRefusedError (and stores nothing) for an unknown, unserved or used code
    // or a score outside 1..5.
    virtual void submitSurvey(const LocalDate& today, const std::optional<std::string>& surveyCode,
                              const SurveyAnswer& answer) = 0;

    // Whether submitSurvey would accept the code today: throws the same SurveyRefusedError it would
    // (unknown, not served, already used) and changes nothing. Lets the kiosk refuse a code before
    // asking the questions; submitSurvey checks again, atomically, when the answer comes.
    virtual void checkSurveyCode(const LocalDate& today, const std::string& surveyCode) = 0;

    // The answers of the days from `from` to `to` inclusive, in day order (and no other).
    virtual std::vector<StoredAnswer> surveyAnswers(const LocalDate& from, const LocalDate& to) = 0;

    // The same answers counted per day and source (kiosk, paper): all the figures and the reports
    // need. Counted here from surveyAnswers; a store that keeps the counts returns them directly.
    virtual std::vector<DayScoreTally> surveyTallies(const LocalDate& from, const LocalDate& to) {
        return tallyByDay(surveyAnswers(from, to));
    }

    // Adds one to each counter (day, category, key) in one transaction: all of them or none.
    // Keys repeated in one call count once each time they appear.
    virtual void addContactTallies(const LocalDate& serviceDay, const std::string& categoryId,
                                   const std::vector<ContactTallyKey>& keys) = 0;

    // The counters of the days from `from` to `to` inclusive, ordered by day, category, facet, value.
    virtual std::vector<ContactTally> contactTallies(const LocalDate& from, const LocalDate& to) = 0;

    // The tickets of the days from `from` to `to` inclusive, counted per day, category and hour.
    virtual std::vector<DemandCell> demandCells(const LocalDate& from, const LocalDate& to) = 0;
};

}  // namespace domain
