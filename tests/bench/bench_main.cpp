// kiosk-bench: the issue-8 figures in one run, then a summary against the targets.
//   kiosk-bench [--kiosk-bench-dir=DIR] [--kiosk-bench-small] [Google Benchmark flags...]
// DIR (or $KIOSK_BENCH_DIR) holds the databases: the durable-commit figures are figures of its
// disk. The default is bench-data/ in the build directory. --kiosk-bench-small is the smoke run:
// 20 tickets waiting and a year of a tiny office as report data.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench_env.hpp"
#include "benchmarks.hpp"

namespace {

constexpr double kTakeTicketRatioTarget = 1.5;
constexpr double kFrameTargetMicros = 1000;
constexpr double kYearReportTargetMillis = 50;

// The console table as usual, and the real time per iteration of every benchmark kept for the summary.
class SummaryReporter : public benchmark::ConsoleReporter {
public:
    explicit SummaryReporter(OutputOptions options) : ConsoleReporter(options) {}

    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.error_occurred) {
                ++m_errors;
                continue;
            }
            const std::string name = run.run_name.function_name;  // as registered: no "/real_time"
            const double seconds = run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
            // With --benchmark_repetitions the median stands for the benchmark.
            if (run.run_type == Run::RT_Aggregate) {
                if (run.aggregate_name == "median") m_seconds[name] = seconds, m_fromMedian[name] = true;
            } else if (!m_fromMedian[name]) {
                m_seconds[name] = seconds;
            }
        }
    }

    std::optional<double> seconds(const std::string& name) const {
        auto it = m_seconds.find(name);
        return it == m_seconds.end() ? std::nullopt : std::optional<double>(it->second);
    }
    const std::map<std::string, double>& all() const { return m_seconds; }
    int errors() const { return m_errors; }

private:
    std::map<std::string, double> m_seconds;
    std::map<std::string, bool> m_fromMedian;
    int m_errors = 0;
};

const char* verdict(bool met) { return met ? "met" : "NOT MET"; }

void printSummary(const SummaryReporter& r) {
    std::printf("\nkiosk-bench summary (issue 8 targets; data in %s)\n", bench::options().dataDir.c_str());
    auto take = r.seconds(bench::kTakeTicketName);
    auto bare = r.seconds(bench::kBareCommitName);
    if (take && bare && *bare > 0) {
        const double ratio = *take / *bare;
        std::printf("  take-ticket %.0f us / bare durable INSERT+COMMIT %.0f us = %.2fx   (target <= %.1fx: %s)\n",
                    *take * 1e6, *bare * 1e6, ratio, kTakeTicketRatioTarget, verdict(ratio <= kTakeTicketRatioTarget));
    }
    if (auto years = r.seconds(bench::kTakeTicketYearsName); years && bare && *bare > 0) {
        const double ratio = *years / *bare;
        std::printf("  take-ticket after 5 years of data %.0f us = %.2fx the bare commit   (target <= %.1fx: %s)\n",
                    *years * 1e6, ratio, kTakeTicketRatioTarget, verdict(ratio <= kTakeTicketRatioTarget));
    }
    if (auto call = r.seconds(bench::kCallNextName))
        std::printf("  call-next with %d waiting: %.0f us\n", bench::waitingForCallNext(), *call * 1e6);
    std::string slowestFrame;
    double slowest = 0;
    for (const auto& [name, seconds] : r.all())
        if (name.rfind(bench::kFramePrefix, 0) == 0 && seconds > slowest) slowest = seconds, slowestFrame = name;
    if (!slowestFrame.empty())
        std::printf("  slowest frame build: %.0f us (%s)   (target <= %.0f us: %s)\n", slowest * 1e6,
                    slowestFrame.c_str(), kFrameTargetMicros, verdict(slowest * 1e6 <= kFrameTargetMicros));
    if (auto year = r.seconds(bench::kYearReportName))
        std::printf("  year report: %.1f ms   (target <= %.0f ms: %s)\n", *year * 1e3, kYearReportTargetMillis,
                    verdict(*year * 1e3 <= kYearReportTargetMillis));
    if (r.errors() > 0) std::printf("  %d benchmark(s) failed: see the table above\n", r.errors());
}

std::string defaultDataDir() {
    if (const char* env = std::getenv("KIOSK_BENCH_DIR"); env && *env) return env;
    return KIOSK_BENCH_DEFAULT_DIR;
}

// Takes our own flags out of argv; Google Benchmark rejects flags it does not know.
void takeOwnFlags(int& argc, char** argv) {
    bench::options().dataDir = defaultDataDir();
    constexpr std::string_view kDir = "--kiosk-bench-dir=";
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--kiosk-bench-small") bench::options().small = true;
        else if (arg.substr(0, kDir.size()) == kDir) bench::options().dataDir = std::string(arg.substr(kDir.size()));
        else argv[kept++] = argv[i];
    }
    argc = kept;
    argv[argc] = nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    takeOwnFlags(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    benchmark::AddCustomContext("kiosk-bench databases in", bench::options().dataDir);
    bench::registerStoreBenchmarks();
    bench::registerFrameBenchmarks();
    bench::registerReportBenchmarks();
    SummaryReporter reporter(isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_ColorTabular
                                                   : benchmark::ConsoleReporter::OO_Tabular);
    try {
        benchmark::RunSpecifiedBenchmarks(&reporter);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk-bench: %s\n", e.what());
        return 1;
    }
    benchmark::Shutdown();
    printSummary(reporter);
    return reporter.errors() > 0 ? 1 : 0;
}
