// Bad input of every kind a kiosk meets: config typos, codes typed wrong, impossible dates and a
// PC clock that jumps. Each must give a clear refusal (or a sane answer), never a crash, a wrong
// ticket or a silently half-read config.
#include <gtest/gtest.h>

#include "minimal_config.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_time.hpp"
#include "domain/config.hpp"
#include "domain/queue.hpp"
#include "domain/staff.hpp"
#include "domain/survey.hpp"
#include "domain/survey_service.hpp"
#include "domain/ticket.hpp"
#include "memory_store.hpp"

using namespace domain;

namespace {

// ---------------------------------------------------------------------------------------------
// Config errors: "bad.toml:LINE: what is wrong and what is expected".
// ---------------------------------------------------------------------------------------------

// Line numbers below count from here; every case appends its text from line 15 on.
const std::string kBase = testing_support::kOffice + testing_support::kTwoCategories;

// "[hours]" on line 16, then one Monday opening: header 18, day 19, from 20, to 21.
std::string hoursWithMonday(const std::string& from, const std::string& to) {
    return "\n[hours]\n\n[[hours.weekly]]\nday = \"luned\u00ec\"\nfrom = " + from + "\nto = " + to + "\n";
}

struct BadConfig {
    std::string name;                // test name suffix
    std::string appended;            // text after kBase
    int line;                        // where the message must point
    std::vector<std::string> words;  // what the message must say
};

void PrintTo(const BadConfig& bad, std::ostream* out) { *out << bad.name; }

class ConfigErrorNamesFileLineAndWhatIsExpected : public ::testing::TestWithParam<BadConfig> {};

TEST_P(ConfigErrorNamesFileLineAndWhatIsExpected, whenRejected) {
    const BadConfig& bad = GetParam();
    const std::string toml = kBase + bad.appended;
    std::string message;
    try {
        parseConfig(toml, "bad.toml");
        FAIL() << "accepted:\n" << toml;
    } catch (const ConfigError& error) {
        message = error.what();
    }
    const std::string where = "bad.toml:" + std::to_string(bad.line) + ": ";
    EXPECT_EQ(message.rfind(where, 0), 0u) << "expected to start with " << where << "\n got: " << message;
    for (const std::string& word : bad.words)
        EXPECT_NE(message.find(word), std::string::npos) << "missing \"" << word << "\" in: " << message;
}

const std::vector<BadConfig> kBadConfigs = {
    // ---- unknown names ----
    {"unknownKey", "\n[staff]\nroom = [\"Stanza 1\"]\n", 17,
     {"unknown key \"room\"", "[staff]", "expected one of", "rooms"}},
    {"unknownKeyInACategory", "\n[[categories]]\nid = \"minori\"\nlabel = \"Minori\"\nprefix = \"M\"\ncolour = \"red\"\n",
     20, {"unknown key \"colour\"", "categories[3]", "prefix"}},
    {"unknownSection", "\n[orari]\napertura = \"9:00\"\n", 16, {"unknown section [orari]", "[hours]"}},
    {"unknownSectionOfBlocks", "\n[[sportelli]]\nnome = \"1\"\n", 16, {"unknown section [[sportelli]]"}},
    // ---- wrong types ----
    {"stringWhereNumber", "\n[tickets]\ndefault_interview_minutes = \"20\"\n", 17,
     {"tickets.default_interview_minutes", "expected a whole number from 1 to 1440", "found \"20\""}},
    {"decimalWhereWholeNumber", "\n[board]\nrecent_calls = 2.5\n", 17,
     {"board.recent_calls", "expected a whole number", "found a decimal number"}},
    {"numberWhereText", "\n[printer]\ntarget = 1\n", 17,
     {"printer.target", "expected a text in double quotes", "found an integer"}},
    {"textWhereBoolean", "\n[board]\nchime = \"s\u00ec\"\n", 17, {"board.chime", "expected true or false"}},
    {"textWhereList", "\n[staff]\nrooms = \"Stanza 1\"\n", 17, {"staff.rooms", "expected a list in square brackets"}},
    {"numberWhereTime", hoursWithMonday("1530", "\"17:00\""), 20,
     {"hours.weekly[1].from", "expected a time \"HH:MM\"", "found an integer"}},
    {"numberOutOfRange", "\n[staff]\nlock_after_minutes = -5\n", 17,
     {"staff.lock_after_minutes", "from 1 to 1440", "found -5"}},
    {"singleBracketsForBlocks", "\n[services]\nid = \"ascolto\"\n", 16,
     {"services", "double square brackets"}},
    // ---- hours ----
    {"overlappingHoursOnOneDay",
     hoursWithMonday("\"15:30\"", "\"17:00\"") +
         "\n[[hours.weekly]]\nday = \"Lunedi\"\nfrom = \"16:00\"\nto = \"18:00\"\n",  // header 23
     23, {"hours.weekly[2]", "overlaps hours.weekly[1] at line 18", "must not overlap"}},
    {"overlappingExtraOpeningsOnOneDate",
     hoursWithMonday("\"15:30\"", "\"17:00\"") +
         "\n[[hours.extra]]\ndate = 2026-12-12\nfrom = \"09:00\"\nto = \"12:00\"\n"    // header 23
         "\n[[hours.extra]]\ndate = 2026-12-12\nfrom = \"11:00\"\nto = \"13:00\"\n",  // header 28
     28, {"hours.extra[2]", "overlaps hours.extra[1] at line 23"}},
    {"hoursEndingBeforeTheyStart", hoursWithMonday("\"17:00\"", "\"15:30\""), 20,
     {"hours.weekly[1]", "from \"17:00\" must be before to \"15:30\""}},
    {"hoursOfZeroLength", hoursWithMonday("\"09:00\"", "\"9.00\""), 20, {"must be before"}},
    {"hourPastMidnight", hoursWithMonday("\"09:00\"", "\"24:30\""), 21, {"hours.weekly[1].to", "\"24:00\""}},
    // One opening across midnight, written as two: the queue restarts at midnight (issue #19).
    {"extraOpeningContinuingPastMidnight",
     hoursWithMonday("\"09:00\"", "\"12:00\"") +
         "\n[[hours.extra]]\ndate = 2026-12-31\nfrom = \"20:00\"\nto = \"24:00\"\n"    // header 23
         "\n[[hours.extra]]\ndate = 2027-01-01\nfrom = \"00:00\"\nto = \"02:00\"\n",  // header 28
     28, {"hours.extra[2] (2027-01-01 00:00-02:00) continues hours.extra[1] at line 23 (2026-12-31 20:00-24:00) "
          "past midnight", "must end by 24:00"}},
    {"weeklyOpeningContinuingPastMidnight",
     hoursWithMonday("\"20:00\"", "\"24:00\"") + "\n[[hours.weekly]]\nday = \"martedì\"\nfrom = \"0:00\"\nto = \"1:00\"\n",
     23, {"hours.weekly[2] (martedì 00:00-01:00) continues hours.weekly[1] at line 18 (lunedì 20:00-24:00)"}},
    {"sundayNightIntoMonday",
     hoursWithMonday("\"00:00\"", "\"01:00\"") + "\n[[hours.weekly]]\nday = \"domenica\"\nfrom = \"22:00\"\nto = \"24:00\"\n",
     18, {"hours.weekly[1] (lunedì 00:00-01:00) continues hours.weekly[2] at line 23 (domenica 22:00-24:00)"}},
    {"extraOpeningAfterAWeeklyOneEndingAtMidnight",
     hoursWithMonday("\"20:00\"", "\"24:00\"") + "\n[[hours.extra]]\ndate = 2026-12-01\nfrom = \"00:00\"\nto = \"02:00\"\n",
     23, {"hours.extra[1] (2026-12-01 00:00-02:00) continues hours.weekly[1] at line 18 (lunedì 20:00-24:00)"}},
    {"weeklyOpeningAfterAnExtraOneEndingAtMidnight",
     hoursWithMonday("\"09:00\"", "\"12:00\"") +
         "\n[[hours.extra]]\ndate = 2026-12-07\nfrom = \"22:00\"\nto = \"24:00\"\n"  // header 23, a Monday
         "\n[[hours.weekly]]\nday = \"martedì\"\nfrom = \"00:00\"\nto = \"01:00\"\n",  // header 28
     28, {"hours.weekly[2] (martedì 00:00-01:00) continues hours.extra[1] at line 23 (2026-12-07 22:00-24:00)"}},
    // ---- categories ----
    {"categoryWithoutPrefix", "\n[[categories]]\nid = \"minori\"\nlabel = \"Minori\"\n", 16,
     {"missing required key \"prefix\"", "categories[3]"}},
    {"categoryWithEmptyPrefix", "\n[[categories]]\nid = \"minori\"\nlabel = \"Minori\"\nprefix = \"\"\n", 19,
     {"categories[3].prefix", "expected one letter A-Z"}},
    {"categoryWithTwoLetterPrefix", "\n[[categories]]\nid = \"minori\"\nlabel = \"Minori\"\nprefix = \"MI\"\n", 19,
     {"expected one letter A-Z", "\"MI\""}},
    {"twoCategoriesWithOnePrefix", "\n[[categories]]\nid = \"minori\"\nlabel = \"Minori\"\nprefix = \"a\"\n", 19,
     {"letter \"A\" is already used by categories[1] at line 6", "its own letter"}},
    {"twoCategoriesWithOneId", "\n[[categories]]\nid = \"adulti\"\nlabel = \"Adulti 2\"\nprefix = \"B\"\n", 17,
     {"\"adulti\" is already used by categories[1] at line 6", "its own id"}},
    // Past six the tiles no longer fit the screen (the cap is domain::kMaxCategories, issue #19).
    {"sevenCategories",
     "\n[[categories]]\nid = \"c3\"\nlabel = \"C3\"\nprefix = \"C\"\n"      // header 16
     "\n[[categories]]\nid = \"c4\"\nlabel = \"C4\"\nprefix = \"D\"\n"      // 21
     "\n[[categories]]\nid = \"c5\"\nlabel = \"C5\"\nprefix = \"E\"\n"      // 26
     "\n[[categories]]\nid = \"c6\"\nlabel = \"C6\"\nprefix = \"F\"\n"      // 31
     "\n[[categories]]\nid = \"c7\"\nlabel = \"C7\"\nprefix = \"G\"\n",     // 36
     36, {"categories[7]: at most 6 categories fit on the kiosk's screen", "this file has 7"}},
    // ---- service cards ----
    {"serviceCardOfAnUnknownCategory",
     "\n[[services]]\nid = \"ascolto\"\ntitle = \"Ascolto\"\ncategories = [\"adulti\", \"giovani\"]\n", 19,
     {"services[1].categories", "unknown category \"giovani\"", "known categories: adulti, anziani"}},
    // ---- dates ----
    {"closureOnTheThirtiethOfFebruaryInQuotes",
     hoursWithMonday("\"09:00\"", "\"12:00\"") + "\n[[hours.closures]]\nfrom = \"2026-02-30\"\nreason = \"x\"\n", 24,
     {"hours.closures[1].from", "expected a date year-month-day", "\"2026-02-30\""}},
    {"closureOnTheThirtiethOfFebruaryAsTomlDate",
     hoursWithMonday("\"09:00\"", "\"12:00\"") + "\n[[hours.closures]]\nfrom = 2026-02-30\nreason = \"x\"\n", 24,
     {"not valid TOML", "day"}},
    {"closureInMonthThirteen",
     hoursWithMonday("\"09:00\"", "\"12:00\"") + "\n[[hours.closures]]\nfrom = \"2026-13-01\"\nreason = \"x\"\n", 24,
     {"expected a date"}},
    {"closureInYearZero",
     hoursWithMonday("\"09:00\"", "\"12:00\"") + "\n[[hours.closures]]\nfrom = 0000-01-01\nreason = \"x\"\n", 24,
     {"hours.closures[1].from", "expected a date"}},
    {"closureWithADateInWords",
     hoursWithMonday("\"09:00\"", "\"12:00\"") + "\n[[hours.closures]]\nfrom = \"24 dicembre\"\nreason = \"x\"\n", 24,
     {"expected a date year-month-day, like 2026-12-24"}},
    {"extraOpeningOnTheThirtyFirstOfApril",
     hoursWithMonday("\"09:00\"", "\"12:00\"") + "\n[[hours.extra]]\ndate = \"2026-04-31\"\nfrom = \"09:00\"\n"
                                                 "to = \"12:00\"\n",
     24, {"hours.extra[1].date", "expected a date"}},
    // ---- TOML syntax ----
    {"unterminatedString", "\n[board]\nchime = true\nspeak = \"yes\n", 18, {"not valid TOML"}},
    {"bareWord", "\n[board]\nchime = tru\n", 17, {"not valid TOML"}},
    {"keyWrittenTwice", "\n[board]\nchime = true\nchime = false\n", 18, {"not valid TOML"}},
    {"sectionWrittenTwice", "\n[board]\nchime = true\n\n[board]\nspeak = false\n", 19, {"not valid TOML"}},
    {"invalidUtf8", "\n[board]\nchime = true\n# caf\xe9\n", 18, {"not valid TOML", "utf-8"}},
};

INSTANTIATE_TEST_SUITE_P(BadInput, ConfigErrorNamesFileLineAndWhatIsExpected, ::testing::ValuesIn(kBadConfigs),
                         [](const ::testing::TestParamInfo<BadConfig>& bad) { return bad.param.name; });

TEST(BadInputConfig, theBaseOfTheCasesAboveIsAccepted) {
    // Otherwise every case would fail for the same wrong reason.
    EXPECT_EQ(parseConfig(kBase + hoursWithMonday("\"09:00\"", "\"12:00\""), "bad.toml").categories.size(), 2u);
}

TEST(BadInputConfig, sixCategoriesAreAccepted) {
    std::string toml = kBase;
    for (const char letter : {'C', 'D', 'E', 'F'})
        toml += "\n[[categories]]\nid = \"c" + std::string(1, static_cast<char>(letter + 32)) + "\"\nlabel = \"X\"\nprefix = \"" +
                std::string(1, letter) + "\"\n";
    EXPECT_EQ(parseConfig(toml, "ok.toml").categories.size(), kMaxCategories);
}

TEST(BadInputConfig, anOpeningUpToMidnightOrFromMidnightAloneIsAccepted) {
    // Only the pair is one opening across midnight; a gap, or another day, is not.
    const Config config = parseConfig(
        kBase + hoursWithMonday("\"20:00\"", "\"24:00\"") +
            "\n[[hours.weekly]]\nday = \"mercoledì\"\nfrom = \"00:00\"\nto = \"01:00\"\n"
            "\n[[hours.extra]]\ndate = 2026-12-31\nfrom = \"20:00\"\nto = \"24:00\"\n"
            "\n[[hours.extra]]\ndate = 2027-01-01\nfrom = \"00:30\"\nto = \"02:00\"\n",
        "ok.toml");
    EXPECT_EQ(config.hours.weekly.size(), 2u);
    EXPECT_EQ(config.hours.extraOpenings.size(), 2u);
}

TEST(BadInputConfig, emptyAndBinaryFilesAreRejectedOnLineOne) {
    for (const std::string_view text : {std::string_view{}, std::string_view("\0\0\0", 3), std::string_view("\xff\xfe")}) {
        try {
            parseConfig(text, "bad.toml");
            ADD_FAILURE() << "accepted " << text.size() << " bytes";
        } catch (const ConfigError& error) {
            EXPECT_EQ(std::string(error.what()).rfind("bad.toml:1: ", 0), 0u) << error.what();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Ticket codes and survey codes as people type them.
// ---------------------------------------------------------------------------------------------

using namespace std::string_view_literals;

TEST(BadInputCodes, ticketCodesPeopleTypeAreNormalised) {
    EXPECT_EQ(normalizeTicketCode("A007"), "A007");
    EXPECT_EQ(normalizeTicketCode("a7"), "A007");       // lowercase is the same code
    EXPECT_EQ(normalizeTicketCode(" A 12 "), "A012");   // spaces read off the paper
    EXPECT_EQ(normalizeTicketCode("n\t0 4\n2"), "N042");
    EXPECT_EQ(normalizeTicketCode("A1000"), "A1000");   // four digits on a busy day
    EXPECT_EQ(normalizeTicketCode("A1234567"), "A1234567");  // the longest accepted
}

TEST(BadInputCodes, malformedTicketCodesAreRefusedWithTheTypedText) {
    const std::vector<std::string_view> malformed = {
        ""sv,          " "sv,         "A"sv,           "7"sv,          "007"sv,     "AA7"sv,
        "A-7"sv,       "A+7"sv,       "A7B"sv,         "A0"sv,         "A000"sv,    "A12345678"sv,  // too long
        "A 1 2 3 4 5 6 7 8"sv,        "\xc3\x80" "7"sv,  // "À7": not an ASCII letter
        "A\xd9\xa1\xd9\xa2"sv,        // Arabic-Indic digits
        "\xef\xbc\xa1" "12"sv,        // fullwidth A
        "A\0" "12"sv,  "A12\0"sv,     "\0A12"sv,       // embedded NUL
        "A\xff"sv,     "A 1.5"sv,     "A12;DROP"sv,
    };
    for (const std::string_view typed : malformed) {
        SCOPED_TRACE(testing::PrintToString(std::string(typed)));
        EXPECT_FALSE(parseTicketCode(typed));
        try {
            normalizeTicketCode(typed);
            ADD_FAILURE() << "accepted";
        } catch (const UnknownTicketError& error) {
            EXPECT_NE(std::string(error.what()).find("is not a ticket code (like A007)"), std::string::npos);
        }
    }
}

// Regression (found by fuzz_ticket_code): the typed text went into the message raw, so a NUL
// cut what() short before the explanation and control bytes reached the screen and the log.
TEST(BadInputCodes, controlBytesInARefusedTicketCodeAreShownEscaped) {
    try {
        normalizeTicketCode("A\0" "1\x1b[2J"sv);
        FAIL() << "accepted";
    } catch (const UnknownTicketError& error) {
        EXPECT_STREQ(error.what(), "\"A\\x001\\x1b[2J\" is not a ticket code (like A007)");
    }
    try {
        normalizeTicketCode("\xc3\x80" "7"sv);  // printable non-ASCII text is kept as typed
        FAIL() << "accepted";
    } catch (const UnknownTicketError& error) {
        EXPECT_STREQ(error.what(), "\"\xc3\x80" "7\" is not a ticket code (like A007)");
    }
}

TEST(BadInputCodes, surveyCodesAcceptSixDigitsWithBlanksOnly) {
    EXPECT_EQ(normalizeSurveyCode("042917"), "042917");
    EXPECT_EQ(normalizeSurveyCode(" 042 917 "), "042917");
    EXPECT_EQ(normalizeSurveyCode("0\t4 2 9 1 7"), "042917");
    const std::vector<std::string_view> malformed = {
        ""sv,         "      "sv,    "12345"sv,      "1234567"sv,    "0429170"sv,  "04291a"sv,
        "abcdef"sv,   "042-917"sv,   "042\n917"sv,   "-42917"sv,     "+42917"sv,   "4.2917"sv,
        "\xef\xbc\x90" "42917"sv,   // fullwidth zero
        "\xd9\xa0" "42917"sv,       // Arabic-Indic zero
        "04\0" "2917"sv, "042917\0"sv,  // embedded NUL
        "042917042917042917"sv,
    };
    for (const std::string_view typed : malformed) {
        SCOPED_TRACE(testing::PrintToString(std::string(typed)));
        EXPECT_FALSE(normalizeSurveyCode(typed));
    }
}

TEST(BadInputCodes, aMalformedSurveyCodeIsRefusedAsUnknownAndStoresNothing) {
    Config config;
    config.categories = {{"adulti", "Adulti", 'A', ""}};
    testing_support::MemoryStore store;
    FixedClock clock{*LocalDateTime::parse("2026-11-30T16:00")};
    SurveyService survey(config, store, clock);
    SurveyAnswer answer;
    answer.overall = 5;
    for (const std::string_view typed : {""sv, "12345"sv, "04\0" "2917"sv, "\xef\xbc\x90" "42917"sv}) {
        try {
            survey.submit(typed, answer);
            ADD_FAILURE() << "accepted " << testing::PrintToString(std::string(typed));
        } catch (const SurveyRefusedError& error) {
            EXPECT_EQ(error.reason(), SurveyRefusal::UnknownCode);
        }
    }
    EXPECT_TRUE(store.storedAnswers().empty());
}

// ---------------------------------------------------------------------------------------------
// Dates and times out of range, and arithmetic across month, year and leap-day boundaries.
// ---------------------------------------------------------------------------------------------

TEST(BadInputDates, impossibleDatesDoNotParse) {
    for (const std::string_view text :
         {"2026-02-29"sv, "2026-02-30"sv, "2026-04-31"sv, "2026-13-01"sv, "2026-00-10"sv, "2026-01-00"sv,
          "2026-01-32"sv, "1900-02-29"sv, "2100-02-29"sv, "0000-01-01"sv, "-001-01-01"sv, "99999-01-01"sv,
          "2026-1-1"sv, "2026/01/01"sv, "2026-01-01 "sv, " 2026-01-01"sv, "2026-01-0\0"sv, ""sv}) {
        EXPECT_FALSE(LocalDate::parse(text)) << testing::PrintToString(std::string(text));
    }
    EXPECT_TRUE(LocalDate::parse("2024-02-29"));
    EXPECT_TRUE(LocalDate::parse("2000-02-29"));
    EXPECT_TRUE(LocalDate::parse("0001-01-01"));
    EXPECT_TRUE(LocalDate::parse("9999-12-31"));
}

// Regression (found by fuzz_dates): std::chrono keeps the year in a short and month and day in
// an unsigned char, so these wrapped round to dates it called valid.
TEST(BadInputDates, outOfRangeFieldsAreInvalidInsteadOfWrappingRound) {
    EXPECT_FALSE((LocalDate{99999, 1, 1}.valid()));
    EXPECT_FALSE((LocalDate{0, 1, 1}.valid()));
    EXPECT_FALSE((LocalDate{-1, 1, 1}.valid()));
    EXPECT_FALSE((LocalDate{10000, 1, 1}.valid()));
    EXPECT_FALSE((LocalDate{2026, 257, 1}.valid()));   // 257 % 256 == 1
    EXPECT_FALSE((LocalDate{2026, 1, 257}.valid()));
    EXPECT_FALSE((LocalDate{2026, -1, 1}.valid()));
    EXPECT_TRUE((LocalDate{2026, 1, 31}.valid()));
}

TEST(BadInputDates, impossibleTimesDoNotParse) {
    for (const std::string_view text :
         {"2026-11-30T24:00"sv, "2026-11-30T24:00:00"sv, "2026-11-30T23:60"sv, "2026-11-30T23:59:60"sv,
          "2026-11-30T-1:00"sv, "2026-11-30T1:00"sv, "2026-11-30T15:4"sv, "2026-11-30T15:45:"sv,
          "2026-11-30X15:45"sv, "2026-02-30T10:00"sv, "0000-01-01T10:00"sv, "2026-11-30T15:45:00Z"sv,
          "2026-11-30T15:45:00.5"sv, "2026-11-30T+1:00"sv}) {
        EXPECT_FALSE(LocalDateTime::parse(text)) << text;
    }
    EXPECT_EQ(LocalDateTime::parse("2026-11-30 23:59:59")->secondOfDay, 86399);
}

TEST(BadInputDates, arithmeticCrossesYearEndsAndLeapDays) {
    EXPECT_EQ((LocalDate{2024, 2, 28}.plusDays(1)), (LocalDate{2024, 2, 29}));
    EXPECT_EQ((LocalDate{2026, 2, 28}.plusDays(1)), (LocalDate{2026, 3, 1}));
    EXPECT_EQ((LocalDate{2100, 2, 28}.plusDays(1)), (LocalDate{2100, 3, 1}));
    EXPECT_EQ((LocalDate{2024, 3, 1}.plusDays(-1)), (LocalDate{2024, 2, 29}));
    EXPECT_EQ((LocalDate{2026, 12, 31}.plusDays(1)), (LocalDate{2027, 1, 1}));
    EXPECT_EQ((LocalDate{2027, 1, 1}.plusDays(-1)), (LocalDate{2026, 12, 31}));
    EXPECT_EQ((LocalDate{2024, 2, 29}.plusDays(365)), (LocalDate{2025, 2, 28}));
    EXPECT_EQ((LocalDate{2024, 1, 1}.plusDays(366)), (LocalDate{2025, 1, 1}));

    const LocalDateTime lastHour = *LocalDateTime::parse("2026-12-31T23:30:00");
    EXPECT_EQ(lastHour.plusSeconds(3600).iso(), "2027-01-01T00:30:00");
    EXPECT_EQ(lastHour.plusSeconds(3600).secondsSince(lastHour), 3600);
    EXPECT_EQ(lastHour.secondsSince(lastHour.plusSeconds(3600)), -3600);
    EXPECT_EQ(LocalDateTime::parse("2025-01-01T00:10")->plusSeconds(-20 * 60).iso(), "2024-12-31T23:50:00");
    EXPECT_EQ(LocalDateTime::parse("2024-02-28T23:59:59")->plusSeconds(1).iso(), "2024-02-29T00:00:00");
    EXPECT_EQ(LocalDateTime::parse("2024-03-01T00:00")->secondsSince(*LocalDateTime::parse("2024-02-28T00:00")),
              2 * 86400);
}

// ---------------------------------------------------------------------------------------------
// The PC's clock jumps (NTP correction, daylight saving done wrong, a technician's mistake).
// ---------------------------------------------------------------------------------------------

// Monday 15:30-17:00 and Tuesday 9:00-12:00, one desk, 20-minute interviews.
Config mondayAndTuesday() {
    Config c;
    c.categories = {{"adulti", "Adulti", 'A', ""}, {"anziani", "Anziani", 'N', ""}};
    c.hours.weekly = {{1, 15 * 60 + 30, 17 * 60, 1}, {2, 9 * 60, 12 * 60, 1}};
    c.tickets.defaultInterviewMinutes = 20;
    c.tickets.openBeforeMinutes = 15;
    c.tickets.cutoffMinutesBeforeClose = 15;
    return c;
}

struct ClockJump : ::testing::Test {
    Config config = mondayAndTuesday();
    testing_support::MemoryStore store;
    FixedClock clock{*LocalDateTime::parse("2026-11-30T16:30")};  // a Monday
    QueueService queue{config, store, clock};
    StaffService staff{config, store, clock};

    std::set<std::string> codesOf(const LocalDate& day) {
        std::set<std::string> codes;
        for (const Ticket& t : store.ticketsOfDay(day)) codes.insert(t.code);
        return codes;
    }
};

TEST_F(ClockJump, anHourBackNeverRepeatsANumberNorMakesAWaitNegative) {
    const IssuedTicket before = queue.takeTicket("adulti");
    clock.advanceSeconds(-3600);  // 15:30, an hour "earlier"
    const IssuedTicket after = queue.takeTicket("adulti");

    EXPECT_EQ(before.ticket.code, "A001");
    EXPECT_EQ(after.ticket.code, "A002");
    EXPECT_EQ(after.ticket.serviceDay, before.ticket.serviceDay);
    EXPECT_GE(after.waitMinutes, 5);  // rounded up, never below five minutes
    EXPECT_GE(queue.describe(before.ticket, *before.category, 1).waitMinutes, 5);

    const DayFigures figures = staff.figures();
    EXPECT_EQ(figures.taken, 2);
    EXPECT_GE(figures.longestWaitMinutes, 0);  // A001 was "issued in the future"
    EXPECT_GE(figures.averageWaitMinutes, 0);
}

TEST_F(ClockJump, theTicketIssuedBeforeTheJumpStaysValid) {
    const IssuedTicket before = queue.takeTicket("adulti");
    clock.advanceSeconds(-3600);
    queue.takeTicket("adulti");

    EXPECT_GT(queue.snapshot().positionOf(before.ticket.id), 0);
    const Ticket called = staff.call(before.ticket.code, 1);  // called "before" it was issued
    EXPECT_EQ(called.state, TicketState::Called);
    EXPECT_EQ(staff.serve(before.ticket.code).state, TicketState::Served);

    const DayFigures figures = staff.figures();
    EXPECT_EQ(figures.served, 1);
    EXPECT_EQ(figures.averageWaitMinutes, 0);  // a wait that ended before it began counts as none
    EXPECT_GE(figures.longestWaitMinutes, 0);
}

TEST_F(ClockJump, aDayForwardStartsNumberingAtOneAndBackContinuesTheOldDay) {
    clock.set(*LocalDateTime::parse("2026-11-30T15:30"));  // room for three interviews
    queue.takeTicket("adulti");
    queue.takeTicket("adulti");
    clock.set(*LocalDateTime::parse("2026-12-01T10:00"));  // Tuesday
    const IssuedTicket tuesday = queue.takeTicket("adulti");
    EXPECT_EQ(tuesday.ticket.code, "A001");
    EXPECT_EQ(tuesday.ticket.serviceDay, (LocalDate{2026, 12, 1}));
    EXPECT_EQ(tuesday.peopleAhead, 0);  // Monday's queue is not Tuesday's
    EXPECT_EQ(queue.snapshot().waitingCount(), 1);

    clock.set(*LocalDateTime::parse("2026-11-30T16:00"));  // and back to Monday
    EXPECT_EQ(queue.takeTicket("adulti").ticket.code, "A003");
    EXPECT_EQ(codesOf(LocalDate{2026, 11, 30}), (std::set<std::string>{"A001", "A002", "A003"}));
    EXPECT_EQ(codesOf(LocalDate{2026, 12, 1}), (std::set<std::string>{"A001"}));
}

TEST_F(ClockJump, aJumpBackBeforeTheOpeningStillPromisesAPositiveWait) {
    queue.takeTicket("adulti");
    clock.set(*LocalDateTime::parse("2026-11-30T15:20"));  // numbers from 15:15, opening 15:30
    const IssuedTicket early = queue.takeTicket("anziani");
    EXPECT_EQ(early.ticket.code, "N001");
    EXPECT_GE(early.waitMinutes, 10);  // at least until the opening
}

}  // namespace

TEST_F(ClockJump, afterAnHourBackTheFirstArrivedIsStillCalledFirst) {
    const IssuedTicket first = queue.takeTicket("adulti");
    clock.advanceSeconds(-3600);
    const IssuedTicket second = queue.takeTicket("adulti");

    EXPECT_EQ(queue.snapshot().positionOf(first.ticket.id), 1);
    EXPECT_EQ(queue.snapshot().positionOf(second.ticket.id), 2);
    auto called = staff.callNext(1);
    ASSERT_TRUE(called.has_value());
    EXPECT_EQ(called->code, first.ticket.code);
}
