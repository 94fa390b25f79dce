#pragma once
// kioskctl doctor: checks a deployed kiosk PC and prints one line per check, "ok", "WARN" or
// "FAIL" with what to do about it. It only reads: nothing is printed, written or created.
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace ctl {

struct DoctorOptions {
    std::string configPath;  // empty: kioskctl's --config
    std::string dbPath;      // kioskctl's --db
    std::string user;        // whose access to check; empty: the user running doctor
    int expectDisplays = 1;  // monitors the roles on this PC need (touchscreen, board, staff)
    bool json = false;
};

// Registers "doctor [--config FILE] [--user NAME] [--expect-displays N] [--json]".
CLI::App* addDoctorCommand(CLI::App& app, DoctorOptions& options);

// Runs every check and prints them; kOk when none failed, kDoctorFailed otherwise (warnings
// alone exit 0), kUsage for a --user that does not exist.
int runDoctor(const DoctorOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ctl
