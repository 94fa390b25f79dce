// One frame's UI build for every screen of the three roles: ImGui::NewFrame, the role's drawFrame,
// ImGui::Render. No window and no GPU: what is measured is the CPU work the kiosk does per frame
// before handing the draw lists to OpenGL.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_env.hpp"
#include "benchmarks.hpp"
#include "domain/opening_hours.hpp"
#include "domain/queue.hpp"
#include "domain/staff.hpp"
#include "domain/survey_service.hpp"
#include "domain/ticket_policy.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/app/board/hall_board.hpp"
#include "kiosk/app/screens/screen_id.hpp"
#include "kiosk/app/staff/staff_console.hpp"
#include "kiosk/app/ui/glyph_texts.hpp"
#include "kiosk/app/ui/theme.hpp"
#include "kiosk/app/ui/widgets.hpp"
#include "kiosk/common/paths.hpp"
#include "kiosk/store/sqlite_store.hpp"

namespace bench {
namespace {

// The kiosk's design size: the screens are drawn for a 1920x1080 touchscreen.
constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
// What main.cpp asks of the fonts: the board's number is read from the back of the room.
constexpr float kTicketPixels = 260.0f;
constexpr float kBoardTicketPixels = 400.0f;

// One ImGui context with its font atlas, built on the CPU only (Build() rasterises the glyphs;
// no texture is ever uploaded because nothing is rendered).
class ImGuiRig {
public:
    explicit ImGuiRig(float ticketPixels) : m_context(ImGui::CreateContext()) {
        ImGui::SetCurrentContext(m_context);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // no imgui.ini written next to the benchmark
        io.DisplaySize = ImVec2(static_cast<float>(kWidth), static_cast<float>(kHeight));
        io.DeltaTime = 1.0f / 60.0f;
        m_scale = ui::scaleForWindow(kWidth, kHeight);
        ui::applyStyle(m_scale);
        m_fonts = ui::loadFontsCovering(common::assetsDir(), m_scale, {&italianTexts()}, demoOffice(), ticketPixels, 1.0f)
                      .normal;
    }
    ~ImGuiRig() { ImGui::DestroyContext(m_context); }
    ImGuiRig(const ImGuiRig&) = delete;
    ImGuiRig& operator=(const ImGuiRig&) = delete;

    // The work of one frame, as main.cpp's beginFrame/endFrame do it minus the SDL and GL calls.
    void frame(app::Role& role) {
        ImGui::SetCurrentContext(m_context);
        ImGui::NewFrame();
        m_targets.beginFrame();
        ui::UiContext ctx{m_fonts, italianTexts(), m_targets, ui::Metrics{m_scale},
                          ImVec2(static_cast<float>(kWidth), static_cast<float>(kHeight)), nullptr};
        role.drawFrame(ctx);
        m_targets.endFrame();
        ImGui::Render();
    }

private:
    ImGuiContext* m_context;
    float m_scale = 1.0f;
    ui::Fonts m_fonts;
    ui::Targets m_targets;
};

// A time inside the demo office's opening on the bench's Monday, so the home screen offers
// numbers and the staff console has a day to show (as kiosk --demo picks it).
domain::LocalDateTime insideDemoOpening() {
    const domain::Config& config = demoOffice();
    const domain::LocalDateTime monday = benchNow();
    domain::OpeningCalendar calendar(config.hours);
    const auto decision = domain::decideIssue(calendar, config.tickets, monday, 0, config.tickets.defaultInterviewMinutes);
    if (decision.allowed()) return monday;
    const auto next = decision.nextOpening ? decision.nextOpening : decision.session;
    return next ? next->start().plusSeconds(10 * 60) : monday;
}

// A day in progress on a database of its own: tickets waiting and called, and enough survey
// answers for the satisfaction figures to be shown, so no list is drawn empty.
class Office {
public:
    Office()
        : m_store(scratchDatabase("frames")),
          m_clock(insideDemoOpening()),
          m_queue(demoOffice(), m_store, m_clock),
          m_staff(demoOffice(), m_store, m_clock),
          m_survey(demoOffice(), m_store, m_clock) {
        fillTheDay();
    }

    std::unique_ptr<app::Role> citizen() {
        screens::AdminFacts facts{{"Database", m_store.path()}, {"Configurazione", "config/gorgonzola.toml"}};
        return std::make_unique<app::App>(
            app::AppDeps{demoOffice(), italianTexts(), m_queue, m_survey, m_store, false, nullptr,
                         app::kDefaultInactivitySeconds, facts, {}, nullptr, {}});
    }
    std::unique_ptr<app::Role> staffConsole() {
        return std::make_unique<staff::StaffConsole>(
            staff::ConsoleDeps{demoOffice(), italianTexts(), m_queue, m_staff, m_survey, m_store, false});
    }
    // Sound off: a benchmark must not open an audio device or speak.
    std::unique_ptr<app::Role> hallBoard() {
        return std::make_unique<board::HallBoard>(board::BoardDeps{demoOffice(), italianTexts(), m_staff, m_store,
                                                                   m_clock, "", false, false});
    }

private:
    void fillTheDay() {
        constexpr int kTickets = 24;
        constexpr int kCalled = 6;
        const auto& categories = demoOffice().categories;
        for (int i = 0; i < kTickets; ++i) {
            try {
                m_queue.takeTicket(categories[static_cast<std::size_t>(i) % categories.size()].id);
            } catch (const domain::TicketRefusedError&) {
                break;  // the demo office's day is full: enough to draw
            }
            m_clock.advanceSeconds(90);
        }
        // Guards the figures: a refused first ticket would time screens with nothing to list.
        if (m_queue.snapshot().waitingCount() == 0)
            throw std::runtime_error("the demo office gave no ticket at " + m_clock.now().iso());
        for (int i = 0; i < kCalled; ++i) {
            auto called = m_staff.callNext(1);
            if (called && i % 2 == 0) m_staff.serve(called->code);
        }
        for (int score = 0; score < 12; ++score) {
            domain::SurveyAnswer answer;
            answer.overall = 1 + (score * 7) % 5;
            answer.dimensions = {answer.overall, 4, 5, 3};
            m_survey.submitPaper(answer);
        }
    }

    store::SqliteStore m_store;
    domain::FixedClock m_clock;
    domain::QueueService m_queue;
    domain::StaffService m_staff;
    domain::SurveyService m_survey;
};

// Built on first use: a benchmark filtered out costs nothing.
struct FrameWorld {
    ImGuiRig text{kTicketPixels};
    ImGuiRig board{kBoardTicketPixels};
    Office office;
};

FrameWorld& world() {
    static FrameWorld w;
    return w;
}

enum class RoleKind { Citizen, Staff, Board };

void BM_Frame(benchmark::State& state, RoleKind kind, const std::string& screen) {
    FrameWorld& w = world();
    std::unique_ptr<app::Role> role = kind == RoleKind::Citizen ? w.office.citizen()
                                      : kind == RoleKind::Staff ? w.office.staffConsole()
                                                                : w.office.hallBoard();
    if (!role->showForScreenshot(screen)) {
        state.SkipWithError(("no screen " + screen).c_str());
        return;
    }
    ImGuiRig& rig = kind == RoleKind::Board ? w.board : w.text;
    // ImGui lays windows out on the first frames: measure the steady state the kiosk redraws.
    for (int i = 0; i < 3; ++i) rig.frame(*role);
    for (auto _ : state) rig.frame(*role);
}

void registerFrame(RoleKind kind, const std::string& roleName, const std::string& screen) {
    benchmark::RegisterBenchmark((std::string(kFramePrefix) + roleName + "/" + screen).c_str(),
                                 guarded([kind, screen](benchmark::State& state) { BM_Frame(state, kind, screen); }))
        ->Unit(benchmark::kMicrosecond);
}

}  // namespace

void registerFrameBenchmarks() {
    for (int id = 0; id <= static_cast<int>(screens::ScreenId::Admin); ++id)
        registerFrame(RoleKind::Citizen, "citizen",
                      std::string(screens::screenName(static_cast<screens::ScreenId>(id))));
    for (const char* screen : {"staff-pin", "staff-console", "staff-satisfaction"})
        registerFrame(RoleKind::Staff, "staff", screen);
    registerFrame(RoleKind::Board, "board", "board");
}

}  // namespace bench
