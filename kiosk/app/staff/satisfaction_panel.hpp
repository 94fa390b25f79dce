#pragma once
// The staff console's satisfaction view: where the office stands against the charter's 70%.
#include <string>
#include <vector>

#include "domain/survey.hpp"
#include "../ui/widgets.hpp"

namespace staff {

enum class Period { Month, Quarter, Year };

struct SatisfactionView {
    Period period = Period::Month;
    domain::LocalDate lastDay;  // the figures count up to this day: yesterday (SurveyService)
    domain::SatisfactionFigures figures;
    std::vector<domain::MonthFigures> trend;  // the last twelve months, oldest first
    domain::SurveyRules rules;
};

// What a tap on the panel asked for.
struct SatisfactionIntents {
    std::optional<Period> period;
};

void drawSatisfactionPanel(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const SatisfactionView& view,
                           SatisfactionIntents& intents);

// "Dati fino a ieri, domenica 29 novembre ...", beside the title: today's answers are not counted.
void drawLastDayNote(ui::UiContext& ctx, ImVec2 at, const SatisfactionView& view);

// The first day of the period that contains `today`.
domain::LocalDate periodStart(Period period, const domain::LocalDate& today);

}  // namespace staff
