#pragma once
// The real citizen kiosk under X, driven by its UI script, on the demo config and a fresh database.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "kiosk/store/sqlite_store.hpp"
#include "support/process.hpp"

namespace ui_tests {

inline const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";
inline const domain::LocalDate kDay{2026, 11, 30};

class KioskFixture : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::getenv("DISPLAY")) GTEST_FAIL() << "no X display: run the tests under xvfb-run (see README)";
    }

    std::string write(const std::string& name, const std::string& text) const {
        std::string path = dir.file(name);
        std::ofstream(path) << text;
        return path;
    }

    // The demo config with one line changed; the line must exist.
    std::string configWith(const std::string& name, const std::string& line, const std::string& replacement) const {
        std::string config = testing_support::readFile(kConfig);
        const auto at = config.find(line);
        if (at == std::string::npos) ADD_FAILURE() << "the demo config has no line \"" << line << "\"";
        else config.replace(at, line.size(), replacement);
        return write(name, config);
    }

    // The demo config printing into a file, so the test sees every ticket that came out.
    std::string printingConfig() const {
        return configWith("printing.toml", "target = \"none\"", "target = \"file:" + printed() + "\"");
    }

    std::vector<std::string> kioskArgs(const std::string& config, const std::string& script) const {
        return {"--config", config, "--db", db(), "--windowed", "1280x800", "--now", "2026-11-30T15:45",
                "--ui-script", script};
    }

    std::vector<domain::Ticket> storedTickets() const {
        store::SqliteStore store(db());
        return store.ticketsOfDay(kDay);
    }

    std::string db() const { return dir.file("kiosk.db"); }
    std::string printed() const { return dir.file("printer.bin"); }
    testing_support::TempDir dir;
};

}  // namespace ui_tests
