#pragma once
// The anonymous satisfaction survey and the charter's target (at least 70% satisfied).
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "civil_time.hpp"

namespace domain {

// The charter's quality dimensions, each an optional question after the overall one.
inline const std::array<std::string_view, 4> kSurveyDimensions = {"access", "professionalism", "privacy", "waiting"};

// One person's answer, scores 1..5. It carries no ticket, no time of day: see README, Privacy.
struct SurveyAnswer {
    int overall = 0;
    std::array<std::optional<int>, 4> dimensions;  // in kSurveyDimensions order; nullopt = skipped
    bool paper = false;                            // typed in by staff from a paper form
};

// What the store gives back for reports: the answer and its service day, nothing else.
struct StoredAnswer {
    LocalDate day;
    SurveyAnswer answer;
};

// Why a survey code cannot be used; nothing is stored in any of these cases.
enum class SurveyRefusal {
    UnknownCode,  // no ticket of today has it
    NotServed,    // the interview has not happened (waiting, called, no-show)
    AlreadyUsed,  // one answer per ticket
    BadScore,     // a score outside 1..5
};

class SurveyRefusedError : public std::runtime_error {
public:
    SurveyRefusedError(SurveyRefusal reason, const std::string& message)
        : std::runtime_error(message), m_reason(reason) {}
    SurveyRefusal reason() const { return m_reason; }

private:
    SurveyRefusal m_reason;
};

// The kind Italian sentence the citizen reads for each refusal.
std::string surveyRefusalMessage(SurveyRefusal reason);

// Throws SurveyRefusedError(reason) with surveyRefusalMessage(reason): one wording everywhere.
[[noreturn]] void refuseSurvey(SurveyRefusal reason);

// Six digits, e.g. "042917": what a citizen types; nullopt when it is not six digits.
std::optional<std::string> normalizeSurveyCode(std::string_view typed);

// Throws SurveyRefusedError(BadScore) unless every given score is 1..5.
void validateScores(const SurveyAnswer& answer);

// A binomial proportion's 95% Wilson score interval.
struct WilsonInterval {
    double low = 0;
    double high = 0;
};
WilsonInterval wilsonInterval(int successes, int total, double z = 1.959963984540054);

enum class Verdict {
    Met,               // even the interval's low end reaches the target
    NotMet,            // even its high end stays below
    NotEnoughAnswers,  // too few answers, or the interval still straddles the target
};

// The survey's rules, from config.
struct SurveyRules {
    int satisfiedFrom = 4;         // overall score that counts as satisfied
    double targetPercent = 70;     // the charter's promise
    int minAnswersForFigures = 5;  // fewer answers: no percentages, no breakdown
};

struct SatisfactionFigures {
    int answers = 0;
    int paperAnswers = 0;
    int satisfied = 0;
    double percent = 0;  // 0..100
    WilsonInterval interval;  // in percent
    Verdict verdict = Verdict::NotEnoughAnswers;
    std::array<std::optional<double>, 4> dimensionAverages;  // nullopt when fewer than the minimum answered
};

// How many answers gave each score to each question: everything the figures need. The store keeps
// one per day and source (see DayScoreTally), so years of answers are summed from a few rows.
struct ScoreTally {
    static constexpr std::size_t kQuestions = 5;  // the overall question, then kSurveyDimensions
    static constexpr int kScores = 5;
    std::array<std::array<int, kScores>, kQuestions> counts{};  // [question][score - 1]
    int paperAnswers = 0;

    int answers() const;  // the overall question is always answered
    // Adds `count` answers of `score` to `question` (0 = overall); scores outside 1..5 are ignored.
    void add(std::size_t question, int score, int count);
    void add(const SurveyAnswer& answer);
    void add(const ScoreTally& other);
};

// The tally of one day's kiosk answers, or of its paper forms: a day, a source and counts, nothing
// that could point at a ticket, a time of day or the order the answers came in.
struct DayScoreTally {
    LocalDate day;
    bool paper = false;
    ScoreTally tally;
};

// Counts answers per day and source, by day then kiosk before paper.
std::vector<DayScoreTally> tallyByDay(const std::vector<StoredAnswer>& answers);

SatisfactionFigures satisfactionFigures(const ScoreTally& tally, const SurveyRules& rules);
SatisfactionFigures satisfactionFigures(const std::vector<StoredAnswer>& answers, const SurveyRules& rules);

// Figures of each month from `from` to `to`, for the trend bars: months as "2026-11".
struct MonthFigures {
    std::string month;
    SatisfactionFigures figures;
};
std::vector<MonthFigures> monthlyTrend(const std::vector<StoredAnswer>& answers, const SurveyRules& rules,
                                       const LocalDate& from, const LocalDate& to);
std::vector<MonthFigures> monthlyTrendOfTallies(const std::vector<DayScoreTally>& days, const SurveyRules& rules,
                                               const LocalDate& from, const LocalDate& to);

}  // namespace domain
