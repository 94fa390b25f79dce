#include "frame_guard.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/common/log.hpp"

namespace app {

void abandonImGuiFrame() {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g || !g->WithinFrameScope) return;
    ImGui::ErrorCheckEndFrameRecover(nullptr);
    ImGui::EndFrame();
}

bool FrameGuard::recordFailure(const std::exception& error, Uint32 nowTicks) {
    abandonImGuiFrame();
    m_failures.push_back(nowTicks);
    while (!m_failures.empty() && nowTicks - m_failures.front() > kWindowMs) m_failures.pop_front();
    const int count = static_cast<int>(m_failures.size());
    common::logLine(common::LogLevel::Error, "kiosk", "frame failed (%d in the last minute), back to the start: %s",
                    count, error.what());
    if (count <= kMaxFailures) return false;
    common::logLine(common::LogLevel::Error, "kiosk", "failing again and again: exiting with %d for a restart",
                    kExitCode);
    return true;
}

}  // namespace app
