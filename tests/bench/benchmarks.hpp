#pragma once
// The groups of kiosk-bench, registered by main() in the order they are reported.
namespace bench {

// The names the summary after the run looks up (take-ticket / bare commit ratio).
inline constexpr const char* kBareCommitName = "durable/bare_insert_commit";
inline constexpr const char* kTakeTicketName = "durable/take_ticket";
inline constexpr const char* kTakeTicketYearsName = "durable/take_ticket_after_5_years";
inline constexpr const char* kCallNextName = "durable/call_next";
// Frame benchmarks are named "frame/<role>/<screen>".
inline constexpr const char* kFramePrefix = "frame/";
inline constexpr const char* kYearReportName = "report/year_report";

void registerStoreBenchmarks();
void registerFrameBenchmarks();
void registerReportBenchmarks();

}  // namespace bench
