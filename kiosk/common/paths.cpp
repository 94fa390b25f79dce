#include "paths.hpp"

#include <cstdlib>
#include <filesystem>

namespace common {
namespace fs = std::filesystem;

std::string defaultDatabasePath() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    fs::path base;
    if (xdg && *xdg) {
        base = xdg;
    } else {
        const char* home = std::getenv("HOME");
        base = fs::path(home && *home ? home : ".") / ".local" / "share";
    }
    return (base / "segretariato-kiosk" / "kiosk.db").string();
}

std::string assetsDir() {
    if (const char* env = std::getenv("KIOSK_ASSETS"); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path candidate : {exe.parent_path() / ".." / "share" / "segretariato-kiosk" / "assets",
                                   exe.parent_path() / ".." / ".." / "assets"})
            if (fs::is_directory(candidate / "i18n")) return fs::weakly_canonical(candidate).string();
    }
    return std::string(KIOSK_SOURCE_DIR) + "/assets";
}

}  // namespace common
