// The scheda di Segretariato's counters in SQLite (issue #12): only day, category, facet, value and
// count are stored, never anything that names a ticket, a time of day or free text.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "domain/scheda.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "raw_database.hpp"
#include "support/process.hpp"

namespace {

using domain::LocalDate;
using testing_support::RawDatabase;
using testing_support::TempDir;

const LocalDate kDay{2026, 11, 30};

domain::Ticket servedTicket(store::SqliteStore& db) {
    domain::NewTicketRequest request{"adulti", 'A', *domain::LocalDateTime::parse("2026-11-30T15:31:07"), ""};
    const domain::Ticket ticket = db.issueTicket(request);
    domain::TicketChange serve;
    serve.serviceDay = kDay;
    serve.code = ticket.code;
    serve.from = {domain::TicketState::Waiting};
    serve.to = domain::TicketState::Served;
    serve.finishedAt = domain::LocalDateTime::parse("2026-11-30T15:52:41");
    return db.changeTicket(serve);
}

domain::ContactRecord housingAndWorkReferred() {
    domain::ContactRecord record;
    record.needAreaIds = {"housing", "work"};
    record.answerIds = {"referral"};
    record.referralServiceIds = {"centro-impiego"};
    record.contact = domain::ContactKind::First;
    return record;
}

TEST(SchedaStore, theCountersTableHasNoTicketTimeOrTextColumn) {
    TempDir dir;
    { store::SqliteStore db(dir.file("k.db")); }
    RawDatabase raw(dir.file("k.db"));
    const auto columns = raw.column("SELECT name FROM pragma_table_info('contact_tallies') ORDER BY cid");
    EXPECT_EQ(columns, (std::vector<std::string>{"service_day", "category_id", "facet", "value", "count"}));
    // Nothing fills it behind the store's back: no trigger on the tickets writes a counter.
    EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%contact_tallies%'"),
              0);
    EXPECT_EQ(raw.integer("PRAGMA user_version"), store::SqliteStore::kSchemaVersion);
}

TEST(SchedaStore, twoSchedeLeaveOnlyDayCategoryFacetValueAndCount) {
    TempDir dir;
    const std::string path = dir.file("k.db");
    store::SqliteStore db(path);
    const domain::SchedaConfig scheda;
    const domain::Ticket first = servedTicket(db), second = servedTicket(db);
    domain::recordContact(db, scheda, first.serviceDay, first.categoryId, housingAndWorkReferred());
    domain::ContactRecord other;
    other.needAreaIds = {"housing"};
    other.contact = domain::ContactKind::Return;
    other.secondOperator = true;
    domain::recordContact(db, scheda, second.serviceDay, second.categoryId, other);

    RawDatabase raw(path);
    const auto rows = raw.column(
        "SELECT service_day || '|' || category_id || '|' || facet || '|' || value || '|' || count FROM contact_tallies "
        "ORDER BY facet, value");
    EXPECT_EQ(rows, (std::vector<std::string>{
                        "2026-11-30|adulti|answer|referral|1", "2026-11-30|adulti|contact|first|1",
                        "2026-11-30|adulti|contact|return|1", "2026-11-30|adulti|need|housing|2",
                        "2026-11-30|adulti|need|work|1", "2026-11-30|adulti|operators|two|1",
                        "2026-11-30|adulti|recorded|scheda|2", "2026-11-30|adulti|referral|centro-impiego|1"}));
    // No value anywhere in the table is a ticket code, survey code or a time.
    const auto everything = raw.column(
        "SELECT service_day FROM contact_tallies UNION ALL SELECT category_id FROM contact_tallies "
        "UNION ALL SELECT facet FROM contact_tallies UNION ALL SELECT value FROM contact_tallies");
    for (const auto& value : everything) {
        for (const auto& t : {first, second}) {
            EXPECT_NE(value, t.code);
            EXPECT_NE(value, t.surveyCode);
        }
        EXPECT_EQ(value.find(':'), std::string::npos) << value;
    }

    const auto tallies = db.contactTallies(kDay, kDay);
    ASSERT_EQ(tallies.size(), 8u);
    EXPECT_EQ(tallies.front().facet, "answer");  // ordered by day, category, facet, value
    EXPECT_EQ(tallies.back().value, "centro-impiego");
    EXPECT_TRUE(db.contactTallies(kDay.plusDays(1), kDay.plusDays(30)).empty());
}

// A counter that cannot be written leaves the others of the same scheda unwritten too.
TEST(SchedaStore, aSchedaIsCountedWhollyOrNotAtAll) {
    TempDir dir;
    const std::string path = dir.file("k.db");
    store::SqliteStore db(path);
    {
        RawDatabase raw(path);
        raw.exec("CREATE TRIGGER refuse_boom BEFORE INSERT ON contact_tallies WHEN NEW.value = 'boom' "
                 "BEGIN SELECT RAISE(ABORT, 'refused'); END;");
    }
    EXPECT_THROW(db.addContactTallies(kDay, "adulti", {{"need", "housing"}, {"need", "boom"}}), domain::StoreError);
    EXPECT_TRUE(db.contactTallies(kDay, kDay).empty());
    db.addContactTallies(kDay, "adulti", {{"need", "housing"}, {"need", "housing"}});
    const auto tallies = db.contactTallies(kDay, kDay);
    ASSERT_EQ(tallies.size(), 1u);
    EXPECT_EQ(tallies[0].count, 2);
}

TEST(SchedaStore, aVersion6DatabaseGainsTheCountersAndKeepsItsTickets) {
    TempDir dir;
    const std::string path = dir.file("k.db");
    std::string code;
    {
        store::SqliteStore db(path);
        code = servedTicket(db).code;
    }
    {
        RawDatabase raw(path);
        raw.exec("DROP TABLE contact_tallies; PRAGMA user_version = 6");
    }
    store::SqliteStore db(path);
    const auto tickets = db.ticketsOfDay(kDay);
    ASSERT_EQ(tickets.size(), 1u);
    EXPECT_EQ(tickets[0].code, code);
    db.addContactTallies(kDay, "adulti", {{"recorded", "scheda"}});
    EXPECT_EQ(db.contactTallies(kDay, kDay).size(), 1u);
    RawDatabase raw(path);
    EXPECT_EQ(raw.integer("PRAGMA user_version"), 7);
}

}  // namespace
