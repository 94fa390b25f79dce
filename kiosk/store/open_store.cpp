#include "kiosk/store/open_store.hpp"

#include "kiosk/store/postgres_store.hpp"
#include "kiosk/store/sqlite_store.hpp"

namespace store {

std::unique_ptr<domain::TicketStore> openStore(const std::string& dbPath, const std::string& storeUrl) {
    if (storeUrl.empty()) return std::make_unique<SqliteStore>(dbPath);
    return std::make_unique<PostgresStore>(storeUrl);
}

std::string describeStore(const std::string& dbPath, const std::string& storeUrl) {
    if (storeUrl.empty()) return dbPath;
    return maskPassword(storeUrl);
}

}  // namespace store
