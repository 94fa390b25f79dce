#include "reports.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "survey_service.hpp"

namespace domain {

namespace {

// Position of a category in the report: config order first, then the rest by id (a category
// removed from the config still has its old tickets, which must not vanish from the figures).
class CategoryRank {
public:
    explicit CategoryRank(const std::vector<std::string>& configured) {
        for (std::size_t i = 0; i < configured.size(); ++i) m_rank.emplace(configured[i], i);
    }
    std::pair<std::size_t, std::string> operator()(const std::string& id) const {
        const auto found = m_rank.find(id);
        return {found == m_rank.end() ? m_rank.size() : found->second, id};
    }

private:
    std::map<std::string, std::size_t> m_rank;
};

std::vector<CategoryDemand> totalsByCategory(const std::vector<DemandCell>& cells, const CategoryRank& rank) {
    std::map<std::pair<std::size_t, std::string>, DemandTotals> totals;
    for (const auto& cell : cells) totals[rank(cell.categoryId)].add(cell);
    std::vector<CategoryDemand> out;
    for (const auto& [key, value] : totals) out.push_back({key.second, value});
    return out;
}

std::vector<DayCategoryDemand> totalsByDayAndCategory(const std::vector<DemandCell>& cells, const CategoryRank& rank) {
    std::map<std::tuple<LocalDate, std::size_t, std::string>, DemandTotals> totals;
    for (const auto& cell : cells) {
        const auto [position, id] = rank(cell.categoryId);
        totals[{cell.serviceDay, position, id}].add(cell);
    }
    std::vector<DayCategoryDemand> out;
    for (const auto& [key, value] : totals) out.push_back({std::get<0>(key), std::get<2>(key), value});
    return out;
}

std::vector<ArrivalSlot> ticketsByWeekdayAndHour(const std::vector<DemandCell>& cells) {
    std::map<std::pair<int, int>, int> tickets;
    for (const auto& cell : cells) tickets[{cell.serviceDay.weekdayIso(), cell.hour}] += cell.tickets;
    std::vector<ArrivalSlot> out;
    for (const auto& [slot, count] : tickets) out.push_back({slot.first, slot.second, count});
    return out;
}

ScoreTally tallyWhere(const std::vector<DayScoreTally>& days, std::optional<bool> paper) {
    ScoreTally total;
    for (const auto& day : days)
        if (!paper || day.paper == *paper) total.add(day.tally);
    return total;
}

std::vector<std::string> categoryIds(const Config& config) {
    std::vector<std::string> ids;
    for (const auto& category : config.categories) ids.push_back(category.id);
    return ids;
}

}  // namespace

std::optional<double> DemandTotals::averageWaitMinutes() const {
    if (called == 0) return std::nullopt;
    return totalWaitMinutes / called;
}

void DemandTotals::add(const DemandCell& cell) {
    tickets += cell.tickets;
    served += cell.served;
    noShow += cell.noShow;
    called += cell.called;
    totalWaitMinutes += cell.totalWaitMinutes;
    longestWaitMinutes = std::max(longestWaitMinutes, cell.longestWaitMinutes);
}

DemandReport demandReport(const std::vector<DemandCell>& cells, const std::vector<std::string>& categoryOrder) {
    const CategoryRank rank(categoryOrder);
    DemandReport report;
    for (const auto& cell : cells) report.total.add(cell);
    report.byCategory = totalsByCategory(cells, rank);
    report.byDayAndCategory = totalsByDayAndCategory(cells, rank);
    report.byWeekdayAndHour = ticketsByWeekdayAndHour(cells);
    return report;
}

SatisfactionReport satisfactionReport(const std::vector<DayScoreTally>& days, const SurveyRules& rules) {
    return {satisfactionFigures(tallyWhere(days, false), rules), satisfactionFigures(tallyWhere(days, true), rules),
            satisfactionFigures(tallyWhere(days, std::nullopt), rules)};
}

SatisfactionReport satisfactionReport(const std::vector<StoredAnswer>& answers, const SurveyRules& rules) {
    return satisfactionReport(tallyByDay(answers), rules);
}

PeriodReport periodReport(TicketStore& store, const Config& config, const LocalDate& from, const LocalDate& to,
                          const LocalDate& today) {
    // Refused before any figure is read (the scheda's months would be the whole cost).
    if (!reportSpanAllowed(from, to)) throw std::length_error(reportSpanRefusal(from, to));
    PeriodReport report;
    report.from = from;
    report.to = to;
    report.rules = surveyRules(config.survey);
    report.demand = demandReport(store.demandCells(from, to), categoryIds(config));
    report.satisfactionTo = std::min(to, lastSatisfactionDay(today));
    report.todayLeftOut = to >= today;
    report.satisfaction = satisfactionReport(store.surveyTallies(from, report.satisfactionTo), report.rules);
    report.scheda = schedaReport(store, config, from, to);
    return report;
}

PeriodReport yearReport(TicketStore& store, const Config& config, int year, const LocalDate& today) {
    return periodReport(store, config, LocalDate{year, 1, 1}, LocalDate{year, 12, 31}, today);
}

}  // namespace domain
