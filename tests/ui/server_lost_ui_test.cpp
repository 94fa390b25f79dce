// Issue #11: a kiosk of a PostgreSQL site whose server goes away shows "Collegamento al server
// interrotto" on the whole screen, and goes back to its home screen by itself when the server
// returns. The real kiosk runs a UI script; the test follows its log (stderr joined to stdout)
// to kill and restart its own throwaway server at the right moments, without sleeping.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "child_process.hpp"
#include "own_pg_server.hpp"
#include "postgres_test_server.hpp"
#include "support/process.hpp"

namespace {

using crash_support::ChildProcess;
using testing_support::TempDir;

// Reads the kiosk's log until a line contains `text`; false if the kiosk ended first.
bool readUntil(ChildProcess& kiosk, const std::string& text, std::string& log) {
    while (const auto line = kiosk.readLine()) {
        log += *line + "\n";
        if (line->find(text) != std::string::npos) return true;
    }
    return false;
}

// A postgresql:// URL for the server's database `name` (pg_server.sh writes the server's URL).
std::string urlOf(const std::string& serverUrl, const std::string& name) {
    const auto path = serverUrl.find('/', serverUrl.find("://") + 3);
    return serverUrl.substr(0, path + 1) + name + serverUrl.substr(serverUrl.find('?'));
}

}  // namespace

TEST(ServerLostUi, everyScreenSaysTheServerIsGoneAndComesBackByItself) {
    PG_TEST_SERVER_OR_SKIP(fixtureServer);
    TempDir dir;
    pg_test::OwnServer server(dir.file("server.state"));
    const std::string serverUrl = server.url();
    ASSERT_FALSE(serverUrl.empty());

    std::string config = testing_support::readFile(std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml");
    const auto kiosk = config.find("\n[kiosk]\n");
    ASSERT_NE(kiosk, std::string::npos);
    config.insert(kiosk + 9, "store = \"" + urlOf(serverUrl, "site") + "\"\n");
    testing_support::writeFile(dir.file("site.toml"), config);
    const std::string lostPng = dir.file("lost.png");
    // The person at the screen chose English: the message is in English, with the Italian below.
    testing_support::writeFile(dir.file("script"), "expect-screen home\n"
                                                    "tap language\nexpect-screen language\ntap language:en\n"
                                                    "timeout 60\n"
                                                    "expect-screen server-lost\n"
                                                    "expect-target in-use:en\n"
                                                    "screenshot " + lostPng + "\n"
                                                    "expect-screen home\n"
                                                    "quit\n");
    const std::string command = std::string("KIOSK_LOG_LEVEL=debug exec ") + KIOSK_BIN + " --config " + dir.file("site.toml") +
                                " --db " + dir.file("unused.db") + " --windowed 1280x720 --now 2026-11-30T16:10" +
                                " --ui-script " + dir.file("script") + " 2>&1";
    ChildProcess kioskProcess("/bin/sh", {"-c", command});
    std::string log;
    ASSERT_TRUE(readUntil(kioskProcess, "language for this visit: en", log)) << log;
    server.command("kill");
    ASSERT_TRUE(readUntil(kioskProcess, "server unreachable, screen shows it", log)) << log;
    EXPECT_NE(log.find("collegamento al server interrotto"), std::string::npos) << log;
    server.command("restart");
    ASSERT_TRUE(readUntil(kioskProcess, "server reachable again", log)) << log;
    while (const auto line = kioskProcess.readLine()) log += *line + "\n";
    const int status = kioskProcess.wait();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << crash_support::describeStatus(status) << "\n" << log;
    EXPECT_TRUE(std::filesystem::exists(lostPng)) << log;
    EXPECT_FALSE(std::filesystem::exists(dir.file("unused.db"))) << "a PostgreSQL site opened an SQLite file";
}
