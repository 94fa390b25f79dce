#include "migrate_commands.hpp"

#include <iomanip>

#include "commands.hpp"
#include "domain/shown_text.hpp"
#include "kiosk/store/postgres_migration.hpp"
#include "kiosk/store/postgres_store.hpp"

namespace ctl {

CLI::App* addMigrateCommand(CLI::App& app, MigrateOptions& options) {
    auto* command = app.add_subcommand(
        "migrate-to", "copy the SQLite database (--db) into an empty PostgreSQL database and compare the counts");
    command->add_option("URL", options.url, "the server's database, e.g. postgresql://kiosk@server/segretariato")
        ->required()
        ->check([](const std::string& url) {
            return store::isPostgresUrl(url) ? std::string()
                                             : "expected a URL starting with postgresql:// (e.g. "
                                               "postgresql://kiosk@server/segretariato)";
        });
    return command;
}

int runMigrate(const MigrateOptions& options, const std::string& dbPath, std::ostream& out, std::ostream& err) {
    try {
        const auto counts = store::migrateSqliteToPostgres(dbPath, options.url);
        out << "copied " << dbPath << " to " << store::maskPassword(options.url) << "\n";
        for (const auto& count : counts)
            out << "  " << std::left << std::setw(20) << count.table << std::right << std::setw(10) << count.source
                << " -> " << std::setw(10) << count.target << "\n";
        out << "counts match: set [kiosk] store = \"" << store::maskPassword(options.url)
            << "\" in the config of every PC of the site\n";
        return 0;
    } catch (const store::TargetNotEmptyError& e) {
        err << "kioskctl: migrate-to refused: " << domain::escapedControls(e.what(), true) << "\n";
        return kStoreError;
    }
}

}  // namespace ctl
