#pragma once
// The PostgreSQL server of the store tests: the one pg_server.sh started for this build (a CTest
// fixture), or KIOSK_TEST_POSTGRES_URL (a superuser's URL of a server of your own).
// Without a server the PostgreSQL tests skip, naming why; with KIOSK_REQUIRE_POSTGRES=1 (CI)
// they fail instead.
#include <optional>
#include <string>

namespace pg_test {

struct Server {
    std::optional<std::string> url;  // a superuser's connection to its "postgres" database
    std::string whyNot;              // when there is no url
};

Server testServer();
bool serverRequired();

// A new empty database on the server, dropped (with any connection left) when the object goes.
class ScratchDatabase {
public:
    explicit ScratchDatabase(const std::string& serverUrl);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;
    const std::string& url() const { return m_url; }
    const std::string& name() const { return m_name; }

private:
    std::string m_serverUrl;
    std::string m_name;
    std::string m_url;
};

// Runs SQL on a database outside the store (tests inspecting or forging rows); throws on error.
// Returns the first column of the first row, or "" when there is none.
std::string query(const std::string& url, const std::string& sql);

// The same server URL pointing at another database (keyword form, which libpq accepts).
std::string withDatabase(const std::string& serverUrl, const std::string& database);

}  // namespace pg_test

// At the top of a PostgreSQL test: skips (or fails in CI) when there is no server.
#define PG_TEST_SERVER_OR_SKIP(var)                                                                  \
    const ::pg_test::Server var = ::pg_test::testServer();                                            \
    if (!var.url) {                                                                                   \
        if (::pg_test::serverRequired()) FAIL() << "no PostgreSQL test server: " << var.whyNot;      \
        GTEST_SKIP() << "PostgreSQL tests skipped: no test server (" << var.whyNot << ")";           \
    }
