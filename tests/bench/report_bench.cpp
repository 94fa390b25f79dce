// The charter's figures over years of data: `kioskctl report-year` and the satisfaction figures,
// on a database generated like `kioskctl generate-demo-data --years 5` and kept between runs.
#include <benchmark/benchmark.h>

#include <memory>
#include <sstream>
#include <string>

#include "bench_env.hpp"
#include "benchmarks.hpp"
#include "demo_database.hpp"
#include "domain/reports.hpp"
#include "domain/survey_service.hpp"
#include "kiosk/ctl/report_output.hpp"
#include "kiosk/store/sqlite_store.hpp"

namespace bench {
namespace {

// Opened on first use: generating five years takes a while and is only done when the cached file is missing.
struct ReportWorld {
    DemoDatabase data = demoDatabase();
    store::SqliteStore store{data.path};
    domain::FixedClock clock{domain::LocalDateTime{data.lastDay, 12 * 60 * 60}};
    domain::SurveyService survey{demoOffice(), store, clock};
};

ReportWorld& world() {
    static ReportWorld w;
    return w;
}

// What `kioskctl report-year YEAR` does once the database is open: the figures and their text.
void BM_YearReport(benchmark::State& state) {
    ReportWorld& w = world();
    const int year = w.data.lastFullYear;
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::ostringstream out;
        ctl::writeYearReport(domain::yearReport(w.store, demoOffice(), year, domain::LocalDate{year + 1, 1, 1}), demoOffice(), {}, out);
        bytes = out.str().size();
        benchmark::DoNotOptimize(bytes);
    }
    state.SetLabel("year " + std::to_string(year));
    state.counters["tickets"] = static_cast<double>(w.data.tickets);
}

// The satisfaction figures over every day of the data (kiosk and paper answers together).
void BM_SatisfactionAllYears(benchmark::State& state) {
    ReportWorld& w = world();
    for (auto _ : state) {
        auto figures = w.survey.figures(w.data.firstDay, w.data.lastDay);
        benchmark::DoNotOptimize(figures);
    }
    state.counters["answers"] = static_cast<double>(w.data.answers);
}

// What the staff console's satisfaction tab reads when opened: the year so far and twelve months of trend.
void BM_SatisfactionStaffTab(benchmark::State& state) {
    ReportWorld& w = world();
    const domain::LocalDate today = w.data.lastDay;
    const domain::LocalDate yearStart{today.year, 1, 1};
    const domain::LocalDate firstMonth{today.month == 12 ? today.year : today.year - 1, today.month % 12 + 1, 1};
    for (auto _ : state) {
        auto figures = w.survey.figures(yearStart, today);
        auto trend = w.survey.trend(firstMonth, today);
        benchmark::DoNotOptimize(figures);
        benchmark::DoNotOptimize(trend);
    }
}

}  // namespace

void registerReportBenchmarks() {
    benchmark::RegisterBenchmark(kYearReportName, guarded(BM_YearReport))->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::RegisterBenchmark("report/satisfaction_all_years", guarded(BM_SatisfactionAllYears))
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("report/satisfaction_staff_tab", guarded(BM_SatisfactionStaffTab))
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
}

}  // namespace bench
