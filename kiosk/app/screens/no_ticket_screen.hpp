#pragma once
#include "domain/ticket_policy.hpp"
#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

// No number can be had now: why, and when to come back.
void drawNoTicketScreen(ui::UiContext& ctx, const domain::IssueDecision& decision, Intents& intents);

}  // namespace screens
