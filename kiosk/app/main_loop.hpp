#pragma once
// The event loop shared by the citizen kiosk, the staff console and the hall board. It sleeps in
// SDL_WaitEventTimeout: after input it draws at full rate for a short while; idle, it wakes once
// a second for the clock and PRAGMA data_version, or at once when another process writes the
// database (platform::DatabaseWatch) or a thread pushes an SDL event.
#include <functional>
#include <optional>
#include <string>

#include "domain/texts.hpp"
#include "platform/pointer_input.hpp"
#include "platform/window.hpp"
#include "role.hpp"
#include "ui/fonts.hpp"
#include "ui/widgets.hpp"

namespace app {

// A site's SQLite file whose -wal was deleted under the running program (store::WalLoss).
struct DatabaseLoss {
    bool saved = false;   // the tickets given so far are in the database file
    std::string message;  // for the log
};

struct LoopSetup {
    platform::Window& window;
    Role& role;
    const ui::Fonts& fonts;
    const domain::Texts& texts;
    std::string dbPath;                  // watched for other processes' writes
    std::string uiScript;                // "" or a --ui-script file
    bool lockedDown = false;             // the citizen kiosk: see lockdown.hpp
    bool windowed = false;               // Escape closes an unlocked developer window
    std::function<void()> everyMinute;   // the daily backup's check, for one
    std::function<void()> onButtonPress; // a finger or the mouse went down on a button: the tap click
    std::function<void(int, int)> onPictureResized;  // new picture size in pixels: new scale, style, fonts
    // A site on a PostgreSQL server (both set, or neither): the connection's socket, woken by other
    // PCs' commits (-1 while away), and whether the server is unreachable right now. Then a failing
    // frame shows "collegamento al server interrotto" until the store reconnects, instead of
    // counting towards FrameGuard's restart.
    std::function<int()> serverSocket;
    std::function<bool()> serverLost;
    // A site on an SQLite file: whether its -wal was deleted under this program (an operator's
    // mistake; SqliteStore::walLoss). Then the store refuses every write and every frame shows
    // the out-of-service screen, for good: the programs must be restarted.
    std::function<std::optional<DatabaseLoss>()> databaseLost;
};

// Runs until the role asks to exit, a close request (unlocked roles), or the UI script ends.
// Returns the process exit code.
int runLoop(LoopSetup& setup);

// One ImGui frame drawn into the current GL target (also used for --screenshot).
ui::UiContext beginFrame(platform::Window& window, platform::PointerInput& pointer, const ui::Fonts& fonts,
                         const domain::Texts& texts, ui::Targets& targets);
void endFrame(platform::Window& window, ui::Targets& targets);

}  // namespace app
