#pragma once
// The charter's reports as kioskctl prints them: text for people, CSV for the office's
// spreadsheet (Italian Excel included), JSON for scripts.
#include <iosfwd>
#include <optional>
#include <string_view>

#include "domain/config.hpp"
#include "domain/reports.hpp"

namespace ctl {

enum class ReportFormat { Text, Csv, Json };

struct ReportStyle {
    ReportFormat format = ReportFormat::Text;
    // CSV for Italian Excel: ';' between fields and ',' as the decimal mark.
    bool semicolon = false;
};

// "text", "csv", "json"; nullopt for anything else.
std::optional<ReportFormat> reportFormatFromString(std::string_view name);

// Any period: satisfaction (kiosk, paper, together) and demand in full detail.
void writePeriodReport(const domain::PeriodReport& report, const domain::Config& config, const ReportStyle& style,
                       std::ostream& out);

// The year's figures the Comune publishes for the charter: totals, categories and satisfaction.
void writeYearReport(const domain::PeriodReport& report, const domain::Config& config, const ReportStyle& style,
                     std::ostream& out);

}  // namespace ctl
