#pragma once
// The satisfaction survey over the store: answers from the kiosk or from paper, and the figures.
#include <string_view>
#include <vector>

#include "civil_time.hpp"
#include "config.hpp"
#include "survey.hpp"
#include "ticket_store.hpp"

namespace domain {

// The rules of config.survey in the form the figures use.
SurveyRules surveyRules(const SurveyConfig& config);

// Satisfaction is shown, on staff screens and in reports, up to the end of the previous service
// day only. A figure that counted today would change with each answer, and whoever has just
// served someone could read that person's scores by subtraction (3.0 over 5 answers, then 2.667
// over 6: the sixth answer was 1). Returns the last day whose answers may be counted on `today`.
LocalDate lastSatisfactionDay(const LocalDate& today);

class SurveyService {
public:
    SurveyService(const Config& config, TicketStore& store, const Clock& clock);

    // A citizen's answer with the code printed on today's ticket ("042 917" is fine). Throws
    // SurveyRefusedError, storing nothing, for a code that is not six digits, unknown today, of a
    // ticket not yet served or already used, or for a score outside 1..5.
    void submit(std::string_view typedCode, const SurveyAnswer& answer);

    // Whether submit would accept the code now, before the citizen answers: throws the same
    // SurveyRefusedError and stores nothing. submit checks again when the answer comes.
    void check(std::string_view typedCode) const;

    // A paper form typed in by staff: stored for today without any code, counted as paper.
    void submitPaper(const SurveyAnswer& answer);

    // The last day the figures below count: yesterday by the clock (lastSatisfactionDay).
    LocalDate lastCountedDay() const;

    // Kiosk and paper answers together of the days from `from` to `to` inclusive, up to
    // lastCountedDay() only: a range that reaches today leaves today out.
    SatisfactionFigures figures(const LocalDate& from, const LocalDate& to) const;
    // One entry per month from `from` to `to`, each counting up to lastCountedDay() only.
    std::vector<MonthFigures> trend(const LocalDate& from, const LocalDate& to) const;

    SurveyRules rules() const;

private:
    const Config& m_config;
    TicketStore& m_store;
    const Clock& m_clock;
};

}  // namespace domain
