// kioskctl as scripts use it: real processes on a real database file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <fstream>
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

// An office open all day with many desks: room for a thousand tickets.
std::string bigOffice(const TempDir& dir) {
    std::string path = dir.file("big.toml");
    std::ofstream(path) << "[office]\ncomune = \"Comune di Prova\"\nname = \"Sportello\"\naddress = \"Via Roma 1\"\n"
                           "[[categories]]\nid = \"adulti\"\nlabel = \"Adulti\"\nprefix = \"A\"\n"
                           "[[hours.weekly]]\nday = \"lunedì\"\nfrom = \"08:00\"\nto = \"20:00\"\ndesks = 50\n"
                           "[tickets]\ndefault_interview_minutes = 1\n";
    return path;
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

TEST(Kioskctl, takeOnATuesdayIsRefusedWithTheNextOpening) {
    TempDir dir;
    auto r = ctl(dir, {"--now", "2026-12-01T10:00", "take", "adulti"});
    EXPECT_EQ(r.exitCode, 6);
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find("Oggi l’ufficio è chiuso. Prossima apertura: mercoledì 2 dicembre, 16:30."), std::string::npos)
        << r.err;
}

TEST(Kioskctl, takeOnChristmasNamesTheHolidayAndTheNextOpening) {
    TempDir dir;
    auto r = ctl(dir, {"--now", "2026-12-25T10:00", "take", "anziani"});
    EXPECT_EQ(r.exitCode, 6);
    EXPECT_NE(r.err.find("Natale"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("lunedì 28 dicembre, 15:30"), std::string::npos) << r.err;
}

TEST(Kioskctl, numbersRunOutWhenTheQueueFillsTheSession) {
    TempDir dir;
    // Monday 15:30-17:00 with 20-minute interviews: four people can be seen.
    for (int i = 0; i < 4; ++i) ASSERT_EQ(ctl(dir, {"--now", "2026-11-30T15:20", "take", "adulti"}).exitCode, 0);
    auto r = ctl(dir, {"--now", "2026-11-30T15:21", "take", "adulti"});
    EXPECT_EQ(r.exitCode, 6);
    EXPECT_NE(r.err.find("Oggi i numeri sono esauriti. Prossima apertura: mercoledì 2 dicembre, 16:30."),
              std::string::npos)
        << r.err;
}

TEST(Kioskctl, takePrintsAnHonestWaitEstimate) {
    TempDir dir;
    ctl(dir, {"--now", "2026-11-30T15:31", "take", "adulti"});
    auto r = ctl(dir, {"--now", "2026-11-30T15:32", "take", "anziani"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("people_ahead: 1\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("estimated_wait_minutes: 20\n"), std::string::npos) << r.out;
}

TEST(Kioskctl, checkConfigOnTheGorgonzolaDemoMeetsTheCharter) {
    auto r = runProcess(KIOSKCTL_BIN, {"check-config", kConfig});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("weekly hours: 5.5 (charter: at least 4) ok"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("afternoon openings: 2 (charter: at least 2) ok"), std::string::npos) << r.out;
}

TEST(Kioskctl, checkConfigFailsWhenTheHoursBreakTheCharter) {
    TempDir dir;
    std::string text = testing_support::readFile(kConfig);
    // Drop the Monday afternoon: 4 hours and one afternoon opening are left.
    auto at = text.find("from = \"15:30\"");
    ASSERT_NE(at, std::string::npos);
    std::string shorter = text;
    shorter.replace(text.rfind("[[hours.weekly]]", at), text.find("[[hours.weekly]]", at) - text.rfind("[[hours.weekly]]", at), "");
    std::string path = dir.file("short.toml");
    std::ofstream(path) << shorter;
    auto r = runProcess(KIOSKCTL_BIN, {"check-config", path});
    EXPECT_EQ(r.exitCode, 7) << r.out << r.err;
    EXPECT_NE(r.out.find("afternoon openings: 1 (charter: at least 2) NOT MET"), std::string::npos) << r.out;
}

TEST(Kioskctl, checkConfigOnTheMassaExampleSaysItIsAnExample) {
    auto r = runProcess(KIOSKCTL_BIN, {"check-config", std::string(KIOSK_SOURCE_DIR) + "/config/massa.toml"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("weekly hours: 21"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("example"), std::string::npos) << r.out;
}

// Two kioskctl processes taking 500 tickets each at once on one database: 1000 distinct codes,
// and every code a process was given is in the database.
TEST(Kioskctl, twoProcessesTaking500EachNeverShareANumber) {
    TempDir dir;
    const std::string office = bigOffice(dir);
    std::string script = dir.file("take500.sh");
    {
        FILE* f = std::fopen(script.c_str(), "w");
        std::fprintf(f,
                     "for i in $(seq 500); do '%s' --config '%s' --db '%s' --now 2026-11-30T08:00 take adulti "
                     "| head -n1; done\n",
                     KIOSKCTL_BIN, office.c_str(), dir.file("kiosk.db").c_str());
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

    auto r = runProcess(KIOSKCTL_BIN, {"--config", office, "--db", dir.file("kiosk.db"), "--now",
                                       "2026-11-30T16:00", "status", "--json"});
    auto doc = nlohmann::json::parse(r.out);
    std::set<std::string> stored;
    for (const auto& t : doc["tickets"]) stored.insert(t["code"].get<std::string>());
    EXPECT_EQ(doc["tickets"].size(), 1000u);
    EXPECT_EQ(stored, printed);
    EXPECT_TRUE(stored.count("A001") && stored.count("A1000"));
}
