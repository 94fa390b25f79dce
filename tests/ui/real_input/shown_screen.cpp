#include "shown_screen.hpp"

#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace real_input {

const Rect& ShownScreen::at(const std::string& target) const {
    auto it = targets.find(target);
    if (it == targets.end()) throw std::runtime_error("screen \"" + name + "\" has no target \"" + target + "\"");
    return it->second;
}

std::optional<ShownScreen> parseShownLine(const std::string& line) {
    static const std::string kScreen = "on screen: ", kTargets = " targets: ";
    const auto at = line.find(kScreen);
    if (at == std::string::npos) return std::nullopt;
    const auto targetsAt = line.find(kTargets, at);
    ShownScreen shown;
    shown.name = line.substr(at + kScreen.size(), targetsAt == std::string::npos ? std::string::npos
                                                                                 : targetsAt - at - kScreen.size());
    if (targetsAt == std::string::npos) return shown;
    std::istringstream words(line.substr(targetsAt + kTargets.size()));
    std::string word;
    while (words >> word) {
        const auto sign = word.rfind('@');
        Rect r;
        if (sign == std::string::npos ||
            std::sscanf(word.c_str() + sign + 1, "%d,%d,%d,%d", &r.x0, &r.y0, &r.x1, &r.y1) != 4)
            continue;
        shown.targets[word.substr(0, sign)] = r;
    }
    return shown;
}

}  // namespace real_input
