// kioskctl as scripts use it: real processes on a real database file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/process.hpp"

using testing_support::runProcess;
using testing_support::TempDir;

namespace {

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";

std::vector<std::string> baseArgs(const TempDir& dir) { return {"--config", kConfig, "--db", dir.file("kiosk.db")}; }

testing_support::ProcessResult ctl(const TempDir& dir, std::vector<std::string> args) {
    auto all = baseArgs(dir);
    all.insert(all.end(), args.begin(), args.end());
    return runProcess(KIOSKCTL_BIN, all);
}

std::string firstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST(Kioskctl, takeTwicePrintsConsecutiveCodes) {
    TempDir dir;
    auto first = ctl(dir, {"--now", "2026-11-30T15:45", "take", "adulti"});
    auto second = ctl(dir, {"--now", "2026-11-30T15:46", "take", "adulti"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(firstLine(first.out), "A001");
    EXPECT_EQ(firstLine(second.out), "A002");
}

TEST(Kioskctl, statusJsonListsTheDaysQueue) {
    TempDir dir;
    ctl(dir, {"--now", "2026-11-30T15:40", "take", "anziani"});
    ctl(dir, {"--now", "2026-11-30T15:41", "take", "minori-famiglie"});
    ctl(dir, {"--now", "2026-11-27T10:00", "take", "adulti"});  // another day: not listed
    auto r = ctl(dir, {"--now", "2026-11-30T15:50", "status", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto doc = nlohmann::json::parse(r.out);
    ASSERT_EQ(doc["tickets"].size(), 2u);
    EXPECT_EQ(doc["tickets"][0]["code"], "N001");
    EXPECT_EQ(doc["tickets"][0]["category"], "anziani");
    EXPECT_EQ(doc["tickets"][0]["state"], "waiting");
    EXPECT_EQ(doc["tickets"][0]["issued_at"], "2026-11-30T15:40:00");
    EXPECT_EQ(doc["tickets"][0]["position"], 1);
    EXPECT_EQ(doc["tickets"][1]["code"], "M001");
    EXPECT_EQ(doc["tickets"][1]["position"], 2);
}

TEST(Kioskctl, unknownCategoryFailsOnStderrAndStoresNothing) {
    TempDir dir;
    auto r = ctl(dir, {"take", "giovani"});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find("giovani"), std::string::npos);
    auto status = ctl(dir, {"status", "--json"});
    EXPECT_EQ(nlohmann::json::parse(status.out)["tickets"].size(), 0u);
}

TEST(Kioskctl, badConfigNamesFileAndLine) {
    TempDir dir;
    std::string bad = dir.file("bad.toml");
    FILE* f = std::fopen(bad.c_str(), "w");
    std::fputs("[office]\ncomune = \"X\"\nname = \"Y\"\naddress = \"Z\"\nadress = \"typo\"\n", f);
    std::fclose(f);
    auto r = runProcess(KIOSKCTL_BIN, {"--config", bad, "--db", dir.file("k.db"), "take", "adulti"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find(bad + ":5"), std::string::npos) << r.err;
}

TEST(Kioskctl, badNowIsAUsageError) {
    TempDir dir;
    auto r = ctl(dir, {"--now", "tomorrow", "take", "adulti"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--now"), std::string::npos) << r.err;
}

// Two kioskctl processes taking 500 tickets each at once on one database: 1000 distinct codes,
// and every code a process was given is in the database.
TEST(Kioskctl, twoProcessesTaking500EachNeverShareANumber) {
    TempDir dir;
    std::string script = dir.file("take500.sh");
    {
        FILE* f = std::fopen(script.c_str(), "w");
        std::fprintf(f,
                     "for i in $(seq 500); do '%s' --config '%s' --db '%s' --now 2026-11-30T15:45 take adulti "
                     "| head -n1; done\n",
                     KIOSKCTL_BIN, kConfig.c_str(), dir.file("kiosk.db").c_str());
        std::fclose(f);
    }
    testing_support::RunningProcess a("/bin/sh", {script});
    testing_support::RunningProcess b("/bin/sh", {script});
    auto ra = a.wait();
    auto rb = b.wait();
    ASSERT_EQ(ra.exitCode, 0) << ra.err;
    ASSERT_EQ(rb.exitCode, 0) << rb.err;
    EXPECT_TRUE(ra.err.empty()) << ra.err;
    EXPECT_TRUE(rb.err.empty()) << rb.err;

    std::set<std::string> printed;
    std::istringstream lines(ra.out + rb.out);
    for (std::string line; std::getline(lines, line);) printed.insert(line);
    EXPECT_EQ(printed.size(), 1000u);

    auto r = ctl(dir, {"--now", "2026-11-30T16:00", "status", "--json"});
    auto doc = nlohmann::json::parse(r.out);
    std::set<std::string> stored;
    for (const auto& t : doc["tickets"]) stored.insert(t["code"].get<std::string>());
    EXPECT_EQ(doc["tickets"].size(), 1000u);
    EXPECT_EQ(stored, printed);
    EXPECT_TRUE(stored.count("A001") && stored.count("A1000"));
}
