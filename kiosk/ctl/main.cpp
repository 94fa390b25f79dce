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
    std::string code;
    int desk = 0;
    std::optional<std::string> pin;
    bool json = false;
};

// The staff's subcommands, kept together so main() can tell whether one of them was given.
struct StaffCommands {
    CLI::App* call = nullptr;
    CLI::App* recall = nullptr;
    CLI::App* serve = nullptr;
    CLI::App* noShow = nullptr;
    CLI::App* requeue = nullptr;
    CLI::App* transfer = nullptr;
    CLI::App* figures = nullptr;
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

// Loads the config, then opens the database: a broken config never touches the database.
template <typename Command>
int withOffice(const Options& opt, Command&& command) {
    if (opt.configPath.empty()) {
        std::cerr << "kioskctl: --config FILE is required for this command\n";
        return ctl::kUsage;
    }
    return reportingErrors([&] {
        domain::Config config = common::loadConfigFile(opt.configPath);
        auto clock = makeClock(opt.now);
        store::SqliteStore store(opt.dbPath);
        return command(config, store, *clock);
    });
}

template <typename Command>
int withQueue(const Options& opt, Command&& command) {
    return withOffice(opt, [&](const domain::Config& config, store::SqliteStore& store, const domain::Clock& clock) {
        domain::QueueService queue(config, store, clock);
        return command(queue);
    });
}

template <typename Command>
int withStaff(const Options& opt, Command&& command) {
    return withOffice(opt, [&](const domain::Config& config, store::SqliteStore& store, const domain::Clock& clock) {
        domain::StaffService staff(config, store, clock);
        return command(staff, config);
    });
}

StaffCommands addStaffCommands(CLI::App& app, Options& opt) {
    StaffCommands staff;
    staff.call = app.add_subcommand("call", "call the next ticket (or CODE) to a desk; prints e.g. A007 -> Stanza 2");
    staff.call->add_option("CODE", opt.code, "the ticket to call out of turn (A007); the next one if left out");
    staff.call->add_option("--desk", opt.desk, "desk number: 1 is the first room of [staff] rooms")->required();
    staff.recall = app.add_subcommand("recall", "call again the ticket last called to a desk");
    staff.recall->add_option("--desk", opt.desk, "desk number: 1 is the first room of [staff] rooms")->required();
    staff.serve = app.add_subcommand("serve", "the ticket's interview is over");
    staff.serve->add_option("CODE", opt.code, "ticket code (A007)")->required();
    staff.noShow = app.add_subcommand("noshow", "the citizen did not come when called");
    staff.noShow->add_option("CODE", opt.code, "ticket code (A007)")->required();
    staff.requeue = app.add_subcommand("requeue", "put a called or no-show ticket back in the queue");
    staff.requeue->add_option("CODE", opt.code, "ticket code (A007)")->required();
    staff.transfer = app.add_subcommand("transfer", "move a ticket to another category, keeping its code");
    staff.transfer->add_option("CODE", opt.code, "ticket code (A007)")->required();
    staff.transfer->add_option("CATEGORY_ID", opt.categoryId, "category id from the config (anziani ...)")->required();
    staff.figures = app.add_subcommand("figures", "the day's counts and waits");
    staff.figures->add_flag("--json", opt.json, "print JSON");
    return staff;
}

// nullopt when none of the staff's subcommands was given.
std::optional<int> runStaffCommand(const StaffCommands& staff, const Options& opt) {
    auto run = [&](auto&& action) {
        return withStaff(
            opt, [&](domain::StaffService& service, const domain::Config& config) { return action(service, config); });
    };
    using Service = domain::StaffService;
    using Config = domain::Config;
    auto& out = std::cout;
    auto& err = std::cerr;
    if (staff.call->parsed())
        return run([&](Service& s, const Config&) {
            return opt.code.empty() ? ctl::callNext(s, opt.desk, out, err)
                                    : ctl::callTicket(s, opt.code, opt.desk, out, err);
        });
    if (staff.recall->parsed())
        return run([&](Service& s, const Config&) { return ctl::recall(s, opt.desk, out, err); });
    if (staff.serve->parsed()) return run([&](Service& s, const Config&) { return ctl::serve(s, opt.code, out, err); });
    if (staff.noShow->parsed())
        return run([&](Service& s, const Config&) { return ctl::noShow(s, opt.code, out, err); });
    if (staff.requeue->parsed())
        return run([&](Service& s, const Config&) { return ctl::requeue(s, opt.code, out, err); });
    if (staff.transfer->parsed())
        return run(
            [&](Service& s, const Config& c) { return ctl::transfer(s, c, opt.code, opt.categoryId, out, err); });
    if (staff.figures->parsed())
        return run([&](Service& s, const Config&) { return ctl::printFigures(s, opt.json, out); });
    return std::nullopt;
}

int setPin(const Options& opt) {
    return reportingErrors([&] {
        store::SqliteStore store(opt.dbPath);
        return ctl::setPin(store, opt.pin, std::cin, std::cout, std::cerr);
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
    const StaffCommands staff = addStaffCommands(app, opt);
    auto* setPinCommand = app.add_subcommand("set-pin", "set the staff PIN: one line of 4-8 digits on stdin");
    setPinCommand->add_option("--pin", opt.pin, "the PIN, instead of reading stdin");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : ctl::kUsage;
    }
    if (check->parsed())
        return reportingErrors([&] { return ctl::checkConfig(common::loadConfigFile(opt.checkPath), std::cout); });
    if (setPinCommand->parsed()) return setPin(opt);
    if (auto rc = runStaffCommand(staff, opt)) return *rc;
    if (take->parsed()) {
        return withQueue(opt, [&](domain::QueueService& q) {
            domain::Texts texts = common::loadTextsFile(common::assetsDir() + "/i18n/it.toml");
            return ctl::takeTicket(q, texts, opt.categoryId, std::cout, std::cerr);
        });
    }
    return withQueue(opt, [&](domain::QueueService& q) { return ctl::printStatus(q, opt.json, std::cout); });
}
