#include "survey_service.hpp"

#include <algorithm>

namespace domain {

SurveyRules surveyRules(const SurveyConfig& config) {
    return {config.satisfiedFrom, config.targetPercent, config.minAnswersForFigures};
}

LocalDate lastSatisfactionDay(const LocalDate& today) { return today.plusDays(-1); }

SurveyService::SurveyService(const Config& config, TicketStore& store, const Clock& clock)
    : m_config(config), m_store(store), m_clock(clock) {}

void SurveyService::submit(std::string_view typedCode, const SurveyAnswer& answer) {
    const auto code = normalizeSurveyCode(typedCode);
    if (!code) refuseSurvey(SurveyRefusal::UnknownCode);
    SurveyAnswer fromKiosk = answer;
    fromKiosk.paper = false;  // a code proves it came from a ticket, whatever the caller set
    validateScores(fromKiosk);
    m_store.submitSurvey(m_clock.now().date, code, fromKiosk);
}

void SurveyService::check(std::string_view typedCode) const {
    const auto code = normalizeSurveyCode(typedCode);
    if (!code) refuseSurvey(SurveyRefusal::UnknownCode);
    m_store.checkSurveyCode(m_clock.now().date, *code);
}

void SurveyService::submitPaper(const SurveyAnswer& answer) {
    SurveyAnswer fromPaper = answer;
    fromPaper.paper = true;
    validateScores(fromPaper);
    m_store.submitSurvey(m_clock.now().date, std::nullopt, fromPaper);
}

LocalDate SurveyService::lastCountedDay() const { return lastSatisfactionDay(m_clock.now().date); }

SatisfactionFigures SurveyService::figures(const LocalDate& from, const LocalDate& to) const {
    ScoreTally total;
    for (const auto& day : m_store.surveyTallies(from, std::min(to, lastCountedDay()))) total.add(day.tally);
    return satisfactionFigures(total, rules());
}

std::vector<MonthFigures> SurveyService::trend(const LocalDate& from, const LocalDate& to) const {
    return monthlyTrendOfTallies(m_store.surveyTallies(from, std::min(to, lastCountedDay())), rules(), from, to);
}

SurveyRules SurveyService::rules() const { return surveyRules(m_config.survey); }

}  // namespace domain
