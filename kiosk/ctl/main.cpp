// kioskctl: command-line access to the kiosk's queue, for scripts, tests and the office's IT.
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "kiosk/common/config_files.hpp"
#include "kiosk/common/paths.hpp"
#include "kiosk/common/system_clock.hpp"
#include "kiosk/store/sqlite_store.hpp"

namespace {

struct Options {
    std::string configPath;
    std::string checkPath;
    std::string dbPath = common::defaultDatabasePath();
    std::string now;
    std::string categoryId;
    bool json = false;
};

std::unique_ptr<domain::Clock> makeClock(const std::string& now) {
    if (now.empty()) return std::make_unique<common::SystemClock>();
    return std::make_unique<domain::FixedClock>(*domain::LocalDateTime::parse(now));
}

// Errors a person can act on become a message and an exit code; anything else is a bug.
template <typename Body>
int reportingErrors(Body&& body) {
    try {
        return body();
    } catch (const domain::ConfigError& e) {
        std::cerr << "kioskctl: config error: " << e.what() << '\n';
        return ctl::kConfigError;
    } catch (const domain::StoreError& e) {
        std::cerr << "kioskctl: database error: " << e.what() << '\n';
        return ctl::kStoreError;
    } catch (const domain::UnknownCategoryError& e) {
        std::cerr << "kioskctl: " << e.what() << '\n';
        return ctl::kUnknownCategory;
    }
}

template <typename Command>
int withQueue(const Options& opt, Command&& command) {
    if (opt.configPath.empty()) {
        std::cerr << "kioskctl: --config FILE is required for this command\n";
        return ctl::kUsage;
    }
    return reportingErrors([&] {
        domain::Config config = common::loadConfigFile(opt.configPath);
        auto clock = makeClock(opt.now);
        store::SqliteStore store(opt.dbPath);
        domain::QueueService queue(config, store, *clock);
        return command(queue);
    });
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kioskctl - the Segretariato sociale kiosk's queue from the command line"};
    app.require_subcommand(1);
    Options opt;
    app.add_option("--config", opt.configPath, "office configuration (TOML), e.g. config/gorgonzola.toml")
        ->check(CLI::ExistingFile);
    app.add_option("--db", opt.dbPath, "SQLite database file")->capture_default_str();
    app.add_option("--now", opt.now, "act as if it were this local time (2026-11-30T15:45)")
        ->check([](const std::string& s) {
            return domain::LocalDateTime::parse(s) ? std::string() : "expected a local time like 2026-11-30T15:45";
        });

    auto* take = app.add_subcommand("take", "take a ticket; prints its code on the first line");
    take->add_option("CATEGORY_ID", opt.categoryId, "category id from the config (adulti, anziani ...)")->required();
    auto* status = app.add_subcommand("status", "show the day's queue");
    status->add_flag("--json", opt.json, "print JSON: code, category, state, issued_at, position");
    auto* check = app.add_subcommand("check-config", "validate a config and check the hours against the charter");
    check->add_option("FILE", opt.checkPath, "the config to check")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : ctl::kUsage;
    }
    if (check->parsed())
        return reportingErrors([&] { return ctl::checkConfig(common::loadConfigFile(opt.checkPath), std::cout); });
    if (take->parsed()) {
        return withQueue(opt, [&](domain::QueueService& q) {
            domain::Texts texts = common::loadTextsFile(common::assetsDir() + "/i18n/it.toml");
            return ctl::takeTicket(q, texts, opt.categoryId, std::cout, std::cerr);
        });
    }
    return withQueue(opt, [&](domain::QueueService& q) { return ctl::printStatus(q, opt.json, std::cout); });
}
