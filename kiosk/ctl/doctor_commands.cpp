#include "doctor_commands.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <vector>

#include "commands.hpp"
#include "doctor_checks.hpp"
#include "domain/shown_text.hpp"
#include "kiosk/common/paths.hpp"

namespace ctl {
namespace {

using doctor::Check;
using doctor::Status;

const char* statusWord(Status status) {
    switch (status) {
        case Status::Ok:
            return "ok";
        case Status::Warn:
            return "WARN";
        case Status::Fail:
            return "FAIL";
    }
    return "?";
}

std::vector<Check> runChecks(const DoctorOptions& options, const doctor::Identity& who) {
    std::vector<Check> checks;
    std::optional<domain::Config> config;
    checks.push_back(doctor::checkConfig(options.configPath, config));
    // A PostgreSQL site has no database file on this PC: the server is checked instead.
    if (config && !config->kiosk.store.empty())
        for (Check& check : doctor::checkServer(config->kiosk.store)) checks.push_back(std::move(check));
    else
        for (Check& check : doctor::checkDatabase(options.dbPath, who)) checks.push_back(std::move(check));
    checks.push_back(doctor::checkTranslations(common::assetsDir() + "/i18n"));
    checks.push_back(doctor::checkFonts(common::assetsDir()));
    const Check notChecked{Status::Warn, "", "not checked: the config did not load", ""};
    if (config) {
        checks.push_back(doctor::checkPrinter(config->printer, who));
    } else {
        checks.push_back(notChecked);
        checks.back().subject = "printer";
    }
    checks.push_back(doctor::checkAudio());
    checks.push_back(doctor::checkDisplays(options.expectDisplays));
    checks.push_back(doctor::checkDiskSpace(options.dbPath));
    if (config) {
        checks.push_back(doctor::checkBackups(options.dbPath, config->backup, who));
    } else {
        checks.push_back(notChecked);
        checks.back().subject = "backups";
    }
    return checks;
}

// "FAIL database /var/lib/segretariato-kiosk/kiosk.db: not writable by user kiosk (fix: ...)"
void printText(const std::vector<Check>& checks, int warnings, int failures, std::ostream& out) {
    for (const Check& check : checks) {
        // Subjects and fixes repeat the paths given on the command line; details, a server's text.
        out << statusWord(check.status) << (check.status == Status::Ok ? "   " : " ")
            << domain::escapedControls(check.subject) << ": " << domain::escapedControls(check.detail, true);
        if (!check.fix.empty()) out << " (fix: " << domain::escapedControls(check.fix) << ")";
        out << '\n';
    }
    out << "doctor: " << checks.size() << " checks, " << warnings << (warnings == 1 ? " warning, " : " warnings, ")
        << failures << (failures == 1 ? " failure\n" : " failures\n");
}

void printJson(const std::vector<Check>& checks, int warnings, int failures, std::ostream& out) {
    nlohmann::json list = nlohmann::json::array();
    for (const Check& check : checks)
        list.push_back({{"status", check.status == Status::Ok     ? "ok"
                                   : check.status == Status::Warn ? "warn"
                                                                  : "fail"},
                        {"subject", check.subject},
                        {"detail", check.detail},
                        {"fix", check.fix}});
    out << nlohmann::json{{"checks", list}, {"warnings", warnings}, {"failures", failures}}.dump(2) << '\n';
}

}  // namespace

CLI::App* addDoctorCommand(CLI::App& app, DoctorOptions& options) {
    CLI::App* command =
        app.add_subcommand("doctor",
                           "check this PC for the kiosk: config, database, PIN, fonts, printer, audio, displays, disk "
                           "(exit 14 on any FAIL)");
    command->add_option("--config", options.configPath, "the config the kiosk starts with (or kioskctl --config)");
    command->add_option("--user", options.user, "check file access for this user (the kiosk's), not the caller");
    command
        ->add_option("--expect-displays", options.expectDisplays,
                     "monitors the roles on this PC need (WARN when fewer are seen)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    command->add_flag("--json", options.json, "print JSON: checks (status, subject, detail, fix), warnings, failures");
    return command;
}

int runDoctor(const DoctorOptions& options, std::ostream& out, std::ostream& err) {
    std::optional<doctor::Identity> who = doctor::currentIdentity();
    if (!options.user.empty()) {
        who = doctor::identityOf(options.user);
        if (!who) {
            err << "kioskctl: doctor --user: no user \"" << domain::escapedControls(options.user) << "\" on this PC\n";
            return kUsage;
        }
    }
    const std::vector<Check> checks = runChecks(options, *who);
    int warnings = 0, failures = 0;
    for (const Check& check : checks) {
        warnings += check.status == Status::Warn;
        failures += check.status == Status::Fail;
    }
    if (options.json)
        printJson(checks, warnings, failures, out);
    else
        printText(checks, warnings, failures, out);
    return failures == 0 ? kOk : kDoctorFailed;
}

}  // namespace ctl
