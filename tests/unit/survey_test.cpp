#include "domain/survey.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <set>

#include "domain/survey_service.hpp"
#include "memory_store.hpp"

namespace {

using domain::LocalDate;
using domain::LocalDateTime;
using domain::SatisfactionFigures;
using domain::StoredAnswer;
using domain::SurveyAnswer;
using domain::SurveyRefusal;
using domain::SurveyRefusedError;
using domain::SurveyRules;
using domain::Verdict;

LocalDate day(const char* iso) { return LocalDate::parse(iso).value(); }
LocalDateTime at(const char* iso) { return LocalDateTime::parse(iso).value(); }

SurveyAnswer scored(int overall, std::array<std::optional<int>, 4> dimensions = {}) {
    SurveyAnswer answer;
    answer.overall = overall;
    answer.dimensions = dimensions;
    return answer;
}

// `satisfied` answers of 5 and the rest of 2, on one day.
std::vector<StoredAnswer> answers(int satisfied, int total, const char* on = "2026-11-30") {
    std::vector<StoredAnswer> out;
    for (int i = 0; i < total; ++i) out.push_back({day(on), scored(i < satisfied ? 5 : 2)});
    return out;
}

SurveyRefusal refusalOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const SurveyRefusedError& e) {
        return e.reason();
    }
    ADD_FAILURE() << "no SurveyRefusedError";
    return SurveyRefusal::BadScore;
}

}  // namespace

TEST(SurveyCode, sixDigitsWithOrWithoutSpacesAreAccepted) {
    EXPECT_EQ(domain::normalizeSurveyCode("042917"), "042917");
    EXPECT_EQ(domain::normalizeSurveyCode("042 917"), "042917");
    EXPECT_EQ(domain::normalizeSurveyCode(" 04 29 17 "), "042917");
}

TEST(SurveyCode, anythingButSixDigitsIsRejected) {
    EXPECT_FALSE(domain::normalizeSurveyCode(""));
    EXPECT_FALSE(domain::normalizeSurveyCode("04291"));
    EXPECT_FALSE(domain::normalizeSurveyCode("0429170"));
    EXPECT_FALSE(domain::normalizeSurveyCode("04291a"));
    EXPECT_FALSE(domain::normalizeSurveyCode("042-917"));
    EXPECT_FALSE(domain::normalizeSurveyCode("A001"));
}

TEST(SurveyScores, onlyOneToFiveAndAnOverallScoreAreAccepted) {
    EXPECT_NO_THROW(domain::validateScores(scored(1, {5, std::nullopt, 3, 1})));
    EXPECT_EQ(refusalOf([] { domain::validateScores(scored(0)); }), SurveyRefusal::BadScore);
    EXPECT_EQ(refusalOf([] { domain::validateScores(scored(6)); }), SurveyRefusal::BadScore);
    EXPECT_EQ(refusalOf([] { domain::validateScores(scored(3, {3, 0, std::nullopt, 3})); }), SurveyRefusal::BadScore);
}

TEST(SurveyRefusals, theCitizenReadsAKindItalianSentence) {
    EXPECT_EQ(domain::surveyRefusalMessage(SurveyRefusal::UnknownCode),
              "Codice non trovato: controlla le sei cifre sul biglietto di oggi.");
    EXPECT_EQ(domain::surveyRefusalMessage(SurveyRefusal::NotServed),
              "Il questionario si può compilare dopo il colloquio.");
    EXPECT_EQ(domain::surveyRefusalMessage(SurveyRefusal::AlreadyUsed),
              "Per questo biglietto il questionario è già stato compilato. Grazie!");
}

// Reference values: Wilson score interval, z = 1.959964.
TEST(Wilson, matchesKnownIntervals) {
    const auto seven = domain::wilsonInterval(7, 10);
    EXPECT_NEAR(seven.low, 0.3968, 1e-4);
    EXPECT_NEAR(seven.high, 0.8922, 1e-4);
    const auto none = domain::wilsonInterval(0, 10);
    EXPECT_EQ(none.low, 0.0);
    EXPECT_NEAR(none.high, 0.2775, 1e-4);
    const auto seventy = domain::wilsonInterval(70, 100);
    EXPECT_NEAR(seventy.low, 0.6041, 1e-4);
    // The brief said 0.7813; the Wilson formula gives 0.78105 (checked by hand and in Python).
    EXPECT_NEAR(seventy.high, 0.7811, 1e-4);
    const auto all = domain::wilsonInterval(10, 10);
    EXPECT_NEAR(all.low, 0.7225, 1e-4);
    EXPECT_NEAR(all.high, 1.0, 1e-12);
}

TEST(Wilson, noAnswersSayNothing) {
    const auto empty = domain::wilsonInterval(0, 0);
    EXPECT_EQ(empty.low, 0.0);
    EXPECT_EQ(empty.high, 1.0);
}

TEST(SatisfactionFigures, fewerThanTheMinimumShowNothingButTheCount) {
    std::vector<StoredAnswer> four = answers(4, 4);
    four[0].answer.dimensions = {5, 5, 5, 5};
    const SatisfactionFigures f = domain::satisfactionFigures(four, SurveyRules{});
    EXPECT_EQ(f.answers, 4);
    EXPECT_EQ(f.satisfied, 0);
    EXPECT_EQ(f.percent, 0.0);
    EXPECT_EQ(f.verdict, Verdict::NotEnoughAnswers);
    for (const auto& average : f.dimensionAverages) EXPECT_FALSE(average.has_value());
}

TEST(SatisfactionFigures, countsFromSatisfiedFromUpward) {
    std::vector<StoredAnswer> mixed;
    for (int score : {1, 2, 3, 4, 5, 4, 3, 5, 5, 2}) mixed.push_back({day("2026-11-30"), scored(score)});
    const SatisfactionFigures f = domain::satisfactionFigures(mixed, SurveyRules{});
    EXPECT_EQ(f.answers, 10);
    EXPECT_EQ(f.satisfied, 5);
    EXPECT_DOUBLE_EQ(f.percent, 50.0);
    SurveyRules lenient;
    lenient.satisfiedFrom = 3;
    EXPECT_EQ(domain::satisfactionFigures(mixed, lenient).satisfied, 7);
}

TEST(SatisfactionFigures, intervalIsInPercentAndVerdictFollowsIt) {
    const SatisfactionFigures straddling = domain::satisfactionFigures(answers(70, 100), SurveyRules{});
    EXPECT_NEAR(straddling.interval.low, 60.41, 0.01);
    EXPECT_NEAR(straddling.interval.high, 78.11, 0.01);
    EXPECT_EQ(straddling.verdict, Verdict::NotEnoughAnswers);
    EXPECT_EQ(domain::satisfactionFigures(answers(95, 100), SurveyRules{}).verdict, Verdict::Met);
    EXPECT_EQ(domain::satisfactionFigures(answers(50, 100), SurveyRules{}).verdict, Verdict::NotMet);
    // Nine out of ten is 90%, yet the interval still reaches below 70%: not proven either way.
    EXPECT_EQ(domain::satisfactionFigures(answers(9, 10), SurveyRules{}).verdict, Verdict::NotEnoughAnswers);
}

// The target exactly at an end of the interval: the low end reaching it is Met; the high end
// equal to it is not below it, so not NotMet.
TEST(SatisfactionFigures, verdictAtTheEdgesOfTheInterval) {
    const auto sample = answers(90, 100);
    const SatisfactionFigures f = domain::satisfactionFigures(sample, SurveyRules{});
    SurveyRules rules;
    rules.targetPercent = f.interval.low;
    EXPECT_EQ(domain::satisfactionFigures(sample, rules).verdict, Verdict::Met);
    rules.targetPercent = std::nextafter(f.interval.low, 100.0);
    EXPECT_EQ(domain::satisfactionFigures(sample, rules).verdict, Verdict::NotEnoughAnswers);
    rules.targetPercent = f.interval.high;
    EXPECT_EQ(domain::satisfactionFigures(sample, rules).verdict, Verdict::NotEnoughAnswers);
    rules.targetPercent = std::nextafter(f.interval.high, 100.0);
    EXPECT_EQ(domain::satisfactionFigures(sample, rules).verdict, Verdict::NotMet);
}

TEST(SatisfactionFigures, dimensionAveragesNeedTheMinimumOfAnswersToThatQuestion) {
    std::vector<StoredAnswer> sample = answers(5, 10);
    for (int i = 0; i < 5; ++i) sample[static_cast<std::size_t>(i)].answer.dimensions[0] = 4 + i % 2;  // 4 5 4 5 4
    for (int i = 0; i < 4; ++i) sample[static_cast<std::size_t>(i)].answer.dimensions[3] = 1;
    const SatisfactionFigures f = domain::satisfactionFigures(sample, SurveyRules{});
    ASSERT_TRUE(f.dimensionAverages[0].has_value());
    EXPECT_DOUBLE_EQ(*f.dimensionAverages[0], 4.4);
    EXPECT_FALSE(f.dimensionAverages[1].has_value());  // nobody answered
    EXPECT_FALSE(f.dimensionAverages[3].has_value());  // four people only
}

TEST(SatisfactionFigures, paperAnswersAreCountedApart) {
    std::vector<StoredAnswer> sample = answers(6, 6);
    sample[0].answer.paper = true;
    sample[1].answer.paper = true;
    const SatisfactionFigures f = domain::satisfactionFigures(sample, SurveyRules{});
    EXPECT_EQ(f.answers, 6);
    EXPECT_EQ(f.paperAnswers, 2);
}

TEST(MonthlyTrend, everyMonthOfTheRangeEvenWithoutAnswers) {
    std::vector<StoredAnswer> sample = answers(5, 5, "2026-10-15");
    const auto december = answers(1, 6, "2026-12-01");
    sample.insert(sample.end(), december.begin(), december.end());
    sample.push_back({day("2027-01-05"), scored(5)});  // outside the range
    const auto trend = domain::monthlyTrend(sample, SurveyRules{}, day("2026-10-01"), day("2026-12-31"));
    ASSERT_EQ(trend.size(), 3u);
    EXPECT_EQ(trend[0].month, "2026-10");
    EXPECT_EQ(trend[0].figures.satisfied, 5);
    EXPECT_EQ(trend[1].month, "2026-11");
    EXPECT_EQ(trend[1].figures.answers, 0);
    EXPECT_EQ(trend[2].month, "2026-12");
    EXPECT_EQ(trend[2].figures.answers, 6);
    EXPECT_EQ(trend[2].figures.satisfied, 1);
}

TEST(MonthlyTrend, crossesTheYear) {
    const auto trend = domain::monthlyTrend({}, SurveyRules{}, day("2026-12-10"), day("2027-02-01"));
    ASSERT_EQ(trend.size(), 3u);
    EXPECT_EQ(trend[0].month, "2026-12");
    EXPECT_EQ(trend[2].month, "2027-02");
}

// ---- the service over a store ----

namespace {

class SurveyServiceTest : public ::testing::Test {
protected:
    SurveyServiceTest() : m_clock(at("2026-11-30T16:00:00")), m_survey(m_config, m_store, m_clock) {}

    domain::Ticket issue(const char* when = "2026-11-30T15:30:00") {
        domain::NewTicketRequest r;
        r.categoryId = "adulti";
        r.prefix = 'A';
        r.issuedAt = at(when);
        return m_store.issueTicket(r);
    }
    domain::Ticket served(const char* when = "2026-11-30T15:30:00") {
        domain::Ticket t = issue(when);
        m_store.tickets()[static_cast<std::size_t>(t.id - 1)].state = domain::TicketState::Served;
        return t;
    }
    SurveyRefusal refusalFor(const std::string& code, const SurveyAnswer& answer = scored(4)) {
        return refusalOf([&] { m_survey.submit(code, answer); });
    }

    domain::Config m_config;
    testing_support::MemoryStore m_store;
    domain::FixedClock m_clock;
    domain::SurveyService m_survey;
};

}  // namespace

TEST_F(SurveyServiceTest, aServedTicketAnswersOnceAndTheAnswerCarriesOnlyTheDay) {
    const domain::Ticket t = served();
    m_survey.submit(t.surveyCode.substr(0, 3) + " " + t.surveyCode.substr(3), scored(5, {4, 5, std::nullopt, 3}));
    ASSERT_EQ(m_store.storedAnswers().size(), 1u);
    EXPECT_EQ(m_store.storedAnswers()[0].day, day("2026-11-30"));
    EXPECT_FALSE(m_store.storedAnswers()[0].answer.paper);
    EXPECT_EQ(m_store.storedAnswers()[0].answer.dimensions[3], 3);
    EXPECT_EQ(refusalFor(t.surveyCode), SurveyRefusal::AlreadyUsed);
    EXPECT_EQ(m_store.storedAnswers().size(), 1u);
}

TEST_F(SurveyServiceTest, refusalsStoreNothing) {
    const domain::Ticket waiting = issue();
    const domain::Ticket done = served();
    EXPECT_EQ(refusalFor(waiting.surveyCode), SurveyRefusal::NotServed);
    EXPECT_EQ(refusalFor("12345"), SurveyRefusal::UnknownCode);
    std::string other = done.surveyCode;
    other[5] = other[5] == '9' ? '0' : static_cast<char>(other[5] + 1);
    if (other != waiting.surveyCode) {
        EXPECT_EQ(refusalFor(other), SurveyRefusal::UnknownCode);
    }
    EXPECT_EQ(refusalFor(done.surveyCode, scored(7)), SurveyRefusal::BadScore);
    EXPECT_TRUE(m_store.storedAnswers().empty());
    m_survey.submit(done.surveyCode, scored(4));  // the bad score did not use the code up
    EXPECT_EQ(m_store.storedAnswers().size(), 1u);
}

TEST_F(SurveyServiceTest, aCodeFromYesterdayIsUnknownToday) {
    const domain::Ticket yesterday = served("2026-11-29T15:30:00");
    EXPECT_EQ(refusalFor(yesterday.surveyCode), SurveyRefusal::UnknownCode);
    EXPECT_TRUE(m_store.storedAnswers().empty());
}

TEST_F(SurveyServiceTest, paperFormsAreStoredWithoutACodeAndCountedApart) {
    m_survey.submitPaper(scored(2));
    const domain::Ticket t = served();
    m_survey.submit(t.surveyCode, scored(5));
    ASSERT_EQ(m_store.storedAnswers().size(), 2u);
    EXPECT_TRUE(m_store.storedAnswers()[0].answer.paper);
    m_clock.set(at("2026-12-01T09:00:00"));  // the figures count the day once it is over
    EXPECT_EQ(m_survey.figures(day("2026-11-01"), day("2026-11-30")).paperAnswers, 1);
    EXPECT_EQ(refusalOf([&] { m_survey.submitPaper(scored(0)); }), SurveyRefusal::BadScore);
    EXPECT_EQ(m_store.storedAnswers().size(), 2u);
}

TEST_F(SurveyServiceTest, rulesComeFromTheConfig) {
    m_config.survey.satisfiedFrom = 3;
    m_config.survey.targetPercent = 80;
    m_config.survey.minAnswersForFigures = 2;
    const SurveyRules rules = m_survey.rules();
    EXPECT_EQ(rules.satisfiedFrom, 3);
    EXPECT_EQ(rules.targetPercent, 80);
    EXPECT_EQ(rules.minAnswersForFigures, 2);
    m_survey.submitPaper(scored(3));
    m_survey.submitPaper(scored(2));
    m_clock.set(at("2026-12-01T09:00:00"));
    const auto f = m_survey.figures(day("2026-11-30"), day("2026-11-30"));
    EXPECT_EQ(f.satisfied, 1);
    EXPECT_EQ(m_survey.trend(day("2026-11-01"), day("2026-11-30")).size(), 1u);
}

TEST_F(SurveyServiceTest, codesAreSixDigitsAndDistinctWithinADay) {
    std::set<std::string> codes;
    for (int i = 0; i < 200; ++i) {
        const std::string code = issue().surveyCode;
        EXPECT_TRUE(domain::normalizeSurveyCode(code) == code) << code;
        codes.insert(code);
    }
    EXPECT_EQ(codes.size(), 200u);
}

TEST_F(SurveyServiceTest, checkTellsBeforeTheQuestionsAndStoresNothing) {
    const domain::Ticket waiting = issue();
    const domain::Ticket done = served();
    EXPECT_NO_THROW(m_survey.check(done.surveyCode));
    EXPECT_NO_THROW(m_survey.check(done.surveyCode));  // checking does not use the code up
    EXPECT_EQ(refusalOf([&] { m_survey.check(waiting.surveyCode); }), SurveyRefusal::NotServed);
    EXPECT_EQ(refusalOf([&] { m_survey.check("12"); }), SurveyRefusal::UnknownCode);
    m_survey.submit(done.surveyCode, scored(4));
    EXPECT_EQ(refusalOf([&] { m_survey.check(done.surveyCode); }), SurveyRefusal::AlreadyUsed);
    EXPECT_EQ(m_store.storedAnswers().size(), 1u);
}

// The issue's case: 3.0 over 5 answers, then 2.667 over 6, gave the sixth person's score away to
// whoever had just served them. Today's answers count from tomorrow.
TEST_F(SurveyServiceTest, todaysAnswersCountFromTomorrowSoThatNoFigureMovesWithOneAnswer) {
    m_clock.set(at("2026-11-27T12:00:00"));
    for (int i = 0; i < 5; ++i) m_survey.submitPaper(scored(3, {3, std::nullopt, std::nullopt, std::nullopt}));
    m_clock.set(at("2026-11-30T16:00:00"));
    const domain::SatisfactionFigures before = m_survey.figures(day("2026-11-01"), day("2026-11-30"));
    const domain::Ticket t = served();
    m_survey.submit(t.surveyCode, scored(1, {1, std::nullopt, std::nullopt, std::nullopt}));

    EXPECT_EQ(m_survey.lastCountedDay(), day("2026-11-29"));
    const domain::SatisfactionFigures after = m_survey.figures(day("2026-11-01"), day("2026-11-30"));
    EXPECT_EQ(after.answers, 5);
    EXPECT_EQ(after.answers, before.answers);
    EXPECT_EQ(after.dimensionAverages, before.dimensionAverages);
    EXPECT_EQ(m_survey.figures(day("2026-11-30"), day("2026-11-30")).answers, 0);
    const auto trend = m_survey.trend(day("2026-11-01"), day("2026-11-30"));
    ASSERT_EQ(trend.size(), 1u);
    EXPECT_EQ(trend[0].figures.answers, 5);

    m_clock.set(at("2026-12-01T08:00:00"));
    EXPECT_EQ(m_survey.figures(day("2026-11-01"), day("2026-11-30")).answers, 6);
    EXPECT_EQ(m_survey.trend(day("2026-11-01"), day("2026-11-30"))[0].figures.answers, 6);
}
