#pragma once
// domain::TicketStore on a PostgreSQL server: the store of a site with several PCs (issue #11).
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/ticket_store.hpp"

struct pg_conn;

namespace store {

namespace pgdetail {
struct ConnectionCloser {
    void operator()(pg_conn* connection) const noexcept;
};
using Connection = std::unique_ptr<pg_conn, ConnectionCloser>;
class Transaction;
class Result;
}  // namespace pgdetail

// The same guarantees as SqliteStore, for kiosks and desks on different PCs:
// - a ticket is numbered inside one transaction that first locks its service day's row in
//   service_days (SELECT ... FOR UPDATE): two kiosks queue there, so numbers stay gap-free and
//   unique per category and day, and the admission decision sees the queue as it is;
// - call-next picks the oldest waiting ticket with FOR UPDATE SKIP LOCKED: two desks never get
//   the same ticket, and neither waits for the other;
// - a ticket change locks its row and checks its state in the same transaction;
// - a survey code is marked used in the same transaction as its answer is stored;
// - every method that writes returns only after COMMIT succeeded (synchronous_commit = on): a
//   ticket is never shown or printed unless the server has it on disk.
// When the server cannot be reached every call throws domain::StoreError whose text contains
// kConnectionLost; the next calls reconnect with a growing pause (1 s doubling up to 30 s), so a
// frame loop polling dataVersion() does not hammer a dead server.
// One object is one connection and must be used by one thread at a time.
class PostgresStore : public domain::TicketStore {
public:
    static constexpr int kSchemaVersion = 1;
    // What every screen shows while the server cannot be reached (staff and citizens alike).
    static constexpr const char* kConnectionLost = "collegamento al server interrotto";

    // Connects (a libpq connection string or postgresql:// URL) and brings the schema up to date.
    // Refuses a database that has tables of another program, and one of a newer schema.
    explicit PostgresStore(const std::string& url);
    ~PostgresStore() override;

    PostgresStore(const PostgresStore&) = delete;
    PostgresStore& operator=(const PostgresStore&) = delete;

    domain::Ticket issueTicket(const domain::NewTicketRequest& request) override;
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
    domain::InterviewStats interviewStats(const domain::LocalDate& since) override;
    // Counts the other connections' commits announced by NOTIFY (like SQLite's data_version, not
    // this object's own), plus one at every reconnection.
    std::uint64_t dataVersion() override;
    void submitSurvey(const domain::LocalDate& today, const std::optional<std::string>& surveyCode,
                      const domain::SurveyAnswer& answer) override;
    void checkSurveyCode(const domain::LocalDate& today, const std::string& surveyCode) override;
    std::vector<domain::StoredAnswer> surveyAnswers(const domain::LocalDate& from, const domain::LocalDate& to) override;
    std::vector<domain::DemandCell> demandCells(const domain::LocalDate& from, const domain::LocalDate& to) override;
    void addContactTallies(const domain::LocalDate& serviceDay, const std::string& categoryId,
                           const std::vector<domain::ContactTallyKey>& keys) override;
    std::vector<domain::ContactTally> contactTallies(const domain::LocalDate& from,
                                                     const domain::LocalDate& to) override;

    // The socket a main loop can wait on (poll) to wake when another PC commits; -1 while the
    // connection is down.
    int notificationSocket() const;
    // Whether the last attempt to reach the server failed (until an operation succeeds again).
    bool connectionLost() const { return m_lost; }
    // The connection string with any password masked: safe in messages and logs.
    const std::string& displayUrl() const { return m_displayUrl; }

    // The daily housekeeping of a PostgreSQL site (`kioskctl backup --daily`, from the timer on
    // every PC): the answers of each finished day (before `today`) not settled yet are written
    // again in one transaction, after the day's last ticket, so that no transaction id, row
    // position or command id left on them follows the order of the serves; then VACUUM reclaims
    // the old row versions. Several PCs running it at once take turns; a second run the same day
    // rewrites nothing.
    struct SettledAnswers {
        int days = 0;
        std::int64_t answers = 0;
    };
    SettledAnswers settleSurveyAnswers(const domain::LocalDate& today);

    // migrate-to: whether the database holds any ticket, call, setting, answer or counter.
    bool holdsData();
    // `kioskctl migrate-to`: one table's rows, each bound to `insertSql` as text parameters
    // (nullopt = NULL).
    struct ImportTable {
        std::string name;
        std::string insertSql;
        std::vector<std::vector<std::optional<std::string>>> rows;
    };
    // Inserts every table's rows, then runs `afterSql` and `verify` (which may read with
    // countRows/queryText, and throws to roll everything back), in one transaction: all or nothing.
    void importTables(const std::vector<ImportTable>& tables, const std::string& afterSql,
                      const std::function<void()>& verify);
    // A count(*) of one of this store's tables, for migrate-to's comparison.
    std::int64_t countRows(const std::string& table);
    // The first column of the first row of a query without parameters ("" when none).
    std::string queryText(const std::string& sql);

private:
    friend class pgdetail::Transaction;

    void refuseMalformedUrl() const;
    void connect();
    void prepareSession();
    void ensureConnected();
    [[noreturn]] void failConnection(const std::string& action);
    pgdetail::Result run(const std::string& action, const std::string& sql,
                         const std::vector<std::optional<std::string>>& params = {});
    pgdetail::Result tryRun(const std::string& sql, const std::vector<std::optional<std::string>>& params);
    [[noreturn]] void fail(const std::string& action, const pgdetail::Result& result);
    void migrate();
    void refuseForeignOrNewer(int version, bool ours);

    void lockServiceDay(const domain::LocalDate& serviceDay, const std::string& action);
    std::vector<std::string> waitingCategories(const domain::LocalDate& serviceDay);
    int selectNextNumber(const std::string& categoryId, const domain::LocalDate& serviceDay, const std::string& action);
    std::string freeSurveyCode(const domain::LocalDate& serviceDay);
    std::int64_t insertTicket(const domain::NewTicketRequest& request, int number, const std::string& code,
                              const std::string& surveyCode);
    std::optional<domain::Ticket> lockByCode(const domain::LocalDate& serviceDay, const std::string& code,
                                             const std::string& action);
    domain::Ticket ticketById(std::int64_t id, const std::string& action);
    void logCall(const domain::Ticket& ticket, const std::optional<domain::LocalDateTime>& calledAt,
                 const std::string& action);
    void usableSurveyCode(const domain::LocalDate& today, const std::string& surveyCode, bool lock);
    void insertAnswer(const domain::LocalDate& today, const domain::SurveyAnswer& answer, bool paper);
    void lockSurveyDay(const domain::LocalDate& day, const std::string& action);
    void rewriteAnswersOfDay(const domain::LocalDate& day, const std::string& action);
    void announceChange();

    std::string m_url;
    std::string m_displayUrl;
    pgdetail::Connection m_connection;
    bool m_lost = false;
    bool m_inTransaction = false;
    std::chrono::steady_clock::time_point m_nextAttempt{};
    std::chrono::milliseconds m_backoff{0};
    std::uint64_t m_version = 0;
};

// Whether a configured store value names a PostgreSQL server rather than an SQLite file.
bool isPostgresUrl(const std::string& store);

// The connection string with any password replaced by ***: for messages and logs.
std::string maskPassword(const std::string& url);

}  // namespace store
