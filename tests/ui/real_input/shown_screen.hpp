#pragma once
// What the kiosk says is on screen: after each swap that changes the screen or its targets it logs
// (at KIOSK_LOG_LEVEL=debug)
//   kiosk: on screen: category targets: back@96,852,436,956 category:adulti@96,342,940,557 ...
// which tells a test, as the picture tells a person, what is shown and where to tap.
#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "x_hand.hpp"

namespace real_input {

struct ShownScreen {
    std::string name;
    std::map<std::string, Rect> targets;
    std::chrono::steady_clock::time_point loggedAt;

    bool has(const std::string& target) const { return targets.count(target) > 0; }
    const Rect& at(const std::string& target) const;  // throws when the screen has no such target
};

// Parses an "on screen:" log line; nothing for other lines.
std::optional<ShownScreen> parseShownLine(const std::string& line);

}  // namespace real_input
