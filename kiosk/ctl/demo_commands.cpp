#include "demo_commands.hpp"

#include <chrono>
#include <cstdio>
#include <ostream>

#include "commands.hpp"
#include "kiosk/common/config_files.hpp"
#include "kiosk/store/demo_data.hpp"

namespace ctl {

namespace {

constexpr int kMostYears = 50;

std::string seconds(std::chrono::steady_clock::duration elapsed) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", std::chrono::duration<double>(elapsed).count());
    return text;
}

}  // namespace

CLI::App* addDemoDataCommand(CLI::App& app, DemoDataCommandOptions& options) {
    auto* command = app.add_subcommand(
        "generate-demo-data",
        "fill an empty --db with N years of fictional tickets and survey answers for the --config office: "
        "about 200 000 tickets and 40 000 answers a year (the arrivals per opening are scaled up to that "
        "volume, far above a real Segretariato sociale, so the reports can be measured on years of data)");
    command->add_option("--years", options.years, "how many years, ending on --until")
        ->required()
        ->check(CLI::Range(1, kMostYears));
    command->add_option("--seed", options.seed, "the same seed gives the same tickets and scores")
        ->capture_default_str();
    command->add_option("--tickets-per-year", options.ticketsPerYear,
                        "the volume; survey answers follow (about one for every five tickets)")
        ->capture_default_str()
        ->check(CLI::Range(1, 10'000'000));
    command->add_option("--until", options.until, "last day generated (default: yesterday, by --now)")
        ->check([](const std::string& s) {
            return domain::LocalDate::parse(s) ? std::string() : "expected a date like 2026-11-30";
        });
    command->add_flag("--force", options.force,
                      "delete the tickets, calls and survey answers already in --db first (settings such as "
                      "the staff PIN stay); without it a database holding tickets is refused (exit 4)");
    return command;
}

int runDemoDataCommand(const DemoDataCommandOptions& options, const DemoDataContext& context, std::ostream& out,
                       std::ostream& err) {
    if (context.configPath.empty()) {
        err << "kioskctl: --config FILE is required for this command\n";
        return kUsage;
    }
    const domain::Config config = common::loadConfigFile(context.configPath);
    store::DemoDataOptions demo;
    demo.years = options.years;
    demo.seed = options.seed;
    demo.until = options.until.empty() ? context.now.date.plusDays(-1) : *domain::LocalDate::parse(options.until);
    demo.replaceExisting = options.force;
    demo.shape.ticketsPerYear = options.ticketsPerYear;
    const auto started = std::chrono::steady_clock::now();
    const store::DemoDataCounts counts = store::generateDemoData(context.dbPath, config, demo);
    const auto elapsed = std::chrono::steady_clock::now() - started;
    out << "demo data from " << counts.from.iso() << " to " << counts.to.iso() << ": " << counts.tickets
        << " tickets on " << counts.days << " days, " << counts.kioskAnswers + counts.paperAnswers
        << " survey answers (" << counts.paperAnswers << " on paper), " << counts.schede << " schede di Segretariato in "
        << seconds(elapsed) << " s\n";
    return kOk;
}

}  // namespace ctl
