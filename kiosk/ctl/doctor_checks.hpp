#pragma once
// The checks behind kioskctl doctor, one function per line of its report. Each one only looks:
// no check writes a file, prints a ticket or plays a sound.
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/config.hpp"

namespace ctl::doctor {

enum class Status { Ok, Warn, Fail };

struct Check {
    Status status = Status::Ok;
    std::string subject;  // "database /var/lib/segretariato-kiosk/kiosk.db"
    std::string detail;   // "not writable by user kiosk"
    std::string fix;      // "chown kiosk: /var/lib/segretariato-kiosk"; empty when nothing to do
};

// Whose access the checks judge: the kiosk's user may differ from the one running doctor.
struct Identity {
    std::string name;
    uid_t uid = 0;
    std::vector<gid_t> groups;  // primary group included
};
Identity currentIdentity();
std::optional<Identity> identityOf(const std::string& userName);  // nullopt: no such user

// By the file's mode bits and owner (as the kernel judges them, ACLs aside), and not on a
// read-only filesystem. A directory must also be searchable. Root may write anything writable.
bool writableBy(const std::string& path, const Identity& who);

// The path itself when it exists, else its closest existing ancestor: where a file would be created.
std::string closestExisting(const std::string& path);

// The config loads (file:line and what is wrong when not).
Check checkConfig(const std::string& configPath, std::optional<domain::Config>& loaded);

// The database opens as the kiosk opens it (schema, PRAGMA quick_check), its files are writable
// by `who`, and the staff PIN is set. One Check each.
std::vector<Check> checkDatabase(const std::string& dbPath, const Identity& who);
// The site's PostgreSQL server ([kiosk] store): reachable, schema current, staff PIN set.
std::vector<Check> checkServer(const std::string& url);

// The language files load and every citizen key is translated.
Check checkTranslations(const std::string& i18nDir);

// The faces of kiosk/common/font_files.hpp: every weight has one, and the preferred ones are there.
Check checkFonts(const std::string& assetsDir);

// [printer] target: the device, CUPS queue or file's folder is there and usable. Prints nothing.
Check checkPrinter(const domain::PrinterConfig& printer, const Identity& who);

// Free space where the database lives: WARN below 1 GB, FAIL below 100 MB.
Check checkDiskSpace(const std::string& dbPath);

// [backup]: enabled, and its folder writable by `who` (or creatable).
Check checkBackups(const std::string& dbPath, const domain::BackupConfig& backup, const Identity& who);

// SDL, loaded at run time so that kioskctl needs no SDL for its other commands.
Check checkAudio();
Check checkDisplays(int expectDisplays);

}  // namespace ctl::doctor
