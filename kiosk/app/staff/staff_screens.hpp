#pragma once
// Drawing of the two staff screens; StaffConsole owns the state and applies the intents.
#include <string>

#include "domain/config.hpp"
#include "staff_console.hpp"

namespace staff {

struct PinView {
    std::size_t digits = 0;
    std::string message;  // wrong PIN, lock-out countdown, no PIN set
};

void drawPinScreen(ui::UiContext& ctx, const PinView& view, StaffIntents& intents);

struct ConsoleScreenView {
    const domain::Config& config;
    const ConsoleView& data;
    const std::string& selected;
    int desk = 1;
    const std::string& status;
    bool statusIsError = false;
    domain::LocalDateTime now;
    const std::string& printerFault;  // "" when the kiosk's printer works
};

void drawConsoleScreen(ui::UiContext& ctx, const ConsoleScreenView& view, StaffIntents& intents);

}  // namespace staff
