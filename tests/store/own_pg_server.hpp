#pragma once
// A test's own throwaway PostgreSQL server, driven through pg_server.sh (start, kill, restart,
// stop), for tests that take the server away on purpose. Needs PG_SERVER_SCRIPT defined.
#include <gtest/gtest.h>

#include <string>

#include "support/process.hpp"

namespace pg_test {

inline void serverCommand(const std::string& command, const std::string& state) {
    const auto result = testing_support::runProcess(PG_SERVER_SCRIPT, {command, state});
    ASSERT_EQ(result.exitCode, 0) << "pg_server.sh " << command << ": " << result.err;
}

// Stops the test's own server however the test ends (an ASSERT returns early).
struct ServerStopper {
    std::string state;
    ~ServerStopper() { testing_support::runProcess(PG_SERVER_SCRIPT, {"stop", state}); }
};

}  // namespace pg_test
