#pragma once
// The PIN keypad screen body: a title, one dot per digit typed (never the digits), a message
// line and the keypad. Targets: "pin:0".."pin:9", "pin:<", "pin:ok", and "pin_error".
#include <optional>
#include <string>

#include "widgets.hpp"

namespace ui {

// Returns the key tapped this frame: '0'..'9', '<' (delete) or '\n' (OK).
std::optional<char> pinPad(UiContext& ctx, const std::string& title, std::size_t digits, const std::string& message);

}  // namespace ui
