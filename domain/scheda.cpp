#include "scheda.hpp"

#include <algorithm>
#include <charconv>
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

int daysInMonth(int year, int month) {
    return LocalDate{month == 12 ? year + 1 : year, month % 12 + 1, 1}.plusDays(-1).day;
}

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string twoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string monthName(const LocalDate& first) { return std::to_string(first.year) + "-" + twoDigits(first.month); }
std::string quarterName(const LocalDate& first) {
    return std::to_string(first.year) + "-Q" + std::to_string((first.month - 1) / 3 + 1);
}

LocalDate monthEnd(const LocalDate& first, int months) {
    const int last = first.month + months - 1;  // months <= 3 from a quarter's first month: same year
    return {first.year, last, daysInMonth(first.year, last)};
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
    for (int months : {1, 3}) {
        const auto slices = calendarSlices(from, to, months);
        if (slices.size() == 1 && !slices.front().partial) return slices.front().name;
    }
    return from.iso() + "/" + to.iso();
}

}  // namespace

std::optional<DateRange> parseMonth(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    const auto year = number(text.substr(0, 4)), month = number(text.substr(5, 2));
    if (!year || !month || *month < 1 || *month > 12 || *year < 1000) return std::nullopt;
    const LocalDate first{*year, *month, 1};
    return DateRange{first, monthEnd(first, 1)};
}

std::optional<DateRange> parseQuarter(std::string_view text) {
    if (text.size() != 7 || text[4] != '-' || (text[5] != 'Q' && text[5] != 'q')) return std::nullopt;
    const auto year = number(text.substr(0, 4)), quarter = number(text.substr(6, 1));
    if (!year || !quarter || *quarter < 1 || *quarter > 4 || *year < 1000) return std::nullopt;
    const LocalDate first{*year, (*quarter - 1) * 3 + 1, 1};
    return DateRange{first, monthEnd(first, 3)};
}

// ---- report ----

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

// A grid of rows x (categories + total), flattened, with its additive lines.
class Grid {
public:
    Grid(std::size_t rows, std::size_t categories) : m_rows(rows), m_columns(categories + 1), m_counts(rows * m_columns) {}

    void set(std::size_t row, std::size_t category, int count) { m_counts[at(row, category)] = count; }
    void fillRowTotals() {
        for (std::size_t r = 0; r < m_rows; ++r) {
            int sum = 0;
            for (std::size_t c = 0; c + 1 < m_columns; ++c) sum += m_counts[at(r, c)];
            m_counts[at(r, m_columns - 1)] = sum;
        }
    }
    void addRowLines() {
        for (std::size_t r = 0; r < m_rows; ++r) {
            AdditiveLine line{{}, at(r, m_columns - 1)};
            for (std::size_t c = 0; c + 1 < m_columns; ++c) line.members.push_back(at(r, c));
            m_lines.push_back(std::move(line));
        }
    }
    // The last row is the sum of the others, column by column (its total column too).
    void addColumnLines() {
        for (std::size_t c = 0; c < m_columns; ++c) {
            AdditiveLine line{{}, at(m_rows - 1, c)};
            for (std::size_t r = 0; r + 1 < m_rows; ++r) line.members.push_back(at(r, c));
            m_lines.push_back(std::move(line));
        }
    }
    void suppress(int minCount) { m_hidden = suppressSmallCounts(m_counts, m_lines, minCount); }

    SchedaRow row(std::size_t r, const SchedaChoice& choice) const {
        SchedaRow out{choice.id, choice.label, {}, cell(r, m_columns - 1)};
        for (std::size_t c = 0; c + 1 < m_columns; ++c) out.byCategory.push_back(cell(r, c));
        return out;
    }

private:
    std::size_t at(std::size_t row, std::size_t column) const { return row * m_columns + column; }
    SchedaCell cell(std::size_t r, std::size_t c) const { return {m_counts[at(r, c)], m_hidden[at(r, c)]}; }

    std::size_t m_rows, m_columns;
    std::vector<int> m_counts;
    std::vector<AdditiveLine> m_lines;
    std::vector<bool> m_hidden;
};

// Several choices per scheda: a row adds up across categories, a column adds up to nothing published.
SchedaTable choiceTable(std::string_view facet, const Counts& counts, const Layout& layout, int minCount) {
    const auto& choices = layout.rows.find(facet)->second;
    Grid grid(choices.size(), layout.categories.size());
    for (std::size_t r = 0; r < choices.size(); ++r)
        for (std::size_t c = 0; c < layout.categories.size(); ++c)
            grid.set(r, c, countOf(counts, facet, choices[r].id, layout.categories[c]));
    grid.fillRowTotals();
    grid.addRowLines();
    grid.suppress(minCount);
    SchedaTable table{std::string(facet), {}};
    for (std::size_t r = 0; r < choices.size(); ++r) table.rows.push_back(grid.row(r, choices[r]));
    return table;
}

// First contact, return and not stated add up to the schede recorded: rows and columns both add up,
// so the recorded totals are suppressed here, once, and shown as such everywhere.
std::pair<SchedaTable, SchedaRow> contactTable(const Counts& counts, const Layout& layout, int minCount) {
    const std::vector<SchedaChoice> rows = {{std::string(f::kFirst), "Primo contatto"},
                                            {std::string(f::kReturn), "Ritorno"},
                                            {std::string(kUnstated), "Non indicato"},
                                            {std::string(f::kRecordedValue), "Schede compilate"}};
    Grid grid(rows.size(), layout.categories.size());
    for (std::size_t c = 0; c < layout.categories.size(); ++c) {
        const std::string& category = layout.categories[c];
        const int first = countOf(counts, f::kContact, std::string(f::kFirst), category);
        const int back = countOf(counts, f::kContact, std::string(f::kReturn), category);
        const int recorded = std::max(countOf(counts, f::kRecorded, std::string(f::kRecordedValue), category), first + back);
        grid.set(0, c, first);
        grid.set(1, c, back);
        grid.set(2, c, recorded - first - back);
        grid.set(3, c, recorded);
    }
    grid.fillRowTotals();
    grid.addRowLines();
    grid.addColumnLines();
    grid.suppress(minCount);
    SchedaTable table{std::string(f::kContact), {}};
    for (std::size_t r = 0; r + 1 < rows.size(); ++r) table.rows.push_back(grid.row(r, rows[r]));
    return {table, grid.row(rows.size() - 1, rows.back())};
}

SchedaPeriod periodOf(const std::vector<ContactTally>& tallies, const Layout& layout, int minCount, const Slice& slice) {
    const Counts counts = countsBetween(tallies, slice.from, slice.to);
    SchedaPeriod period{slice.name, slice.from, slice.to, slice.partial, {}, {}};
    auto [contact, recorded] = contactTable(counts, layout, minCount);
    period.recorded = std::move(recorded);
    for (std::string_view facet : {f::kNeed, f::kAnswer, f::kReferral})
        period.tables.push_back(choiceTable(facet, counts, layout, minCount));
    period.tables.push_back(std::move(contact));
    period.tables.push_back(choiceTable(f::kOperators, counts, layout, minCount));
    return period;
}

}  // namespace

SchedaReport schedaReport(const std::vector<ContactTally>& tallies, const Config& config, const LocalDate& from,
                          const LocalDate& to) {
    const Layout layout = layoutOf(countsBetween(tallies, from, to), config);
    const int minCount = config.scheda.minCellCount;
    SchedaReport report;
    report.minCellCount = minCount;
    report.categoryIds = layout.categories;
    report.period = periodOf(tallies, layout, minCount, {rangeName(from, to), from, to, false});
    for (const auto& slice : calendarSlices(from, to, 1)) report.months.push_back(periodOf(tallies, layout, minCount, slice));
    for (const auto& slice : calendarSlices(from, to, 3))
        report.quarters.push_back(periodOf(tallies, layout, minCount, slice));
    return report;
}

}  // namespace domain
