// kioskctl: command-line access to the kiosk's queue, for scripts, tests and the office's IT.
#include <CLI/CLI.hpp>
#include <array>
#include <iostream>
#include <optional>

#include "backup_commands.hpp"
#include "commands.hpp"
#include "demo_commands.hpp"
#include "doctor_commands.hpp"
#include "i18n_commands.hpp"
#include "print_commands.hpp"
#include "kiosk/common/cli_messages.hpp"
#include "kiosk/common/config_files.hpp"
#include "kiosk/common/paths.hpp"
#include "kiosk/common/system_clock.hpp"
#include "kiosk/common/version.hpp"
#include "migrate_commands.hpp"
#include "kiosk/store/open_store.hpp"
#include "kiosk/store/postgres_store.hpp"
#include "domain/scheda.hpp"
#include "domain/shown_text.hpp"
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
    // survey
    std::string surveyCode;
    bool paper = false;
    int overall = 0;
    std::array<std::optional<int>, 4> dimensions;  // in domain::kSurveyDimensions order
    // report, report-year
    std::string from;
    std::string to;
    std::string month;    // report --month 2026-11
    std::string quarter;  // report --quarter 2026-Q4
    int year = 0;
    std::string format = "text";
    bool semicolon = false;
    // print-preview
    std::string pngPath;
    std::string printLanguage = "it";  // print-test, reprint, print-preview --language
    // backup, restore, vacuum
    ctl::BackupOptions backup;
    // generate-demo-data
    ctl::DemoDataCommandOptions demo;
    // i18n-check
    ctl::I18nCheckOptions i18n;
    // doctor
    ctl::DoctorOptions doctor;
    // migrate-to
    ctl::MigrateOptions migrate;
};

// The survey and report subcommands.
struct SurveyCommands {
    CLI::App* survey = nullptr;
    CLI::App* report = nullptr;
    CLI::App* reportYear = nullptr;
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
        // The file names in it come from the command line; a server's own text may span lines.
        std::cerr << "kioskctl: database error: " << domain::escapedControls(e.what(), true) << '\n';
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
        // The SQLite file of --db, or the site's PostgreSQL server ([kiosk] store).
        const auto store = store::openStore(opt.dbPath, config.kiosk.store);
        return command(config, *store, *clock);
    });
}

template <typename Command>
int withQueue(const Options& opt, Command&& command) {
    return withOffice(opt, [&](const domain::Config& config, domain::TicketStore& store, const domain::Clock& clock) {
        domain::QueueService queue(config, store, clock);
        return command(queue);
    });
}

template <typename Command>
int withStaff(const Options& opt, Command&& command) {
    return withOffice(opt, [&](const domain::Config& config, domain::TicketStore& store, const domain::Clock& clock) {
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

std::string validDate(const std::string& text) {
    return domain::LocalDate::parse(text) ? std::string() : "expected a date like 2026-11-30";
}

std::string validMonth(const std::string& text) {
    return domain::parseMonth(text) ? std::string() : "expected a month like 2026-11";
}

std::string validQuarter(const std::string& text) {
    return domain::parseQuarter(text) ? std::string() : "expected a quarter like 2026-Q4";
}

void addReportFormatOptions(CLI::App& command, Options& opt) {
    command.add_option("--format", opt.format, "text, csv or json")
        ->check(CLI::IsMember({"text", "csv", "json"}))
        ->capture_default_str();
    command.add_flag("--semicolon", opt.semicolon, "CSV for Italian Excel: ';' between fields, ',' as decimal mark");
}

SurveyCommands addSurveyCommands(CLI::App& app, Options& opt) {
    SurveyCommands commands;
    auto* survey = app.add_subcommand("survey", "store one survey answer: the ticket's SURVEY_CODE, or --paper");
    survey->add_option("SURVEY_CODE", opt.surveyCode, "the six digits printed on today's ticket");
    survey->add_flag("--paper", opt.paper, "a paper form typed in by staff (no code)");
    survey->add_option("--overall", opt.overall, "overall satisfaction, 1 to 5")->required();
    for (std::size_t d = 0; d < domain::kSurveyDimensions.size(); ++d)
        survey->add_option("--" + std::string(domain::kSurveyDimensions[d]), opt.dimensions[d],
                           "optional score, 1 to 5");
    commands.survey = survey;

    auto* report = app.add_subcommand("report", "satisfaction, demand and scheda di Segretariato figures of a period");
    auto* from = report->add_option("--from", opt.from, "first day (2026-11-01)")->check(validDate);
    auto* to = report->add_option("--to", opt.to, "last day, included (2026-11-30)")->check(validDate);
    from->needs(to);
    to->needs(from);
    // Months and quarters are how the Comune plans: the scheda figures are published per period.
    auto* month = report->add_option("--month", opt.month, "a calendar month instead of --from/--to (2026-11)")
                      ->check(validMonth);
    auto* quarter = report->add_option("--quarter", opt.quarter, "a calendar quarter instead of --from/--to (2026-Q4)")
                        ->check(validQuarter);
    month->excludes(from)->excludes(to)->excludes(quarter);
    quarter->excludes(from)->excludes(to);
    addReportFormatOptions(*report, opt);
    commands.report = report;

    auto* reportYear = app.add_subcommand("report-year", "the figures of a year the Comune publishes for the charter");
    reportYear->add_option("YEAR", opt.year, "e.g. 2026")->required()->check(CLI::Range(2000, 9999));
    addReportFormatOptions(*reportYear, opt);
    commands.reportYear = reportYear;
    return commands;
}

ctl::ReportStyle reportStyle(const Options& opt) {
    return {ctl::reportFormatFromString(opt.format).value_or(ctl::ReportFormat::Text), opt.semicolon};
}

int runSurvey(const Options& opt) {
    if (opt.paper == !opt.surveyCode.empty()) {
        std::cerr << "kioskctl: survey needs either a SURVEY_CODE or --paper, not both\n";
        return ctl::kUsage;
    }
    domain::SurveyAnswer answer;
    answer.overall = opt.overall;
    answer.dimensions = opt.dimensions;
    const std::optional<std::string> code = opt.paper ? std::nullopt : std::optional<std::string>(opt.surveyCode);
    return withOffice(opt, [&](const domain::Config& config, domain::TicketStore& store, const domain::Clock& clock) {
        domain::SurveyService survey(config, store, clock);
        return ctl::submitSurvey(survey, code, answer, std::cout, std::cerr);
    });
}

// --from/--to, --month or --quarter (CLI11 has already refused two of them together).
std::optional<domain::DateRange> reportRange(const Options& opt) {
    if (!opt.month.empty()) return domain::parseMonth(opt.month);
    if (!opt.quarter.empty()) return domain::parseQuarter(opt.quarter);
    if (opt.from.empty()) return std::nullopt;
    return domain::DateRange{*domain::LocalDate::parse(opt.from), *domain::LocalDate::parse(opt.to)};
}

int runReport(const Options& opt) {
    const auto range = reportRange(opt);
    if (!range) {
        std::cerr << "kioskctl: report needs --from and --to, or --month (2026-11), or --quarter (2026-Q4)\n";
        return ctl::kUsage;
    }
    const auto [from, to] = *range;
    if (to < from) {
        std::cerr << "kioskctl: --to " << opt.to << " is before --from " << opt.from << '\n';
        return ctl::kUsage;
    }
    if (!domain::reportSpanAllowed(from, to)) {
        std::cerr << "kioskctl: report: " << domain::reportSpanRefusal(from, to) << '\n';
        return ctl::kUsage;
    }
    return withOffice(opt, [&](const domain::Config& config, domain::TicketStore& store, const domain::Clock& clock) {
        return ctl::printReport(store, config, from, to, clock.now().date, reportStyle(opt), std::cout);
    });
}

// nullopt when none of the survey's subcommands was given.
std::optional<int> runSurveyCommand(const SurveyCommands& commands, const Options& opt) {
    if (commands.survey->parsed()) return runSurvey(opt);
    if (commands.report->parsed()) return runReport(opt);
    if (commands.reportYear->parsed())
        return withOffice(opt, [&](const domain::Config& config, domain::TicketStore& store, const domain::Clock& clock) {
            return ctl::printYearReport(store, config, opt.year, clock.now().date, reportStyle(opt), std::cout);
        });
    return std::nullopt;
}

// The printer's subcommands.
struct PrintCommands {
    CLI::App* test = nullptr;
    CLI::App* reprint = nullptr;
    CLI::App* preview = nullptr;
};

PrintCommands addPrintCommands(CLI::App& app, Options& opt) {
    PrintCommands commands;
    commands.test = app.add_subcommand("print-test", "print a sample ticket (A000, marked as a test) on [printer] target");
    commands.reprint = app.add_subcommand("reprint", "print today's ticket CODE again");
    commands.reprint->add_option("CODE", opt.code, "ticket code (A007)")->required();
    commands.preview = app.add_subcommand("print-preview", "write a PNG of today's ticket CODE as it prints");
    commands.preview->add_option("CODE", opt.code, "ticket code (A007)")->required();
    commands.preview->add_option("PNG", opt.pngPath, "the picture to write, e.g. ticket.png")->required();
    for (CLI::App* command : {commands.test, commands.reprint, commands.preview})
        command->add_option("--language", opt.printLanguage,
                            "the citizen's language (en, fr, es, ro, sq, uk); Italian when the printer lacks its letters");
    return commands;
}

// Only the config and the clock: a test page needs no database.
int printTestPage(const Options& opt, const ctl::TicketLanguage& language) {
    if (opt.configPath.empty()) {
        std::cerr << "kioskctl: --config FILE is required for this command\n";
        return ctl::kUsage;
    }
    const domain::Config config = common::loadConfigFile(opt.configPath);
    return ctl::printTest(config, *makeClock(opt.now), language, std::cout, std::cerr);
}

// A language the kiosk does not have is a typo: better said than printed in Italian silently.
bool knownLanguage(const domain::Catalog& catalog, const std::string& code) {
    if (catalog.has(code)) return true;
    std::cerr << "kioskctl: --language: unknown language \"" << domain::escapedControls(code) << "\" (known:";
    for (const domain::Language& language : catalog.languages()) std::cerr << ' ' << language.code;
    std::cerr << ")\n";
    return false;
}

// nullopt when none of the printer's subcommands was given.
std::optional<int> runPrintCommand(const PrintCommands& commands, const Options& opt) {
    if (!commands.test->parsed() && !commands.reprint->parsed() && !commands.preview->parsed()) return std::nullopt;
    return reportingErrors([&] {
        const domain::Catalog catalog = common::loadCatalog(common::assetsDir() + "/i18n");
        if (!knownLanguage(catalog, opt.printLanguage)) return int{ctl::kUsage};
        const ctl::TicketLanguage language{catalog, opt.printLanguage};
        if (commands.test->parsed()) return printTestPage(opt, language);
        if (commands.reprint->parsed())
            return withQueue(opt, [&](domain::QueueService& q) {
                return ctl::reprint(q, opt.code, language, std::cout, std::cerr);
            });
        return withQueue(opt, [&](domain::QueueService& q) {
            return ctl::printPreview(q, opt.code, language, common::assetsDir(), opt.pngPath, std::cout, std::cerr);
        });
    });
}

// The config's [kiosk] store, when --config is given ("" for the SQLite file).
std::string configuredStore(const Options& opt) {
    if (opt.configPath.empty()) return {};
    return common::loadConfigFile(opt.configPath).kiosk.store;
}

// Commands that work on the SQLite file itself say so instead of touching a file nobody uses.
bool refusedOnPostgres(const Options& opt, const char* command, const char* instead) {
    const std::string url = configuredStore(opt);
    if (url.empty()) return false;
    std::cerr << "kioskctl: " << command << " works on the SQLite file, but this site keeps its data on the "
              << "PostgreSQL server " << domain::escapedControls(store::maskPassword(url)) << ": " << instead << "\n";
    return true;
}

// nullopt when none of backup, restore and vacuum was given.
std::optional<int> runBackupCommand(const ctl::BackupCommands& commands, const Options& opt) {
    if (!commands.backup->parsed() && !commands.restore->parsed() && !commands.vacuum->parsed()) return std::nullopt;
    return reportingErrors([&] {
        // The daily timer is installed on every PC: on a PostgreSQL site it does the survey
        // answers' housekeeping on the server, and never fails for the missing SQLite copy.
        const std::string url = configuredStore(opt);
        if (!url.empty() && commands.backup->parsed() && opt.backup.daily && opt.backup.file.empty())
            return ctl::settleAnswersOnServer(url, makeClock(opt.now)->now().date, std::cout);
        if (refusedOnPostgres(opt, "backup, restore and vacuum",
                              "back it up with pg_dump and restore with pg_restore (see the README)"))
            return int{ctl::kUsage};
        const ctl::BackupContext context{opt.dbPath, opt.configPath, makeClock(opt.now)->now()};
        return *ctl::runBackupCommand(commands, opt.backup, context, std::cout, std::cerr);
    });
}

int generateDemoData(const Options& opt) {
    return reportingErrors([&] {
        if (refusedOnPostgres(opt, "generate-demo-data",
                              "generate into an SQLite file (--db), then copy it with kioskctl migrate-to"))
            return int{ctl::kUsage};
        const ctl::DemoDataContext context{opt.dbPath, opt.configPath, makeClock(opt.now)->now()};
        return ctl::runDemoDataCommand(opt.demo, context, std::cout, std::cerr);
    });
}

int setPin(const Options& opt) {
    return reportingErrors([&] {
        const auto store = store::openStore(opt.dbPath, configuredStore(opt));
        return ctl::setPin(*store, opt.pin, std::cin, std::cout, std::cerr);
    });
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kioskctl - the Segretariato sociale kiosk's queue from the command line"};
    app.require_subcommand(1);
    app.set_version_flag("--version", common::versionLine("kioskctl"));
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
    take->add_flag("--json", opt.json,
                   "print JSON: code, category, issued_at, people_ahead, estimated_wait_minutes, survey_code");
    auto* status = app.add_subcommand("status", "show the day's queue");
    status->add_flag("--json", opt.json, "print JSON: code, category, state, issued_at, position");
    auto* check = app.add_subcommand("check-config", "validate a config and check the hours against the charter");
    check->add_option("FILE", opt.checkPath, "the config to check")->required();
    const StaffCommands staff = addStaffCommands(app, opt);
    const SurveyCommands surveyCommands = addSurveyCommands(app, opt);
    const PrintCommands printCommands = addPrintCommands(app, opt);
    const ctl::BackupCommands backupCommands = ctl::addBackupCommands(app, opt.backup);
    auto* demoCommand = ctl::addDemoDataCommand(app, opt.demo);
    auto* i18nCommand = ctl::addI18nCheckCommand(app, opt.i18n);
    auto* doctorCommand = ctl::addDoctorCommand(app, opt.doctor);
    auto* setPinCommand =
        app.add_subcommand("set-pin", "set the staff PIN: one line of 4-8 digits on stdin (6 or more recommended)");
    setPinCommand->add_option("--pin", opt.pin, "the PIN, instead of reading stdin");
    auto* migrateCommand = ctl::addMigrateCommand(app, opt.migrate);

    app.failure_message(common::escapedFailureMessage);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : ctl::kUsage;
    }
    if (check->parsed())
        return reportingErrors([&] { return ctl::checkConfig(common::loadConfigFile(opt.checkPath), std::cout); });
    if (setPinCommand->parsed()) return setPin(opt);
    if (migrateCommand->parsed())
        return reportingErrors([&] { return ctl::runMigrate(opt.migrate, opt.dbPath, std::cout, std::cerr); });
    if (demoCommand->parsed()) return generateDemoData(opt);
    if (i18nCommand->parsed()) {
        if (opt.i18n.configPath.empty()) opt.i18n.configPath = opt.configPath;  // kioskctl --config X i18n-check
        return ctl::runI18nCheck(opt.i18n, std::cout, std::cerr);
    }
    if (doctorCommand->parsed()) {
        if (opt.doctor.configPath.empty()) opt.doctor.configPath = opt.configPath;  // kioskctl --config X doctor
        opt.doctor.dbPath = opt.dbPath;
        return ctl::runDoctor(opt.doctor, std::cout, std::cerr);
    }
    if (auto rc = runStaffCommand(staff, opt)) return *rc;
    if (auto rc = runSurveyCommand(surveyCommands, opt)) return *rc;
    if (auto rc = runPrintCommand(printCommands, opt)) return *rc;
    if (auto rc = runBackupCommand(backupCommands, opt)) return *rc;
    if (take->parsed()) {
        return withQueue(opt, [&](domain::QueueService& q) {
            domain::Texts texts = common::loadTextsFile(common::assetsDir() + "/i18n/it.toml");
            return ctl::takeTicket(q, texts, opt.categoryId, opt.json, std::cout, std::cerr);
        });
    }
    return withQueue(opt, [&](domain::QueueService& q) { return ctl::printStatus(q, opt.json, std::cout); });
}
