#pragma once
// kioskctl migrate-to URL: moves a site from its SQLite file to a PostgreSQL server (issue #11).
#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

namespace ctl {

struct MigrateOptions {
    std::string url;
};

CLI::App* addMigrateCommand(CLI::App& app, MigrateOptions& options);

// Copies dbPath into the empty database at options.url and prints each table's counts on both
// sides. Exit codes as the other commands: 0, kStoreError (including a non-empty target).
int runMigrate(const MigrateOptions& options, const std::string& dbPath, std::ostream& out, std::ostream& err);

}  // namespace ctl
