// The scheda di Segretariato (issue #12): the counters one interview adds, how they add up, the
// reports per month and quarter with small counts and their complements withheld, and [scheda].
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "domain/config.hpp"
#include "domain/scheda.hpp"
#include "memory_store.hpp"
#include "minimal_config.hpp"
#include "support/process.hpp"

namespace {

using testing_support::kOfficeAndOneCategory;
using testing_support::sectionError;

using namespace domain;
using testing_support::MemoryStore;

const LocalDate kNov3{2026, 11, 3};
const LocalDate kNov10{2026, 11, 10};
const LocalDate kDec1{2026, 12, 1};

Config officeConfig() {
    Config config;
    config.categories = {{"adulti", "Adulti", 'A', ""}, {"anziani", "Anziani", 'N', ""}};
    return config;
}

bool hasKey(const std::vector<ContactTallyKey>& keys, std::string_view facet, std::string_view value) {
    return std::any_of(keys.begin(), keys.end(), [&](const auto& k) { return k.facet == facet && k.value == value; });
}

const SchedaRow& rowOf(const SchedaPeriod& period, std::string_view facet, std::string_view id) {
    for (const auto& table : period.tables)
        if (table.facet == facet)
            for (const auto& row : table.rows)
                if (row.id == id) return row;
    throw std::logic_error("no row " + std::string(facet) + "/" + std::string(id));
}

// ---- the counters one scheda adds ----

TEST(SchedaKeys, oneSchedaCountsItselfAndEachChoiceOnce) {
    const SchedaConfig scheda;
    ContactRecord record;
    record.needAreaIds = {"housing", "work", "housing"};
    record.answerIds = {"forms"};
    record.referralServiceIds = {"centro-impiego"};
    record.contact = ContactKind::Return;
    record.secondOperator = true;
    const auto keys = tallyKeys(record, scheda);
    EXPECT_TRUE(hasKey(keys, "recorded", "scheda"));
    EXPECT_EQ(std::count_if(keys.begin(), keys.end(), [](const auto& k) { return k.value == "housing"; }), 1);
    EXPECT_TRUE(hasKey(keys, "need", "work"));
    EXPECT_TRUE(hasKey(keys, "answer", "forms"));
    // A service named is a referral even if the referral answer was not tapped.
    EXPECT_TRUE(hasKey(keys, "answer", "referral"));
    EXPECT_TRUE(hasKey(keys, "referral", "centro-impiego"));
    EXPECT_TRUE(hasKey(keys, "contact", "return"));
    EXPECT_TRUE(hasKey(keys, "operators", "two"));
    EXPECT_EQ(keys.size(), 8u);
}

TEST(SchedaKeys, anIdTheConfigDoesNotListIsRefused) {
    ContactRecord record;
    record.needAreaIds = {"astrology"};
    EXPECT_THROW(tallyKeys(record, SchedaConfig{}), std::invalid_argument);
}

TEST(SchedaKeys, nothingTappedStoresNothing) {
    MemoryStore store;
    recordContact(store, SchedaConfig{}, kNov3, "adulti", ContactRecord{});
    EXPECT_TRUE(store.contactTallies(kNov3, kNov3).empty());
}

TEST(SchedaKeys, theCountersAddUp) {
    MemoryStore store;
    const SchedaConfig scheda;
    for (int i = 0; i < 7; ++i) {
        ContactRecord record;
        record.needAreaIds = {"housing"};
        if (i % 2 == 0) record.needAreaIds.push_back("work");
        record.contact = i < 4 ? ContactKind::First : ContactKind::Return;
        recordContact(store, scheda, kNov3, i < 5 ? "adulti" : "anziani", record);
    }
    int recorded = 0, housing = 0, work = 0, first = 0, back = 0;
    for (const auto& t : store.contactTallies(kNov3, kNov3)) {
        if (t.facet == "recorded") recorded += t.count;
        if (t.value == "housing") housing += t.count;
        if (t.value == "work") work += t.count;
        if (t.value == "first") first += t.count;
        if (t.value == "return") back += t.count;
    }
    EXPECT_EQ(recorded, 7);
    EXPECT_EQ(housing, 7);
    EXPECT_EQ(work, 4);
    EXPECT_EQ(first + back, recorded);
}

// ---- suppression ----

TEST(SchedaSuppression, aSmallCountIsHiddenWithAComplementInItsRow) {
    // Row: 3, 12, 9 | total 24. The 3 alone hidden would be 24 - 12 - 9.
    const std::vector<int> counts = {3, 12, 9, 24};
    const auto hidden = suppressSmallCounts(counts, {{{0, 1, 2}, 3}}, 5);
    EXPECT_TRUE(hidden[0]);
    EXPECT_TRUE(hidden[2]) << "the smallest other count is the complement";
    EXPECT_FALSE(hidden[1]);
    EXPECT_FALSE(hidden[3]);
}

TEST(SchedaSuppression, countsOfFiveAndZerosAreShown) {
    const std::vector<int> counts = {5, 0, 7, 12};
    const auto hidden = suppressSmallCounts(counts, {{{0, 1, 2}, 3}}, 5);
    EXPECT_EQ(std::count(hidden.begin(), hidden.end(), true), 0);
}

TEST(SchedaSuppression, aNonZeroComplementIsPreferredToAZero) {
    const std::vector<int> counts = {2, 0, 8, 10};
    const auto hidden = suppressSmallCounts(counts, {{{0, 1, 2}, 3}}, 5);
    EXPECT_TRUE(hidden[0]);
    EXPECT_TRUE(hidden[2]);
    EXPECT_FALSE(hidden[1]);
}

// Every line with a published total has none or at least two hidden counts.
void expectNoLineGivesACountAway(const std::vector<AdditiveLine>& lines, const std::vector<bool>& hidden) {
    for (const auto& line : lines) {
        int n = hidden[line.total] ? 1 : 0;
        for (auto m : line.members) n += hidden[m] ? 1 : 0;
        EXPECT_NE(n, 1) << "line with total " << line.total;
    }
}

TEST(SchedaSuppression, rowsAndColumnsWithTotalsNeverLeaveOneHiddenCount) {
    // 3x3 cells, row totals, and a totals row:
    //   2  6  7 | 15
    //   8  9 10 | 27
    //  10 15 17 | 42
    const std::vector<int> counts = {2, 6, 7, 15, 8, 9, 10, 27, 10, 15, 17, 42};
    const auto at = [](std::size_t r, std::size_t c) { return r * 4 + c; };
    std::vector<AdditiveLine> lines;
    for (std::size_t r = 0; r < 3; ++r) lines.push_back({{at(r, 0), at(r, 1), at(r, 2)}, at(r, 3)});
    for (std::size_t c = 0; c < 4; ++c) lines.push_back({{at(0, c), at(1, c)}, at(2, c)});
    const auto hidden = suppressSmallCounts(counts, lines, 5);
    EXPECT_TRUE(hidden[at(0, 0)]);
    EXPECT_TRUE(hidden[at(0, 1)]) << "row complement";
    EXPECT_TRUE(hidden[at(1, 0)]) << "column complement";
    expectNoLineGivesACountAway(lines, hidden);
    EXPECT_FALSE(hidden[at(2, 3)]) << "the grand total stays";
}

TEST(SchedaSuppression, aSmallTotalIsHiddenToo) {
    const std::vector<int> counts = {1, 2, 3};
    const auto hidden = suppressSmallCounts(counts, {{{0, 1}, 2}}, 5);
    EXPECT_TRUE(hidden[0] && hidden[1] && hidden[2]);
}

// ---- reports ----

// Twelve schede in November for adulti, two for anziani, one in December.
MemoryStore storeWithSchede() {
    MemoryStore store;
    const SchedaConfig scheda;
    for (int i = 0; i < 12; ++i) {
        ContactRecord record;
        record.needAreaIds = {i < 9 ? "housing" : "work"};
        if (i < 3) record.needAreaIds.push_back("loneliness");
        record.answerIds = {i < 6 ? "information" : "forms"};
        if (i < 8) record.referralServiceIds = {"centro-impiego"};
        record.contact = i < 7 ? ContactKind::First : ContactKind::Return;
        recordContact(store, scheda, i < 6 ? kNov3 : kNov10, "adulti", record);
    }
    for (int i = 0; i < 2; ++i) {
        ContactRecord record;
        record.needAreaIds = {"housing"};
        record.contact = ContactKind::First;
        recordContact(store, scheda, kNov10, "anziani", record);
    }
    ContactRecord december;
    december.needAreaIds = {"housing"};
    recordContact(store, scheda, kDec1, "adulti", december);
    return store;
}

TEST(SchedaReport, countsPerCategoryAndTotalsAddUp) {
    MemoryStore store = storeWithSchede();
    const LocalDate from{2026, 10, 1}, to{2026, 12, 31};
    const SchedaReport report = schedaReport(store.contactTallies(from, to), officeConfig(), from, to);
    EXPECT_EQ(report.categoryIds, (std::vector<std::string>{"adulti", "anziani"}));
    const SchedaPeriod& q = report.period;
    EXPECT_EQ(q.name, "2026-Q4");
    EXPECT_EQ(q.recorded.total.count, 15);
    EXPECT_EQ(q.recorded.byCategory[0].count, 13);
    const SchedaRow& housing = rowOf(q, "need", "housing");
    EXPECT_EQ(housing.byCategory[0].count, 10);
    EXPECT_EQ(housing.byCategory[1].count, 2);
    EXPECT_EQ(housing.total.count, 12);
    EXPECT_EQ(rowOf(q, "referral", "centro-impiego").total.count, 8);
    EXPECT_EQ(rowOf(q, "answer", "referral").total.count, 8);
    EXPECT_EQ(rowOf(q, "contact", "first").total.count, 9);
    EXPECT_EQ(rowOf(q, "contact", "unstated").total.count, 1);
    ASSERT_EQ(report.months.size(), 3u);
    EXPECT_EQ(report.months[1].name, "2026-11");
    EXPECT_EQ(report.months[1].recorded.total.count, 14);
    EXPECT_EQ(report.months[0].recorded.total.count, 0);
    ASSERT_EQ(report.quarters.size(), 1u);
    EXPECT_FALSE(report.quarters[0].partial);
}

TEST(SchedaReport, smallCellsAndTheirComplementsAreWithheld) {
    MemoryStore store = storeWithSchede();
    const LocalDate from{2026, 11, 1}, to{2026, 11, 30};
    const SchedaReport report = schedaReport(store.contactTallies(from, to), officeConfig(), from, to);
    const SchedaPeriod& m = report.period;
    EXPECT_EQ(m.name, "2026-11");
    // housing: adulti 9, anziani 2 -> the 2 is hidden, and so is the 9 (else 11 - 9 gives it).
    const SchedaRow& housing = rowOf(m, "need", "housing");
    EXPECT_TRUE(housing.byCategory[1].suppressed);
    EXPECT_TRUE(housing.byCategory[0].suppressed);
    EXPECT_FALSE(housing.total.suppressed);
    // loneliness: 3 in all -> hidden everywhere.
    EXPECT_TRUE(rowOf(m, "need", "loneliness").total.suppressed);
    // referral: 8 adulti, 0 anziani: nothing small, nothing hidden.
    const SchedaRow& referral = rowOf(m, "referral", "centro-impiego");
    EXPECT_FALSE(referral.byCategory[0].suppressed);
    EXPECT_EQ(referral.byCategory[0].count, 8);
    // contact: anziani recorded 2 -> hidden, and a complement in its row and column.
    EXPECT_TRUE(m.recorded.byCategory[1].suppressed);
    EXPECT_TRUE(m.recorded.byCategory[0].suppressed);
    EXPECT_FALSE(m.recorded.total.suppressed);
    EXPECT_EQ(m.recorded.total.count, 14);
}

// ---- consistency across the periods a report publishes ----

// Housing for adulti: 3 in October, 20 in November, 25 in December; anziani 10 a month.
MemoryStore storeWithASmallMonth() {
    MemoryStore store;
    const SchedaConfig scheda;
    ContactRecord record;
    record.needAreaIds = {"housing"};
    record.contact = ContactKind::First;
    const std::vector<std::pair<LocalDate, int>> adulti = {{{2026, 10, 6}, 3}, {{2026, 11, 3}, 20}, {{2026, 12, 1}, 25}};
    for (const auto& [day, n] : adulti)
        for (int i = 0; i < n; ++i) recordContact(store, scheda, day, "adulti", record);
    for (int month : {10, 11, 12})
        for (int i = 0; i < 10; ++i) recordContact(store, scheda, {2026, month, 13}, "anziani", record);
    return store;
}

// Every published period of the report, the whole range first.
std::vector<const SchedaPeriod*> publishedPeriods(const SchedaReport& report) {
    std::vector<const SchedaPeriod*> periods{&report.period};
    for (const auto& p : report.months) periods.push_back(&p);
    for (const auto& p : report.quarters) periods.push_back(&p);
    return periods;
}

// The cells of one period in a fixed order: the recorded row, then every table's rows, each with its
// categories and total. Two periods' lists line up cell by cell.
std::vector<SchedaCell> cellsOf(const SchedaPeriod& period) {
    std::vector<SchedaCell> cells;
    const auto add = [&](const SchedaRow& row) {
        cells.insert(cells.end(), row.byCategory.begin(), row.byCategory.end());
        cells.push_back(row.total);
    };
    add(period.recorded);
    for (const auto& table : period.tables)
        for (const auto& row : table.rows) add(row);
    return cells;
}

std::vector<const SchedaPeriod*> partsOf(const SchedaPeriod& whole, const std::vector<SchedaPeriod>& candidates) {
    std::vector<const SchedaPeriod*> parts;
    for (const auto& p : candidates)
        if (whole.from <= p.from && p.to <= whole.to) parts.push_back(&p);
    return parts;
}

// Whole = sum of its parts cell by cell, and never exactly one of them withheld: subtracting the
// shown parts from the shown whole gives nothing, for any choice of the published periods.
void expectPartsProtectTheirWhole(const SchedaPeriod& whole, const std::vector<const SchedaPeriod*>& parts) {
    if (parts.size() < 2) return;
    const auto total = cellsOf(whole);
    std::vector<std::vector<SchedaCell>> partCells;
    for (const auto* p : parts) partCells.push_back(cellsOf(*p));
    for (std::size_t i = 0; i < total.size(); ++i) {
        int sum = 0, hidden = total[i].suppressed ? 1 : 0;
        for (const auto& cells : partCells) {
            sum += cells[i].count;
            hidden += cells[i].suppressed ? 1 : 0;
        }
        EXPECT_EQ(sum, total[i].count) << whole.name << " cell " << i;
        EXPECT_NE(hidden, 1) << whole.name << " cell " << i << ": the parts give the withheld count away";
    }
}

void expectConsistentAcrossPeriods(const SchedaReport& report) {
    for (const auto& q : report.quarters) expectPartsProtectTheirWhole(q, partsOf(q, report.months));
    if (report.quarters.size() > 1) expectPartsProtectTheirWhole(report.period, partsOf(report.period, report.quarters));
    else expectPartsProtectTheirWhole(report.period, partsOf(report.period, report.months));
    // A small count is withheld wherever it is published, and every count shown is the true one.
    for (const auto* p : publishedPeriods(report))
        for (const auto& cell : cellsOf(*p))
            if (cell.count > 0 && cell.count < report.minCellCount) {
                EXPECT_TRUE(cell.suppressed) << p->name;
            }
}

TEST(SchedaConsistency, theQuarterMinusTwoMonthsDoesNotRevealASmallMonth) {
    MemoryStore store = storeWithASmallMonth();
    const SchedaReport report = schedaReport(store, officeConfig(), {2026, 10, 1}, {2026, 12, 31});
    ASSERT_EQ(report.months.size(), 3u);
    const SchedaRow& october = rowOf(report.months[0], "need", "housing");
    ASSERT_EQ(october.byCategory[0].count, 3);
    EXPECT_TRUE(october.byCategory[0].suppressed);
    // The quarter's 48 is shown, so one of the other months must be withheld with October.
    const SchedaRow& quarter = rowOf(report.period, "need", "housing");
    EXPECT_EQ(quarter.byCategory[0].count, 48);
    EXPECT_FALSE(quarter.byCategory[0].suppressed);
    const bool novemberHidden = rowOf(report.months[1], "need", "housing").byCategory[0].suppressed;
    const bool decemberHidden = rowOf(report.months[2], "need", "housing").byCategory[0].suppressed;
    EXPECT_TRUE(novemberHidden || decemberHidden);
    EXPECT_TRUE(novemberHidden) << "the smaller of the two large months is the complement";
    expectConsistentAcrossPeriods(report);
    EXPECT_EQ(report.quarters[0].recorded.total.count, report.period.recorded.total.count);
}

TEST(SchedaConsistency, theYearItsQuartersAndItsMonthsTogether) {
    MemoryStore store = storeWithASmallMonth();
    ContactRecord record;
    record.needAreaIds = {"work"};
    for (int i = 0; i < 2; ++i) recordContact(store, SchedaConfig{}, {2026, 3, 10}, "adulti", record);
    for (int i = 0; i < 30; ++i) recordContact(store, SchedaConfig{}, {2026, 5, 10}, "adulti", record);
    const SchedaReport report = schedaReport(store, officeConfig(), {2026, 1, 1}, {2026, 12, 31});
    EXPECT_EQ(report.period.name, "2026");
    ASSERT_EQ(report.quarters.size(), 4u);
    ASSERT_EQ(report.months.size(), 12u);
    expectConsistentAcrossPeriods(report);
    // Q1 holds only March's 2 for work: hidden, and so is another quarter, else the year gives it.
    EXPECT_TRUE(rowOf(report.quarters[0], "need", "work").byCategory[0].suppressed);
    int hiddenQuarters = 0;
    for (const auto& q : report.quarters) hiddenQuarters += rowOf(q, "need", "work").byCategory[0].suppressed ? 1 : 0;
    EXPECT_GE(hiddenQuarters, 2);
}

TEST(SchedaConsistency, aRangeCutAtBothEndsIsTheSumOfItsMonthParts) {
    MemoryStore store = storeWithASmallMonth();
    const LocalDate from{2026, 10, 2}, to{2026, 12, 5};
    const SchedaReport report = schedaReport(store, officeConfig(), from, to);
    ASSERT_EQ(report.months.size(), 3u);
    EXPECT_TRUE(report.months[0].partial);
    EXPECT_TRUE(report.quarters[0].partial);
    EXPECT_EQ(report.period.name, "2026-10-02/2026-12-05");
    EXPECT_EQ(rowOf(report.period, "need", "housing").byCategory[0].count, 48);
    expectConsistentAcrossPeriods(report);
}

TEST(SchedaConsistency, aMonthShowsTheSameFiguresInTheMonthQuarterAndYearReports) {
    MemoryStore store = storeWithASmallMonth();
    const SchedaReport month = schedaReport(store, officeConfig(), {2026, 11, 1}, {2026, 11, 30});
    const SchedaReport quarter = schedaReport(store, officeConfig(), {2026, 10, 1}, {2026, 12, 31});
    const SchedaReport year = schedaReport(store, officeConfig(), {2026, 1, 1}, {2026, 12, 31});
    const auto shown = [](const SchedaPeriod& p) {
        std::vector<std::pair<int, bool>> out;
        for (const auto& cell : cellsOf(p)) out.emplace_back(cell.count, cell.suppressed);
        return out;
    };
    EXPECT_EQ(shown(month.period), shown(quarter.months[1]));
    EXPECT_EQ(shown(month.period), shown(year.months[10]));
    EXPECT_EQ(shown(quarter.period), shown(year.quarters[3]));
    // The November report alone would show November's housing for adulti; with its quarter it
    // is the complement of October's 3 in every report.
    EXPECT_TRUE(rowOf(month.period, "need", "housing").byCategory[0].suppressed);
}

TEST(SchedaReport, aChoiceNoLongerConfiguredKeepsItsCounts) {
    MemoryStore store;
    store.addContactTallies(kNov3, "adulti", {{"recorded", "scheda"}, {"need", "old-area"}});
    Config config = officeConfig();
    const SchedaReport report = schedaReport(store.contactTallies(kNov3, kNov3), config, kNov3, kNov3);
    EXPECT_EQ(rowOf(report.period, "need", "old-area").total.count, 1);
    EXPECT_EQ(report.period.name, "2026-11-03/2026-11-03");
    ASSERT_EQ(report.months.size(), 1u);
    EXPECT_TRUE(report.months[0].partial);
}

TEST(SchedaPeriods, monthsAndQuartersAreParsed) {
    const auto q = parseQuarter("2026-Q4");
    ASSERT_TRUE(q);
    EXPECT_EQ(q->from, (LocalDate{2026, 10, 1}));
    EXPECT_EQ(q->to, (LocalDate{2026, 12, 31}));
    const auto feb = parseMonth("2028-02");
    ASSERT_TRUE(feb);
    EXPECT_EQ(feb->to, (LocalDate{2028, 2, 29}));
    EXPECT_FALSE(parseQuarter("2026-Q5"));
    EXPECT_FALSE(parseQuarter("2026-4"));
    EXPECT_FALSE(parseMonth("2026-13"));
    EXPECT_FALSE(parseMonth("2026-1"));
}

// ---- [scheda] in the config ----

TEST(SchedaConfig, withoutTheSectionTheCharterListsHold) {
    const Config config = parseConfig(kOfficeAndOneCategory, "test.toml");
    EXPECT_EQ(config.scheda.needAreas.size(), 9u);
    EXPECT_EQ(config.scheda.answers.size(), 4u);
    EXPECT_EQ(config.scheda.minCellCount, 5);
}

TEST(SchedaConfig, aListReplacesTheDefaultOne) {
    const Config config = parseConfig(kOfficeAndOneCategory +
                                          "[scheda]\n"
                                          "need_areas = [{ id = \"casa\", label = \"Casa\" }]\n"
                                          "[[scheda.referral_services]]\n"
                                          "id = \"sert\"\n"
                                          "label = \"SerD\"\n",
                                      "test.toml");
    ASSERT_EQ(config.scheda.needAreas.size(), 1u);
    EXPECT_EQ(config.scheda.needAreas[0].label, "Casa");
    ASSERT_EQ(config.scheda.referralServices.size(), 1u);
    EXPECT_EQ(config.scheda.referralServices[0].id, "sert");
    EXPECT_EQ(config.scheda.answers.size(), 4u);
}

TEST(SchedaConfig, aShortLabelNamesTheRowInTablesAndTheLabelStaysWhole) {
    const Config config = parseConfig(kOfficeAndOneCategory +
                                          "[scheda]\n"
                                          "need_areas = [{ id = \"casa\", label = \"Casa e abitazione popolare\", "
                                          "short = \"Casa\" }, { id = \"lavoro\", label = \"Lavoro\" }]\n",
                                      "test.toml");
    ASSERT_EQ(config.scheda.needAreas.size(), 2u);
    EXPECT_EQ(config.scheda.needAreas[0].tableLabel(), "Casa");
    EXPECT_EQ(config.scheda.needAreas[1].tableLabel(), "Lavoro");
    MemoryStore store;
    const SchedaReport report = schedaReport(store, config, kNov3, kNov3);
    EXPECT_EQ(rowOf(report.period, "need", "casa").label, "Casa e abitazione popolare");
    EXPECT_EQ(rowOf(report.period, "need", "casa").shortLabel, "Casa");
    EXPECT_EQ(rowOf(report.period, "need", "lavoro").shortLabel, "Lavoro");
    EXPECT_NE(sectionError("[scheda]\nneed_areas = [{ id = \"casa\", label = \"Casa\", short = 3 }]\n").find("test.toml:11:"),
              std::string::npos);
}

TEST(SchedaConfig, mistakesNameFileLineAndWhatIsExpected) {
    EXPECT_EQ(sectionError("[scheda]\nneed_areas = [{ id = \"Casa!\", label = \"Casa\" }]\n")
                  .rfind("test.toml:11: scheda.need_areas[1].id: expected lowercase", 0),
              0u);
    EXPECT_EQ(sectionError("[scheda]\nneed_areas = [{ id = \"casa\" }]\n")
                  .rfind("test.toml:11: missing required key \"label\" in scheda.need_areas[1]", 0),
              0u);
    EXPECT_NE(sectionError("[scheda]\nneed_areas = [\n{ id = \"casa\", label = \"A\" },\n{ id = \"casa\", label = \"B\" }]\n")
                  .find("test.toml:13: scheda.need_areas[2].id: \"casa\" is already used by scheda.need_areas[1]"),
              std::string::npos);
    EXPECT_EQ(sectionError("[scheda]\nneed_areas = []\n").rfind("test.toml:11: scheda.need_areas: at least one", 0), 0u);
    EXPECT_EQ(sectionError("[scheda]\ncolours = 3\n").rfind("test.toml:11: unknown key \"colours\" in [scheda]", 0), 0u);
    EXPECT_EQ(sectionError("[scheda]\nmin_cell_count = 1\n").rfind("test.toml:11: scheda.min_cell_count: expected", 0),
              0u);
    EXPECT_NE(sectionError("[scheda]\nanswers = [{ id = \"info\", label = \"Informazioni\" }]\n")
                  .find("test.toml:11: scheda.answers: one answer must have id \"referral\""),
              std::string::npos);
}

TEST(SchedaConfig, theShippedConfigsListTheCharterChoices) {
    for (const char* name : {"gorgonzola.toml", "massa.toml"}) {
        const std::string path = std::string(KIOSK_SOURCE_DIR) + "/config/" + name;
        const Config config = parseConfig(testing_support::readFile(path), path);
        EXPECT_EQ(config.scheda.needAreas.size(), 9u) << name;
        EXPECT_EQ(config.scheda.needAreas.front().label, "Difficoltà economiche") << name;
        EXPECT_EQ(config.scheda.answers.size(), 4u) << name;
        EXPECT_GE(config.scheda.referralServices.size(), 3u) << name;
    }
}

}  // namespace
