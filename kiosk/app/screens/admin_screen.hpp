#pragma once
// The kiosk's reserved area: reached by holding a finger on the office name for a few seconds,
// opened only with the staff PIN. From there staff can close the kiosk or go back.
#include <string>
#include <utility>
#include <vector>

#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

struct AdminPinView {
    std::size_t digits = 0;
    std::string message;
};

// What the office's IT person needs to see at a glance (database, config, printer...).
using AdminFacts = std::vector<std::pair<std::string, std::string>>;

void drawAdminPinScreen(ui::UiContext& ctx, const AdminPinView& view, Intents& intents);
void drawAdminScreen(ui::UiContext& ctx, const AdminFacts& facts, Intents& intents);

}  // namespace screens
