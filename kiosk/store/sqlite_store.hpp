#pragma once
// domain::TicketStore on one SQLite file shared by the kiosk UI, the staff screen and kioskctl.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/ticket_store.hpp"
#include "kiosk/store/wal_guard.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace store {

namespace detail {
struct ConnectionCloser {
    void operator()(sqlite3* db) const noexcept;
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const noexcept;
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;
}  // namespace detail

// What SqliteStore::walLoss reports.
struct WalLoss {
    bool saved = false;   // every committed transaction is in the database file now
    std::string message;  // what happened and what to do, for the log
};

// Several processes may each hold their own SqliteStore on the same file: numbering stays
// gap-free and duplicate-free because every issue happens inside one BEGIN IMMEDIATE transaction.
// Calls and other changes of a ticket's state are likewise one BEGIN IMMEDIATE transaction each,
// so two desks never call the same ticket. A survey answer is stored and its ticket's code marked
// used in one BEGIN IMMEDIATE transaction too, so one code never yields two answers. A transferred ticket keeps its code and number: the
// citizen holds the paper, and numbering follows the category the ticket was issued for.
// One object is one connection and must be used by one thread at a time.
// Every failure is reported as domain::StoreError naming the file.
class SqliteStore : public domain::TicketStore {
public:
    // The PRAGMA user_version this build creates and understands; newer files are refused.
    static constexpr int kSchemaVersion = 7;

    // Creates the file (and its parent directory) when missing and brings its schema up to date.
    // Refuses, without writing a byte (nor moving its -wal into it), files that are not SQLite
    // databases, damaged ones (PRAGMA quick_check, see startup_check.hpp for its cost), SQLite
    // databases of other programs, and databases written by a newer version of this program.
    // "Ours" means: empty with user_version 0, or user_version 1..kSchemaVersion with exactly the
    // tables, indexes and triggers (and table columns) that version's migrations create.
    explicit SqliteStore(const std::string& path);
    ~SqliteStore() override;

    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;
    SqliteStore(SqliteStore&&) = delete;
    SqliteStore& operator=(SqliteStore&&) = delete;

    domain::Ticket issueTicket(const domain::NewTicketRequest& request) override;
    // One BEGIN IMMEDIATE transaction: the token look-up, the day's waiting categories handed to
    // `admit`, the numbered insert and the durable commit.
    domain::Ticket issueTicketIfAdmitted(const domain::NewTicketRequest& request,
                                         const domain::Admission& admit) override;
    std::optional<domain::Ticket> findByRequestToken(const std::string& token) override;
    std::vector<domain::Ticket> ticketsOfDay(const domain::LocalDate& serviceDay) override;
    int nextNumber(const std::string& categoryId, const domain::LocalDate& serviceDay) override;
    std::optional<domain::Ticket> callNext(const domain::CallNextRequest& request) override;
    domain::Ticket changeTicket(const domain::TicketChange& change) override;
    std::vector<domain::CallRecord> recentCalls(const domain::LocalDate& serviceDay, int limit) override;
    std::optional<std::string> setting(const std::string& key) override;
    void setSetting(const std::string& key, const std::string& value) override;
    // Read from the per-day interview totals the schema keeps (interview_days), not from every ticket.
    domain::InterviewStats interviewStats(const domain::LocalDate& since) override;
    // Note: like PRAGMA data_version, it does not change for commits made through this object.
    std::uint64_t dataVersion() override;
    void submitSurvey(const domain::LocalDate& today, const std::optional<std::string>& surveyCode,
                      const domain::SurveyAnswer& answer) override;
    void checkSurveyCode(const domain::LocalDate& today, const std::string& surveyCode) override;
    std::vector<domain::StoredAnswer> surveyAnswers(const domain::LocalDate& from, const domain::LocalDate& to) override;
    // Read from the per-day counts the schema keeps (survey_score_counts), not from every answer.
    std::vector<domain::DayScoreTally> surveyTallies(const domain::LocalDate& from, const domain::LocalDate& to) override;
    // Read from the per-day cells the schema keeps (demand_cells), not from every ticket.
    std::vector<domain::DemandCell> demandCells(const domain::LocalDate& from, const domain::LocalDate& to) override;

    // One BEGIN IMMEDIATE transaction of upserts into contact_tallies, which has no ticket column.
    void addContactTallies(const domain::LocalDate& serviceDay, const std::string& categoryId,
                           const std::vector<domain::ContactTallyKey>& keys) override;
    std::vector<domain::ContactTally> contactTallies(const domain::LocalDate& from,
                                                     const domain::LocalDate& to) override;

    std::string path() const;

    // The file's -wal deleted (or replaced) while this store has it open: an operator's mistake
    // SQLite cannot see, after which the transactions committed in it exist only in the file the
    // running programs still hold open. Then every write is refused (StoreError), and each call
    // tries to copy those transactions into the database file through this connection until it
    // has succeeded (see wal_guard.hpp); so does the destructor. nullopt while the -wal is the
    // one opened. One stat() per call.
    std::optional<WalLoss> walLoss();

private:
    void configureConnection();
    void refuseFilesWeMustNotTouch();
    void switchToWriteAheadLog();
    void requireWriteAheadLog(const std::string& journalMode) const;
    void migrate();
    void prepareStatements();
    void prepareStaffStatements();
    void prepareSurveyStatements();

    void prepareTransactionStatements();

    int readUserVersion(const char* action);
    void refuseNewerSchema(int version) const;

    int selectNextNumber(const std::string& categoryId, const domain::LocalDate& serviceDay, const char* action);
    std::vector<std::string> waitingCategories(const domain::LocalDate& serviceDay);
    std::string freeSurveyCode(const domain::LocalDate& serviceDay);
    std::int64_t insertTicket(const domain::NewTicketRequest& request, int number, const std::string& code,
                              const std::string& surveyCode);
    std::int64_t usableSurveyTicket(const domain::LocalDate& today, const std::string& surveyCode);
    void useSurveyCode(const domain::LocalDate& today, const std::string& surveyCode);
    void insertAnswer(const domain::LocalDate& today, const domain::SurveyAnswer& answer, bool paper);

    std::optional<domain::Ticket> firstWaiting(const domain::CallNextRequest& request);
    std::optional<domain::Ticket> findByCode(const domain::LocalDate& serviceDay, const std::string& code,
                                             const char* action);
    domain::Ticket ticketById(std::int64_t id, const char* action);
    void markCalled(std::int64_t id, const std::string& desk, const domain::LocalDateTime& now);
    void applyChange(std::int64_t id, const domain::TicketChange& change);
    void logCall(const domain::Ticket& ticket, const std::optional<domain::LocalDateTime>& calledAt,
                 const char* action);

    std::string m_path;
    detail::Connection m_db;  // declared first so it is destroyed last, after the statements are finalized
    detail::Statement m_begin;   // BEGIN IMMEDIATE, COMMIT: prepared once, not at every write
    detail::Statement m_commit;
    detail::Statement m_findByToken;
    detail::Statement m_waitingCategories;
    detail::Statement m_nextNumber;
    detail::Statement m_insert;
    detail::Statement m_ticketsOfDay;
    detail::Statement m_dataVersion;
    detail::Statement m_interviewStats;
    detail::Statement m_firstWaiting;
    detail::Statement m_findByCode;
    detail::Statement m_ticketById;
    detail::Statement m_markCalled;
    detail::Statement m_applyChange;
    detail::Statement m_insertCall;
    detail::Statement m_recentCalls;
    detail::Statement m_setting;
    detail::Statement m_setSetting;
    detail::Statement m_surveyCodeTaken;
    detail::Statement m_ticketBySurveyCode;
    detail::Statement m_markSurveyUsed;
    detail::Statement m_insertAnswer;
    detail::Statement m_surveyAnswers;
    detail::Statement m_surveyTallies;
    detail::Statement m_demandCells;
    detail::Statement m_addContactTally;
    detail::Statement m_contactTallies;
    detail::WalGuard m_wal;
};

}  // namespace store
