#include "bench_env.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "crash/test_office.hpp"
#include "kiosk/common/config_files.hpp"
#include "kiosk/common/paths.hpp"

namespace bench {
namespace fs = std::filesystem;
namespace {

// Removes the scratch directory when the process ends normally.
struct ScratchDir {
    std::string path;
    ~ScratchDir() {
        if (path.empty()) return;
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

ScratchDir& scratch() {
    static ScratchDir dir;
    return dir;
}

}  // namespace

BenchOptions& options() {
    static BenchOptions opts;
    return opts;
}

const std::string& scratchDir() {
    ScratchDir& dir = scratch();
    if (!dir.path.empty()) return dir.path;
    fs::create_directories(options().dataDir);
    std::string pattern = (fs::path(options().dataDir) / "run-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("kiosk-bench: cannot create a directory in " + options().dataDir);
    dir.path = pattern;
    return dir.path;
}

std::string scratchDatabase(const std::string& name) {
    static int counter = 0;
    return (fs::path(scratchDir()) / (name + "-" + std::to_string(++counter) + ".db")).string();
}

domain::Config alwaysOpenOffice() { return crash_support::alwaysOpenOffice(); }

domain::LocalDateTime benchNow() { return crash_support::testNow(); }

const domain::Config& demoOffice() {
    static const domain::Config config = common::loadConfigFile(KIOSK_SOURCE_DIR "/config/gorgonzola.toml");
    return config;
}

const domain::Texts& italianTexts() {
    static const domain::Texts texts = common::loadTextsFile(common::assetsDir() + "/i18n/it.toml");
    return texts;
}

int waitingForCallNext() { return options().small ? 20 : 1000; }

}  // namespace bench
