// The scheda di Segretariato on the real staff console (issue #12): after "Servito" staff tick two
// need areas and a referral, and kioskctl report finds them, with nothing tying them to the ticket.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "domain/scheda.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "support/process.hpp"

using testing_support::runProcess;
using testing_support::TempDir;

namespace {

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";

const nlohmann::json& rowOf(const nlohmann::json& rows, const std::string& id) {
    for (const auto& row : rows)
        if (row["id"] == id) return row;
    throw std::logic_error("no row " + id);
}

TEST(SchedaUi, staffServeTickTwoNeedsAndAReferralAndTheReportCountsThem) {
    if (!std::getenv("DISPLAY")) GTEST_FAIL() << "no X display: run the tests under xvfb-run (see README)";
    TempDir dir;
    const std::string db = dir.file("kiosk.db");
    const std::vector<std::string> ctl{"--config", kConfig, "--db", db, "--now", "2026-11-30T15:40"};
    const auto run = [&](std::vector<std::string> args) {
        std::vector<std::string> all = ctl;
        all.insert(all.end(), args.begin(), args.end());
        return runProcess(KIOSKCTL_BIN, all);
    };
    ASSERT_EQ(run({"take", "adulti"}).exitCode, 0);
    ASSERT_EQ(run({"call", "--desk", "1"}).exitCode, 0);
    ASSERT_EQ(run({"set-pin", "--pin", "2468"}).exitCode, 0);
    // Five earlier schede like this one: with the one tapped below, six, enough to be shown.
    {
        store::SqliteStore store(db);
        domain::ContactRecord earlier;
        earlier.needAreaIds = {"housing", "work"};
        earlier.referralServiceIds = {"centro-impiego"};
        for (int i = 0; i < 5; ++i) domain::recordContact(store, domain::SchedaConfig{}, {2026, 11, 2 + i}, "adulti", earlier);
    }

    const std::string panelPng = dir.file("scheda.png"), quarterPng = dir.file("scheda-quarter.png");
    const std::string script = dir.file("staff.txt");
    std::ofstream(script) << "tap pin:2\ntap pin:4\ntap pin:6\ntap pin:8\ntap pin:ok\n"
                             "expect-screen staff-console\ntap ticket:A001\ntap serve\n"
                             "expect-screen staff-scheda\n"
                             "tap scheda:need:housing\ntap scheda:need:work\n"
                             "tap scheda:answer:referral\nexpect-target scheda:referral:centro-impiego\n"
                             "tap scheda:referral:centro-impiego\ntap scheda:contact:first\n"
                             "screenshot " + panelPng + "\n"
                             "tap scheda:save\nexpect-screen staff-console\n"
                             "tap tab:scheda\nexpect-screen staff-scheda-report\n"
                             "expect-target scheda-period=2026-Q4\nexpect-target scheda-row:need:housing=6\n"
                             "screenshot " + quarterPng + "\nquit\n";
    const auto staff = runProcess(KIOSK_BIN, {"--role", "staff", "--config", kConfig, "--db", db, "--windowed",
                                              "1280x720", "--now", "2026-11-30T15:50", "--ui-script", script});
    ASSERT_EQ(staff.exitCode, 0) << staff.err;
    EXPECT_TRUE(std::filesystem::exists(panelPng));
    EXPECT_TRUE(std::filesystem::exists(quarterPng));

    const auto report = run({"report", "--quarter", "2026-Q4", "--format", "json"});
    ASSERT_EQ(report.exitCode, 0) << report.err;
    const auto period = nlohmann::json::parse(report.out)["scheda"]["period"];
    EXPECT_EQ(rowOf(period["need"], "housing")["by_category"]["adulti"]["count"], 6);
    EXPECT_EQ(rowOf(period["need"], "work")["by_category"]["adulti"]["count"], 6);
    EXPECT_EQ(rowOf(period["referral"], "centro-impiego")["total"]["count"], 6);
    EXPECT_EQ(rowOf(period["answer"], "referral")["total"]["count"], 6);
    EXPECT_EQ(period["recorded"]["total"]["count"], 6);
    // The one first contact is a count of 1: withheld, though it is stored.
    EXPECT_TRUE(rowOf(period["contact"], "first")["total"]["suppressed"].get<bool>());
    // Served, and its scheda stored on its own: the ticket is as any served ticket.
    store::SqliteStore store(db);
    const auto tickets = store.ticketsOfDay({2026, 11, 30});
    ASSERT_EQ(tickets.size(), 1u);
    EXPECT_EQ(tickets[0].state, domain::TicketState::Served);
}

}  // namespace
