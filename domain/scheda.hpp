#pragma once
// The scheda di Segretariato (issue #12): after an interview staff tap what the person came for
// and what they were given; only anonymous counters per service day, category and choice are
// stored, and reports per month and quarter hide small counts and the ones that would reveal them.
#include <string>
#include <string_view>
#include <vector>

#include "civil_time.hpp"
#include "config.hpp"
#include "ticket_store.hpp"

namespace domain {

// The facets and fixed values of the counters: the one place that names them.
namespace scheda_facet {
inline constexpr std::string_view kRecorded = "recorded";  // one per scheda filled in: the totals
inline constexpr std::string_view kRecordedValue = "scheda";
inline constexpr std::string_view kNeed = "need";          // value: a need area id
inline constexpr std::string_view kAnswer = "answer";      // value: an answer id
inline constexpr std::string_view kReferral = "referral";  // value: a referral service id
inline constexpr std::string_view kContact = "contact";    // value: kFirst or kReturn
inline constexpr std::string_view kFirst = "first";
inline constexpr std::string_view kReturn = "return";
inline constexpr std::string_view kOperators = "operators";  // value: kTwo
inline constexpr std::string_view kTwo = "two";
}  // namespace scheda_facet

enum class ContactKind { Unstated, First, Return };

// What staff tapped after one interview. Nothing here names the ticket or the person.
struct ContactRecord {
    std::vector<std::string> needAreaIds;
    std::vector<std::string> answerIds;
    std::vector<std::string> referralServiceIds;  // only with the referral answer (added if missing)
    ContactKind contact = ContactKind::Unstated;
    bool secondOperator = false;  // e.g. social worker and educator together
};

// Nothing tapped: the scheda was skipped and nothing is counted.
bool isEmpty(const ContactRecord& record);

// The counters one scheda adds to: the "recorded" total, then one per choice (each id once).
// Throws std::invalid_argument naming an id the config does not list.
std::vector<ContactTallyKey> tallyKeys(const ContactRecord& record, const SchedaConfig& scheda);

// Counts the scheda on its own transaction (TicketStore::addContactTallies): never together with
// a change of the ticket, so no row or commit ties the two. An empty record stores nothing.
void recordContact(TicketStore& store, const SchedaConfig& scheda, const LocalDate& serviceDay,
                   const std::string& categoryId, const ContactRecord& record);

// ---- reports ----

// A count as published: below the minimum, or giving one away through a total, it is withheld.
struct SchedaCell {
    int count = 0;
    bool suppressed = false;
};

// One choice per category (the report's category order), and across categories.
struct SchedaRow {
    std::string id;
    std::string label;
    std::string shortLabel;  // the config's `short`, else the label: for tables short of room
    std::vector<SchedaCell> byCategory;
    SchedaCell total;
};

// One facet's table. In `contact` the rows are first, return and not stated, and they add up to the
// schede recorded; the other facets allow several choices per scheda, so only their rows add up.
struct SchedaTable {
    std::string facet;
    std::vector<SchedaRow> rows;
};

struct SchedaPeriod {
    std::string name;  // "2026-11", "2026-Q4", "2026", or "2026-11-03/2026-11-20" for any other range
    LocalDate from;
    LocalDate to;          // inclusive
    bool partial = false;  // a month or quarter cut by the report's range
    SchedaRow recorded;    // the schede filled in, per category
    std::vector<SchedaTable> tables;  // need, answer, referral, contact, operators
};

struct DateRange {
    LocalDate from;
    LocalDate to;  // inclusive
};

// The longest period a report covers. Its scheda lists every month and every quarter of the
// period, so a report grows with the calendar, not with the data: 0001-01-01 to 9999-12-31 ran
// 100 s and used 18 GB. Fifty years is as much history as generate-demo-data makes; the longest
// report lists 600 months and 200 quarters (kioskctl: 0.2 s as text, 1.4 s and 110 MB as JSON).
inline constexpr int kMaxReportYears = 50;

// Whether from..to (inclusive) is a period a report covers: from on or before to, and to less
// than kMaxReportYears years after from (2000-01-01 to 2049-12-31 is the longest from 2000-01-01).
bool reportSpanAllowed(const LocalDate& from, const LocalDate& to);

// Why from..to is not a report's period, in a sentence; empty when reportSpanAllowed.
std::string reportSpanRefusal(const LocalDate& from, const LocalDate& to);

struct SchedaReport {
    int minCellCount = 5;
    std::vector<std::string> categoryIds;  // config order, then ids no longer configured
    SchedaPeriod period;                   // the whole range
    std::vector<SchedaPeriod> months;      // the calendar months the range touches
    std::vector<SchedaPeriod> quarters;    // the calendar quarters the range touches
};

// The report of the days from `from` to `to` inclusive (std::length_error with reportSpanRefusal
// when !reportSpanAllowed). Every count it publishes (the range, its
// months, its quarters) is suppressed together: a quarter and its months, the range and its quarters
// add up cell by cell, and no such line is left with exactly one withheld count. A range of whole
// months within one year is suppressed as part of its calendar year, so a month, quarter or year
// shows the same figures in every report that contains it.
SchedaReport schedaReport(TicketStore& store, const Config& config, const LocalDate& from, const LocalDate& to);

// The days whose counters schedaReport(from, to) reads: the calendar year for whole months in one year.
DateRange schedaTallyDays(const LocalDate& from, const LocalDate& to);

// From counters covering at least schedaTallyDays(from, to) (missing days count as zero); the same
// std::length_error for a period no report covers.
SchedaReport schedaReport(const std::vector<ContactTally>& tallies, const Config& config, const LocalDate& from,
                          const LocalDate& to);

// Italian labels of the fixed facets' rows and of the facets themselves, for screens and reports.
std::string schedaFacetTitle(std::string_view facet);

// ---- small-cell suppression ----

// Cells that add up: the members sum to `total` (all indices into one list of counts).
struct AdditiveLine {
    std::vector<std::size_t> members;
    std::size_t total = 0;
};

// Which counts to withhold: every count from 1 to minCount - 1, then, while a line has exactly one
// withheld count (which its published total and the other members would give away), one more of
// that line: its smallest non-zero member, else its smallest member, else its total.
std::vector<bool> suppressSmallCounts(const std::vector<int>& counts, const std::vector<AdditiveLine>& lines,
                                      int minCount);

// "2026-Q4" -> 2026-10-01..2026-12-31; "2026-11" -> the month. nullopt when malformed.
std::optional<DateRange> parseQuarter(std::string_view text);
std::optional<DateRange> parseMonth(std::string_view text);

}  // namespace domain
