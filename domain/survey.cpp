#include "survey.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace domain {

namespace {

constexpr int kSurveyCodeDigits = 6;
constexpr int kLowestScore = 1;
constexpr int kHighestScore = 5;

bool isScore(int score) { return score >= kLowestScore && score <= kHighestScore; }

// A citizen reads the code off the paper in groups ("042 917"); any blank between digits is fine.
bool isBlank(char c) { return c == ' ' || c == '\t'; }

// In-range answers of one calendar month (year * 12 + month - 1 orders months across years).
int monthIndex(const LocalDate& day) { return day.year * 12 + (day.month - 1); }

std::string monthLabel(int index) {
    const int year = index / 12;
    const int month = index % 12 + 1;
    std::string label = std::to_string(year) + "-";
    if (month < 10) label += '0';
    return label + std::to_string(month);
}

Verdict verdictOf(const WilsonInterval& percentInterval, double targetPercent) {
    if (percentInterval.low >= targetPercent) return Verdict::Met;
    if (percentInterval.high < targetPercent) return Verdict::NotMet;
    return Verdict::NotEnoughAnswers;
}

// Averages only over the people who answered that question; too few of them and a single
// person's score could be read back from the average, so nothing is shown.
std::optional<double> dimensionAverage(const ScoreTally& tally, std::size_t dimension, int minAnswers) {
    int count = 0;
    long long sum = 0;
    const auto& scores = tally.counts[1 + dimension];
    for (int score = 1; score <= ScoreTally::kScores; ++score) {
        count += scores[static_cast<std::size_t>(score - 1)];
        sum += static_cast<long long>(score) * scores[static_cast<std::size_t>(score - 1)];
    }
    if (count < minAnswers || count == 0) return std::nullopt;
    return static_cast<double>(sum) / count;
}

}  // namespace

std::string surveyRefusalMessage(SurveyRefusal reason) {
    switch (reason) {
        case SurveyRefusal::UnknownCode: return "Codice non trovato: controlla le sei cifre sul biglietto di oggi.";
        case SurveyRefusal::NotServed: return "Il questionario si può compilare dopo il colloquio.";
        case SurveyRefusal::AlreadyUsed: return "Per questo biglietto il questionario è già stato compilato. Grazie!";
        case SurveyRefusal::BadScore: return "Ogni risposta va da 1 a 5: scegli uno dei cinque valori.";
    }
    return "Il questionario non può essere registrato.";
}

void refuseSurvey(SurveyRefusal reason) { throw SurveyRefusedError(reason, surveyRefusalMessage(reason)); }

std::optional<std::string> normalizeSurveyCode(std::string_view typed) {
    std::string digits;
    for (const char c : typed) {
        if (isBlank(c)) continue;
        if (c < '0' || c > '9') return std::nullopt;
        digits += c;
    }
    if (digits.size() != kSurveyCodeDigits) return std::nullopt;
    return digits;
}

void validateScores(const SurveyAnswer& answer) {
    if (!isScore(answer.overall)) refuseSurvey(SurveyRefusal::BadScore);
    for (const auto& score : answer.dimensions)
        if (score && !isScore(*score)) refuseSurvey(SurveyRefusal::BadScore);
}

WilsonInterval wilsonInterval(int successes, int total, double z) {
    if (total <= 0) return {0, 1};  // no answers: anything is possible
    const double n = total;
    const double p = static_cast<double>(successes) / n;
    const double z2 = z * z;
    const double denominator = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denominator;
    const double halfWidth = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    // Rounding may leave -1e-17 at 0 successes; a proportion stays within [0, 1].
    return {std::clamp(centre - halfWidth, 0.0, 1.0), std::clamp(centre + halfWidth, 0.0, 1.0)};
}

int ScoreTally::answers() const {
    int total = 0;
    for (const int count : counts[0]) total += count;
    return total;
}

void ScoreTally::add(std::size_t question, int score, int count) {
    if (question >= kQuestions || !isScore(score)) return;
    counts[question][static_cast<std::size_t>(score - 1)] += count;
}

void ScoreTally::add(const SurveyAnswer& answer) {
    add(0, answer.overall, 1);
    for (std::size_t d = 0; d < answer.dimensions.size(); ++d)
        if (answer.dimensions[d]) add(1 + d, *answer.dimensions[d], 1);
    if (answer.paper) ++paperAnswers;
}

void ScoreTally::add(const ScoreTally& other) {
    for (std::size_t q = 0; q < kQuestions; ++q)
        for (std::size_t s = 0; s < static_cast<std::size_t>(kScores); ++s) counts[q][s] += other.counts[q][s];
    paperAnswers += other.paperAnswers;
}

std::vector<DayScoreTally> tallyByDay(const std::vector<StoredAnswer>& answers) {
    std::map<std::pair<LocalDate, bool>, ScoreTally> days;
    for (const auto& stored : answers) days[{stored.day, stored.answer.paper}].add(stored.answer);
    std::vector<DayScoreTally> out;
    for (const auto& [key, tally] : days) out.push_back({key.first, key.second, tally});
    return out;
}

SatisfactionFigures satisfactionFigures(const ScoreTally& tally, const SurveyRules& rules) {
    SatisfactionFigures figures;
    figures.answers = tally.answers();
    figures.paperAnswers = tally.paperAnswers;
    // Below the minimum even the count of satisfied people could reveal one person's answer.
    if (figures.answers < rules.minAnswersForFigures || figures.answers == 0) return figures;

    for (int score = std::max(rules.satisfiedFrom, 1); score <= ScoreTally::kScores; ++score)
        figures.satisfied += tally.counts[0][static_cast<std::size_t>(score - 1)];
    figures.percent = 100.0 * figures.satisfied / figures.answers;
    const WilsonInterval fraction = wilsonInterval(figures.satisfied, figures.answers);
    figures.interval = {100.0 * fraction.low, 100.0 * fraction.high};
    figures.verdict = verdictOf(figures.interval, rules.targetPercent);
    for (std::size_t d = 0; d < figures.dimensionAverages.size(); ++d)
        figures.dimensionAverages[d] = dimensionAverage(tally, d, rules.minAnswersForFigures);
    return figures;
}

SatisfactionFigures satisfactionFigures(const std::vector<StoredAnswer>& answers, const SurveyRules& rules) {
    ScoreTally tally;
    for (const auto& stored : answers) tally.add(stored.answer);
    return satisfactionFigures(tally, rules);
}

std::vector<MonthFigures> monthlyTrend(const std::vector<StoredAnswer>& answers, const SurveyRules& rules,
                                       const LocalDate& from, const LocalDate& to) {
    return monthlyTrendOfTallies(tallyByDay(answers), rules, from, to);
}

std::vector<MonthFigures> monthlyTrendOfTallies(const std::vector<DayScoreTally>& days, const SurveyRules& rules,
                                               const LocalDate& from, const LocalDate& to) {
    const int first = monthIndex(from);
    const int last = monthIndex(to);
    std::vector<ScoreTally> months(static_cast<std::size_t>(std::max(0, last - first + 1)));
    for (const auto& day : days)
        if (day.day >= from && day.day <= to) months[static_cast<std::size_t>(monthIndex(day.day) - first)].add(day.tally);
    std::vector<MonthFigures> out;
    for (int month = first; month <= last; ++month)
        out.push_back({monthLabel(month), satisfactionFigures(months[static_cast<std::size_t>(month - first)], rules)});
    return out;
}

}  // namespace domain
