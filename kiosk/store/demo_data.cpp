#include "kiosk/store/demo_data.hpp"

#include <sqlite3.h>

#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <string_view>

#include "kiosk/store/sqlite_errors.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "kiosk/store/survey_rows.hpp"

namespace store {

namespace {

using domain::StoreError;

constexpr int kBusyTimeoutMs = 5000;
constexpr const char* kAction = "generating demo data";
// Page cache for the one big transaction (KiB, as PRAGMA cache_size takes negative values):
// the indexes being appended to stay in memory.
constexpr int kCacheKiB = 65'536;

constexpr const char* kInsertTicketSql =
    "INSERT INTO tickets (service_day, category_id, number, code, issued_at, state, desk, called_at, "
    "finished_at, transferred_to, survey_code, survey_used) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

// The demo's schede, a day's counts at a time (ON CONFLICT: schede already there without tickets).
constexpr const char* kInsertContactTallySql =
    "INSERT INTO contact_tallies (service_day, category_id, facet, value, count) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (service_day, category_id, facet, value) DO UPDATE SET count = count + excluded.count";

using detail::Connection;
using detail::Statement;

class DemoWriter {
public:
    DemoWriter(const std::string& path, const domain::Config& config) : m_path(path), m_config(config) {
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
        m_db.reset(raw);
        check(rc);
        sqlite3_busy_timeout(m_db.get(), kBusyTimeoutMs);
        // NORMAL: one commit at the end; a power cut during it loses the demo data, nothing else.
        execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA journal_size_limit = 4194304; "
                "PRAGMA cache_size = -" + std::to_string(kCacheKiB));
    }

    void begin() { execute("BEGIN IMMEDIATE"); }
    void commit() { execute("COMMIT"); }
    void rollbackIfOpen() noexcept {
        if (m_db && !sqlite3_get_autocommit(m_db.get())) sqlite3_exec(m_db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    // The WAL held the whole transaction: write it into the database and shrink it back.
    void checkpoint() { execute("PRAGMA wal_checkpoint(TRUNCATE)"); }

    std::int64_t ticketCount() {
        const Statement statement = prepare("SELECT count(*) FROM tickets");
        stepRow(statement.get());
        return sqlite3_column_int64(statement.get(), 0);
    }

    void deleteActivity() {
        execute("DELETE FROM tickets; DELETE FROM calls; DELETE FROM survey_answers; DELETE FROM contact_tallies");
    }

    void prepareInserts() {
        m_insertTicket = prepare(kInsertTicketSql);
        m_insertAnswer = prepare(detail::kInsertAnswerSql);
        m_insertContactTally = prepare(kInsertContactTallySql);
    }

    void writeDay(const domain::DemoDay& day, DemoDataCounts& counts, domain::DemoSchedaMaker& schede) {
        const std::string date = day.date.iso();
        // The day's scheda counters per category (the one that served), as recordContact adds them.
        std::map<std::tuple<std::string, std::string, std::string>, int> tallies;
        std::map<std::size_t, int> lastNumber;  // per issuing category: numbering restarts every day
        std::set<std::string> surveyCodes;      // unique within the day, as the store's UNIQUE index wants
        for (const auto& t : day.tickets) {
            const int number = ++lastNumber[t.category];
            writeTicket(date, t, number, freeSurveyCode(surveyCodes));
            ++counts.tickets;
            if (t.answer) {
                writeAnswer(date, *t.answer, false);
                ++counts.kioskAnswers;
            }
            if (const auto record = schede.after(t)) {
                const std::string& category = m_config.categories.at(t.transferredTo.value_or(t.category)).id;
                for (const auto& key : domain::tallyKeys(*record, m_config.scheda))
                    ++tallies[{category, key.facet, key.value}];
                ++counts.schede;
            }
        }
        writeTallies(date, tallies);
        for (const auto& answer : day.paperAnswers) {
            writeAnswer(date, answer, true);
            ++counts.paperAnswers;
        }
        ++counts.days;
    }

    [[noreturn]] void fail(int rc) const {
        throw StoreError(std::string(kAction) + " failed for the ticket database " + m_path + ": " +
                         detail::explainFailure(m_db.get(), rc));
    }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) fail(rc);
    }
    void execute(const std::string& sql) { check(sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, nullptr)); }
    Statement prepare(const char* sql) {
        sqlite3_stmt* raw = nullptr;
        const int rc = sqlite3_prepare_v2(m_db.get(), sql, -1, &raw, nullptr);
        Statement statement(raw);
        check(rc);
        return statement;
    }
    void stepRow(sqlite3_stmt* statement) const {
        const int rc = sqlite3_step(statement);
        if (rc != SQLITE_ROW) fail(rc == SQLITE_DONE ? SQLITE_INTERNAL : rc);
    }
    void stepDone(sqlite3_stmt* statement) const {
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE) fail(rc);
    }
    void bindText(sqlite3_stmt* s, int index, const std::string& text) const {
        check(sqlite3_bind_text(s, index, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    }
    template <typename T, typename Text>
    void bindOptional(sqlite3_stmt* s, int index, const std::optional<T>& value, Text&& text) const {
        if (value) bindText(s, index, text(*value));
        else check(sqlite3_bind_null(s, index));
    }

    static std::string freeSurveyCode(std::set<std::string>& taken) {
        for (;;) {
            std::string code = detail::randomSurveyCode();
            if (taken.insert(code).second) return code;
        }
    }

    void writeTicket(const std::string& date, const domain::DemoTicket& t, int number, const std::string& surveyCode) {
        const domain::Category& category = m_config.categories.at(t.category);
        sqlite3_stmt* s = m_insertTicket.get();
        bindText(s, 1, date);
        bindText(s, 2, category.id);
        check(sqlite3_bind_int(s, 3, number));
        bindText(s, 4, domain::formatTicketCode(category.prefix, number));
        bindText(s, 5, t.issuedAt.iso());
        bindText(s, 6, std::string(domain::toString(t.state)));
        bindOptional(s, 7, t.desk, [](const std::string& desk) { return desk; });
        const auto iso = [](const domain::LocalDateTime& time) { return time.iso(); };
        bindOptional(s, 8, t.calledAt, iso);
        bindOptional(s, 9, t.finishedAt, iso);
        bindOptional(s, 10, t.transferredTo, [&](std::size_t i) { return m_config.categories.at(i).id; });
        bindText(s, 11, surveyCode);
        check(sqlite3_bind_int(s, 12, t.answer ? 1 : 0));
        stepDone(s);
    }

    void writeTallies(const std::string& date,
                      const std::map<std::tuple<std::string, std::string, std::string>, int>& tallies) {
        sqlite3_stmt* s = m_insertContactTally.get();
        for (const auto& [key, count] : tallies) {
            bindText(s, 1, date);
            bindText(s, 2, std::get<0>(key));
            bindText(s, 3, std::get<1>(key));
            bindText(s, 4, std::get<2>(key));
            check(sqlite3_bind_int(s, 5, count));
            stepDone(s);
        }
    }

    // As SqliteStore::insertAnswer: a fresh random key per answer, the day, the scores.
    void writeAnswer(const std::string& date, const domain::SurveyAnswer& answer, bool paper) {
        unsigned char key[detail::kAnswerKeyBytes];
        detail::randomBytes(key, detail::kAnswerKeyBytes);
        sqlite3_stmt* s = m_insertAnswer.get();
        check(sqlite3_bind_blob(s, 1, key, detail::kAnswerKeyBytes, SQLITE_TRANSIENT));
        bindText(s, 2, date);
        check(sqlite3_bind_int(s, 3, answer.overall));
        for (std::size_t d = 0; d < answer.dimensions.size(); ++d) {
            const int index = 4 + static_cast<int>(d);
            if (answer.dimensions[d]) check(sqlite3_bind_int(s, index, *answer.dimensions[d]));
            else check(sqlite3_bind_null(s, index));
        }
        check(sqlite3_bind_int(s, 8, paper ? 1 : 0));
        stepDone(s);
    }

    const std::string& m_path;
    const domain::Config& m_config;
    Connection m_db;  // declared before the statements: destroyed after them
    Statement m_insertTicket;
    Statement m_insertAnswer;
    Statement m_insertContactTally;
};

std::string refusal(const std::string& path, std::int64_t tickets) {
    return "the ticket database " + path + " is not empty (tickets: " + std::to_string(tickets) +
           "): demo data goes only into an empty database (another --db file, or --force to delete "
           "its tickets, calls and survey answers first)";
}

}  // namespace

DemoDataCounts generateDemoData(const std::string& dbPath, const domain::Config& config,
                                const DemoDataOptions& options) {
    // The store's own checks and migrations first: the same file rules as every other program.
    { SqliteStore checked(dbPath); }
    const domain::DemoPeriod period = domain::demoPeriod(options.years, options.until);
    DemoDataCounts counts;
    counts.from = period.from;
    counts.to = period.to;

    DemoWriter writer(dbPath, config);
    writer.begin();
    try {
        if (const std::int64_t existing = writer.ticketCount(); existing > 0) {
            if (!options.replaceExisting) throw DatabaseNotEmptyError(refusal(dbPath, existing));
            writer.deleteActivity();
        }
        writer.prepareInserts();
        domain::DemoDataGenerator generator(config, options.seed, options.shape);
        domain::DemoSchedaMaker schede(config.scheda, options.seed);
        generator.generate(period, [&](const domain::DemoDay& day) { writer.writeDay(day, counts, schede); });
        writer.commit();
    } catch (...) {
        writer.rollbackIfOpen();
        throw;
    }
    writer.checkpoint();
    return counts;
}

DemoDataCounts generateDemoData(const std::string& dbPath, const domain::Config& config, int years,
                                domain::LocalDate until, unsigned seed) {
    DemoDataOptions options;
    options.years = years;
    options.until = until;
    options.seed = seed;
    return generateDemoData(dbPath, config, options);
}

}  // namespace store
