#pragma once
#include <vector>

#include "domain/config.hpp"
#include "domain/opening_hours.hpp"
#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

// The week's timetable with today highlighted, and the closures coming up.
struct HoursView {
    const domain::HoursConfig& hours;
    domain::LocalDate today;
    std::vector<domain::Closure> upcomingClosures;
};

void drawHoursScreen(ui::UiContext& ctx, const HoursView& view, Intents& intents);

}  // namespace screens
