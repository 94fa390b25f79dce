#include "doctor_checks.hpp"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "domain/i18n.hpp"
#include "domain/ticket_print.hpp"
#include "kiosk/common/config_files.hpp"
#include "kiosk/common/daily_backup.hpp"
#include "kiosk/common/font_files.hpp"
#include "kiosk/common/pin.hpp"
#include "kiosk/store/postgres_store.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "kiosk/store/startup_check.hpp"

extern char** environ;

namespace ctl::doctor {
namespace fs = std::filesystem;
namespace {

bool exists(const std::string& path) {
    std::error_code error;
    return fs::exists(path, error);
}

bool isDirectory(const std::string& path) {
    std::error_code error;
    return fs::is_directory(path, error);
}

std::string parentOf(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// "chown kiosk: /var/lib/segretariato-kiosk /var/lib/segretariato-kiosk/kiosk.db-wal"
std::string chownFix(const Identity& who, const std::vector<std::string>& paths) {
    std::string fix = "chown " + who.name + ":";
    for (const std::string& path : paths) fix += " " + path;
    return fix;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : separator) + part;
    return text;
}

std::string gigabytes(double bytes) {
    char text[32];
    std::snprintf(text, sizeof text, bytes >= 1e9 ? "%.1f GB" : "%.0f MB", bytes >= 1e9 ? bytes / 1e9 : bytes / 1e6);
    return text;
}

Check databaseFolderCheck(const std::string& dbPath, const std::string& folder, const Identity& who) {
    const std::string subject = "database " + dbPath;
    if (exists(folder) && !isDirectory(folder))
        return {Status::Fail, subject, "its folder " + folder + " is a file, not a folder",
                "move that file away, or give kioskctl and the kiosk another --db"};
    const std::string creator = closestExisting(folder);
    if (!writableBy(creator, who))
        return {Status::Fail, subject, "cannot be created: " + creator + " is not writable by user " + who.name,
                "mkdir -p " + folder + " && " + chownFix(who, {folder})};
    return {Status::Warn, subject, "not created yet (the kiosk creates it at its first start)",
            "kioskctl --db " + dbPath + " set-pin creates it and sets the staff PIN"};
}

// The folder (for the -wal and -shm SQLite creates next to the file), the file, and the
// -wal/-shm already there: a -wal left behind by root keeps the kiosk's user from opening it.
Check databaseAccessCheck(const std::string& dbPath, const Identity& who) {
    std::vector<std::string> refused;
    for (const std::string& path : {parentOf(dbPath), dbPath, dbPath + "-wal", dbPath + "-shm"})
        if (exists(path) && !writableBy(path, who)) refused.push_back(path);
    const std::string subject = "database " + dbPath;
    if (!refused.empty())
        return {Status::Fail, subject, "not writable by user " + who.name + ": " + joined(refused, ", "),
                chownFix(who, refused)};
    std::string detail = "writable by user " + who.name;
    if (who.uid == 0) detail += " (root may write anything: add --user with the kiosk's user to check for it)";
    return {Status::Ok, subject, detail, ""};
}

// Judged by what set-pin recorded beside the hash (short or not), never by trying PINs.
Check pinCheck(domain::TicketStore& store, const std::string& setPinCommand) {
    if (!store.setting(common::kPinSettingKey))
        return {Status::Fail, "staff PIN", "not set: the staff console cannot be unlocked", setPinCommand};
    const auto isShort = store.setting(common::kPinShortSettingKey);
    if (isShort == "yes")
        return {Status::Warn, "staff PIN",
                "only 4 or 5 digits: from a copy of the database it is found in minutes; choose 6 or more",
                setPinCommand};
    if (!isShort) return {Status::Ok, "staff PIN", "set (by an older version: its length is not known)", ""};
    return {Status::Ok, "staff PIN", "set", ""};
}

// What `program args...` exits with, its output discarded; nullopt when it cannot be started.
std::optional<int> exitCodeOf(const std::vector<std::string>& command) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (const std::string& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return std::nullopt;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return std::nullopt;
    const int code = WEXITSTATUS(status);
    return code == 127 ? std::nullopt : std::optional<int>(code);
}

Check deviceCheck(const std::string& subject, const std::string& device, const Identity& who) {
    if (!exists(device))
        return {Status::Fail, subject, device + " does not exist: the printer is off, unplugged or elsewhere",
                "switch the printer on and plug it in; ls /dev/usb shows where it appears"};
    if (!writableBy(device, who))
        return {Status::Fail, subject, device + " is not writable by user " + who.name,
                "adduser " + who.name + " lp (then log in again), or a udev rule giving the kiosk's user the device"};
    return {Status::Ok, subject, device + " is there and writable by user " + who.name + " (nothing printed)", ""};
}

Check cupsCheck(const std::string& subject, const std::string& queue) {
    const std::optional<int> rc = exitCodeOf({"lpstat", "-p", queue});
    if (!rc)
        return {Status::Warn, subject, "lpstat not found: the queue was not checked", "apt-get install cups-client"};
    if (*rc != 0)
        return {Status::Fail, subject, "CUPS does not know the queue " + queue + " (or its scheduler is not running)",
                "lpstat -p lists the queues; systemctl status cups"};
    return {Status::Ok, subject, "CUPS queue " + queue + " exists (nothing printed)", ""};
}

Check fileTargetCheck(const std::string& subject, const std::string& file, const Identity& who) {
    const std::string folder = parentOf(file);
    if (!isDirectory(folder))
        return {Status::Fail, subject, "the folder " + folder + " does not exist", "mkdir -p " + folder};
    if (!writableBy(exists(file) ? file : folder, who))
        return {Status::Fail, subject, (exists(file) ? file : folder) + " is not writable by user " + who.name,
                chownFix(who, {exists(file) ? file : folder})};
    return {Status::Ok, subject, "tickets are written to " + file + " (no paper printer)", ""};
}

}  // namespace

Identity currentIdentity() {
    Identity who;
    who.uid = geteuid();
    const passwd* entry = getpwuid(who.uid);
    who.name = entry ? entry->pw_name : std::to_string(who.uid);
    who.groups.push_back(getegid());
    const int count = getgroups(0, nullptr);
    if (count > 0) {
        std::vector<gid_t> groups(static_cast<std::size_t>(count));
        const int got = getgroups(count, groups.data());
        groups.resize(static_cast<std::size_t>(std::max(got, 0)));
        who.groups.insert(who.groups.end(), groups.begin(), groups.end());
    }
    return who;
}

std::optional<Identity> identityOf(const std::string& userName) {
    const passwd* entry = getpwnam(userName.c_str());
    if (!entry) return std::nullopt;
    Identity who{entry->pw_name, entry->pw_uid, {}};
    const gid_t primary = entry->pw_gid;
    int count = 64;
    std::vector<gid_t> groups(static_cast<std::size_t>(count));
    if (getgrouplist(who.name.c_str(), primary, groups.data(), &count) < 0) {
        groups.resize(static_cast<std::size_t>(count));
        getgrouplist(who.name.c_str(), primary, groups.data(), &count);
    }
    groups.resize(static_cast<std::size_t>(count));
    who.groups = groups;
    return who;
}

bool writableBy(const std::string& path, const Identity& who) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0) return false;
    struct statvfs filesystem {};
    if (statvfs(path.c_str(), &filesystem) == 0 && (filesystem.f_flag & ST_RDONLY)) return false;
    if (who.uid == 0) return true;
    const bool directory = S_ISDIR(info.st_mode);
    auto allowed = [&](mode_t write, mode_t search) {
        return (info.st_mode & write) && (!directory || (info.st_mode & search));
    };
    if (info.st_uid == who.uid) return allowed(S_IWUSR, S_IXUSR);
    if (std::find(who.groups.begin(), who.groups.end(), info.st_gid) != who.groups.end())
        return allowed(S_IWGRP, S_IXGRP);
    return allowed(S_IWOTH, S_IXOTH);
}

std::string closestExisting(const std::string& path) {
    fs::path candidate = fs::absolute(path);
    while (!exists(candidate.string()) && candidate.has_parent_path() && candidate != candidate.parent_path())
        candidate = candidate.parent_path();
    return candidate.string();
}

Check checkConfig(const std::string& configPath, std::optional<domain::Config>& loaded) {
    if (configPath.empty())
        return {Status::Fail, "config", "none given",
                "kioskctl --config FILE doctor, with the file the kiosk starts with"};
    try {
        loaded = common::loadConfigFile(configPath);
        return {Status::Ok, "config " + configPath, "valid", ""};
    } catch (const domain::ConfigError& e) {
        return {Status::Fail, "config", e.what(), "correct the file there; kioskctl check-config FILE checks it again"};
    }
}

std::vector<Check> checkDatabase(const std::string& dbPath, const Identity& who) {
    const std::string subject = "database " + dbPath;
    if (!exists(dbPath)) {
        Check folder = databaseFolderCheck(dbPath, parentOf(dbPath), who);
        const bool creatable = folder.status != Status::Fail;
        return {folder,
                {creatable ? Status::Warn : Status::Fail, "staff PIN", "not set (no database yet)",
                 "kioskctl --db " + dbPath + " set-pin"}};
    }
    if (isDirectory(dbPath))
        return {
            {Status::Fail, subject, "is a folder, not a database file", "give kioskctl and the kiosk the file's path"}};
    // Before opening: the -wal and -shm that matter are those the kiosk left, not doctor's own.
    const Check access = databaseAccessCheck(dbPath, who);
    std::vector<Check> checks;
    try {
        // The same opening as the kiosk's: schema version, and PRAGMA quick_check up to
        // store::detail::kFullCheckMaxBytes. A current database is not written to.
        store::SqliteStore store(dbPath);
        std::error_code error;
        const bool small =
            fs::file_size(dbPath, error) <= static_cast<std::uintmax_t>(store::detail::kFullCheckMaxBytes);
        checks.push_back({Status::Ok, subject,
                          small ? "healthy (schema and quick_check ok)"
                                : "opens (schema ok; over 32 MB, its pages are checked by each backup)",
                          ""});
        checks.push_back(access);
        checks.push_back(pinCheck(store, "kioskctl --db " + dbPath + " set-pin"));
    } catch (const domain::StoreError& e) {
        checks.push_back({Status::Fail, subject, e.what(), ""});
        checks.push_back(access);
        checks.push_back({Status::Warn, "staff PIN", "not checked: the database did not open", ""});
    }
    return checks;
}

std::vector<Check> checkServer(const std::string& url) {
    const std::string subject = "database server " + store::maskPassword(url);
    try {
        store::PostgresStore server(url);  // connects, and brings the schema up to date
        return {{Status::Ok, subject, "reachable, schema current", ""},
                pinCheck(server, "kioskctl --config FILE set-pin (on any PC of the site)")};
    } catch (const domain::StoreError& e) {
        return {{Status::Fail, subject, e.what(),
                 "check the server is running (pg_isready), the network, the user and ~/.pgpass (see the README)"},
                {Status::Warn, "staff PIN", "not checked: the server did not answer", ""}};
    }
}

Check checkTranslations(const std::string& i18nDir) {
    const std::string subject = "translations " + i18nDir;
    try {
        const std::vector<domain::LanguageFile> files = common::loadLanguageFiles(i18nDir);
        domain::Catalog{files};  // [language] name and voice in every file, as the kiosk needs
        std::vector<std::string> incomplete;
        for (const domain::LanguageCheck& check : domain::checkLanguages(files))
            if (!check.complete()) incomplete.push_back(check.code);
        if (!incomplete.empty())
            return {Status::Warn, subject, joined(incomplete, ", ") + " incomplete: the missing texts show in Italian",
                    "kioskctl i18n-check lists the keys"};
        std::vector<std::string> codes;
        for (const domain::LanguageFile& file : files) codes.push_back(file.code);
        return {Status::Ok, subject, "complete (" + joined(codes, " ") + ")", ""};
    } catch (const domain::ConfigError& e) {
        return {Status::Fail, "translations", e.what(), "correct the file, or reinstall the package"};
    }
}

Check checkFonts(const std::string& assetsDir) {
    std::vector<std::string> found, missing, weightsWithout;
    for (const common::FontWeight& weight : common::kFontWeights) {
        bool any = false;
        for (const common::FontFile& file : common::fontFilesFor(assetsDir, weight.titilliumWeight, weight.bold)) {
            const bool there = exists(file.path.string());
            any = any || there;
            std::vector<std::string>& list = there ? found : missing;
            if (std::find(list.begin(), list.end(), file.path.string()) == list.end())
                list.push_back(file.path.string());
        }
        if (!any) weightsWithout.push_back(weight.titilliumWeight);
    }
    const char* fix =
        "apt-get install fonts-noto-core fonts-dejavu-core; Titillium Web comes with the package "
        "(from source: .ci/setup)";
    if (!weightsWithout.empty())
        return {Status::Fail, "fonts", "no typeface at all for " + joined(weightsWithout, ", "), fix};
    if (!missing.empty())
        return {Status::Warn, "fonts", "missing " + joined(missing, ", ") + ": the screens use the next face found",
                fix};
    return {Status::Ok, "fonts", std::to_string(found.size()) + " files: Titillium Web, Noto Sans, DejaVu Sans", ""};
}

Check checkPrinter(const domain::PrinterConfig& printer, const Identity& who) {
    const std::string subject = "printer " + printer.target;
    const std::optional<domain::PrinterTarget> target = domain::parsePrinterTarget(printer.target);
    if (!target)
        return {Status::Fail, subject, "not a target", "[printer] target: " + std::string(domain::kPrinterTargetForms)};
    switch (target->kind) {
        case domain::PrinterTarget::Kind::None:
            return {Status::Ok, "printer", "no printer ([printer] target = \"none\"): the ticket is only shown", ""};
        case domain::PrinterTarget::Kind::Device:
            return deviceCheck(subject, target->where, who);
        case domain::PrinterTarget::Kind::Cups:
            return cupsCheck(subject, target->where);
        case domain::PrinterTarget::Kind::File:
            return fileTargetCheck(subject, target->where, who);
    }
    return {Status::Fail, subject, "unknown kind of target", ""};
}

Check checkDiskSpace(const std::string& dbPath) {
    const std::string where = closestExisting(parentOf(dbPath));
    struct statvfs filesystem {};
    if (statvfs(where.c_str(), &filesystem) != 0)
        return {Status::Warn, "disk space", "cannot read the free space of " + where, ""};
    const double freeBytes = static_cast<double>(filesystem.f_bavail) * static_cast<double>(filesystem.f_frsize);
    const std::string detail = gigabytes(freeBytes) + " free on " + where;
    const char* fix = "free some space (old backups, logs: journalctl --vacuum-size=200M) or a bigger disk";
    if (freeBytes < 100e6) return {Status::Fail, "disk space", detail + ": the database may stop taking tickets", fix};
    if (freeBytes < 1e9) return {Status::Warn, "disk space", detail + " (less than 1 GB)", fix};
    return {Status::Ok, "disk space", detail, ""};
}

Check checkBackups(const std::string& dbPath, const domain::BackupConfig& backup, const Identity& who) {
    const std::string folder = common::backupDirectory(dbPath, backup);
    const std::string subject = "backups " + folder;
    if (!backup.enabled)
        return {Status::Warn, "backups", "the daily copy is off ([backup] enabled = false)",
                "set [backup] enabled = true, or copy the database some other way every day"};
    if (exists(folder) && !isDirectory(folder))
        return {Status::Fail, subject, "is a file, not a folder", "move it away, or set [backup] directory"};
    const std::string target = closestExisting(folder);
    if (!writableBy(target, who))
        return {Status::Fail, subject, target + " is not writable by user " + who.name,
                "mkdir -p " + folder + " && " + chownFix(who, {folder})};
    return {Status::Ok, subject,
            std::string(exists(folder) ? "writable" : "created at the first daily copy") + ", keeps " +
                std::to_string(backup.keep) + " daily copies",
            ""};
}

}  // namespace ctl::doctor
