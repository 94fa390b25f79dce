#pragma once
// Chooses the store a site uses: the SQLite file (--db), or the PostgreSQL server that the
// config's [kiosk] store names (several PCs on one site, issue #11).
#include <memory>
#include <string>

#include "domain/ticket_store.hpp"

namespace store {

// storeUrl empty: SqliteStore(dbPath); otherwise PostgresStore(storeUrl). Throws StoreError.
std::unique_ptr<domain::TicketStore> openStore(const std::string& dbPath, const std::string& storeUrl);

// How messages name the store: the file, or the server's URL with any password masked.
std::string describeStore(const std::string& dbPath, const std::string& storeUrl);

}  // namespace store
