#pragma once
#include <optional>
#include <vector>

#include "domain/config.hpp"
#include "domain/opening_hours.hpp"
#include "domain/ticket_policy.hpp"
#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

// What the home screen shows: where am I, is it open, how busy is it, take a number.
struct HomeView {
    const domain::Office& office;
    domain::LocalDateTime now;
    int waitingCount = 0;
    domain::IssueDecision decision;
    std::optional<domain::Session> openNow;
    std::vector<domain::Session> today;
    std::optional<std::string> closedReason;     // why today is closed (holiday, closure)
    std::optional<domain::Session> nextOpening;  // the next session to start after now
};

void drawHomeScreen(ui::UiContext& ctx, const HomeView& view, Intents& intents);

// "15:30–17:00, 18:00–19:00"
std::string sessionsText(const std::vector<domain::Session>& sessions);

}  // namespace screens
