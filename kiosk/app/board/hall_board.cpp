#include "hall_board.hpp"

#include <cmath>
#include <cstdio>

#include "domain/queue.hpp"
#include "../platform/speech.hpp"

namespace board {

HallBoard::HallBoard(const BoardDeps& deps) : m_deps(deps) {
    if (m_deps.sound && (m_deps.config.board.chime || m_deps.config.board.speak)) {
        m_audio = std::make_unique<platform::AudioOut>();
        if (!m_audio->available())
            std::fprintf(stderr, "kiosk: no sound on this machine (%s): calls are shown, not heard\n",
                         m_audio->error().c_str());
        std::string error;
        if (m_deps.config.board.chime) m_chime = platform::loadWav(m_deps.chimePath, &error);
        if (!error.empty()) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
    }
    reload(false);  // calls made before the board started are shown, not announced again
}

HallBoard::~HallBoard() = default;

void HallBoard::reload(bool announceNew) {
    m_dataVersion = m_deps.store.dataVersion();
    m_day = m_deps.clock.now().date;
    m_calls = m_deps.staff.recentCalls(m_deps.config.board.recentCalls + 1);
    m_waiting = m_deps.staff.figures().waiting;
    if (m_calls.empty()) return;
    const domain::CallRecord& newest = m_calls.front();
    if (announceNew && newest.id > m_lastAnnouncedId) announce(newest);
    m_lastAnnouncedId = std::max(m_lastAnnouncedId, newest.id);
}

bool HallBoard::refreshIfChanged() {
    if (m_deps.store.dataVersion() == m_dataVersion && m_deps.clock.now().date == m_day) return false;
    reload(true);
    return true;
}

void HallBoard::announce(const domain::CallRecord& call) {
    m_pulseStart = SDL_GetTicks();
    if (!m_audio || !m_audio->available()) return;
    if (m_deps.config.board.chime && !m_chime.samples.empty()) m_audio->play(m_chime);
    if (!m_deps.config.board.speak) return;
    std::string error;
    platform::Pcm voice = platform::synthesizeItalian(platform::callAnnouncement(call.code, call.desk), &error);
    if (voice.samples.empty()) std::fprintf(stderr, "kiosk: cannot speak the call: %s\n", error.c_str());
    else m_audio->play(voice);
}

namespace {

// 1 at the start of a new call, fading in waves to 0 after kPulseMs.
float pulseLevel(Uint32 start) {
    if (start == 0) return 0;
    Uint32 elapsed = SDL_GetTicks() - start;
    if (elapsed >= kPulseMs) return 0;
    float t = static_cast<float>(elapsed) / static_cast<float>(kPulseMs);
    return (1 - t) * (0.5f + 0.5f * std::cos(t * 6.2831853f * 3));
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    ImVec4 ca = ImColor(a), cb = ImColor(b);
    return ImColor(ca.x + (cb.x - ca.x) * t, ca.y + (cb.y - ca.y) * t, ca.z + (cb.z - ca.z) * t, 1.0f);
}

void currentCall(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const domain::CallRecord& call, float pulse) {
    // The panel is the Comune's blue; a new call makes it pulse darker for a few seconds.
    ctx.draw->AddRectFilled(min, max, mix(ui::palette().primary, ui::palette().primaryDark, pulse), ctx.px(24));
    const float cx = (min.x + max.x) / 2;
    float y = min.y + ctx.px(50);
    ui::textCentered(ctx, ctx.fonts.heading, cx, y, ui::palette().onPrimary, ctx.texts.get("board.now_calling"));
    y += ctx.px(70);
    ImVec2 codeSize = ui::measure(ctx.fonts.ticket, call.code);
    ctx.targets.record("called:" + call.code, ImVec2(cx - codeSize.x / 2, y), ImVec2(cx + codeSize.x / 2, y + codeSize.y),
                       ui::TargetKind::Marker);
    ui::textCentered(ctx, ctx.fonts.ticket, cx, y, ui::palette().onPrimary, call.code);
    y += ctx.fonts.ticket->FontSize * 0.92f;
    ui::textCentered(ctx, ctx.fonts.heading, cx, y, ui::palette().onPrimary, ctx.texts.get("board.go_to"));
    y += ctx.px(70);
    ui::textCentered(ctx, ctx.fonts.display, cx, y, ui::palette().onPrimary, call.desk);
}

void earlierCalls(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const std::vector<domain::CallRecord>& calls) {
    ui::panel(ctx, min, max);
    const float pad = ctx.px(40);
    float y = min.y + pad;
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(min.x + pad, y), ui::palette().text, ctx.texts.get("board.earlier"));
    y += ctx.px(100);
    for (size_t i = 1; i < calls.size(); ++i) {
        ui::textAt(ctx, ctx.fonts.display, ImVec2(min.x + pad, y), ui::palette().primary, calls[i].code);
        ImVec2 s = ui::measure(ctx.fonts.heading, calls[i].desk);
        ui::textAt(ctx, ctx.fonts.heading, ImVec2(max.x - pad - s.x, y + ctx.px(14)), ui::palette().text, calls[i].desk);
        y += ctx.px(110);
        if (y > max.y - ctx.px(100)) break;
    }
}

}  // namespace

void HallBoard::drawFrame(ui::UiContext& ctx) {
    ui::beginScreen("board", ctx.size);
    ctx.draw = ImGui::GetWindowDrawList();
    ui::headerBar(ctx, m_deps.config.office, m_deps.clock.now(), m_deps.simulatedClock);
    const float pad = ctx.px(56);
    const float top = ui::headerHeight(ctx) + pad;
    const float bottom = ctx.size.y - pad;
    const float split = pad + (ctx.size.x - 2 * pad) * 0.62f;
    if (m_calls.empty()) {
        ui::panel(ctx, ImVec2(pad, top), ImVec2(ctx.size.x - pad, bottom));
        const float cy = (top + bottom) / 2;
        ui::textCentered(ctx, ctx.fonts.display, ctx.size.x / 2, cy - ctx.px(80), ui::palette().text,
                         ctx.texts.get("board.no_calls"));
        ui::textCentered(ctx, ctx.fonts.heading, ctx.size.x / 2, cy + ctx.px(30), ui::palette().textMuted,
                         ctx.texts.format("board.waiting", {{"n", std::to_string(m_waiting)}}));
    } else {
        currentCall(ctx, ImVec2(pad, top), ImVec2(split - ctx.px(20), bottom), m_calls.front(), pulseLevel(m_pulseStart));
        earlierCalls(ctx, ImVec2(split + ctx.px(20), top), ImVec2(ctx.size.x - pad, bottom), m_calls);
    }
    ui::endScreen();
}

}  // namespace board
