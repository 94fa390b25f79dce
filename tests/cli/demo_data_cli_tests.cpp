// kioskctl generate-demo-data, and the reports over what it writes (issue #8).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace {

using testing_support::ProcessResult;
using testing_support::runProcess;
using testing_support::TempDir;

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";

ProcessResult kioskctl(const std::string& db, std::vector<std::string> args,
                       const std::string& now = "2026-11-30T10:00") {
    std::vector<std::string> all = {"--config", kConfig, "--db", db, "--now", now};
    all.insert(all.end(), args.begin(), args.end());
    return runProcess(KIOSKCTL_BIN, all);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A small volume keeps the test quick; the benchmark's 5 years take about a minute.
const std::vector<std::string> kSmall = {"generate-demo-data", "--years", "2", "--tickets-per-year", "3000"};

TEST(DemoDataCli, fillsTwoYearsEndingYesterdayAndTheYearReportCountsThem) {
    TempDir dir;
    const auto db = dir.file("demo.db");
    const ProcessResult made = kioskctl(db, kSmall);
    ASSERT_EQ(made.exitCode, 0) << made.err;
    EXPECT_TRUE(contains(made.out, "demo data from 2024-11-30 to 2026-11-29: ")) << made.out;
    EXPECT_TRUE(contains(made.out, " tickets on ")) << made.out;

    const ProcessResult report = kioskctl(db, {"report-year", "2025", "--format", "json"});
    ASSERT_EQ(report.exitCode, 0) << report.err;
    const auto json = nlohmann::json::parse(report.out);
    EXPECT_NEAR(json["tickets"]["tickets"].get<double>(), 3000, 400);
    EXPECT_GT(json["satisfaction"]["all"]["answers"].get<int>(), 300);
    EXPECT_GT(json["satisfaction"]["paper"]["answers"].get<int>(), 0);
    EXPECT_NEAR(json["satisfaction"]["all"]["percent_satisfied"].get<double>(), 70, 6);
    EXPECT_EQ(json["by_category"].size(), 4u);
    // Schede after about two served tickets in three, adding up as any others.
    EXPECT_TRUE(contains(made.out, " schede di Segretariato in ")) << made.out;
    const auto& scheda = json["scheda"]["period"];
    const int recorded = scheda["recorded"]["total"]["count"].get<int>();
    EXPECT_GT(recorded, 1000);
    EXPECT_LT(recorded, json["tickets"]["tickets"].get<int>());
    int firstOrReturn = 0;
    for (const auto& row : scheda["contact"])
        if (row["id"] != "unstated") firstOrReturn += row["total"]["count"].get<int>();
    EXPECT_GT(firstOrReturn, recorded * 8 / 10);
    EXPECT_EQ(json["scheda"]["quarters"].size(), 4u);
    // Nothing on the day of the command: today's queue is empty.
    const ProcessResult status = kioskctl(db, {"status", "--json"});
    EXPECT_EQ(status.exitCode, 0) << status.err;
    EXPECT_FALSE(contains(status.out, "\"code\"")) << status.out;
}

TEST(DemoDataCli, theSameSeedAndUntilGiveTheSameReport) {
    TempDir dir;
    std::vector<std::string> args = kSmall;
    args.insert(args.end(), {"--seed", "9", "--until", "2025-06-30"});
    ASSERT_EQ(kioskctl(dir.file("a.db"), args).exitCode, 0);
    ASSERT_EQ(kioskctl(dir.file("b.db"), args).exitCode, 0);
    const auto a = kioskctl(dir.file("a.db"), {"report", "--from", "2023-07-01", "--to", "2025-06-30"});
    const auto b = kioskctl(dir.file("b.db"), {"report", "--from", "2023-07-01", "--to", "2025-06-30"});
    EXPECT_EQ(a.exitCode, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
    EXPECT_TRUE(contains(a.out, "Per giorno e categoria")) << a.out;
}

TEST(DemoDataCli, aDatabaseWithTicketsIsRefusedWithExit4UnlessForced) {
    TempDir dir;
    const auto db = dir.file("kiosk.db");
    ASSERT_EQ(kioskctl(db, {"take", "adulti"}, "2026-11-30T15:30").exitCode, 0);
    const ProcessResult refused = kioskctl(db, kSmall);
    EXPECT_EQ(refused.exitCode, 4);
    EXPECT_TRUE(contains(refused.err, "is not empty (tickets: 1)")) << refused.err;
    EXPECT_TRUE(contains(refused.err, "--force")) << refused.err;
    EXPECT_TRUE(contains(kioskctl(db, {"status"}, "2026-11-30T15:30").out, "A001"));

    std::vector<std::string> forced = kSmall;
    forced.push_back("--force");
    const ProcessResult replaced = kioskctl(db, forced);
    EXPECT_EQ(replaced.exitCode, 0) << replaced.err;
    EXPECT_FALSE(contains(kioskctl(db, {"status"}, "2026-11-30T15:30").out, "A001"));
}

TEST(DemoDataCli, yearsAreRequiredAndBounded) {
    TempDir dir;
    EXPECT_EQ(kioskctl(dir.file("x.db"), {"generate-demo-data"}).exitCode, 2);
    EXPECT_EQ(kioskctl(dir.file("x.db"), {"generate-demo-data", "--years", "0"}).exitCode, 2);
    EXPECT_EQ(kioskctl(dir.file("x.db"), {"generate-demo-data", "--years", "1", "--until", "2026-13-01"}).exitCode, 2);
}

}  // namespace
