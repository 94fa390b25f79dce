// The scheda di Segretariato through kioskctl (issue #12): report per month and quarter in text,
// CSV and JSON with small counts withheld, and check-config on [scheda].
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "domain/scheda.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "support/process.hpp"

using testing_support::runProcess;
using testing_support::TempDir;

namespace {

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";

testing_support::ProcessResult ctl(const TempDir& dir, std::vector<std::string> args) {
    std::vector<std::string> all{"--config", kConfig, "--db", dir.file("kiosk.db")};
    all.insert(all.end(), args.begin(), args.end());
    return runProcess(KIOSKCTL_BIN, all);
}

// Twelve adulti schede in November (housing for all, work for three), two anziani ones.
void seedSchede(const TempDir& dir) {
    store::SqliteStore db(dir.file("kiosk.db"));
    const domain::SchedaConfig scheda;
    for (int i = 0; i < 12; ++i) {
        domain::ContactRecord record;
        record.needAreaIds = {"housing"};
        if (i < 3) record.needAreaIds.push_back("work");
        record.referralServiceIds = {"centro-impiego"};
        record.contact = i < 8 ? domain::ContactKind::First : domain::ContactKind::Return;
        domain::recordContact(db, scheda, {2026, 11, 2 + i}, "adulti", record);
    }
    for (int i = 0; i < 2; ++i) {
        domain::ContactRecord record;
        record.needAreaIds = {"housing"};
        domain::recordContact(db, scheda, {2026, 11, 20}, "anziani", record);
    }
}

const nlohmann::json& rowOf(const nlohmann::json& rows, const std::string& id) {
    for (const auto& row : rows)
        if (row["id"] == id) return row;
    throw std::logic_error("no row " + id);
}

TEST(KioskctlScheda, quarterReportJsonHasTheSchedaWithSmallCountsWithheld) {
    TempDir dir;
    seedSchede(dir);
    const auto r = ctl(dir, {"report", "--quarter", "2026-Q4", "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["from"], "2026-10-01");
    EXPECT_EQ(doc["to"], "2026-12-31");
    const auto& scheda = doc["scheda"];
    EXPECT_EQ(scheda["min_cell_count"], 5);
    const auto& q = scheda["period"];
    EXPECT_EQ(q["name"], "2026-Q4");
    EXPECT_EQ(q["recorded"]["total"]["count"], 14);
    // housing: adulti 12, anziani 2 -> the 2 is withheld and so is its complement, the 12.
    const auto& housing = rowOf(q["need"], "housing");
    EXPECT_EQ(housing["total"]["count"], 14);
    EXPECT_TRUE(housing["by_category"]["anziani"]["suppressed"].get<bool>());
    EXPECT_TRUE(housing["by_category"]["anziani"]["count"].is_null());
    EXPECT_TRUE(housing["by_category"]["adulti"]["suppressed"].get<bool>());
    EXPECT_EQ(housing["by_category"]["disabili"]["count"], 0);
    // work: 3 in all -> withheld.
    EXPECT_TRUE(rowOf(q["need"], "work")["total"]["suppressed"].get<bool>());
    // The referral: 12 adulti, none elsewhere -> shown.
    EXPECT_EQ(rowOf(q["referral"], "centro-impiego")["by_category"]["adulti"]["count"], 12);
    EXPECT_EQ(rowOf(q["answer"], "referral")["total"]["count"], 12);
    EXPECT_EQ(rowOf(q["contact"], "first")["total"]["count"], 8);
    ASSERT_EQ(scheda["months"].size(), 3u);
    EXPECT_EQ(scheda["months"][1]["name"], "2026-11");
    ASSERT_EQ(scheda["quarters"].size(), 1u);
}

TEST(KioskctlScheda, monthTextAndCsvCarryTheSchedaInItalian) {
    TempDir dir;
    seedSchede(dir);
    const auto text = ctl(dir, {"report", "--month", "2026-11"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("Scheda di Segretariato"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("2026-11 (dal 2026-11-01 al 2026-11-30)"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Casa e abitazione: totale 14; Adulti *, Anziani *"), std::string::npos) << text.out;
    const auto csv = ctl(dir, {"report", "--month", "2026-11", "--format", "csv", "--semicolon"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_NE(csv.out.find("periodo;dal;al;parziale;sezione;voce;totale;Adulti;Anziani"), std::string::npos) << csv.out;
    EXPECT_NE(csv.out.find("2026-11;2026-11-01;2026-11-30;no;Invii ad altri servizi;Centro per l'impiego;12;12;0"),
              std::string::npos)
        << csv.out;
}

TEST(KioskctlScheda, aRangeOverSeveralMonthsListsEachMonthAndTheExistingFlagsStillWork) {
    TempDir dir;
    seedSchede(dir);
    const auto r = ctl(dir, {"report", "--from", "2026-10-15", "--to", "2026-12-10", "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    const auto& months = doc["scheda"]["months"];
    ASSERT_EQ(months.size(), 3u);
    EXPECT_TRUE(months[0]["partial"].get<bool>());
    EXPECT_FALSE(months[1]["partial"].get<bool>());
    EXPECT_EQ(doc["scheda"]["period"]["name"], "2026-10-15/2026-12-10");
    EXPECT_TRUE(doc.contains("satisfaction"));
}

TEST(KioskctlScheda, periodFlagsAreCheckedAndExclusive) {
    TempDir dir;
    EXPECT_EQ(ctl(dir, {"report", "--quarter", "2026-Q5"}).exitCode, 2);
    EXPECT_EQ(ctl(dir, {"report", "--month", "2026-13"}).exitCode, 2);
    EXPECT_EQ(ctl(dir, {"report", "--month", "2026-11", "--quarter", "2026-Q4"}).exitCode, 2);
    EXPECT_EQ(ctl(dir, {"report", "--month", "2026-11", "--from", "2026-11-01", "--to", "2026-11-30"}).exitCode, 2);
    EXPECT_EQ(ctl(dir, {"report", "--from", "2026-11-01"}).exitCode, 2);
    const auto none = ctl(dir, {"report"});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_NE(none.err.find("--quarter"), std::string::npos) << none.err;
}

TEST(KioskctlScheda, checkConfigValidatesTheSchedaLists) {
    TempDir dir;
    const auto good = runProcess(KIOSKCTL_BIN, {"check-config", kConfig});
    EXPECT_NE(good.out.find("scheda di Segretariato: 9 need areas, 4 answers, 5 referral services"), std::string::npos)
        << good.out;
    const std::string bad = dir.file("bad.toml");
    std::ofstream(bad) << "[office]\ncomune = \"Comune di Prova\"\nname = \"Sportello\"\naddress = \"Via Roma 1\"\n"
                          "[[categories]]\nid = \"adulti\"\nlabel = \"Adulti\"\nprefix = \"A\"\n"
                          "[scheda]\nneed_areas = [{ id = \"casa\" }]\n";
    const auto r = runProcess(KIOSKCTL_BIN, {"check-config", bad});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find("bad.toml:10: missing required key \"label\" in scheda.need_areas[1]"), std::string::npos)
        << r.err;
}

}  // namespace
