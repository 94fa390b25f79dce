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

// The first day of the period that contains `today`.
domain::LocalDate periodStart(Period period, const domain::LocalDate& today);

}  // namespace staff
