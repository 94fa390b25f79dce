#pragma once
// The hall display: who is called to which room, readable from the back of the waiting room.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "domain/config.hpp"
#include "domain/staff.hpp"
#include "domain/texts.hpp"
#include "../platform/audio.hpp"
#include "../role.hpp"

namespace board {

struct BoardDeps {
    const domain::Config& config;
    const domain::Texts& texts;
    domain::StaffService& staff;
    domain::TicketStore& store;
    const domain::Clock& clock;
    std::string chimePath;  // assets/sounds/chime.wav
    bool simulatedClock = false;
    bool sound = true;      // false for screenshots and tests that must stay silent
};

// How long a new call pulses on screen to catch the eye.
inline constexpr Uint32 kPulseMs = 4000;

class HallBoard : public app::Role {
public:
    explicit HallBoard(const BoardDeps& deps);
    ~HallBoard() override;

    void drawFrame(ui::UiContext& ctx) override;
    void applyIntents(platform::PointerInput&) override {}
    // New calls are announced: chime, then the spoken call.
    bool refreshIfChanged() override;
    bool tick(Uint32, Uint32, platform::PointerInput&) override { return false; }
    std::string screenName() const override { return "board"; }
    bool animating(Uint32 nowTicks) const override { return m_pulseStart != 0 && nowTicks - m_pulseStart < kPulseMs; }
    bool showForScreenshot(const std::string& name) override { return name == "board"; }

private:
    void reload(bool announceNew);
    void announce(const domain::CallRecord& call);

    BoardDeps m_deps;
    std::vector<domain::CallRecord> m_calls;  // newest first
    int m_waiting = 0;
    std::int64_t m_lastAnnouncedId = 0;
    std::uint64_t m_dataVersion = 0;
    domain::LocalDate m_day;
    Uint32 m_pulseStart = 0;
    std::unique_ptr<platform::AudioOut> m_audio;
    platform::Pcm m_chime;
};

}  // namespace board
