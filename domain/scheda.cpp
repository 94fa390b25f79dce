#include "scheda.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>

namespace domain {

namespace f = scheda_facet;

bool isEmpty(const ContactRecord& record) {
    return record.needAreaIds.empty() && record.answerIds.empty() && record.referralServiceIds.empty() &&
           record.contact == ContactKind::Unstated && !record.secondOperator;
}

namespace {

bool listed(const std::vector<SchedaChoice>& choices, const std::string& id) {
    return std::any_of(choices.begin(), choices.end(), [&](const SchedaChoice& c) { return c.id == id; });
}

// Each id once, in the order tapped, and only ids of the list: a stale id from an old screen
// must not create a counter nobody can label.
void addChoices(std::vector<ContactTallyKey>& keys, std::string_view facet, const std::vector<std::string>& ids,
                const std::vector<SchedaChoice>& choices, std::string_view listName) {
    std::set<std::string> seen;
    for (const auto& id : ids) {
        if (!listed(choices, id))
            throw std::invalid_argument("scheda: " + id + " is not one of the " + std::string(listName) +
                                        " in the config");
        if (seen.insert(id).second) keys.push_back({std::string(facet), id});
    }
}

}  // namespace

std::vector<ContactTallyKey> tallyKeys(const ContactRecord& record, const SchedaConfig& scheda) {
    std::vector<ContactTallyKey> keys{{std::string(f::kRecorded), std::string(f::kRecordedValue)}};
    addChoices(keys, f::kNeed, record.needAreaIds, scheda.needAreas, "need areas");
    std::vector<std::string> answers = record.answerIds;
    // A service named is a referral, even when the referral answer itself was not tapped.
    const std::string referral(kSchedaReferralAnswer);
    if (!record.referralServiceIds.empty() && std::find(answers.begin(), answers.end(), referral) == answers.end())
        answers.push_back(referral);
    addChoices(keys, f::kAnswer, answers, scheda.answers, "answers");
    addChoices(keys, f::kReferral, record.referralServiceIds, scheda.referralServices, "referral services");
    if (record.contact != ContactKind::Unstated)
        keys.push_back({std::string(f::kContact),
                        std::string(record.contact == ContactKind::First ? f::kFirst : f::kReturn)});
    if (record.secondOperator) keys.push_back({std::string(f::kOperators), std::string(f::kTwo)});
    return keys;
}

void recordContact(TicketStore& store, const SchedaConfig& scheda, const LocalDate& serviceDay,
                   const std::string& categoryId, const ContactRecord& record) {
    if (isEmpty(record)) return;
    store.addContactTallies(serviceDay, categoryId, tallyKeys(record, scheda));
}

// ---- suppression ----

namespace {

int suppressedIn(const AdditiveLine& line, const std::vector<bool>& hidden) {
    int n = hidden[line.total] ? 1 : 0;
    for (std::size_t m : line.members) n += hidden[m] ? 1 : 0;
    return n;
}

// The member whose hiding costs the least information: the smallest non-zero count (a zero hidden
// next to a small count protects little), else a zero, else the line's total.
std::size_t complementOf(const AdditiveLine& line, const std::vector<int>& counts, const std::vector<bool>& hidden) {
    std::optional<std::size_t> best;
    const auto better = [&](std::size_t candidate) {
        if (!best) return true;
        const int a = counts[candidate], b = counts[*best];
        if ((a == 0) != (b == 0)) return b == 0;
        return a < b;
    };
    for (std::size_t m : line.members)
        if (!hidden[m] && better(m)) best = m;
    return best.value_or(line.total);
}

}  // namespace

std::vector<bool> suppressSmallCounts(const std::vector<int>& counts, const std::vector<AdditiveLine>& lines,
                                      int minCount) {
    std::vector<bool> hidden(counts.size(), false);
    for (std::size_t i = 0; i < counts.size(); ++i) hidden[i] = counts[i] > 0 && counts[i] < minCount;
    // Each pass only adds hidden counts, so this ends after at most counts.size() passes.
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& line : lines) {
            if (suppressedIn(line, hidden) != 1) continue;
            hidden[complementOf(line, counts, hidden)] = true;
            changed = true;
        }
    }
    return hidden;
}

// ---- periods ----

namespace {

std::string monthName(const LocalDate& first) { return first.iso().substr(0, 7); }
std::string quarterName(const LocalDate& first) {
    return std::to_string(first.year) + "-Q" + std::to_string((first.month - 1) / 3 + 1);
}

LocalDate monthEnd(const LocalDate& first, int months) {
    using namespace std::chrono;
    // months <= 3 from a quarter's first month: the same year.
    const auto month = std::chrono::month{static_cast<unsigned>(first.month + months - 1)};
    return LocalDate::fromDays(sys_days{year_month_day_last{std::chrono::year{first.year} / month / last}});
}

// "2026-11-01" from the text of a year and a month, if they make a date from the year 1000 on.
std::optional<LocalDate> firstOfMonth(std::string_view year, std::string_view month) {
    const auto first = LocalDate::parse(std::string(year) + "-" + std::string(month) + "-01");
    if (!first || first->year < 1000) return std::nullopt;
    return first;
}

struct Slice {
    std::string name;
    LocalDate from, to;
    bool partial;
};

// The calendar months (3 = quarters) the range touches, each cut to the range.
std::vector<Slice> calendarSlices(const LocalDate& from, const LocalDate& to, int months) {
    std::vector<Slice> out;
    LocalDate first{from.year, (from.month - 1) / months * months + 1, 1};
    while (first <= to) {
        const LocalDate last = monthEnd(first, months);
        const LocalDate a = std::max(first, from), b = std::min(last, to);
        out.push_back({months == 1 ? monthName(first) : quarterName(first), a, b, a != first || b != last});
        first = last.plusDays(1);
    }
    return out;
}

std::string rangeName(const LocalDate& from, const LocalDate& to) {
    if (from == LocalDate{from.year, 1, 1} && to == LocalDate{from.year, 12, 31}) return std::to_string(from.year);
    for (int months : {1, 3}) {
        const auto slices = calendarSlices(from, to, months);
        if (slices.size() == 1 && !slices.front().partial) return slices.front().name;
    }
    return from.iso() + "/" + to.iso();
}

}  // namespace

std::optional<DateRange> parseMonth(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    const auto first = firstOfMonth(text.substr(0, 4), text.substr(5, 2));
    if (!first) return std::nullopt;
    return DateRange{*first, monthEnd(*first, 1)};
}

std::optional<DateRange> parseQuarter(std::string_view text) {
    if (text.size() != 7 || text[4] != '-' || (text[5] != 'Q' && text[5] != 'q')) return std::nullopt;
    static constexpr std::string_view kFirstMonths[] = {"01", "04", "07", "10"};
    const char quarter = text[6];
    if (quarter < '1' || quarter > '4') return std::nullopt;
    const auto first = firstOfMonth(text.substr(0, 4), kFirstMonths[quarter - '1']);
    if (!first) return std::nullopt;
    return DateRange{*first, monthEnd(*first, 3)};
}

// ---- report ----

bool reportSpanAllowed(const LocalDate& from, const LocalDate& to) {
    if (to < from) return false;
    // Compared field by field: from + 50 years need not be a date (29 February).
    const int years = to.year - from.year;
    return years < kMaxReportYears ||
           (years == kMaxReportYears && std::pair(to.month, to.day) < std::pair(from.month, from.day));
}

std::string reportSpanRefusal(const LocalDate& from, const LocalDate& to) {
    if (reportSpanAllowed(from, to)) return {};
    if (to < from) return to.iso() + " is before " + from.iso();
    return from.iso() + " to " + to.iso() + " is more than " + std::to_string(kMaxReportYears) +
           " years; a report covers at most " + std::to_string(kMaxReportYears) +
           " years, because it lists every month and quarter of its period: ask for a shorter one";
}

std::string schedaFacetTitle(std::string_view facet) {
    if (facet == f::kRecorded) return "Schede compilate";
    if (facet == f::kNeed) return "Aree di bisogno";
    if (facet == f::kAnswer) return "Risposte date";
    if (facet == f::kReferral) return "Invii ad altri servizi";
    if (facet == f::kContact) return "Primo contatto o ritorno";
    if (facet == f::kOperators) return "Colloqui con due operatori";
    return std::string(facet);
}

namespace {

constexpr std::string_view kUnstated = "unstated";

// Counts of one period: facet -> value -> category -> count.
using Counts = std::map<std::string, std::map<std::string, std::map<std::string, int>>, std::less<>>;

Counts countsBetween(const std::vector<ContactTally>& tallies, const LocalDate& from, const LocalDate& to) {
    Counts counts;
    for (const auto& t : tallies)
        if (from <= t.serviceDay && t.serviceDay <= to) counts[t.facet][t.value][t.categoryId] += t.count;
    return counts;
}

int countOf(const Counts& counts, std::string_view facet, const std::string& value, const std::string& category) {
    const auto byValue = counts.find(facet);
    if (byValue == counts.end()) return 0;
    const auto byCategory = byValue->second.find(value);
    if (byCategory == byValue->second.end()) return 0;
    const auto found = byCategory->second.find(category);
    return found == byCategory->second.end() ? 0 : found->second;
}

// The rows and columns every period of one report shares, so months and quarters line up.
struct Layout {
    std::vector<std::string> categories;
    std::map<std::string, std::vector<SchedaChoice>, std::less<>> rows;  // by facet
};

// Configured choices first, then ids found in the counters but no longer configured (their past
// counts must not vanish), labelled with their id.
std::vector<SchedaChoice> rowsOf(const std::vector<SchedaChoice>& configured, const Counts& all, std::string_view facet) {
    std::vector<SchedaChoice> rows = configured;
    if (const auto found = all.find(facet); found != all.end())
        for (const auto& [value, unused] : found->second)
            if (!listed(rows, value)) rows.push_back({value, value});
    return rows;
}

Layout layoutOf(const Counts& all, const Config& config) {
    Layout layout;
    for (const auto& category : config.categories) layout.categories.push_back(category.id);
    std::set<std::string> extra;
    for (const auto& [facet, values] : all)
        for (const auto& [value, byCategory] : values)
            for (const auto& [category, count] : byCategory)
                if (std::find(layout.categories.begin(), layout.categories.end(), category) == layout.categories.end())
                    extra.insert(category);
    layout.categories.insert(layout.categories.end(), extra.begin(), extra.end());
    layout.rows[std::string(f::kNeed)] = rowsOf(config.scheda.needAreas, all, f::kNeed);
    layout.rows[std::string(f::kAnswer)] = rowsOf(config.scheda.answers, all, f::kAnswer);
    layout.rows[std::string(f::kReferral)] = rowsOf(config.scheda.referralServices, all, f::kReferral);
    layout.rows[std::string(f::kOperators)] = {{std::string(f::kTwo), "Due operatori presenti"}};
    return layout;
}

// One table of one period: rows x (categories + total), a block of the report's single list of
// counts, so that suppression sees every period's tables at once.
struct TableCells {
    std::size_t offset = 0, rows = 0, columns = 0;
    std::size_t at(std::size_t row, std::size_t column) const { return offset + row * columns + column; }
};

// The tables of one period, in the order of kTables.
constexpr std::array<std::string_view, 5> kTables{f::kNeed, f::kAnswer, f::kReferral, f::kContact, f::kOperators};
constexpr std::size_t kContactTable = 3;

const std::vector<SchedaChoice>& contactRows() {
    static const std::vector<SchedaChoice> rows = {{std::string(f::kFirst), "Primo contatto"},
                                                   {std::string(f::kReturn), "Ritorno"},
                                                   {std::string(kUnstated), "Non indicato"},
                                                   {std::string(f::kRecordedValue), "Schede compilate"}};
    return rows;
}

// Every count a report publishes, with the lines that add up: within a table (rows across
// categories, the contact table's columns too) and across periods (a quarter and its months, the
// range and its quarters, cell by cell), so a reader holding all of them can subtract nothing.
class Sheet {
public:
    explicit Sheet(const Layout& layout) : m_layout(layout) {}

    // The block of the days from..to: created once, shared by every period of the report that
    // covers exactly those days (a one-month quarter part is its month). A range of several quarters
    // adds up from its quarter parts, one of several months from its months.
    std::size_t block(const LocalDate& from, const LocalDate& to, const std::vector<ContactTally>& tallies) {
        if (const auto found = m_index.find({from, to}); found != m_index.end()) return found->second;
        std::vector<std::size_t> parts;
        for (int months : {3, 1}) {
            const auto slices = calendarSlices(from, to, months);
            if (slices.size() < 2) continue;
            for (const auto& s : slices) parts.push_back(block(s.from, s.to, tallies));
            break;
        }
        const std::size_t id = m_blocks.size();
        m_blocks.push_back(cellsOf(countsBetween(tallies, from, to)));
        m_index[{from, to}] = id;
        if (!parts.empty()) addSumLines(id, parts);
        return id;
    }

    void suppress(int minCount) { m_hidden = suppressSmallCounts(m_counts, m_lines, minCount); }

    SchedaPeriod period(std::size_t id, const Slice& slice) const {
        SchedaPeriod out{slice.name, slice.from, slice.to, slice.partial, {}, {}};
        const auto& tables = m_blocks[id];
        for (std::size_t t = 0; t < kTables.size(); ++t) {
            SchedaTable table{std::string(kTables[t]), {}};
            const auto& choices = rowsOf(t);
            const std::size_t shown = t == kContactTable ? choices.size() - 1 : choices.size();  // recorded apart
            for (std::size_t r = 0; r < shown; ++r) table.rows.push_back(row(tables[t], r, choices[r]));
            out.tables.push_back(std::move(table));
        }
        out.recorded = row(tables[kContactTable], contactRows().size() - 1, contactRows().back());
        return out;
    }

private:
    const std::vector<SchedaChoice>& rowsOf(std::size_t table) const {
        return table == kContactTable ? contactRows() : m_layout.rows.find(kTables[table])->second;
    }

    TableCells newTable(std::size_t rows) {
        TableCells cells{m_counts.size(), rows, m_layout.categories.size() + 1};
        m_counts.resize(m_counts.size() + rows * cells.columns, 0);
        return cells;
    }

    // Row totals, and a line per row: several choices per scheda, so only rows add up.
    void addRowLines(const TableCells& t) {
        for (std::size_t r = 0; r < t.rows; ++r) {
            AdditiveLine line{{}, t.at(r, t.columns - 1)};
            for (std::size_t c = 0; c + 1 < t.columns; ++c) {
                line.members.push_back(t.at(r, c));
                m_counts[line.total] += m_counts[t.at(r, c)];
            }
            m_lines.push_back(std::move(line));
        }
    }

    // The last row is the sum of the others, column by column (its total column too).
    void addColumnLines(const TableCells& t) {
        for (std::size_t c = 0; c < t.columns; ++c) {
            AdditiveLine line{{}, t.at(t.rows - 1, c)};
            for (std::size_t r = 0; r + 1 < t.rows; ++r) line.members.push_back(t.at(r, c));
            m_lines.push_back(std::move(line));
        }
    }

    std::vector<TableCells> cellsOf(const Counts& counts) {
        std::vector<TableCells> tables;
        const auto& categories = m_layout.categories;
        for (std::size_t t = 0; t < kTables.size(); ++t) {
            const auto& choices = rowsOf(t);
            const TableCells cells = newTable(choices.size());
            for (std::size_t c = 0; c < categories.size(); ++c) {
                if (t != kContactTable) {
                    for (std::size_t r = 0; r < choices.size(); ++r)
                        m_counts[cells.at(r, c)] = countOf(counts, kTables[t], choices[r].id, categories[c]);
                    continue;
                }
                // First contact, return and not stated add up to the schede recorded.
                const int first = countOf(counts, f::kContact, std::string(f::kFirst), categories[c]);
                const int back = countOf(counts, f::kContact, std::string(f::kReturn), categories[c]);
                const int recorded =
                    std::max(countOf(counts, f::kRecorded, std::string(f::kRecordedValue), categories[c]), first + back);
                m_counts[cells.at(0, c)] = first;
                m_counts[cells.at(1, c)] = back;
                m_counts[cells.at(2, c)] = recorded - first - back;
                m_counts[cells.at(3, c)] = recorded;
            }
            addRowLines(cells);
            if (t == kContactTable) addColumnLines(cells);
            tables.push_back(cells);
        }
        return tables;
    }

    // The whole is the sum of its parts, in every cell of every table.
    void addSumLines(std::size_t whole, const std::vector<std::size_t>& parts) {
        for (std::size_t t = 0; t < kTables.size(); ++t) {
            const TableCells& w = m_blocks[whole][t];
            for (std::size_t i = 0; i < w.rows * w.columns; ++i) {
                AdditiveLine line{{}, w.offset + i};
                for (std::size_t p : parts) line.members.push_back(m_blocks[p][t].offset + i);
                m_lines.push_back(std::move(line));
            }
        }
    }

    SchedaRow row(const TableCells& t, std::size_t r, const SchedaChoice& choice) const {
        const auto cell = [&](std::size_t c) { return SchedaCell{m_counts[t.at(r, c)], m_hidden[t.at(r, c)]}; };
        SchedaRow out{choice.id, choice.label, choice.tableLabel(), {}, cell(t.columns - 1)};
        for (std::size_t c = 0; c + 1 < t.columns; ++c) out.byCategory.push_back(cell(c));
        return out;
    }

    const Layout& m_layout;
    std::vector<int> m_counts;
    std::vector<AdditiveLine> m_lines;
    std::vector<bool> m_hidden;
    std::vector<std::vector<TableCells>> m_blocks;
    std::map<std::pair<LocalDate, LocalDate>, std::size_t> m_index;
};

bool wholeMonths(const LocalDate& from, const LocalDate& to) {
    return from.day == 1 && to.plusDays(1).day == 1;
}

}  // namespace

DateRange schedaTallyDays(const LocalDate& from, const LocalDate& to) {
    if (wholeMonths(from, to) && from.year == to.year) return {{from.year, 1, 1}, {from.year, 12, 31}};
    return {from, to};
}

SchedaReport schedaReport(TicketStore& store, const Config& config, const LocalDate& from, const LocalDate& to) {
    // Before the counters are read: the refusal must not wait for centuries of rows.
    if (!reportSpanAllowed(from, to)) throw std::length_error(reportSpanRefusal(from, to));
    const auto [first, last] = schedaTallyDays(from, to);
    return schedaReport(store.contactTallies(first, last), config, from, to);
}

SchedaReport schedaReport(const std::vector<ContactTally>& tallies, const Config& config, const LocalDate& from,
                          const LocalDate& to) {
    if (!reportSpanAllowed(from, to)) throw std::length_error(reportSpanRefusal(from, to));
    // Whole months within one year are suppressed as part of that calendar year (its months,
    // quarters and the year), so a month, a quarter or the year shows the same figures in every
    // report that contains it: the console's tabs, --month, --quarter and the year's documents.
    const bool inYear = wholeMonths(from, to) && from.year == to.year;
    const auto [universeFrom, universeTo] = schedaTallyDays(from, to);
    const Layout layout = layoutOf(countsBetween(tallies, universeFrom, universeTo), config);
    SchedaReport report;
    report.minCellCount = config.scheda.minCellCount;
    report.categoryIds = layout.categories;

    Sheet sheet(layout);
    if (inYear) sheet.block(universeFrom, universeTo, tallies);
    const Slice whole{rangeName(from, to), from, to, false};
    const std::size_t wholeId = sheet.block(from, to, tallies);
    std::vector<std::pair<std::size_t, Slice>> months, quarters;
    for (const auto& slice : calendarSlices(from, to, 1)) months.emplace_back(sheet.block(slice.from, slice.to, tallies), slice);
    for (const auto& slice : calendarSlices(from, to, 3))
        quarters.emplace_back(sheet.block(slice.from, slice.to, tallies), slice);
    sheet.suppress(report.minCellCount);

    report.period = sheet.period(wholeId, whole);
    for (const auto& [id, slice] : months) report.months.push_back(sheet.period(id, slice));
    for (const auto& [id, slice] : quarters) report.quarters.push_back(sheet.period(id, slice));
    return report;
}

}  // namespace domain
