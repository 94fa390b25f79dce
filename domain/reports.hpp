#pragma once
// The reports the charter asks for: demand (tickets, waits, served, no-shows) and satisfaction,
// for any period and for a calendar year. Computed from the store's aggregates, not from every
// ticket, so that years of data stay quick.
#include <optional>
#include <string>
#include <vector>

#include "civil_time.hpp"
#include "config.hpp"
#include "scheda.hpp"
#include "survey.hpp"
#include "ticket_store.hpp"

namespace domain {

// Counts and waits of a set of tickets. Waits run from issue to first call.
struct DemandTotals {
    int tickets = 0;
    int served = 0;
    int noShow = 0;
    int called = 0;  // tickets whose wait is known
    double totalWaitMinutes = 0;
    double longestWaitMinutes = 0;

    std::optional<double> averageWaitMinutes() const;  // nullopt when nobody was called
    void add(const DemandCell& cell);
};

struct CategoryDemand {
    std::string categoryId;
    DemandTotals totals;
};

struct DayCategoryDemand {
    LocalDate day;
    std::string categoryId;
    DemandTotals totals;
};

// When people arrive: tickets issued on a weekday (ISO, 1 = Monday) within an hour (15 = 15:00-15:59).
struct ArrivalSlot {
    int weekday = 1;
    int hour = 0;
    int tickets = 0;
};

struct DemandReport {
    DemandTotals total;
    std::vector<CategoryDemand> byCategory;          // categories in config order, unknown ids after
    std::vector<DayCategoryDemand> byDayAndCategory; // by day, then category as above
    std::vector<ArrivalSlot> byWeekdayAndHour;       // by weekday then hour; empty slots left out
};

// categoryOrder: the config's category ids; ids no longer configured follow in alphabetical order.
DemandReport demandReport(const std::vector<DemandCell>& cells, const std::vector<std::string>& categoryOrder);

// Kiosk answers and paper forms apart, and together: the charter's figure is `all`.
struct SatisfactionReport {
    SatisfactionFigures kiosk;
    SatisfactionFigures paper;
    SatisfactionFigures all;
};

SatisfactionReport satisfactionReport(const std::vector<DayScoreTally>& days, const SurveyRules& rules);
SatisfactionReport satisfactionReport(const std::vector<StoredAnswer>& answers, const SurveyRules& rules);

struct PeriodReport {
    LocalDate from;
    LocalDate to;  // inclusive
    SurveyRules rules;
    DemandReport demand;
    // Counts the answers of the days from `from` to satisfactionTo only (lastSatisfactionDay):
    // when the range reaches today, today is left out (todayLeftOut), and satisfactionTo may then
    // be before `from` (nothing counted).
    SatisfactionReport satisfaction;
    LocalDate satisfactionTo;
    bool todayLeftOut = false;
    SchedaReport scheda;  // what people came for, per month and quarter, small counts withheld
};

// Everything about the days from `from` to `to` inclusive, from the store's per-day aggregates
// (TicketStore::demandCells and surveyTallies): a year of a busy office in a few milliseconds.
// Satisfaction only up to the day before `today` (see PeriodReport::satisfaction). A period over
// kMaxReportYears is refused with std::length_error (reportSpanRefusal).
PeriodReport periodReport(TicketStore& store, const Config& config, const LocalDate& from, const LocalDate& to,
                          const LocalDate& today);

// The calendar year the Comune publishes: 1 January to 31 December.
PeriodReport yearReport(TicketStore& store, const Config& config, int year, const LocalDate& today);

}  // namespace domain
