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

    // Kiosk and paper answers together of the days from `from` to `to` inclusive.
    SatisfactionFigures figures(const LocalDate& from, const LocalDate& to) const;
    std::vector<MonthFigures> trend(const LocalDate& from, const LocalDate& to) const;

    SurveyRules rules() const;

private:
    const Config& m_config;
    TicketStore& m_store;
    const Clock& m_clock;
};

}  // namespace domain
