#pragma once
// What the main loop needs from each kind of screen it can run: citizen kiosk, staff console, hall board.
#include <SDL.h>

#include <string>

#include "platform/pointer_input.hpp"
#include "ui/widgets.hpp"

namespace app {

class Role {
public:
    virtual ~Role() = default;

    // Draws the current screen into the current ImGui frame; taps are collected, not applied.
    virtual void drawFrame(ui::UiContext& ctx) = 0;
    // Applies what the last frame's taps asked for; may change the screen.
    virtual void applyIntents(platform::PointerInput& pointer) = 0;
    // Re-reads the data when another process committed (PRAGMA data_version); true if it did.
    virtual bool refreshIfChanged() = 0;
    // Time-based changes (countdowns, idle return, locking); true when the screen must redraw.
    virtual bool tick(Uint32 nowTicks, Uint32 lastInputTicks, platform::PointerInput& pointer) = 0;
    // The screen shown now, by the name UI scripts and --screen use.
    virtual std::string screenName() const = 0;
    // True while an animation runs: the loop draws at full rate only then.
    virtual bool animating(Uint32 /*nowTicks*/) const { return false; }
    // True once staff closed the application from its own screens (the loop then exits with 0).
    virtual bool exitRequested() const { return false; }
    // After a frame failed: back to the start, forgetting whatever was half done or typed.
    virtual void recover() {}
    // The texts of the language the person at the screen chose (nullptr: the role's own texts).
    virtual const domain::Texts* visitTexts() const { return nullptr; }
    virtual std::string visitLanguage() const { return "it"; }
    // For --screenshot: shows the named screen with sample content; false if there is no such screen.
    virtual bool showForScreenshot(const std::string& name) = 0;
};

}  // namespace app
