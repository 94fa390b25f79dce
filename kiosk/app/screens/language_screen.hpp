#pragma once
#include <string>
#include <vector>

#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

// One language as the language screen offers it: named in itself ("Română"), never by a flag.
struct LanguageChoice {
    std::string code;      // "ro"
    std::string selfName;  // "Română"
};

// A tile per language; the one in use is highlighted. Tapping one sets the language and returns
// to the screen the citizen came from.
void drawLanguageScreen(ui::UiContext& ctx, const std::vector<LanguageChoice>& choices, Intents& intents);

}  // namespace screens
