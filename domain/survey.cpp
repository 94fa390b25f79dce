#include "survey.hpp"

#include <algorithm>
#include <cmath>

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
std::optional<double> dimensionAverage(const std::vector<StoredAnswer>& answers, std::size_t dimension,
                                       int minAnswers) {
    int count = 0;
    int sum = 0;
    for (const auto& stored : answers) {
        if (const auto& score = stored.answer.dimensions[dimension]) {
            sum += *score;
            ++count;
        }
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

SatisfactionFigures satisfactionFigures(const std::vector<StoredAnswer>& answers, const SurveyRules& rules) {
    SatisfactionFigures figures;
    figures.answers = static_cast<int>(answers.size());
    figures.paperAnswers =
        static_cast<int>(std::count_if(answers.begin(), answers.end(), [](const StoredAnswer& a) { return a.answer.paper; }));
    // Below the minimum even the count of satisfied people could reveal one person's answer.
    if (figures.answers < rules.minAnswersForFigures || figures.answers == 0) return figures;

    figures.satisfied = static_cast<int>(std::count_if(answers.begin(), answers.end(), [&](const StoredAnswer& a) {
        return a.answer.overall >= rules.satisfiedFrom;
    }));
    figures.percent = 100.0 * figures.satisfied / figures.answers;
    const WilsonInterval fraction = wilsonInterval(figures.satisfied, figures.answers);
    figures.interval = {100.0 * fraction.low, 100.0 * fraction.high};
    figures.verdict = verdictOf(figures.interval, rules.targetPercent);
    for (std::size_t d = 0; d < figures.dimensionAverages.size(); ++d)
        figures.dimensionAverages[d] = dimensionAverage(answers, d, rules.minAnswersForFigures);
    return figures;
}

std::vector<MonthFigures> monthlyTrend(const std::vector<StoredAnswer>& answers, const SurveyRules& rules,
                                       const LocalDate& from, const LocalDate& to) {
    std::vector<MonthFigures> months;
    for (int month = monthIndex(from); month <= monthIndex(to); ++month) {
        std::vector<StoredAnswer> ofMonth;
        std::copy_if(answers.begin(), answers.end(), std::back_inserter(ofMonth), [&](const StoredAnswer& a) {
            return monthIndex(a.day) == month && a.day >= from && a.day <= to;
        });
        months.push_back({monthLabel(month), satisfactionFigures(ofMonth, rules)});
    }
    return months;
}

}  // namespace domain
