// The reference point for the kiosk's idle cost (issue 8): the citizen home screen drawn the way
// Dear ImGui's example_sdl_opengl3 draws, i.e. poll every event, build and render a frame, swap,
// forever. Under Xvfb there is no vsync to wait for, so it renders flat out: what a naive
// "redraw every frame" kiosk would cost. tests/bench/measure runs it next to the real roles.
//
// With --bare it only opens the same window and OpenGL context, clears it once and waits: the
// memory any OpenGL program has on this machine (with Mesa's llvmpipe, most of the kiosk's RSS).
//
// The setup repeats the few lines of kiosk/app/main.cpp on purpose (same window, style, fonts,
// App): the loop is the only thing that differs.
#include <CLI/CLI.hpp>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <SDL_opengl.h>

#include <cstdio>
#include <memory>

#include "kiosk/app/app.hpp"
#include "domain/survey_service.hpp"
#include "kiosk/common/config_files.hpp"
#include "kiosk/common/log.hpp"
#include "kiosk/common/paths.hpp"
#include "kiosk/common/system_clock.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "kiosk/app/platform/pointer_input.hpp"
#include "kiosk/app/platform/window.hpp"
#include "kiosk/app/ui/glyph_texts.hpp"
#include "kiosk/app/ui/theme.hpp"

namespace {

struct Options {
    std::string configPath;
    std::string dbPath;
    std::string windowed = "1280x800";
    std::string now;
    bool bare = false;
};

std::unique_ptr<domain::Clock> makeClock(const std::string& now) {
    if (now.empty()) return std::make_unique<common::SystemClock>();
    return std::make_unique<common::SimulatedClock>(*domain::LocalDateTime::parse(now));
}

void logFirstFrame() {
    // The kiosk's line, so tests/bench/measure times both alike (it reads the line's time stamp).
    common::logLine(common::LogLevel::Info, "kiosk", "first frame shown");
}

// --bare: one cleared frame, then nothing until the window is closed.
int showBareWindow(platform::Window& window) {
    int w = 0, h = 0;
    window.drawableSize(w, h);
    glViewport(0, 0, w, h);
    glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    window.present();
    logFirstFrame();
    SDL_Event event;
    while (SDL_WaitEvent(&event))
        if (event.type == SDL_QUIT) break;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"kiosk-reference-loop - the citizen home screen redrawn every frame, as the ImGui examples do"};
    Options opt;
    cli.add_option("--config", opt.configPath, "office configuration (TOML)")->required();
    cli.add_option("--db", opt.dbPath, "SQLite database file")->required();
    cli.add_option("--windowed", opt.windowed, "window size")->capture_default_str();
    cli.add_option("--now", opt.now, "simulated clock start, e.g. 2026-12-02T16:31:00")->check([](const std::string& s) {
        return domain::LocalDateTime::parse(s) ? std::string() : "expected a local time like 2026-11-30T15:45";
    });
    cli.add_flag("--bare", opt.bare, "only the window and its OpenGL context, cleared once: the driver's share of memory");
    CLI11_PARSE(cli, argc, argv);

    try {
        domain::Config config = common::loadConfigFile(opt.configPath);
        domain::Texts texts = common::loadTextsFile(common::assetsDir() + "/i18n/it.toml");
        auto clock = makeClock(opt.now);
        store::SqliteStore store(opt.dbPath);
        domain::QueueService queue(config, store, *clock);
        domain::SurveyService survey(config, store, *clock);

        platform::WindowOptions wo;
        wo.title = config.office.name + " – reference loop";
        wo.fullscreen = false;
        if (std::sscanf(opt.windowed.c_str(), "%dx%d", &wo.width, &wo.height) != 2) {
            std::fprintf(stderr, "kiosk-reference-loop: --windowed: expected WIDTHxHEIGHT\n");
            return 2;
        }
        platform::Window window(wo);  // SDL_GL_SetSwapInterval(1), as the example does
        if (opt.bare) return showBareWindow(window);
        int w = 0, h = 0;
        window.drawableSize(w, h);
        const float scale = ui::scaleForWindow(w, h);
        ui::applyStyle(scale);
        ui::Fonts fonts = ui::loadFontsCovering(common::assetsDir(), scale, {&texts}, config, 260.0f, 1.0f).normal;
        app::App home(app::AppDeps{config, texts, queue, survey, store, !opt.now.empty(), nullptr,
                                   app::kDefaultInactivitySeconds, {}, {}, nullptr, {}});
        platform::PointerInput pointer;
        ui::Targets targets;

        bool done = false;
        bool first = true;
        while (!done) {
            SDL_Event event;
            while (SDL_PollEvent(&event)) {
                ImGui_ImplSDL2_ProcessEvent(&event);
                if (event.type == SDL_QUIT) done = true;
                if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) done = true;
            }
            home.refreshIfChanged();

            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplSDL2_NewFrame();
            ImGui::NewFrame();
            targets.beginFrame();
            window.drawableSize(w, h);
            ui::UiContext ctx{fonts, texts, targets, ui::Metrics{ui::scaleForWindow(w, h)},
                              ImVec2(static_cast<float>(w), static_cast<float>(h)), nullptr};
            home.drawFrame(ctx);
            targets.endFrame();
            ImGui::Render();
            glViewport(0, 0, w, h);
            ImVec4 bg = ImColor(ui::palette().background);
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            window.present();
            home.applyIntents(pointer);
            if (first) logFirstFrame();
            first = false;
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk-reference-loop: %s\n", e.what());
        return 1;
    }
}
