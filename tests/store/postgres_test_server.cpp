#include "postgres_test_server.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>

namespace pg_test {

namespace {

std::string firstLine(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

struct Closer {
    void operator()(PGconn* c) const { PQfinish(c); }
};

std::unique_ptr<PGconn, Closer> connectTo(const std::string& url) {
    std::unique_ptr<PGconn, Closer> connection(PQconnectdb(url.c_str()));
    if (PQstatus(connection.get()) != CONNECTION_OK)
        throw std::runtime_error("cannot connect to " + url + ": " + PQerrorMessage(connection.get()));
    return connection;
}

}  // namespace

Server testServer() {
    if (const char* url = std::getenv("KIOSK_TEST_POSTGRES_URL"); url && *url) return {url, ""};
    const std::string state = KIOSK_PG_STATE;
    const std::string url = firstLine(state);
    if (!url.empty()) return {url, ""};
    const std::string why = firstLine(state + ".unavailable");
    if (!why.empty()) return {std::nullopt, why};
    return {std::nullopt, "the pg_server fixture did not run (run the tests through ctest) and "
                          "KIOSK_TEST_POSTGRES_URL is not set"};
}

bool serverRequired() {
    const char* required = std::getenv("KIOSK_REQUIRE_POSTGRES");
    return required && std::string(required) == "1";
}

std::string withDatabase(const std::string& serverUrl, const std::string& database) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(serverUrl.c_str(), &error);
    if (!options) {
        std::string why = error ? error : "unparsable";
        PQfreemem(error);
        throw std::runtime_error("bad test server URL " + serverUrl + ": " + why);
    }
    std::string conninfo;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        if (std::string(o->keyword) == "dbname" || !o->val) continue;
        conninfo += std::string(o->keyword) + "='" + o->val + "' ";
    }
    PQconninfoFree(options);
    return conninfo + "dbname='" + database + "'";
}

std::string query(const std::string& url, const std::string& sql) {
    auto connection = connectTo(url);
    PGresult* result = PQexec(connection.get(), sql.c_str());
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        std::string why = PQresultErrorMessage(result);
        PQclear(result);
        throw std::runtime_error("\"" + sql + "\" failed: " + why);
    }
    std::string first = PQntuples(result) > 0 && PQnfields(result) > 0 ? PQgetvalue(result, 0, 0) : "";
    PQclear(result);
    return first;
}

ScratchDatabase::ScratchDatabase(const std::string& serverUrl) : m_serverUrl(serverUrl) {
    static std::atomic<int> counter{0};
    std::random_device random;
    m_name = "kiosk_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
             std::to_string(random() % 100000);
    query(m_serverUrl, "CREATE DATABASE " + m_name);
    m_url = withDatabase(m_serverUrl, m_name);
}

ScratchDatabase::~ScratchDatabase() {
    try {
        query(m_serverUrl, "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
    } catch (...) {
    }
}

}  // namespace pg_test
