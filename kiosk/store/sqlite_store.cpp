#include "kiosk/store/sqlite_store.hpp"
#include "kiosk/store/sqlite_errors.hpp"
#include "kiosk/store/startup_check.hpp"
#include "kiosk/store/migration.hpp"
#include "kiosk/store/survey_rows.hpp"
#include "kiosk/store/ticket_wording.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace store {

namespace detail {
void ConnectionCloser::operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
void StatementFinalizer::operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
}  // namespace detail

namespace {

using domain::StoreError;

constexpr int kBusyTimeoutMs = 5000;
constexpr int kLockRetryPauseMs = 5;
constexpr std::string_view kSurveyAction = "storing a survey answer";
constexpr std::string_view kSchedaAction = "storing the scheda di Segretariato counters";

// Append only: files in the field have already run every released step, so steps are never edited.
constexpr std::array kMigrations{
    Migration{1, R"sql(
CREATE TABLE tickets (
    id            INTEGER PRIMARY KEY,
    service_day   TEXT    NOT NULL,
    category_id   TEXT    NOT NULL,
    number        INTEGER NOT NULL,
    code          TEXT    NOT NULL,
    issued_at     TEXT    NOT NULL,
    state         TEXT    NOT NULL DEFAULT 'waiting'
                  CHECK (state IN ('waiting', 'called', 'served', 'no-show')),
    desk          TEXT,
    request_token TEXT,
    UNIQUE (service_day, category_id, number),
    UNIQUE (service_day, code)
);
CREATE UNIQUE INDEX tickets_request_token ON tickets (request_token)
    WHERE request_token IS NOT NULL AND request_token <> '';
CREATE INDEX tickets_day_state ON tickets (service_day, state);
)sql"},
    // When a ticket was called and when its interview ended: the learned interview length.
    Migration{2, R"sql(
ALTER TABLE tickets ADD COLUMN called_at TEXT;
ALTER TABLE tickets ADD COLUMN finished_at TEXT;
)sql"},
    // The staff's calls (the hall board's list), small settings, and transfers between categories.
    // A transfer fills transferred_to instead of rewriting category_id: category_id stays the
    // category the number was drawn for, so numbering and UNIQUE (service_day, category_id, number)
    // keep holding with the ticket's code unchanged, and no table has to be rebuilt.
    Migration{3, R"sql(
ALTER TABLE tickets ADD COLUMN transferred_to TEXT;
CREATE TABLE calls (
    id          INTEGER PRIMARY KEY,
    service_day TEXT NOT NULL,
    code        TEXT NOT NULL,
    desk        TEXT NOT NULL,
    called_at   TEXT NOT NULL
);
CREATE INDEX calls_day ON calls (service_day, id);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql"},
    // The satisfaction survey. Each ticket gets six random digits (NULL on tickets issued before),
    // unique within its day, and a flag for its one answer. Answers carry no ticket, code or time:
    // only the day, and a random 16-byte key. WITHOUT ROWID stores rows in key order, so neither
    // a column nor the order of the rows tells which answer came after which ticket was served.
    // Answers are read by day range, hence the index on day (day is not the key).
    // tickets_demand holds, in GROUP BY order, everything the demand report reads: a year's
    // report then walks one index range with no table lookups and no sorting (measured: 5 years
    // of 1M tickets in half the time of the service_day index, for a third more file size).
    Migration{4, R"sql(
ALTER TABLE tickets ADD COLUMN survey_code TEXT;
ALTER TABLE tickets ADD COLUMN survey_used INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX tickets_survey_code ON tickets (service_day, survey_code) WHERE survey_code IS NOT NULL;
CREATE TABLE survey_answers (
    key             BLOB    PRIMARY KEY CHECK (length(key) = 16),
    day             TEXT    NOT NULL CHECK (length(day) = 10),
    overall         INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
    access          INTEGER CHECK (access BETWEEN 1 AND 5),
    professionalism INTEGER CHECK (professionalism BETWEEN 1 AND 5),
    privacy         INTEGER CHECK (privacy BETWEEN 1 AND 5),
    waiting         INTEGER CHECK (waiting BETWEEN 1 AND 5),
    paper           INTEGER NOT NULL DEFAULT 0 CHECK (paper IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX survey_answers_day ON survey_answers (day);
CREATE INDEX tickets_demand ON tickets (service_day, COALESCE(transferred_to, category_id),
    CAST(substr(issued_at, 12, 2) AS INTEGER), state, issued_at, called_at);
)sql"},
    // Aggregates kept by triggers in the same transaction as every write, so that reports over
    // years read a few thousand rows instead of every ticket and answer (measured on 5 years of
    // generated data, 1M tickets and 200 000 answers: a year's report from ~1 s to a few ms).
    // demand_cells: per service day, current category and hour of issue, what demandCells returns;
    // waits in whole seconds so that adding and subtracting never drifts. An insert adds its
    // ticket; a change or a delete takes the old values out and puts the new ones in, and the
    // longest wait is recounted (one index range of tickets_demand) only when the ticket leaving
    // held it. survey_score_counts: per day, source (kiosk/paper) and question (0 overall, 1-4 the
    // dimensions), how many answers gave each score. Like the answers themselves it has
    // no ticket, no code and no time of day, and being keyed by day and score it keeps no order.
    Migration{5, R"sql(
CREATE TABLE demand_cells (
    service_day          TEXT    NOT NULL,
    category_id          TEXT    NOT NULL,
    hour                 INTEGER NOT NULL,
    tickets              INTEGER NOT NULL,
    served               INTEGER NOT NULL,
    no_show              INTEGER NOT NULL,
    called               INTEGER NOT NULL,
    wait_seconds         INTEGER NOT NULL,
    longest_wait_seconds INTEGER NOT NULL,
    PRIMARY KEY (service_day, category_id, hour)
) WITHOUT ROWID;
CREATE TABLE survey_score_counts (
    day      TEXT    NOT NULL,
    paper    INTEGER NOT NULL,
    question INTEGER NOT NULL,
    score_1  INTEGER NOT NULL,
    score_2  INTEGER NOT NULL,
    score_3  INTEGER NOT NULL,
    score_4  INTEGER NOT NULL,
    score_5  INTEGER NOT NULL,
    PRIMARY KEY (day, paper, question)
) WITHOUT ROWID;

CREATE TRIGGER demand_cells_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO demand_cells VALUES (NEW.service_day, COALESCE(NEW.transferred_to, NEW.category_id),
        CAST(substr(NEW.issued_at, 12, 2) AS INTEGER), 1, NEW.state = 'served', NEW.state = 'no-show',
        NEW.called_at IS NOT NULL, COALESCE(max(0, unixepoch(NEW.called_at) - unixepoch(NEW.issued_at)), 0),
        COALESCE(max(0, unixepoch(NEW.called_at) - unixepoch(NEW.issued_at)), 0))
    ON CONFLICT (service_day, category_id, hour) DO UPDATE SET tickets = tickets + 1,
        served = served + excluded.served, no_show = no_show + excluded.no_show, called = called + excluded.called,
        wait_seconds = wait_seconds + excluded.wait_seconds,
        longest_wait_seconds = max(longest_wait_seconds, excluded.longest_wait_seconds);
END;
CREATE TRIGGER demand_cells_delete AFTER DELETE ON tickets BEGIN
    UPDATE demand_cells SET tickets = tickets - 1, served = served - (OLD.state = 'served'),
        no_show = no_show - (OLD.state = 'no-show'), called = called - (OLD.called_at IS NOT NULL),
        wait_seconds = wait_seconds - COALESCE(max(0, unixepoch(OLD.called_at) - unixepoch(OLD.issued_at)), 0)
    WHERE service_day = OLD.service_day AND category_id = COALESCE(OLD.transferred_to, OLD.category_id)
        AND hour = CAST(substr(OLD.issued_at, 12, 2) AS INTEGER);
    UPDATE demand_cells SET longest_wait_seconds = (
        SELECT COALESCE(MAX(max(0, unixepoch(called_at) - unixepoch(issued_at))), 0) FROM tickets
        WHERE service_day = OLD.service_day AND COALESCE(transferred_to, category_id) = COALESCE(OLD.transferred_to, OLD.category_id)
            AND CAST(substr(issued_at, 12, 2) AS INTEGER) = CAST(substr(OLD.issued_at, 12, 2) AS INTEGER))
    WHERE service_day = OLD.service_day AND category_id = COALESCE(OLD.transferred_to, OLD.category_id)
        AND hour = CAST(substr(OLD.issued_at, 12, 2) AS INTEGER)
        AND COALESCE(max(0, unixepoch(OLD.called_at) - unixepoch(OLD.issued_at)), 0) >= longest_wait_seconds;
    DELETE FROM demand_cells WHERE service_day = OLD.service_day
        AND category_id = COALESCE(OLD.transferred_to, OLD.category_id)
        AND hour = CAST(substr(OLD.issued_at, 12, 2) AS INTEGER) AND tickets <= 0;
END;
CREATE TRIGGER demand_cells_update AFTER UPDATE OF service_day, category_id, issued_at, state, called_at,
    transferred_to ON tickets BEGIN
    UPDATE demand_cells SET tickets = tickets - 1, served = served - (OLD.state = 'served'),
        no_show = no_show - (OLD.state = 'no-show'), called = called - (OLD.called_at IS NOT NULL),
        wait_seconds = wait_seconds - COALESCE(max(0, unixepoch(OLD.called_at) - unixepoch(OLD.issued_at)), 0)
    WHERE service_day = OLD.service_day AND category_id = COALESCE(OLD.transferred_to, OLD.category_id)
        AND hour = CAST(substr(OLD.issued_at, 12, 2) AS INTEGER);
    UPDATE demand_cells SET longest_wait_seconds = (
        SELECT COALESCE(MAX(max(0, unixepoch(called_at) - unixepoch(issued_at))), 0) FROM tickets
        WHERE service_day = OLD.service_day AND COALESCE(transferred_to, category_id) = COALESCE(OLD.transferred_to, OLD.category_id)
            AND CAST(substr(issued_at, 12, 2) AS INTEGER) = CAST(substr(OLD.issued_at, 12, 2) AS INTEGER)
            AND id <> OLD.id)
    WHERE service_day = OLD.service_day AND category_id = COALESCE(OLD.transferred_to, OLD.category_id)
        AND hour = CAST(substr(OLD.issued_at, 12, 2) AS INTEGER)
        AND COALESCE(max(0, unixepoch(OLD.called_at) - unixepoch(OLD.issued_at)), 0) >= longest_wait_seconds;
    DELETE FROM demand_cells WHERE service_day = OLD.service_day
        AND category_id = COALESCE(OLD.transferred_to, OLD.category_id)
        AND hour = CAST(substr(OLD.issued_at, 12, 2) AS INTEGER) AND tickets <= 0;
    INSERT INTO demand_cells VALUES (NEW.service_day, COALESCE(NEW.transferred_to, NEW.category_id),
        CAST(substr(NEW.issued_at, 12, 2) AS INTEGER), 1, NEW.state = 'served', NEW.state = 'no-show',
        NEW.called_at IS NOT NULL, COALESCE(max(0, unixepoch(NEW.called_at) - unixepoch(NEW.issued_at)), 0),
        COALESCE(max(0, unixepoch(NEW.called_at) - unixepoch(NEW.issued_at)), 0))
    ON CONFLICT (service_day, category_id, hour) DO UPDATE SET tickets = tickets + 1,
        served = served + excluded.served, no_show = no_show + excluded.no_show, called = called + excluded.called,
        wait_seconds = wait_seconds + excluded.wait_seconds,
        longest_wait_seconds = max(longest_wait_seconds, excluded.longest_wait_seconds);
END;

CREATE TRIGGER survey_score_counts_insert AFTER INSERT ON survey_answers BEGIN
    INSERT INTO survey_score_counts
    SELECT NEW.day, NEW.paper, question, score = 1, score = 2, score = 3, score = 4, score = 5 FROM (
        SELECT 0 AS question, NEW.overall AS score UNION ALL SELECT 1, NEW.access
        UNION ALL SELECT 2, NEW.professionalism UNION ALL SELECT 3, NEW.privacy UNION ALL SELECT 4, NEW.waiting)
    WHERE score IS NOT NULL
    ON CONFLICT (day, paper, question) DO UPDATE SET score_1 = score_1 + excluded.score_1,
        score_2 = score_2 + excluded.score_2, score_3 = score_3 + excluded.score_3,
        score_4 = score_4 + excluded.score_4, score_5 = score_5 + excluded.score_5;
END;
CREATE TRIGGER survey_score_counts_delete AFTER DELETE ON survey_answers BEGIN
    UPDATE survey_score_counts SET
        score_1 = score_1 - (CASE question WHEN 0 THEN OLD.overall WHEN 1 THEN OLD.access
            WHEN 2 THEN OLD.professionalism WHEN 3 THEN OLD.privacy ELSE OLD.waiting END IS 1),
        score_2 = score_2 - (CASE question WHEN 0 THEN OLD.overall WHEN 1 THEN OLD.access
            WHEN 2 THEN OLD.professionalism WHEN 3 THEN OLD.privacy ELSE OLD.waiting END IS 2),
        score_3 = score_3 - (CASE question WHEN 0 THEN OLD.overall WHEN 1 THEN OLD.access
            WHEN 2 THEN OLD.professionalism WHEN 3 THEN OLD.privacy ELSE OLD.waiting END IS 3),
        score_4 = score_4 - (CASE question WHEN 0 THEN OLD.overall WHEN 1 THEN OLD.access
            WHEN 2 THEN OLD.professionalism WHEN 3 THEN OLD.privacy ELSE OLD.waiting END IS 4),
        score_5 = score_5 - (CASE question WHEN 0 THEN OLD.overall WHEN 1 THEN OLD.access
            WHEN 2 THEN OLD.professionalism WHEN 3 THEN OLD.privacy ELSE OLD.waiting END IS 5)
    WHERE day = OLD.day AND paper = OLD.paper;
    DELETE FROM survey_score_counts WHERE day = OLD.day AND paper = OLD.paper
        AND score_1 + score_2 + score_3 + score_4 + score_5 <= 0;
END;
CREATE TRIGGER survey_score_counts_update AFTER UPDATE ON survey_answers BEGIN
    UPDATE survey_score_counts SET
        score_1 = score_1 - (CASE question WHEN 0 THEN OLD.overall WHEN 1 THEN OLD.access
            WHEN 2 THEN OLD.professionalism WHEN 3 THEN OLD.privacy ELSE OLD.waiting END IS 1),
        score_2 = score_2 - (CASE question WHEN 0 THEN OLD.overall WHEN 1 THEN OLD.access
            WHEN 2 THEN OLD.professionalism WHEN 3 THEN OLD.privacy ELSE OLD.waiting END IS 2),
        score_3 = score_3 - (CASE question WHEN 0 THEN OLD.overall WHEN 1 THEN OLD.access
            WHEN 2 THEN OLD.professionalism WHEN 3 THEN OLD.privacy ELSE OLD.waiting END IS 3),
        score_4 = score_4 - (CASE question WHEN 0 THEN OLD.overall WHEN 1 THEN OLD.access
            WHEN 2 THEN OLD.professionalism WHEN 3 THEN OLD.privacy ELSE OLD.waiting END IS 4),
        score_5 = score_5 - (CASE question WHEN 0 THEN OLD.overall WHEN 1 THEN OLD.access
            WHEN 2 THEN OLD.professionalism WHEN 3 THEN OLD.privacy ELSE OLD.waiting END IS 5)
    WHERE day = OLD.day AND paper = OLD.paper;
    DELETE FROM survey_score_counts WHERE day = OLD.day AND paper = OLD.paper
        AND score_1 + score_2 + score_3 + score_4 + score_5 <= 0;
    INSERT INTO survey_score_counts
    SELECT NEW.day, NEW.paper, question, score = 1, score = 2, score = 3, score = 4, score = 5 FROM (
        SELECT 0 AS question, NEW.overall AS score UNION ALL SELECT 1, NEW.access
        UNION ALL SELECT 2, NEW.professionalism UNION ALL SELECT 3, NEW.privacy UNION ALL SELECT 4, NEW.waiting)
    WHERE score IS NOT NULL
    ON CONFLICT (day, paper, question) DO UPDATE SET score_1 = score_1 + excluded.score_1,
        score_2 = score_2 + excluded.score_2, score_3 = score_3 + excluded.score_3,
        score_4 = score_4 + excluded.score_4, score_5 = score_5 + excluded.score_5;
END;

INSERT INTO demand_cells
SELECT service_day, COALESCE(transferred_to, category_id), CAST(substr(issued_at, 12, 2) AS INTEGER), COUNT(*),
    SUM(state = 'served'), SUM(state = 'no-show'), COUNT(called_at),
    COALESCE(SUM(max(0, unixepoch(called_at) - unixepoch(issued_at))), 0),
    COALESCE(MAX(max(0, unixepoch(called_at) - unixepoch(issued_at))), 0)
FROM tickets GROUP BY 1, 2, 3;
INSERT INTO survey_score_counts
SELECT day, paper, question, SUM(score = 1), SUM(score = 2), SUM(score = 3), SUM(score = 4), SUM(score = 5) FROM (
    SELECT day, paper, 0 AS question, overall AS score FROM survey_answers
    UNION ALL SELECT day, paper, 1, access FROM survey_answers
    UNION ALL SELECT day, paper, 2, professionalism FROM survey_answers
    UNION ALL SELECT day, paper, 3, privacy FROM survey_answers
    UNION ALL SELECT day, paper, 4, waiting FROM survey_answers)
WHERE score IS NOT NULL GROUP BY day, paper, question;
)sql"},
    // The learned interview length, asked at every ticket taken, from a few rows: per service day,
    // how many served tickets have both a call and an end time (end not before the call) and the
    // sum of their interviews in whole seconds (so adding and subtracting never drifts). Scanning
    // the last weeks' tickets instead took 27-60 ms on 5 years of generated data. Only a ticket
    // that counts, before or after the change, fires a trigger: a new waiting ticket fires none.
    Migration{6, R"sql(
CREATE TABLE interview_days (
    service_day       TEXT    NOT NULL PRIMARY KEY,
    interviews        INTEGER NOT NULL,
    interview_seconds INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER interview_days_insert AFTER INSERT ON tickets
WHEN NEW.state = 'served' AND NEW.called_at IS NOT NULL AND NEW.finished_at IS NOT NULL
    AND NEW.finished_at >= NEW.called_at
BEGIN
    INSERT INTO interview_days VALUES (NEW.service_day, 1,
        COALESCE(unixepoch(NEW.finished_at) - unixepoch(NEW.called_at), 0))
    ON CONFLICT (service_day) DO UPDATE SET interviews = interviews + 1,
        interview_seconds = interview_seconds + excluded.interview_seconds;
END;
CREATE TRIGGER interview_days_delete AFTER DELETE ON tickets
WHEN OLD.state = 'served' AND OLD.called_at IS NOT NULL AND OLD.finished_at IS NOT NULL
    AND OLD.finished_at >= OLD.called_at
BEGIN
    UPDATE interview_days SET interviews = interviews - 1,
        interview_seconds = interview_seconds - COALESCE(unixepoch(OLD.finished_at) - unixepoch(OLD.called_at), 0)
    WHERE service_day = OLD.service_day;
    DELETE FROM interview_days WHERE service_day = OLD.service_day AND interviews <= 0;
END;
CREATE TRIGGER interview_days_update_old AFTER UPDATE OF service_day, state, called_at, finished_at ON tickets
WHEN OLD.state = 'served' AND OLD.called_at IS NOT NULL AND OLD.finished_at IS NOT NULL
    AND OLD.finished_at >= OLD.called_at
BEGIN
    UPDATE interview_days SET interviews = interviews - 1,
        interview_seconds = interview_seconds - COALESCE(unixepoch(OLD.finished_at) - unixepoch(OLD.called_at), 0)
    WHERE service_day = OLD.service_day;
    DELETE FROM interview_days WHERE service_day = OLD.service_day AND interviews <= 0;
END;
CREATE TRIGGER interview_days_update_new AFTER UPDATE OF service_day, state, called_at, finished_at ON tickets
WHEN NEW.state = 'served' AND NEW.called_at IS NOT NULL AND NEW.finished_at IS NOT NULL
    AND NEW.finished_at >= NEW.called_at
BEGIN
    INSERT INTO interview_days VALUES (NEW.service_day, 1,
        COALESCE(unixepoch(NEW.finished_at) - unixepoch(NEW.called_at), 0))
    ON CONFLICT (service_day) DO UPDATE SET interviews = interviews + 1,
        interview_seconds = interview_seconds + excluded.interview_seconds;
END;

INSERT INTO interview_days
SELECT service_day, COUNT(*), SUM(COALESCE(unixepoch(finished_at) - unixepoch(called_at), 0)) FROM tickets
WHERE state = 'served' AND called_at IS NOT NULL AND finished_at IS NOT NULL AND finished_at >= called_at
GROUP BY service_day;
)sql"},
    // The scheda di Segretariato (issue #12): what people came for, as anonymous counters only.
    // No ticket id, no time of day, no free text: a row can never be traced back to an interview,
    // and recording one happens in a transaction of its own, never with a ticket's change.
    Migration{7, R"sql(
CREATE TABLE contact_tallies (
    service_day TEXT    NOT NULL,
    category_id TEXT    NOT NULL,
    facet       TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    count       INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (service_day, category_id, facet, value)
) WITHOUT ROWID;
)sql"},
};

static_assert(migrationsAreNumberedOneByOne(kMigrations, SqliteStore::kSchemaVersion),
              "migration versions must be 1, 2, 3 ... in order, the last one kSchemaVersion");

// The category a ticket is in now: the one it was transferred to, else the one it was issued for.
constexpr const char* kTicketColumns =
    "id, code, COALESCE(transferred_to, category_id), number, service_day, issued_at, state, desk, "
    "called_at, finished_at, survey_code";

constexpr int kSurveyCodeAttempts = 100;
using detail::kAnswerKeyBytes;
using detail::randomBytes;
using detail::randomSurveyCode;

// Separates priority category ids in one bound text, so one cached statement serves any list;
// category ids are letters, digits and dashes, never this control character.
constexpr char kListSeparator = '\x1f';

[[noreturn]] void throwFailure(sqlite3* db, int resultCode, std::string_view action, const std::string& path) {
    std::string message{action};
    message += " failed for the ticket database ";
    message += path;
    message += ": ";
    message += detail::explainFailure(db, resultCode);
    throw StoreError(message);
}

void execute(sqlite3* db, const char* sql, const std::string& path, std::string_view action) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throwFailure(db, rc, action, path);
}

detail::Statement prepare(sqlite3* db, const std::string& sql, const std::string& path) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size() + 1),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    detail::Statement statement(raw);
    if (rc != SQLITE_OK) throwFailure(db, rc, "preparing \"" + sql + "\"", path);
    return statement;
}

// One execution of a statement. Resetting on scope exit matters: a cached statement left
// mid-result would keep an old WAL snapshot open, hiding other processes' commits.
class StatementRun {
public:
    StatementRun(sqlite3_stmt* statement, const std::string& path, std::string_view action)
        : m_statement(statement), m_path(path), m_action(action) {}
    ~StatementRun() {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
    StatementRun(const StatementRun&) = delete;
    StatementRun& operator=(const StatementRun&) = delete;

    StatementRun& bind(int index, std::string_view text) {
        // A null data pointer would bind SQL NULL, not an empty string.
        const char* data = text.data() ? text.data() : "";
        return check(sqlite3_bind_text(m_statement, index, data, static_cast<int>(text.size()), SQLITE_TRANSIENT));
    }
    StatementRun& bind(int index, int value) { return check(sqlite3_bind_int(m_statement, index, value)); }
    StatementRun& bind(int index, std::int64_t value) {
        return check(sqlite3_bind_int64(m_statement, index, static_cast<sqlite3_int64>(value)));
    }
    StatementRun& bind(int index, bool value) { return bind(index, value ? 1 : 0); }
    StatementRun& bindOptional(int index, const std::optional<std::string>& text) {
        return text ? bind(index, std::string_view(*text)) : check(sqlite3_bind_null(m_statement, index));
    }
    StatementRun& bindOptional(int index, const std::optional<domain::LocalDateTime>& time) {
        return time ? bind(index, std::string_view(time->iso())) : check(sqlite3_bind_null(m_statement, index));
    }
    StatementRun& bindOptional(int index, const std::optional<int>& value) {
        return value ? bind(index, *value) : check(sqlite3_bind_null(m_statement, index));
    }
    StatementRun& bindBlob(int index, const void* data, int size) {
        return check(sqlite3_bind_blob(m_statement, index, data, size, SQLITE_TRANSIENT));
    }
    StatementRun& bindNullIfEmpty(int index, std::string_view text) {
        return text.empty() ? check(sqlite3_bind_null(m_statement, index)) : bind(index, text);
    }

    // Returns the raw result code for callers that explain particular failures themselves.
    int stepResult() { return sqlite3_step(m_statement); }

    bool nextRow() {
        const int rc = stepResult();
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(rc);
    }
    void runToCompletion() {
        const int rc = stepResult();
        if (rc != SQLITE_DONE) fail(rc);
    }
    [[noreturn]] void fail(int rc) const { throwFailure(db(), rc, m_action, m_path); }

    int integer(int column) const { return sqlite3_column_int(m_statement, column); }
    std::int64_t integer64(int column) const {
        return static_cast<std::int64_t>(sqlite3_column_int64(m_statement, column));
    }
    double real(int column) const { return sqlite3_column_double(m_statement, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    std::string text(int column) const {
        const auto* chars = sqlite3_column_text(m_statement, column);
        if (!chars) return {};
        return {reinterpret_cast<const char*>(chars), static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))};
    }

private:
    sqlite3* db() const { return sqlite3_db_handle(m_statement); }
    StatementRun& check(int rc) {
        if (rc != SQLITE_OK) fail(rc);
        return *this;
    }

    sqlite3_stmt* m_statement;
    const std::string& m_path;
    std::string_view m_action;
};

// Takes the write lock up front: two writers then queue on the busy timeout, whereas a deferred
// transaction upgrading from a read snapshot fails at once with SQLITE_BUSY_SNAPSHOT.
// BEGIN IMMEDIATE and COMMIT come prepared: compiling them at every write costs more than a
// ticket's own statements.
// With a WalGuard, no write begins once the -wal was deleted, and a commit made just as it was
// deleted is copied into the database file at once.
class ImmediateTransaction {
public:
    ImmediateTransaction(sqlite3_stmt* begin, sqlite3_stmt* commit, const std::string& path, std::string_view action,
                         detail::WalGuard* wal = nullptr)
        : m_db(sqlite3_db_handle(begin)), m_commit(commit), m_path(path), m_action(action), m_wal(wal) {
        if (m_wal) m_wal->refuseWriteIfLost(m_action);
        StatementRun(begin, m_path, m_action).runToCompletion();
    }
    ~ImmediateTransaction() {
        // After some errors (disk full, I/O) SQLite has already rolled back; ROLLBACK would only fail.
        if (!m_committed && !sqlite3_get_autocommit(m_db)) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    ImmediateTransaction(const ImmediateTransaction&) = delete;
    ImmediateTransaction& operator=(const ImmediateTransaction&) = delete;

    void commit() {
        StatementRun(m_commit, m_path, m_action).runToCompletion();
        m_committed = true;
        if (m_wal) m_wal->saveIfLost();
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_commit;
    const std::string& m_path;
    std::string_view m_action;
    detail::WalGuard* m_wal;
    bool m_committed = false;
};

void createParentDirectory(const std::string& path) {
    const auto parent = std::filesystem::path(path).parent_path();
    if (parent.empty()) return;
    std::error_code error;
    std::filesystem::create_directories(parent, error);
    if (error)
        throw StoreError("cannot create the directory " + parent.string() + " for the ticket database " + path +
                         ": " + error.message());
}

detail::Connection openConnection(const std::string& path) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    detail::Connection db(raw);  // SQLite hands out a handle even on failure; it must still be closed
    if (rc != SQLITE_OK) throwFailure(db.get(), rc, "opening", path);
    // Set before the first read: even the checks on open must wait out another process's migration.
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
    return db;
}

std::int64_t queryInteger(sqlite3* db, const std::string& sql, const std::string& path, std::string_view action) {
    const auto statement = prepare(db, sql, path);
    StatementRun run(statement.get(), path, action);
    if (!run.nextRow()) throw StoreError(std::string(action) + " failed for " + path + ": \"" + sql + "\" returned no row");
    return run.integer64(0);
}

[[noreturn]] void throwUnreadable(const std::string& what, const std::string& path) {
    throw StoreError(what + " in the ticket database " + path +
                     " is unreadable: the file was edited by hand or is damaged");
}

std::optional<domain::LocalDateTime> optionalTime(const StatementRun& row, int column, std::int64_t ticketId,
                                                  const std::string& path) {
    if (row.isNull(column)) return std::nullopt;
    const auto time = domain::LocalDateTime::parse(row.text(column));
    if (!time) throwUnreadable("the call or end time of ticket " + std::to_string(ticketId), path);
    return time;
}

domain::Ticket ticketFromRow(const StatementRun& row, const std::string& path) {
    domain::Ticket ticket;
    ticket.id = row.integer64(0);
    ticket.code = row.text(1);
    ticket.categoryId = row.text(2);
    ticket.number = row.integer(3);
    const auto day = domain::LocalDate::parse(row.text(4));
    const auto issuedAt = domain::LocalDateTime::parse(row.text(5));
    const auto state = domain::ticketStateFromString(row.text(6));
    if (!day || !issuedAt || !state)
        throw StoreError("ticket " + std::to_string(ticket.id) + " in the ticket database " + path +
                         " has an unreadable service day, time or state: the file was edited by hand or is damaged");
    ticket.serviceDay = *day;
    ticket.issuedAt = *issuedAt;
    ticket.state = *state;
    if (!row.isNull(7)) ticket.desk = row.text(7);
    ticket.calledAt = optionalTime(row, 8, ticket.id, path);
    ticket.finishedAt = optionalTime(row, 9, ticket.id, path);
    ticket.surveyCode = row.text(10);  // empty on tickets issued before the survey existed
    return ticket;
}

std::optional<int> optionalScore(const StatementRun& row, int column) {
    if (row.isNull(column)) return std::nullopt;
    return row.integer(column);
}

domain::StoredAnswer answerFromRow(const StatementRun& row, const std::string& path) {
    const auto day = domain::LocalDate::parse(row.text(0));
    if (!day) throwUnreadable("the day of a survey answer", path);
    domain::StoredAnswer stored;
    stored.day = *day;
    stored.answer.overall = row.integer(1);
    for (int d = 0; d < static_cast<int>(stored.answer.dimensions.size()); ++d)
        stored.answer.dimensions[static_cast<std::size_t>(d)] = optionalScore(row, 2 + d);
    stored.answer.paper = row.integer(6) != 0;
    return stored;
}

domain::DemandCell demandCellFromRow(const StatementRun& row, const std::string& path) {
    const auto day = domain::LocalDate::parse(row.text(0));
    if (!day) throwUnreadable("the service day of a ticket", path);
    domain::DemandCell cell;
    cell.serviceDay = *day;
    cell.categoryId = row.text(1);
    cell.hour = row.integer(2);
    cell.tickets = row.integer(3);
    cell.served = row.integer(4);
    cell.noShow = row.integer(5);
    cell.called = row.integer(6);
    cell.totalWaitMinutes = row.real(7);
    cell.longestWaitMinutes = row.real(8);
    return cell;
}

domain::CallRecord callFromRow(const StatementRun& row, const std::string& path) {
    domain::CallRecord call;
    call.id = row.integer64(0);
    call.code = row.text(1);
    call.desk = row.text(2);
    const auto calledAt = domain::LocalDateTime::parse(row.text(3));
    if (!calledAt) throwUnreadable("call " + std::to_string(call.id), path);
    call.calledAt = *calledAt;
    return call;
}

std::string separatedList(const std::vector<std::string>& ids) {
    std::string list(1, kListSeparator);
    for (const auto& id : ids) list += id + kListSeparator;
    return list;
}


}  // namespace

namespace detail {

Connection ticketSchemaOfVersion(int version) {
    const std::string memory = ":memory:";
    Connection db = openConnection(memory);
    for (const auto& migration : kMigrations)
        if (migration.version <= version) execute(db.get(), migration.sql, memory, "building the ticket schema");
    return db;
}

}  // namespace detail

SqliteStore::SqliteStore(const std::string& path) : m_path(path) {
    createParentDirectory(m_path);
    m_db = openConnection(m_path);
    // Until the file has passed the checks, closing must not checkpoint its -wal into it.
    detail::holdCheckpointOnClose(m_db.get(), m_path);
    detail::refuseUnreadableFile(m_db.get(), m_path);
    refuseFilesWeMustNotTouch();
    detail::refuseDamagedFile(m_db.get(), m_path);
    detail::releaseCheckpointOnClose(m_db.get());
    configureConnection();
    switchToWriteAheadLog();
    migrate();
    prepareStatements();
    m_wal.watch(m_db.get(), m_path);
}

SqliteStore::~SqliteStore() {
    // The last chance to copy what was committed into a deleted -wal: closing will not.
    if (m_wal.lost()) m_wal.save();
}

std::string SqliteStore::path() const { return m_path; }

std::optional<WalLoss> SqliteStore::walLoss() {
    if (!m_wal.lost()) return std::nullopt;
    m_wal.save();
    return WalLoss{m_wal.saved(), m_wal.describe()};
}

void SqliteStore::configureConnection() {
    // FULL: a ticket reported as issued must survive a power cut, even in WAL mode.
    // journal_size_limit: after a big transaction (restore, vacuum) the WAL shrinks back to 4 MB
    // when it starts again, instead of keeping its high-water mark on disk for ever.
    execute(m_db.get(), "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA journal_size_limit = 4194304",
            m_path, "configuring the connection");
}

// Only reads happen here: whatever we refuse must stay byte-identical. "Ours" is decided here,
// before the journal mode is switched or a migration runs: a file whose user_version says 1..7
// but whose tables are another program's is refused like one without a version.
void SqliteStore::refuseFilesWeMustNotTouch() {
    // One snapshot: read separately, a kiosk migrating the new file in between would look like
    // version 0 with tables, i.e. like another program's database.
    detail::ReadSnapshot snapshot(m_db.get(), m_path);
    const int version = readUserVersion("opening");
    const bool hasObjects = queryInteger(m_db.get(), "SELECT count(*) FROM sqlite_schema", m_path, "opening") > 0;
    const bool hasTickets =
        queryInteger(m_db.get(), "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'tickets'", m_path,
                     "opening") > 0;
    // This program never writes a negative version, writes version 0 only into an empty file, and
    // every version of it keeps its tickets in "tickets".
    if (version < 0 || (version == 0 && hasObjects) || (version > kSchemaVersion && !hasTickets))
        throw StoreError("the file " + m_path + " is an SQLite database of another program (" +
                         (version == 0 ? std::string("it has tables but no ticket schema version")
                                       : "its schema version " + std::to_string(version) + " is not a ticket schema") +
                         "); it was not modified: check the configured database path");
    refuseNewerSchema(version);
    if (version == 0) return;  // a new, empty file
    const std::string difference =
        detail::schemaDifference(m_db.get(), detail::ticketSchemaOfVersion(version).get(), m_path);
    if (!difference.empty())
        throw StoreError("the file " + m_path + " is an SQLite database of another program (or one edited by hand): " +
                         "its schema version says " + std::to_string(version) +
                         " but its tables are not the ticket database's (" + difference +
                         "); it was not modified: check the configured database path");
}

void SqliteStore::switchToWriteAheadLog() {
    // WAL lets the staff screen and kioskctl read while the kiosk writes.
    const auto statement = prepare(m_db.get(), "PRAGMA journal_mode = WAL", m_path);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    for (;;) {
        StatementRun run(statement.get(), m_path, "switching to write-ahead logging");
        const int rc = run.stepResult();
        if (rc == SQLITE_ROW) return requireWriteAheadLog(run.text(0));
        // Converting a new file upgrades a read lock to an exclusive one, and SQLite never calls the
        // busy handler for lock upgrades; so when another process opens the same new file at this
        // very moment we must do the waiting ourselves.
        if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) run.fail(rc);
        sqlite3_sleep(kLockRetryPauseMs);
    }
}

void SqliteStore::requireWriteAheadLog(const std::string& journalMode) const {
    if (journalMode != "wal")
        throw StoreError("the ticket database " + m_path + " cannot use write-ahead logging (journal mode is '" +
                         journalMode + "'): keep it on a local disk, not a network share");
}

void SqliteStore::migrate() {
    // The common case, an up-to-date file, takes no write lock.
    if (readUserVersion("opening") == kSchemaVersion) return;

    constexpr std::string_view action = "updating the database schema";
    const auto begin = prepare(m_db.get(), "BEGIN IMMEDIATE", m_path);
    const auto commit = prepare(m_db.get(), "COMMIT", m_path);
    ImmediateTransaction transaction(begin.get(), commit.get(), m_path, action);
    // Read again under the write lock: another process may have migrated while we waited.
    const int from = readUserVersion("updating the database schema");
    refuseNewerSchema(from);
    for (const auto& migration : kMigrations)
        if (migration.version > from) execute(m_db.get(), migration.sql, m_path, action);
    const auto setVersion = "PRAGMA user_version = " + std::to_string(kSchemaVersion);
    execute(m_db.get(), setVersion.c_str(), m_path, action);
    transaction.commit();
}

void SqliteStore::prepareTransactionStatements() {
    m_begin = prepare(m_db.get(), "BEGIN IMMEDIATE", m_path);
    m_commit = prepare(m_db.get(), "COMMIT", m_path);
}

void SqliteStore::prepareStatements() {
    prepareTransactionStatements();
    const std::string columns = kTicketColumns;
    // "<> ''" repeats the partial index's condition: without it SQLite cannot use the index and
    // reads every ticket ever issued (1 million on 5 years of data) at every take. Tokens are
    // never empty here (an empty one is stored as NULL).
    m_findByToken = prepare(m_db.get(),
                            "SELECT " + columns + " FROM tickets WHERE request_token = ?1 AND request_token <> ''",
                            m_path);
    // Through tickets_day_state (service_day, state), already in id order within a day and state.
    m_waitingCategories = prepare(m_db.get(),
                                  "SELECT COALESCE(transferred_to, category_id) FROM tickets "
                                  "WHERE service_day = ?1 AND state = 'waiting' ORDER BY id",
                                  m_path);
    m_nextNumber = prepare(m_db.get(),
                           "SELECT COALESCE(MAX(number), 0) + 1 FROM tickets WHERE service_day = ?1 AND category_id = ?2",
                           m_path);
    m_insert = prepare(m_db.get(),
                       "INSERT INTO tickets (service_day, category_id, number, code, issued_at, request_token, "
                       "survey_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                       m_path);
    m_ticketsOfDay =
        prepare(m_db.get(), "SELECT " + columns + " FROM tickets WHERE service_day = ?1 ORDER BY id", m_path);
    m_dataVersion = prepare(m_db.get(), "PRAGMA data_version", m_path);
    // The totals migration 6 keeps: one row per day of the last weeks.
    m_interviewStats = prepare(m_db.get(),
                               "SELECT COALESCE(SUM(interviews), 0), "
                               "COALESCE(SUM(interview_seconds) / 60.0 / SUM(interviews), 0) "
                               "FROM interview_days WHERE service_day >= ?1",
                               m_path);
    prepareStaffStatements();
    prepareSurveyStatements();
}

void SqliteStore::prepareSurveyStatements() {
    // Both lookups use the UNIQUE index on (service_day, survey_code).
    m_surveyCodeTaken =
        prepare(m_db.get(), "SELECT 1 FROM tickets WHERE service_day = ?1 AND survey_code = ?2", m_path);
    m_ticketBySurveyCode = prepare(
        m_db.get(), "SELECT id, state, survey_used FROM tickets WHERE service_day = ?1 AND survey_code = ?2", m_path);
    m_markSurveyUsed =
        prepare(m_db.get(), "UPDATE tickets SET survey_used = 1 WHERE id = ?1 AND survey_used = 0", m_path);
    m_insertAnswer = prepare(m_db.get(), detail::kInsertAnswerSql, m_path);
    // By the day index; within a day the index orders by key, which is random: no insertion order leaks.
    m_surveyAnswers = prepare(m_db.get(),
                              "SELECT day, overall, access, professionalism, privacy, waiting, paper "
                              "FROM survey_answers WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
                              m_path);
    // The aggregates the triggers of migration 5 keep: a few rows per day, read in key order.
    m_surveyTallies = prepare(m_db.get(),
                              "SELECT day, paper, question, score_1, score_2, score_3, score_4, score_5 "
                              "FROM survey_score_counts "
                              "WHERE day BETWEEN ?1 AND ?2 ORDER BY day, paper",
                              m_path);
    m_demandCells = prepare(m_db.get(),
                            "SELECT service_day, category_id, hour, tickets, served, no_show, called, "
                            "wait_seconds / 60.0, longest_wait_seconds / 60.0 "
                            "FROM demand_cells WHERE service_day BETWEEN ?1 AND ?2 ORDER BY 1, 2, 3",
                            m_path);
    m_addContactTally = prepare(m_db.get(),
                                "INSERT INTO contact_tallies (service_day, category_id, facet, value, count) "
                                "VALUES (?1, ?2, ?3, ?4, 1) "
                                "ON CONFLICT (service_day, category_id, facet, value) DO UPDATE SET count = count + 1",
                                m_path);
    // The primary key's order: day, category, facet, value.
    m_contactTallies = prepare(m_db.get(),
                               "SELECT service_day, category_id, facet, value, count FROM contact_tallies "
                               "WHERE service_day BETWEEN ?1 AND ?2 ORDER BY 1, 2, 3, 4",
                               m_path);
}

void SqliteStore::prepareStaffStatements() {
    const std::string columns = kTicketColumns;
    // Priority categories first (instr() = 0 sorts after), then first come, first called. Arrival is
    // the row id, not issued_at: after the PC's clock moved back, a later ticket has an earlier time.
    m_firstWaiting =
        prepare(m_db.get(),
                "SELECT " + columns +
                    " FROM tickets WHERE service_day = ?1 AND state = 'waiting' "
                    "ORDER BY instr(?2, char(31) || COALESCE(transferred_to, category_id) || char(31)) = 0, "
                    "id LIMIT 1",
                m_path);
    m_findByCode =
        prepare(m_db.get(), "SELECT " + columns + " FROM tickets WHERE service_day = ?1 AND code = ?2", m_path);
    m_ticketById = prepare(m_db.get(), "SELECT " + columns + " FROM tickets WHERE id = ?1", m_path);
    m_markCalled = prepare(m_db.get(),
                           "UPDATE tickets SET state = 'called', desk = ?2, called_at = COALESCE(called_at, ?3) "
                           "WHERE id = ?1",
                           m_path);
    // NULL parameters leave a column as it is; clearing (?7) happens before the new values apply.
    m_applyChange = prepare(m_db.get(),
                            "UPDATE tickets SET state = ?2, "
                            "desk = COALESCE(?3, CASE WHEN ?7 THEN NULL ELSE desk END), "
                            "called_at = CASE WHEN ?7 THEN ?4 ELSE COALESCE(called_at, ?4) END, "
                            "finished_at = COALESCE(?5, CASE WHEN ?7 THEN NULL ELSE finished_at END), "
                            "transferred_to = COALESCE(?6, transferred_to) "
                            "WHERE id = ?1",
                            m_path);
    m_insertCall =
        prepare(m_db.get(), "INSERT INTO calls (service_day, code, desk, called_at) VALUES (?1, ?2, ?3, ?4)", m_path);
    m_recentCalls = prepare(m_db.get(),
                            "SELECT id, code, desk, called_at FROM calls WHERE service_day = ?1 "
                            "ORDER BY id DESC LIMIT ?2",
                            m_path);
    m_setting = prepare(m_db.get(), "SELECT value FROM settings WHERE key = ?1", m_path);
    m_setSetting = prepare(m_db.get(),
                           "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           m_path);
}

int SqliteStore::readUserVersion(const char* action) {
    return static_cast<int>(queryInteger(m_db.get(), "PRAGMA user_version", m_path, action));
}

void SqliteStore::refuseNewerSchema(int version) const {
    if (version <= kSchemaVersion) return;
    throw StoreError("the ticket database " + m_path + ": database schema version " + std::to_string(version) +
                     " is newer than this program supports (" + std::to_string(kSchemaVersion) +
                     "): update the program");
}

domain::Ticket SqliteStore::issueTicket(const domain::NewTicketRequest& request) {
    return issueTicketIfAdmitted(request, nullptr);
}

domain::Ticket SqliteStore::issueTicketIfAdmitted(const domain::NewTicketRequest& request,
                                                  const domain::Admission& admit) {
    constexpr const char* action = "issuing a ticket";
    ImmediateTransaction transaction(m_begin.get(), m_commit.get(), m_path, action, &m_wal);
    if (!request.requestToken.empty())
        if (auto existing = findByRequestToken(request.requestToken)) return *existing;  // a double tap
    // Under the write lock: no other process adds or calls a ticket between the decision and the
    // insert. A refusal thrown by admit rolls the transaction back.
    if (admit) admit(waitingCategories(request.issuedAt.date));

    domain::Ticket ticket;
    ticket.categoryId = request.categoryId;
    ticket.serviceDay = request.issuedAt.date;
    ticket.issuedAt = request.issuedAt;
    ticket.number = selectNextNumber(request.categoryId, ticket.serviceDay, action);
    ticket.code = domain::formatTicketCode(request.prefix, ticket.number);
    ticket.surveyCode = freeSurveyCode(ticket.serviceDay);
    ticket.id = insertTicket(request, ticket.number, ticket.code, ticket.surveyCode);
    transaction.commit();
    return ticket;
}

std::vector<std::string> SqliteStore::waitingCategories(const domain::LocalDate& serviceDay) {
    StatementRun run(m_waitingCategories.get(), m_path, "reading the queue");
    run.bind(1, serviceDay.iso());
    std::vector<std::string> categories;
    while (run.nextRow()) categories.push_back(run.text(0));
    return categories;
}

std::optional<domain::Ticket> SqliteStore::findByRequestToken(const std::string& token) {
    StatementRun run(m_findByToken.get(), m_path, "looking up a repeated ticket request");
    run.bind(1, token);
    if (!run.nextRow()) return std::nullopt;
    return ticketFromRow(run, m_path);
}

int SqliteStore::selectNextNumber(const std::string& categoryId, const domain::LocalDate& serviceDay,
                                  const char* action) {
    StatementRun run(m_nextNumber.get(), m_path, action);
    run.bind(1, serviceDay.iso()).bind(2, categoryId);
    if (!run.nextRow()) run.fail(SQLITE_INTERNAL);
    return run.integer(0);
}

// Called inside the issuing transaction: no other process can take the code before our insert.
std::string SqliteStore::freeSurveyCode(const domain::LocalDate& serviceDay) {
    // A million codes and at most a few hundred tickets a day: a second draw is already rare.
    for (int attempt = 0; attempt < kSurveyCodeAttempts; ++attempt) {
        std::string code = randomSurveyCode();
        StatementRun run(m_surveyCodeTaken.get(), m_path, "issuing a ticket");
        run.bind(1, serviceDay.iso()).bind(2, code);
        if (!run.nextRow()) return code;
    }
    throw StoreError("cannot issue a ticket in " + m_path + ": no free survey code found for " + serviceDay.iso() +
                     " after " + std::to_string(kSurveyCodeAttempts) + " random draws");
}

std::int64_t SqliteStore::insertTicket(const domain::NewTicketRequest& request, int number, const std::string& code,
                                       const std::string& surveyCode) {
    StatementRun run(m_insert.get(), m_path, "issuing a ticket");
    run.bind(1, request.issuedAt.date.iso())
        .bind(2, request.categoryId)
        .bind(3, number)
        .bind(4, code)
        .bind(5, request.issuedAt.iso())
        .bindNullIfEmpty(6, request.requestToken)
        .bind(7, surveyCode);
    const int rc = run.stepResult();
    if (rc == SQLITE_DONE) return static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_db.get()));

    const std::string_view why = sqlite3_errmsg(m_db.get());
    if ((rc & 0xff) == SQLITE_CONSTRAINT && why.find("tickets.code") != std::string_view::npos)
        throw StoreError("cannot issue ticket " + code + " for category '" + request.categoryId + "' in " + m_path +
                         ": that code was already given today to another category; two categories share the "
                         "prefix '" + std::string(1, request.prefix) +
                         "': give each category its own prefix in the configuration (SQLite: " + std::string(why) +
                         ")");
    run.fail(rc);
}

std::vector<domain::Ticket> SqliteStore::ticketsOfDay(const domain::LocalDate& serviceDay) {
    StatementRun run(m_ticketsOfDay.get(), m_path, "reading the tickets of the day");
    run.bind(1, serviceDay.iso());
    std::vector<domain::Ticket> tickets;
    while (run.nextRow()) tickets.push_back(ticketFromRow(run, m_path));
    return tickets;
}

int SqliteStore::nextNumber(const std::string& categoryId, const domain::LocalDate& serviceDay) {
    return selectNextNumber(categoryId, serviceDay, "reading the next ticket number");
}

std::optional<domain::Ticket> SqliteStore::callNext(const domain::CallNextRequest& request) {
    constexpr const char* action = "calling the next ticket";
    // The pick and the write share the write lock: another desk waits and then sees this call.
    ImmediateTransaction transaction(m_begin.get(), m_commit.get(), m_path, action, &m_wal);
    const auto next = firstWaiting(request);
    if (!next) return std::nullopt;
    markCalled(next->id, request.desk, request.now);
    const domain::Ticket called = ticketById(next->id, action);
    logCall(called, request.now, action);
    transaction.commit();
    return called;
}

domain::Ticket SqliteStore::changeTicket(const domain::TicketChange& change) {
    constexpr const char* action = "changing a ticket";
    ImmediateTransaction transaction(m_begin.get(), m_commit.get(), m_path, action, &m_wal);
    const auto current = findByCode(change.serviceDay, change.code, action);
    if (!current) throw domain::UnknownTicketError(unknownTicket(change));
    if (!stateIn(change.from, current->state)) throw domain::TransitionError(refusedTransition(*current, change.to));
    applyChange(current->id, change);
    const domain::Ticket changed = ticketById(current->id, action);
    if (change.logCall) logCall(changed, change.calledAt ? *change.calledAt : changed.calledAt, action);
    transaction.commit();
    return changed;
}

std::vector<domain::CallRecord> SqliteStore::recentCalls(const domain::LocalDate& serviceDay, int limit) {
    std::vector<domain::CallRecord> calls;
    if (limit <= 0) return calls;  // SQLite reads a negative LIMIT as "no limit"
    StatementRun run(m_recentCalls.get(), m_path, "reading the latest calls");
    run.bind(1, serviceDay.iso()).bind(2, limit);
    while (run.nextRow()) calls.push_back(callFromRow(run, m_path));
    return calls;
}

std::optional<std::string> SqliteStore::setting(const std::string& key) {
    StatementRun run(m_setting.get(), m_path, "reading a setting");
    run.bind(1, key);
    if (!run.nextRow()) return std::nullopt;
    return run.text(0);
}

void SqliteStore::setSetting(const std::string& key, const std::string& value) {
    constexpr const char* action = "saving a setting";
    ImmediateTransaction transaction(m_begin.get(), m_commit.get(), m_path, action, &m_wal);
    {
        StatementRun run(m_setSetting.get(), m_path, action);
        run.bind(1, key).bind(2, value).runToCompletion();
    }
    transaction.commit();
}

std::optional<domain::Ticket> SqliteStore::firstWaiting(const domain::CallNextRequest& request) {
    StatementRun run(m_firstWaiting.get(), m_path, "calling the next ticket");
    run.bind(1, request.serviceDay.iso()).bind(2, separatedList(request.priorityCategoryIds));
    if (!run.nextRow()) return std::nullopt;
    return ticketFromRow(run, m_path);
}

std::optional<domain::Ticket> SqliteStore::findByCode(const domain::LocalDate& serviceDay, const std::string& code,
                                                      const char* action) {
    StatementRun run(m_findByCode.get(), m_path, action);
    run.bind(1, serviceDay.iso()).bind(2, code);
    if (!run.nextRow()) return std::nullopt;
    return ticketFromRow(run, m_path);
}

domain::Ticket SqliteStore::ticketById(std::int64_t id, const char* action) {
    StatementRun run(m_ticketById.get(), m_path, action);
    run.bind(1, id);
    if (!run.nextRow()) run.fail(SQLITE_INTERNAL);
    return ticketFromRow(run, m_path);
}

void SqliteStore::markCalled(std::int64_t id, const std::string& desk, const domain::LocalDateTime& now) {
    StatementRun run(m_markCalled.get(), m_path, "calling the next ticket");
    run.bind(1, id).bind(2, desk).bind(3, now.iso()).runToCompletion();
}

void SqliteStore::applyChange(std::int64_t id, const domain::TicketChange& change) {
    StatementRun run(m_applyChange.get(), m_path, "changing a ticket");
    run.bind(1, id)
        .bind(2, domain::toString(change.to))
        .bindOptional(3, change.desk)
        .bindOptional(4, change.calledAt)
        .bindOptional(5, change.finishedAt)
        .bindOptional(6, change.newCategoryId)
        .bind(7, change.clearCall)
        .runToCompletion();
}

void SqliteStore::logCall(const domain::Ticket& ticket, const std::optional<domain::LocalDateTime>& calledAt,
                          const char* action) {
    // Throwing inside the caller's transaction rolls the whole change back.
    if (!ticket.desk || !calledAt)
        throw std::invalid_argument("ticket " + ticket.code + " cannot be called: no desk or call time was given");
    StatementRun run(m_insertCall.get(), m_path, action);
    run.bind(1, ticket.serviceDay.iso()).bind(2, ticket.code).bind(3, *ticket.desk).bind(4, calledAt->iso());
    run.runToCompletion();
}

domain::InterviewStats SqliteStore::interviewStats(const domain::LocalDate& since) {
    StatementRun run(m_interviewStats.get(), m_path, "reading the interview lengths");
    run.bind(1, since.iso());
    if (!run.nextRow()) run.fail(SQLITE_INTERNAL);
    return {run.integer(0), sqlite3_column_double(m_interviewStats.get(), 1)};
}

std::uint64_t SqliteStore::dataVersion() {
    StatementRun run(m_dataVersion.get(), m_path, "checking for changes");
    if (!run.nextRow()) run.fail(SQLITE_INTERNAL);
    return static_cast<std::uint64_t>(run.integer64(0));
}

void SqliteStore::submitSurvey(const domain::LocalDate& today, const std::optional<std::string>& surveyCode,
                               const domain::SurveyAnswer& answer) {
    domain::validateScores(answer);  // before the transaction: a bad score touches nothing
    ImmediateTransaction transaction(m_begin.get(), m_commit.get(), m_path, kSurveyAction, &m_wal);
    // Checked under the write lock: a second process with the same code waits, then finds it used.
    if (surveyCode) useSurveyCode(today, *surveyCode);
    insertAnswer(today, answer, !surveyCode);
    transaction.commit();
}

void SqliteStore::checkSurveyCode(const domain::LocalDate& today, const std::string& surveyCode) {
    usableSurveyTicket(today, surveyCode);  // one SELECT: a consistent snapshot without a transaction
}

// The id of the ticket of `today` holding the code, if an answer may be given for it now.
std::int64_t SqliteStore::usableSurveyTicket(const domain::LocalDate& today, const std::string& surveyCode) {
    StatementRun run(m_ticketBySurveyCode.get(), m_path, kSurveyAction);
    run.bind(1, today.iso()).bind(2, surveyCode);
    if (!run.nextRow()) domain::refuseSurvey(domain::SurveyRefusal::UnknownCode);
    if (run.text(1) != domain::toString(domain::TicketState::Served)) domain::refuseSurvey(domain::SurveyRefusal::NotServed);
    if (run.integer(2) != 0) domain::refuseSurvey(domain::SurveyRefusal::AlreadyUsed);
    return run.integer64(0);
}

void SqliteStore::useSurveyCode(const domain::LocalDate& today, const std::string& surveyCode) {
    const std::int64_t ticketId = usableSurveyTicket(today, surveyCode);
    StatementRun run(m_markSurveyUsed.get(), m_path, kSurveyAction);
    run.bind(1, ticketId).runToCompletion();
    if (sqlite3_changes(m_db.get()) != 1) domain::refuseSurvey(domain::SurveyRefusal::AlreadyUsed);
}

void SqliteStore::insertAnswer(const domain::LocalDate& today, const domain::SurveyAnswer& answer, bool paper) {
    unsigned char key[kAnswerKeyBytes];
    randomBytes(key, kAnswerKeyBytes);
    StatementRun run(m_insertAnswer.get(), m_path, kSurveyAction);
    run.bindBlob(1, key, kAnswerKeyBytes).bind(2, today.iso()).bind(3, answer.overall);
    for (int d = 0; d < static_cast<int>(answer.dimensions.size()); ++d)
        run.bindOptional(4 + d, answer.dimensions[static_cast<std::size_t>(d)]);
    run.bind(8, paper).runToCompletion();
}

std::vector<domain::StoredAnswer> SqliteStore::surveyAnswers(const domain::LocalDate& from,
                                                             const domain::LocalDate& to) {
    StatementRun run(m_surveyAnswers.get(), m_path, "reading the survey answers");
    run.bind(1, from.iso()).bind(2, to.iso());
    std::vector<domain::StoredAnswer> answers;
    while (run.nextRow()) answers.push_back(answerFromRow(run, m_path));
    return answers;
}

std::vector<domain::DayScoreTally> SqliteStore::surveyTallies(const domain::LocalDate& from,
                                                               const domain::LocalDate& to) {
    StatementRun run(m_surveyTallies.get(), m_path, "counting the survey answers for a report");
    run.bind(1, from.iso()).bind(2, to.iso());
    std::vector<domain::DayScoreTally> days;
    std::string lastDay;
    while (run.nextRow()) {
        const std::string dayText = run.text(0);
        const bool paper = run.integer(1) != 0;
        if (days.empty() || dayText != lastDay || days.back().paper != paper) {
            const auto day = domain::LocalDate::parse(dayText);
            if (!day) throwUnreadable("the day of a survey answer", m_path);
            days.push_back({*day, paper, {}});
            lastDay = dayText;
        }
        for (int score = 1; score <= domain::ScoreTally::kScores; ++score)
            days.back().tally.add(static_cast<std::size_t>(run.integer(2)), score, run.integer(2 + score));
    }
    for (auto& day : days)
        if (day.paper) day.tally.paperAnswers = day.tally.answers();
    return days;
}

std::vector<domain::DemandCell> SqliteStore::demandCells(const domain::LocalDate& from, const domain::LocalDate& to) {
    StatementRun run(m_demandCells.get(), m_path, "counting the tickets for a report");
    run.bind(1, from.iso()).bind(2, to.iso());
    std::vector<domain::DemandCell> cells;
    while (run.nextRow()) cells.push_back(demandCellFromRow(run, m_path));
    return cells;
}

void SqliteStore::addContactTallies(const domain::LocalDate& serviceDay, const std::string& categoryId,
                                    const std::vector<domain::ContactTallyKey>& keys) {
    if (keys.empty()) return;
    ImmediateTransaction transaction(m_begin.get(), m_commit.get(), m_path, kSchedaAction, &m_wal);
    for (const auto& key : keys) {
        StatementRun run(m_addContactTally.get(), m_path, kSchedaAction);
        run.bind(1, serviceDay.iso()).bind(2, categoryId).bind(3, key.facet).bind(4, key.value).runToCompletion();
    }
    transaction.commit();
}

std::vector<domain::ContactTally> SqliteStore::contactTallies(const domain::LocalDate& from,
                                                              const domain::LocalDate& to) {
    StatementRun run(m_contactTallies.get(), m_path, "reading the scheda di Segretariato counters");
    run.bind(1, from.iso()).bind(2, to.iso());
    std::vector<domain::ContactTally> tallies;
    while (run.nextRow()) {
        const auto day = domain::LocalDate::parse(run.text(0));
        if (!day) throwUnreadable("the service day of a scheda counter", m_path);
        tallies.push_back({*day, run.text(1), run.text(2), run.text(3), run.integer(4)});
    }
    return tallies;
}

}  // namespace store
