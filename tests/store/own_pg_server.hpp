#pragma once
// A test's own throwaway PostgreSQL server, driven through pg_server.sh (start, kill, restart,
// stop), for tests that take the server away on purpose. Needs PG_SERVER_SCRIPT defined.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "postgres_test_server.hpp"
#include "support/process.hpp"

namespace pg_test {

// Started with a database "site" (url() names the server's own database; "" if it did not
// start, with the reason as a test failure); stopped however the test ends.
class OwnServer {
public:
    explicit OwnServer(std::string stateFile) : m_state(std::move(stateFile)) {
        command("start");
        std::getline(std::ifstream(m_state), m_url);
        if (m_url.empty()) {
            ADD_FAILURE() << "own PostgreSQL server: " << testing_support::readFile(m_state + ".unavailable");
            return;
        }
        query(m_url, "CREATE DATABASE site");
    }
    ~OwnServer() { testing_support::runProcess(PG_SERVER_SCRIPT, {"stop", m_state}); }
    OwnServer(const OwnServer&) = delete;
    OwnServer& operator=(const OwnServer&) = delete;

    const std::string& url() const { return m_url; }
    // "kill" (as a crash: no shutdown), "restart".
    void command(const std::string& what) {
        const auto result = testing_support::runProcess(PG_SERVER_SCRIPT, {what, m_state});
        EXPECT_EQ(result.exitCode, 0) << "pg_server.sh " << what << ": " << result.err;
    }

private:
    std::string m_state;
    std::string m_url;
};

}  // namespace pg_test
