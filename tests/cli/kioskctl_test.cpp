// kioskctl as scripts use it: real processes on a real database file.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "kiosk/common/pin.hpp"
#include "kiosk/store/sqlite_store.hpp"
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

// ---- the staff's commands (Monday 30 November 2026, Gorgonzola: Stanza 1 and Stanza 2) ----

namespace {

constexpr const char* kMonday = "2026-11-30T15:45";

testing_support::ProcessResult staffAt(const TempDir& dir, const char* now, std::vector<std::string> args) {
    args.insert(args.begin(), {"--now", now});
    return ctl(dir, std::move(args));
}

testing_support::ProcessResult staff(const TempDir& dir, std::vector<std::string> args) {
    return staffAt(dir, kMonday, std::move(args));
}

void takeTickets(const TempDir& dir, std::initializer_list<const char*> categories) {
    for (const char* category : categories)
        ASSERT_EQ(ctl(dir, {"--now", "2026-11-30T15:31", "take", category}).exitCode, 0) << category;
}

nlohmann::json ticketOf(const TempDir& dir, const std::string& code) {
    const auto doc = nlohmann::json::parse(ctl(dir, {"--now", kMonday, "status", "--json"}).out);
    for (const auto& t : doc["tickets"])
        if (t["code"] == code) return t;
    return nullptr;
}

std::string shellQuoted(const std::string& text) {
    return "'" + text + "'";
}

}  // namespace

TEST(KioskctlStaff, callNextPrintsTheCodeAndTheRoomAndMarksItCalled) {
    TempDir dir;
    takeTickets(dir, {"anziani", "adulti"});

    auto r = staff(dir, {"call", "--desk", "2"});

    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "N001 -> Stanza 2\n");
    EXPECT_EQ(ticketOf(dir, "N001")["state"], "called");
    EXPECT_EQ(ticketOf(dir, "N001")["desk"], "Stanza 2");
    EXPECT_EQ(ticketOf(dir, "A001")["state"], "waiting");
}

TEST(KioskctlStaff, callWithNobodyWaitingSaysSoWithItsOwnExitCode) {
    TempDir dir;
    auto r = staff(dir, {"call", "--desk", "1"});
    EXPECT_EQ(r.exitCode, 8);
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_NE(r.err.find("nobody is waiting"), std::string::npos) << r.err;
}

TEST(KioskctlStaff, aDeskBeyondTheRoomsIsAUsageErrorNamingThemAndCallsNobody) {
    TempDir dir;
    takeTickets(dir, {"adulti"});
    auto r = staff(dir, {"call", "--desk", "3"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("desk 3: this office has 2 rooms: Stanza 1, Stanza 2"), std::string::npos) << r.err;
    EXPECT_EQ(ticketOf(dir, "A001")["state"], "waiting");
}

TEST(KioskctlStaff, callByCodeAcceptsWhatStaffTypeAndSkipsTheQueue) {
    TempDir dir;
    takeTickets(dir, {"adulti", "adulti"});
    auto r = staff(dir, {"call", "a2", "--desk", "1"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "A002 -> Stanza 1\n");
    EXPECT_EQ(ticketOf(dir, "A001")["state"], "waiting");
}

TEST(KioskctlStaff, recallCallsTheSameTicketAgain) {
    TempDir dir;
    takeTickets(dir, {"adulti", "adulti"});
    staff(dir, {"call", "--desk", "1"});
    staff(dir, {"call", "--desk", "2"});
    auto r = staff(dir, {"recall", "--desk", "1"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "A001 -> Stanza 1 (again)\n");
    EXPECT_EQ(staffAt(dir, "2026-11-30T15:50", {"recall", "--desk", "2"}).out, "A002 -> Stanza 2 (again)\n");
    EXPECT_EQ(ticketOf(dir, "A001")["desk"], "Stanza 1");
}

TEST(KioskctlStaff, recallAtADeskWithNobodyCalledIsRefused) {
    TempDir dir;
    takeTickets(dir, {"adulti"});
    auto r = staff(dir, {"recall", "--desk", "2"});
    EXPECT_EQ(r.exitCode, 10);
    EXPECT_NE(r.err.find("no ticket is called at Stanza 2"), std::string::npos) << r.err;
}

TEST(KioskctlStaff, serveEndsTheTicketAndServingTwiceIsRefused) {
    TempDir dir;
    takeTickets(dir, {"adulti"});
    staff(dir, {"call", "--desk", "1"});

    auto first = staff(dir, {"serve", "A001"});
    auto second = staff(dir, {"serve", "A001"});

    EXPECT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(first.out, "A001 served\n");
    EXPECT_EQ(ticketOf(dir, "A001")["state"], "served");
    EXPECT_EQ(second.exitCode, 10);
    EXPECT_TRUE(second.out.empty()) << second.out;
    EXPECT_NE(second.err.find("A001"), std::string::npos) << second.err;
    EXPECT_NE(second.err.find("served"), std::string::npos) << second.err;
}

TEST(KioskctlStaff, servingAWaitingTicketIsRefusedNamingItsState) {
    TempDir dir;
    takeTickets(dir, {"adulti"});
    auto r = staff(dir, {"serve", "A001"});
    EXPECT_EQ(r.exitCode, 10);
    EXPECT_NE(r.err.find("ticket A001 is waiting: it cannot become served"), std::string::npos) << r.err;
    EXPECT_EQ(ticketOf(dir, "A001")["state"], "waiting");
}

TEST(KioskctlStaff, anUnknownCodeNamesItWithItsOwnExitCode) {
    TempDir dir;
    takeTickets(dir, {"adulti"});
    auto unknown = staff(dir, {"serve", "A009"});
    auto notACode = staff(dir, {"noshow", "xyz"});
    EXPECT_EQ(unknown.exitCode, 9);
    EXPECT_NE(unknown.err.find("no ticket A009 today (2026-11-30)"), std::string::npos) << unknown.err;
    EXPECT_EQ(notACode.exitCode, 9);
    EXPECT_NE(notACode.err.find("\"xyz\" is not a ticket code"), std::string::npos) << notACode.err;
}

TEST(KioskctlStaff, noShowThenRequeuePutsTheTicketBackFirstInLine) {
    TempDir dir;
    takeTickets(dir, {"adulti", "anziani"});
    staff(dir, {"call", "--desk", "1"});

    auto missed = staff(dir, {"noshow", "A001"});
    auto back = staff(dir, {"requeue", "A001"});

    EXPECT_EQ(missed.exitCode, 0) << missed.err;
    EXPECT_EQ(missed.out, "A001 marked as no-show\n");
    EXPECT_EQ(back.exitCode, 0) << back.err;
    EXPECT_EQ(back.out, "A001 back in the queue\n");
    EXPECT_EQ(ticketOf(dir, "A001")["state"], "waiting");
    EXPECT_EQ(ticketOf(dir, "A001")["position"], 1);
    EXPECT_EQ(staff(dir, {"call", "--desk", "2"}).out, "A001 -> Stanza 2\n");
}

TEST(KioskctlStaff, transferMovesTheTicketKeepingItsCode) {
    TempDir dir;
    takeTickets(dir, {"adulti"});
    auto r = staff(dir, {"transfer", "A001", "anziani"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "A001 moved to Anziani\n");
    EXPECT_EQ(ticketOf(dir, "A001")["category"], "anziani");
    EXPECT_EQ(firstLine(staff(dir, {"take", "adulti"}).out), "A002");
    EXPECT_EQ(firstLine(staff(dir, {"take", "anziani"}).out), "N001");
}

TEST(KioskctlStaff, transferToAnUnknownCategoryIsRefused) {
    TempDir dir;
    takeTickets(dir, {"adulti"});
    auto r = staff(dir, {"transfer", "A001", "giovani"});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_NE(r.err.find("giovani"), std::string::npos) << r.err;
    EXPECT_EQ(ticketOf(dir, "A001")["category"], "adulti");
}

TEST(KioskctlStaff, figuresJsonCountsTheDayAndItsWaits) {
    TempDir dir;
    takeTickets(dir, {"adulti", "adulti", "anziani"});          // all at 15:31
    staffAt(dir, "2026-11-30T15:41", {"call", "--desk", "1"});  // A001 waited 10 min
    staffAt(dir, "2026-11-30T15:51", {"call", "--desk", "2"});  // A002 waited 20 min
    staff(dir, {"serve", "A001"});

    auto r = staffAt(dir, "2026-11-30T16:01", {"figures", "--json"});

    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["taken"], 3);
    EXPECT_EQ(doc["waiting"], 1);
    EXPECT_EQ(doc["called"], 1);
    EXPECT_EQ(doc["served"], 1);
    EXPECT_EQ(doc["no_show"], 0);
    EXPECT_DOUBLE_EQ(doc["average_wait_minutes"].get<double>(), 15.0);
    EXPECT_EQ(doc["longest_wait_minutes"], 30);  // N001, still waiting since 15:31
}

TEST(KioskctlStaff, figuresForPeopleListTheCounts) {
    TempDir dir;
    takeTickets(dir, {"adulti"});
    auto r = staff(dir, {"figures"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("taken: 1\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("waiting: 1\n"), std::string::npos) << r.out;
}

TEST(KioskctlStaff, setPinFromStdinStoresAHashThatIsNotThePinAndNeverPrintsIt) {
    TempDir dir;
    const std::string db = dir.file("kiosk.db");
    auto r = runProcess("/bin/sh",
                        {"-c", "echo 482913 | " + shellQuoted(KIOSKCTL_BIN) + " --db " + shellQuoted(db) + " set-pin"});

    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.find("482913"), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find("482913"), std::string::npos) << r.err;
    const auto hash = store::SqliteStore(db).setting(common::kPinSettingKey);
    ASSERT_TRUE(hash.has_value());
    EXPECT_EQ(hash->find("482913"), std::string::npos) << *hash;
    EXPECT_TRUE(common::verifyPin(*hash, "482913"));
    EXPECT_FALSE(common::verifyPin(*hash, "482914"));
}

// 4 to 8 digits as before; under 6 set-pin recommends more and records that the PIN is short
// (for doctor), and nothing else about it.
TEST(KioskctlStaff, setPinRecommendsSixOrMoreDigitsAndRecordsOnlyWhetherThePinIsShort) {
    TempDir dir;
    const std::string db = dir.file("kiosk.db");
    const auto four = runProcess(KIOSKCTL_BIN, {"--db", db, "set-pin", "--pin", "4821"});
    ASSERT_EQ(four.exitCode, 0) << four.err;
    EXPECT_EQ(four.out,
              "staff PIN set\nnote: 6 or more digits are recommended: from a copy of the database a PIN of 4 digits "
              "is found in minutes, one of 6 takes about a day\n");
    EXPECT_EQ(store::SqliteStore(db).setting(common::kPinShortSettingKey), "yes");
    const auto six = runProcess(KIOSKCTL_BIN, {"--db", db, "set-pin", "--pin", "482913"});
    ASSERT_EQ(six.exitCode, 0) << six.err;
    EXPECT_EQ(six.out, "staff PIN set\n");
    EXPECT_EQ(store::SqliteStore(db).setting(common::kPinShortSettingKey), "no");
}

TEST(KioskctlStaff, setPinWithPinOptionReplacesTheOldPin) {
    TempDir dir;
    const std::string db = dir.file("kiosk.db");
    ASSERT_EQ(runProcess(KIOSKCTL_BIN, {"--db", db, "set-pin", "--pin", "1111"}).exitCode, 0);
    ASSERT_EQ(runProcess(KIOSKCTL_BIN, {"--db", db, "set-pin", "--pin", "2222"}).exitCode, 0);
    const auto hash = store::SqliteStore(db).setting(common::kPinSettingKey);
    ASSERT_TRUE(hash.has_value());
    EXPECT_TRUE(common::verifyPin(*hash, "2222"));
    EXPECT_FALSE(common::verifyPin(*hash, "1111"));
}

TEST(KioskctlStaff, setPinRefusesAPinThatIsNotFourToEightDigitsAndStoresNothing) {
    TempDir dir;
    const std::string db = dir.file("kiosk.db");
    for (const char* bad : {"123", "123456789", "12a4"}) {
        auto r = runProcess(KIOSKCTL_BIN, {"--db", db, "set-pin", "--pin", bad});
        EXPECT_EQ(r.exitCode, 2) << bad;
        EXPECT_NE(r.err.find("4 to 8 digits"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find(bad), std::string::npos) << r.err;
    }
    EXPECT_FALSE(store::SqliteStore(db).setting(common::kPinSettingKey).has_value());
}

// ---- the survey and the reports ----

namespace {

// Takes a ticket as JSON and returns it: the survey code is only on the citizen's paper.
nlohmann::json takeJson(const TempDir& dir, const char* category, const char* now = "2026-11-30T15:31") {
    const auto r = ctl(dir, {"--now", now, "take", "--json", category});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

// Takes, calls and serves one ticket; returns its survey code.
std::string servedSurveyCode(const TempDir& dir) {
    const auto ticket = takeJson(dir, "adulti");
    const std::string code = ticket["code"];
    EXPECT_EQ(staff(dir, {"call", code, "--desk", "1"}).exitCode, 0);
    EXPECT_EQ(staff(dir, {"serve", code}).exitCode, 0);
    return ticket["survey_code"];
}

testing_support::ProcessResult survey(const TempDir& dir, std::vector<std::string> args) {
    args.insert(args.begin(), "survey");
    return staff(dir, std::move(args));
}

bool startsWithBom(const std::string& text) { return text.rfind("\xEF\xBB\xBF", 0) == 0; }

}  // namespace

TEST(KioskctlSurvey, takeJsonPrintsTheTicketWithItsSurveyCode) {
    TempDir dir;
    const auto ticket = takeJson(dir, "anziani", "2026-11-30T15:40");
    EXPECT_EQ(ticket["code"], "N001");
    EXPECT_EQ(ticket["category"], "anziani");
    EXPECT_EQ(ticket["issued_at"], "2026-11-30T15:40:00");
    EXPECT_EQ(ticket["people_ahead"], 0);
    EXPECT_TRUE(ticket["estimated_wait_minutes"].is_number());
    const std::string code = ticket["survey_code"];
    EXPECT_EQ(code.size(), 6u);
    EXPECT_EQ(code.find_first_not_of("0123456789"), std::string::npos) << code;
}

TEST(KioskctlSurvey, takeForPeoplePrintsTheSurveyCode) {
    TempDir dir;
    const auto r = ctl(dir, {"--now", "2026-11-30T15:45", "take", "adulti"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(firstLine(r.out), "A001");
    const auto at = r.out.find("survey_code: ");
    ASSERT_NE(at, std::string::npos) << r.out;
    EXPECT_EQ(r.out.substr(at + 13, 7).find_first_not_of("0123456789"), 6u) << r.out;
}

TEST(KioskctlSurvey, aServedTicketAnswersOnceThenIsRefusedKindly) {
    TempDir dir;
    const std::string code = servedSurveyCode(dir);
    const auto first = survey(dir, {code.substr(0, 3) + " " + code.substr(3), "--overall", "5", "--access", "4"});
    EXPECT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(first.out, "answer stored\n");
    const auto again = survey(dir, {code, "--overall", "1"});
    EXPECT_EQ(again.exitCode, 11);
    EXPECT_NE(again.err.find("Per questo biglietto il questionario è già stato compilato. Grazie!"), std::string::npos)
        << again.err;
    EXPECT_TRUE(again.out.empty());
}

TEST(KioskctlSurvey, unservedUnknownAndBadScoresAreRefusedWithTheirExitCodes) {
    TempDir dir;
    const std::string waiting = takeJson(dir, "adulti")["survey_code"];
    const auto notYet = survey(dir, {waiting, "--overall", "4"});
    EXPECT_EQ(notYet.exitCode, 11);
    EXPECT_NE(notYet.err.find("Il questionario si può compilare dopo il colloquio."), std::string::npos) << notYet.err;
    const auto unknown = survey(dir, {"12345", "--overall", "4"});
    EXPECT_EQ(unknown.exitCode, 11);
    EXPECT_NE(unknown.err.find("Codice non trovato"), std::string::npos) << unknown.err;
    EXPECT_EQ(survey(dir, {"--paper", "--overall", "6"}).exitCode, 2);
    EXPECT_EQ(survey(dir, {"--paper", "--overall", "3", "--waiting", "0"}).exitCode, 2);
    EXPECT_EQ(survey(dir, {"--overall", "3"}).exitCode, 2);               // neither code nor --paper
    EXPECT_EQ(survey(dir, {waiting, "--paper", "--overall", "3"}).exitCode, 2);  // both
    const auto report = ctl(dir, {"report", "--from", "2026-11-30", "--to", "2026-11-30", "--format", "json"});
    EXPECT_EQ(nlohmann::json::parse(report.out)["satisfaction"]["all"]["answers"], 0);  // nothing was stored
}

TEST(KioskctlSurvey, reportJsonHasTheFiguresKioskAndPaperApartAndTogether) {
    TempDir dir;
    for (int i = 0; i < 5; ++i) ASSERT_EQ(survey(dir, {servedSurveyCode(dir), "--overall", "5", "--privacy", "4"}).exitCode, 0);
    ASSERT_EQ(survey(dir, {"--paper", "--overall", "2"}).exitCode, 0);
    const auto r = ctl(dir, {"report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    const auto& all = doc["satisfaction"]["all"];
    EXPECT_EQ(all["answers"], 6);
    EXPECT_EQ(all["paper_answers"], 1);
    EXPECT_EQ(all["satisfied"], 5);
    EXPECT_NEAR(all["percent_satisfied"].get<double>(), 83.33, 0.01);
    EXPECT_NEAR(all["interval_95"]["low"].get<double>(), 43.65, 0.01);
    EXPECT_EQ(all["verdict"], "not-enough-answers");
    EXPECT_DOUBLE_EQ(all["dimension_averages"]["privacy"].get<double>(), 4.0);
    EXPECT_TRUE(all["dimension_averages"]["access"].is_null());
    EXPECT_EQ(doc["satisfaction"]["kiosk"]["answers"], 5);
    EXPECT_EQ(doc["satisfaction"]["paper"]["answers"], 1);
    EXPECT_TRUE(doc["satisfaction"]["paper"]["percent_satisfied"].is_null());  // one answer: withheld
    EXPECT_EQ(doc["demand"]["total"]["tickets"], 5);
    EXPECT_EQ(doc["demand"]["total"]["served"], 5);
    EXPECT_EQ(doc["demand"]["by_category"][0]["category"], "adulti");
    EXPECT_EQ(doc["demand"]["by_day_and_category"][0]["day"], "2026-11-30");
    EXPECT_EQ(doc["demand"]["by_weekday_and_hour"][0]["weekday"], 1);
    EXPECT_EQ(doc["demand"]["by_weekday_and_hour"][0]["hour"], 15);
}

TEST(KioskctlSurvey, reportCsvStartsWithTheBomAndSemicolonUsesDecimalCommas) {
    TempDir dir;
    for (int i = 0; i < 5; ++i) ASSERT_EQ(survey(dir, {servedSurveyCode(dir), "--overall", "4"}).exitCode, 0);
    const auto plain = ctl(dir, {"report", "--from", "2026-11-30", "--to", "2026-11-30", "--format", "csv"});
    ASSERT_EQ(plain.exitCode, 0) << plain.err;
    EXPECT_TRUE(startsWithBom(plain.out));
    EXPECT_NE(plain.out.find("percentuale_soddisfatti,100.0,,100.0"), std::string::npos) << plain.out;
    const auto excel =
        ctl(dir, {"report", "--from", "2026-11-30", "--to", "2026-11-30", "--format", "csv", "--semicolon"});
    ASSERT_EQ(excel.exitCode, 0) << excel.err;
    EXPECT_TRUE(startsWithBom(excel.out));
    EXPECT_NE(excel.out.find("percentuale_soddisfatti;100,0;;100,0"), std::string::npos) << excel.out;
    EXPECT_NE(excel.out.find("2026-11-30;lunedì;Adulti;5;5;0;"), std::string::npos) << excel.out;
    EXPECT_NE(excel.out.find("lunedì;15:00-15:59;5"), std::string::npos) << excel.out;
}

TEST(KioskctlSurvey, reportRefusesAPeriodThatEndsBeforeItStarts) {
    TempDir dir;
    EXPECT_EQ(ctl(dir, {"report", "--from", "2026-12-01", "--to", "2026-11-30"}).exitCode, 2);
    EXPECT_EQ(ctl(dir, {"report", "--from", "ieri", "--to", "2026-11-30"}).exitCode, 2);
}

TEST(KioskctlSurvey, reportYearHasWhatTheComunePublishes) {
    TempDir dir;
    for (int i = 0; i < 5; ++i) ASSERT_EQ(survey(dir, {servedSurveyCode(dir), "--overall", "5"}).exitCode, 0);
    const auto json = ctl(dir, {"report-year", "2026", "--format", "json"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    const auto doc = nlohmann::json::parse(json.out);
    EXPECT_EQ(doc["year"], 2026);
    EXPECT_EQ(doc["tickets"]["tickets"], 5);
    EXPECT_EQ(doc["tickets"]["served"], 5);
    EXPECT_EQ(doc["tickets"]["no_show"], 0);
    EXPECT_TRUE(doc["tickets"]["average_wait_minutes"].is_number());
    EXPECT_EQ(doc["by_category"][0]["label"], "Adulti");
    EXPECT_EQ(doc["satisfaction"]["all"]["answers"], 5);
    EXPECT_EQ(doc["satisfaction"]["all"]["percent_satisfied"], 100.0);
    EXPECT_EQ(doc["rules"]["target_percent"], 70.0);
    const auto text = ctl(dir, {"report-year", "2026"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("anno 2026"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("obiettivo 70%"), std::string::npos) << text.out;
    const auto csv = ctl(dir, {"report-year", "2026", "--format", "csv", "--semicolon"});
    EXPECT_TRUE(startsWithBom(csv.out));
    EXPECT_NE(csv.out.find("Adulti;5;5;0;"), std::string::npos) << csv.out;
    EXPECT_EQ(ctl(dir, {"report-year", "2026", "--format", "pdf"}).exitCode, 2);
}

// One more answer must not be readable by subtraction (issue 19): a report run on a day counts
// that day's answers from the next day on, and says so in every format.
TEST(KioskctlSurvey, aReportThatReachesTodayLeavesTodaysAnswersOutAndSaysSo) {
    TempDir dir;
    for (int i = 0; i < 5; ++i) ASSERT_EQ(survey(dir, {servedSurveyCode(dir), "--overall", "5"}).exitCode, 0);
    const std::vector<std::string> period{"report", "--from", "2026-11-01", "--to", "2026-11-30"};
    const auto reportAt = [&](const char* now, std::vector<std::string> extra) {
        std::vector<std::string> args{"--now", now};
        args.insert(args.end(), period.begin(), period.end());
        args.insert(args.end(), extra.begin(), extra.end());
        return ctl(dir, args);
    };

    const auto json = reportAt("2026-11-30T18:00", {"--format", "json"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    const auto doc = nlohmann::json::parse(json.out);
    EXPECT_EQ(doc["satisfaction"]["all"]["answers"], 0);
    EXPECT_EQ(doc["satisfaction"]["to"], "2026-11-29");
    EXPECT_EQ(doc["satisfaction"]["today_left_out"], true);
    EXPECT_EQ(doc["to"], "2026-11-30");
    EXPECT_EQ(doc["demand"]["total"]["served"], 5);  // the queue is no survey answer
    const auto text = reportAt("2026-11-30T18:00", {});
    EXPECT_NE(text.out.find("dati fino a ieri (2026-11-29): le risposte di oggi si contano da domani"), std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("totale:   risposte 0"), std::string::npos) << text.out;
    const auto csv = reportAt("2026-11-30T18:00", {"--format", "csv"});
    EXPECT_NE(csv.out.find("dal,al,questionario_fino_al,nota\r\n2026-11-01,2026-11-30,2026-11-29,dati fino a ieri: "
                           "le risposte di oggi si contano da domani\r\n"),
              std::string::npos)
        << csv.out;
    EXPECT_NE(csv.out.find("risposte,0,0,0"), std::string::npos) << csv.out;
    const auto year = ctl(dir, {"--now", "2026-11-30T18:00", "report-year", "2026", "--format", "json"});
    EXPECT_EQ(nlohmann::json::parse(year.out)["satisfaction"]["all"]["answers"], 0);

    const auto tomorrow = nlohmann::json::parse(reportAt("2026-12-01T08:00", {"--format", "json"}).out);
    EXPECT_EQ(tomorrow["satisfaction"]["all"]["answers"], 5);
    EXPECT_EQ(tomorrow["satisfaction"]["to"], "2026-11-30");
    EXPECT_EQ(tomorrow["satisfaction"]["today_left_out"], false);
    const auto pastText = reportAt("2026-12-01T08:00", {});
    EXPECT_EQ(pastText.out.find("dati fino a ieri"), std::string::npos) << pastText.out;
    EXPECT_EQ(reportAt("2026-12-01T08:00", {"--format", "csv"}).out.find("questionario_fino_al"), std::string::npos);
}

// ---- the printer (issue 6) ----

namespace {

// Gorgonzola's config with its [printer] target replaced: the last section, so it is cut off.
std::string configPrintingTo(const TempDir& dir, const std::string& target) {
    std::string text = testing_support::readFile(kConfig);
    text = text.substr(0, text.rfind("[printer]"));
    const std::string path = dir.file("printing.toml");
    std::ofstream(path) << text << "[printer]\ntarget = \"" << target << "\"\nwidth_chars = 32\n";
    return path;
}

testing_support::ProcessResult ctlWith(const std::string& config, const TempDir& dir, std::vector<std::string> args) {
    std::vector<std::string> all = {"--config", config, "--db", dir.file("kiosk.db"), "--now", "2026-11-30T15:45"};
    all.insert(all.end(), args.begin(), args.end());
    return runProcess(KIOSKCTL_BIN, all);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(KioskctlPrint, printTestWritesASampleTicketToAFileTarget) {
    TempDir dir;
    const std::string out = dir.file("ticket.bin");
    auto r = ctlWith(configPrintingTo(dir, "file:" + out), dir, {"print-test"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "test ticket A000 printed to file:" + out + "\n");
    const std::string bytes = testing_support::readFile(out);
    EXPECT_EQ(bytes.substr(0, 5), "\x1b@\x1bt\x13");
    EXPECT_TRUE(has(bytes, "STAMPA DI PROVA"));
    EXPECT_TRUE(has(bytes, "A000"));
    EXPECT_TRUE(has(bytes, "Comune di Gorgonzola"));
    EXPECT_EQ(bytes.substr(bytes.size() - 3), "\x1dV\x01");
}

TEST(KioskctlPrint, reprintPrintsTodaysTicketWithItsSurveyCode) {
    TempDir dir;
    const std::string out = dir.file("ticket.bin");
    const std::string config = configPrintingTo(dir, "file:" + out);
    auto taken = ctlWith(config, dir, {"take", "anziani", "--json"});
    ASSERT_EQ(taken.exitCode, 0) << taken.err;
    const std::string surveyCode = nlohmann::json::parse(taken.out)["survey_code"];
    EXPECT_FALSE(std::ifstream(out).good()) << "taking a ticket with kioskctl prints nothing";

    auto r = ctlWith(config, dir, {"reprint", "n1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "N001 printed to file:" + out + "\n");
    const std::string bytes = testing_support::readFile(out);
    EXPECT_TRUE(has(bytes, "N001"));
    EXPECT_TRUE(has(bytes, "Anziani"));
    EXPECT_TRUE(has(bytes, surveyCode));
    EXPECT_TRUE(has(bytes, "30/11/2026 ore 15:45"));
    EXPECT_TRUE(has(bytes, "Ristampa delle 15:45"));
}

TEST(KioskctlPrint, reprintOfAnUnknownCodeExits9) {
    TempDir dir;
    const std::string config = configPrintingTo(dir, "file:" + dir.file("ticket.bin"));
    auto unknown = ctlWith(config, dir, {"reprint", "A009"});
    EXPECT_EQ(unknown.exitCode, 9);
    EXPECT_TRUE(has(unknown.err, "no ticket A009 today (2026-11-30)")) << unknown.err;
    auto notACode = ctlWith(config, dir, {"print-preview", "xyz", dir.file("t.png")});
    EXPECT_EQ(notACode.exitCode, 9);
    EXPECT_TRUE(has(notACode.err, "\"xyz\" is not a ticket code")) << notACode.err;
}

TEST(KioskctlPrint, aFailingTargetExits12NamingIt) {
    TempDir dir;
    const std::string target = "device:" + dir.file("usb/lp0");
    const std::string config = configPrintingTo(dir, target);
    auto test = ctlWith(config, dir, {"print-test"});
    EXPECT_EQ(test.exitCode, 12);
    EXPECT_TRUE(test.out.empty());
    EXPECT_TRUE(has(test.err, "printer " + target + ": cannot open the device")) << test.err;

    ASSERT_EQ(ctlWith(config, dir, {"take", "adulti"}).exitCode, 0);
    auto again = ctlWith(config, dir, {"reprint", "A001"});
    EXPECT_EQ(again.exitCode, 12);
    EXPECT_TRUE(has(again.err, "A001 not printed: printer " + target)) << again.err;
}

TEST(KioskctlPrint, noPrinterConfiguredExits12) {
    TempDir dir;
    auto r = ctl(dir, {"print-test"});
    EXPECT_EQ(r.exitCode, 12);
    EXPECT_TRUE(has(r.err, "no printer configured")) << r.err;
}

TEST(KioskctlPrint, printPreviewWritesAPngOfThePaperWidth) {
    TempDir dir;
    ASSERT_EQ(ctl(dir, {"--now", "2026-11-30T15:45", "take", "disabili"}).exitCode, 0);
    const std::string png = dir.file("D001.png");
    auto r = ctl(dir, {"--now", "2026-11-30T15:50", "print-preview", "D001", png});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "D001 preview written to " + png + "\n");
    const std::string bytes = testing_support::readFile(png);
    ASSERT_GT(bytes.size(), 24u);
    EXPECT_EQ(bytes.substr(1, 3), "PNG");
    // IHDR: big-endian width at byte 16; 384 px for 32 characters (58 mm).
    const auto byteAt = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    EXPECT_EQ((byteAt(16) << 24) | (byteAt(17) << 16) | (byteAt(18) << 8) | byteAt(19), 384);
}

TEST(KioskctlPrint, printPreviewToAnUnwritablePathExits12) {
    TempDir dir;
    ASSERT_EQ(ctl(dir, {"--now", "2026-11-30T15:45", "take", "adulti"}).exitCode, 0);
    auto r = ctl(dir, {"--now", "2026-11-30T15:50", "print-preview", "A001", dir.file("missing/t.png")});
    EXPECT_EQ(r.exitCode, 12);
    EXPECT_TRUE(has(r.err, "cannot write")) << r.err;
}
