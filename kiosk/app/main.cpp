// The citizen kiosk: a thin loop around App that sleeps while nothing happens.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "app.hpp"
#include "backup_worker.hpp"
#include "lockdown.hpp"
#include "main_loop.hpp"
#include "board/hall_board.hpp"
#include "domain/shown_text.hpp"
#include "domain/staff.hpp"
#include "domain/survey_service.hpp"
#include "staff/staff_console.hpp"
#include "kiosk/common/cli_messages.hpp"
#include "kiosk/common/config_files.hpp"
#include "kiosk/common/paths.hpp"
#include "kiosk/common/printer.hpp"
#include "kiosk/common/system_clock.hpp"
#include "kiosk/common/version.hpp"
#include "kiosk/common/log.hpp"
#include "kiosk/store/open_store.hpp"
#include "kiosk/store/postgres_store.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "platform/audio.hpp"
#include "platform/screenshot.hpp"
#include "platform/speech.hpp"
#include "platform/window.hpp"
#include "ui/fonts.hpp"
#include "ui/glyph_texts.hpp"
#include "ui/theme.hpp"

namespace {

struct Options {
    std::string configPath;
    std::string dbPath = common::defaultDatabasePath();
    std::string windowed;  // "WxH"
    std::string screenshotPath;
    std::string screenName = "home";
    std::string now;
    std::string uiScript;
    bool demo = false;
    std::string role = "citizen";
    int display = 0;  // 1-based monitor; 0 = wherever the desktop puts it
    bool silent = false;
    std::string language = "it";  // --screenshot: the citizen's language
    bool largeText = false;       // --screenshot: A+ on
    std::string theme;            // overrides [kiosk] theme
};

bool parseSize(const std::string& text, int& w, int& h) {
    return std::sscanf(text.c_str(), "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240;
}

std::string defaultConfigPath() {
    if (const char* env = std::getenv("KIOSK_CONFIG"); env && *env) return env;
    return (std::filesystem::path(common::assetsDir()) / ".." / "config" / "gorgonzola.toml").lexically_normal().string();
}

// The demo must give a newcomer a ticket at any hour: when numbers cannot be had right now, it
// runs on a simulated clock ten minutes into the next opening (and the header says DEMO).
std::optional<domain::LocalDateTime> demoStart(const domain::Config& config) {
    domain::LocalDateTime now = common::SystemClock().now();
    domain::OpeningCalendar calendar(config.hours);
    auto decision = domain::decideIssue(calendar, config.tickets, now, 0, config.tickets.defaultInterviewMinutes);
    if (decision.allowed()) return std::nullopt;
    auto next = decision.nextOpening ? decision.nextOpening : decision.session;
    if (!next) return std::nullopt;
    return next->start().plusSeconds(10 * 60);
}

std::unique_ptr<domain::Clock> makeClock(const Options& opt, const domain::Config& config, bool& simulated) {
    std::optional<domain::LocalDateTime> start;
    if (!opt.now.empty()) start = domain::LocalDateTime::parse(opt.now);
    else if (opt.demo) start = demoStart(config);
    simulated = start.has_value();
    if (!start) return std::make_unique<common::SystemClock>();
    std::fprintf(stderr, "kiosk: simulated clock from %s\n", start->iso().c_str());
    return std::make_unique<common::SimulatedClock>(*start);
}

// Renders one screen off-screen and writes it as PNG: README pictures and tests.
int renderScreenshot(const Options& opt, platform::Window& window, app::Role& app, const ui::Fonts& fonts,
                     const domain::Texts& texts) {
    if (auto* citizen = dynamic_cast<app::App*>(&app)) {
        citizen->setLanguage(opt.language);
        citizen->setLargeText(opt.largeText);
    }
    if (!app.showForScreenshot(opt.screenName)) {
        std::fprintf(stderr,
                     "kiosk: --screen: unknown screen \"%s\" for --role %s (citizen: home, category, ticket, "
                     "error, no-ticket, hours, services, service-list, card, survey-code, survey-question, survey-thanks, "
                     "admin-pin, admin, language; staff: staff-pin, staff-console, staff-satisfaction; "
                     "board: board)\n",
                     domain::escapedControls(opt.screenName).c_str(), opt.role.c_str());
        return 2;
    }
    int w = 0, h = 0;
    window.drawableSize(w, h);
    platform::OffscreenTarget target(w, h);
    platform::PointerInput pointer;
    ui::Targets targets;
    // Two frames: ImGui lays windows out on the first one.
    for (int i = 0; i < 2; ++i) {
        ui::UiContext ctx = app::beginFrame(window, pointer, fonts, texts, targets);
        app.drawFrame(ctx);
        app::endFrame(window, targets);
    }
    platform::savePng(opt.screenshotPath, w, h);
    std::printf("%s\n", opt.screenshotPath.c_str());
    return 0;
}

struct RoleDeps {
    common::TicketPrinter* printer;
    const domain::Config& config;
    const domain::Texts& texts;  // Italian
    const domain::Catalog& catalog;
    const ui::FontSet& fonts;
    domain::QueueService& queue;
    domain::StaffService& staff;
    domain::SurveyService& survey;
    domain::TicketStore& store;
    const domain::Clock& clock;
    bool simulated;
    std::function<void(const std::string&, const std::string&)> speak;  // citizen: the ticket number aloud
};

// The citizen kiosk's sounds: the tap click ([kiosk] click_sound) and the ticket number read
// aloud on request. Without a sound device there are neither, and no listen button. A screenshot
// opens no device but shows the button, as a kiosk with speakers does.
struct CitizenSound {
    std::unique_ptr<platform::AudioOut> out;          // declared first: the others play into it
    std::unique_ptr<platform::TapClick> click;
    std::unique_ptr<platform::SpeechWorker> speech;   // stopped before the device closes
    std::function<void(const std::string&, const std::string&)> speak;
};

CitizenSound citizenSound(const Options& opt, const domain::Config& config, const domain::Catalog& catalog) {
    CitizenSound s;
    if (opt.role != "citizen") return s;
    if (!opt.screenshotPath.empty()) {
        s.speak = [](const std::string&, const std::string&) {};
        return s;
    }
    s.out = std::make_unique<platform::AudioOut>();
    if (!s.out->available()) {
        common::logLine(common::LogLevel::Warn, "kiosk", "no sound (%s): no tap click, no spoken ticket number",
                        s.out->error().c_str());
        return s;
    }
    platform::AudioOut* out = s.out.get();
    auto play = [out](const platform::Pcm& pcm) { out->play(pcm); };
    s.click = std::make_unique<platform::TapClick>(config.kiosk.clickSound, play);
    s.speech = std::make_unique<platform::SpeechWorker>(play);
    platform::SpeechWorker* speech = s.speech.get();
    s.speak = [speech, &catalog](const std::string& text, const std::string& language) {
        speech->say(text, catalog.language(language).voice);
    };
    return s;
}

std::unique_ptr<app::Role> makeRole(const Options& opt, const RoleDeps& d) {
    if (opt.role == "staff")
        return std::make_unique<staff::StaffConsole>(
            staff::ConsoleDeps{d.config, d.texts, d.queue, d.staff, d.survey, d.store, d.simulated});
    if (opt.role == "board") {
        bool sound = !opt.silent && opt.screenshotPath.empty() && opt.uiScript.empty();
        return std::make_unique<board::HallBoard>(board::BoardDeps{d.config, d.texts, d.staff, d.store, d.clock,
                                                                   common::assetsDir() + "/sounds/chime.wav",
                                                                   d.simulated, sound});
    }
    screens::AdminFacts facts{{d.texts.get("admin.database"), store::describeStore(opt.dbPath, d.config.kiosk.store)},
                              {d.texts.get("admin.config"), opt.configPath},
                              {d.texts.get("admin.printer"), d.config.printer.target == "none" ? d.texts.get("admin.no_printer")
                                                                                    : d.config.printer.target}};
    std::vector<app::LanguageTexts> languages;
    for (const auto& language : d.catalog.languages())
        languages.push_back({language.code, language.selfName, &language.texts});
    return std::make_unique<app::App>(app::AppDeps{d.config, d.texts, d.queue, d.survey, d.store, d.simulated,
                                                   d.printer, d.config.kiosk.inactivitySeconds, facts, languages,
                                                   &d.fonts.large, d.speak});
}

// The citizen kiosk covers every language; the staff console and the board read Italian only.
ui::FontSet loadRoleFonts(const Options& opt, float scale, const domain::Catalog& catalog, const domain::Config& config) {
    std::vector<const domain::Texts*> languages;
    for (const auto& language : catalog.languages())
        if (opt.role == "citizen" || language.code == domain::kBaseLanguage) languages.push_back(&language.texts);
    // The board's number must be read from the back of the room.
    return ui::loadFontsCovering(common::assetsDir(), scale, languages, config, opt.role == "board" ? 400.0f : 260.0f,
                                 opt.role == "citizen" ? ui::FontRequest{}.largeFactor : 1.0f);
}

std::string windowTitle(const std::string& role, const std::string& office) {
    if (role == "staff") return office + " – Operatori";
    if (role == "board") return office + " – Sala d'attesa";
    return office;
}

// With one monitor and windowed roles, the citizen kiosk sits left and the staff console right.
platform::Placement placementFor(const std::string& role) {
    if (role == "citizen") return platform::Placement::Left;
    if (role == "staff") return platform::Placement::Right;
    return platform::Placement::Center;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"kiosk - the Segretariato sociale touchscreen kiosk"};
    cli.set_version_flag("--version", common::versionLine("kiosk"));
    Options opt;
    opt.configPath = defaultConfigPath();
    cli.add_option("--config", opt.configPath, "office configuration (TOML)")->capture_default_str();
    cli.add_option("--db", opt.dbPath, "SQLite database file (created on first run)")->capture_default_str();
    cli.add_option("--windowed", opt.windowed, "run in a window of this size instead of full screen, e.g. 1280x800");
    cli.add_option("--screenshot", opt.screenshotPath, "render one screen off-screen to this PNG and exit");
    cli.add_option("--screen", opt.screenName,
                   "screen for --screenshot: home, category, ticket, error, no-ticket, hours, services, "
                   "service-list, card")
        ->capture_default_str();
    cli.add_option("--now", opt.now, "run on a simulated clock starting at this local time (2026-11-30T15:45)")
        ->check([](const std::string& s) {
            return domain::LocalDateTime::parse(s) ? std::string() : "expected a local time like 2026-11-30T15:45";
        });
    cli.add_option("--role", opt.role, "citizen (the touchscreen), staff (the operators' console) or board (the hall display)")
        ->check(CLI::IsMember({"citizen", "staff", "board"}))
        ->capture_default_str();
    cli.add_option("--display", opt.display, "full screen on monitor N (1 = the first)")->check(CLI::PositiveNumber);
    cli.add_flag("--silent", opt.silent, "board: no chime and no spoken calls");
    cli.add_flag("--demo", opt.demo, "when the office is closed now, run on a simulated clock inside the next opening");
    cli.add_option("--ui-script", opt.uiScript, "drive the kiosk from a script of taps (UI tests)");
    cli.add_option("--language", opt.language, "for --screenshot: the citizen's language (it, en, fr, es, ro, sq, uk)")
        ->capture_default_str();
    cli.add_flag("--large-text", opt.largeText, "for --screenshot: large text (A+) on");
    cli.add_option("--theme", opt.theme, "standard or high-contrast, instead of [kiosk] theme in the config");
    cli.failure_message(common::escapedFailureMessage);
    CLI11_PARSE(cli, argc, argv);

    try {
        domain::Config config = common::loadConfigFile(opt.configPath);
        domain::Catalog catalog = common::loadCatalog(common::assetsDir() + "/i18n");
        const domain::Texts& texts = catalog.texts(domain::kBaseLanguage);
        if (!catalog.has(opt.language)) {
            std::fprintf(stderr, "kiosk: --language: no translation \"%s\" in %s/i18n\n",
                         domain::escapedControls(opt.language).c_str(), common::assetsDir().c_str());
            return 2;
        }
        bool simulated = false;
        auto clock = makeClock(opt, config, simulated);
        // The SQLite file of --db, or the site's PostgreSQL server ([kiosk] store).
        const auto storeOwner = store::openStore(opt.dbPath, config.kiosk.store);
        domain::TicketStore& store = *storeOwner;
        auto* server = dynamic_cast<store::PostgresStore*>(storeOwner.get());
        const std::string storeName = store::describeStore(opt.dbPath, config.kiosk.store);
        domain::QueueService queue(config, store, *clock);

        platform::WindowOptions wo;
        wo.title = windowTitle(opt.role, config.office.name);
        wo.display = opt.display;
        wo.placement = placementFor(opt.role);
        wo.hidden = !opt.screenshotPath.empty();
        wo.fullscreen = opt.windowed.empty() && !wo.hidden;
        if (!opt.windowed.empty() && !parseSize(opt.windowed, wo.width, wo.height)) {
            std::fprintf(stderr, "kiosk: --windowed: expected WIDTHxHEIGHT such as 1280x800, got \"%s\"\n",
                         domain::escapedControls(opt.windowed).c_str());
            return 2;
        }
        app::prepareLockdownHints(opt.role == "citizen");
        platform::Window window(wo);
        app::lockWindow(window.sdl(), opt.role == "citizen", wo.fullscreen);
        int w = 0, h = 0;
        window.drawableSize(w, h);
        float scale = ui::scaleForWindow(w, h);
        // [kiosk] theme: what citizens look at (kiosk and hall board); the staff console keeps the standard look.
        const std::string theme = opt.theme.empty() ? config.kiosk.theme : opt.theme;
        auto palette = ui::paletteNamed(theme);
        if (!palette) {
            std::fprintf(stderr, "kiosk: --theme: unknown theme \"%s\" (standard, high-contrast)\n",
                         domain::escapedControls(theme).c_str());
            return 2;
        }
        if (opt.role != "staff") ui::usePalette(*palette);
        ui::applyStyle(scale);
        ui::FontSet fontSet = loadRoleFonts(opt, scale, catalog, config);
        const ui::Fonts& fonts = fontSet.normal;
        int unitsW = 0, unitsH = 0;
        SDL_GetWindowSize(window.sdl(), &unitsW, &unitsH);
        // Both sizes: they differ under an output scale, the first thing to look at when taps miss.
        std::fprintf(stderr, "kiosk: %dx%d pixels (window %dx%d), fonts: %s, database: %s\n", w, h, unitsW, unitsH,
                     fontSet.description.c_str(), storeName.c_str());

        domain::StaffService staffService(config, store, *clock);
        domain::SurveyService surveyService(config, store, *clock);
        // A screenshot never prints; the printer itself comes from [printer] in the config.
        std::unique_ptr<common::TicketPrinter> printer;
        if (opt.role == "citizen" && opt.screenshotPath.empty())
            printer = std::make_unique<common::TicketPrinter>(config.printer);
        CitizenSound sound = citizenSound(opt, config, catalog);
        std::unique_ptr<app::Role> role =
            makeRole(opt, {printer.get(), config, texts, catalog, fontSet, queue, staffService, surveyService, store, *clock, simulated,
                           sound.speak});
        if (!opt.screenshotPath.empty()) return renderScreenshot(opt, window, *role, fonts, texts);
        // One copy a day per site: the citizen kiosk takes it (kioskctl backup --daily where it does not run).
        std::optional<app::BackupWorker> backups;
        // On a PostgreSQL site the server is backed up there (pg_dump, see the README).
        if (opt.role == "citizen" && !server) backups.emplace(opt.dbPath, config.backup);
        auto everyMinute = [&] {
            if (backups) backups->runIfDue(clock->now().date);
        };
        everyMinute();
        app::LoopSetup setup{window,     *role,        fonts, texts, opt.dbPath, opt.uiScript, opt.role == "citizen",
                             !opt.windowed.empty(), everyMinute, {}, {}, {}, {}, {}};
        // Rebuilt into the same FontSet: the role and the loop hold references into it.
        setup.onPictureResized = [&](int width, int height) {
            const float newScale = ui::scaleForWindow(width, height);
            if (newScale == scale) return;
            scale = newScale;
            ui::applyStyle(scale);
            fontSet = loadRoleFonts(opt, scale, catalog, config);
            common::logLine(common::LogLevel::Info, "kiosk", "scale %.2f, fonts: %s", scale, fontSet.description.c_str());
        };
        if (server) {
            setup.serverSocket = [server] { return server->notificationSocket(); };
            setup.serverLost = [server] { return server->connectionLost(); };
        }
        if (auto* file = dynamic_cast<store::SqliteStore*>(storeOwner.get()))
            setup.databaseLost = [file]() -> std::optional<app::DatabaseLoss> {
                const std::optional<store::WalLoss> loss = file->walLoss();
                if (!loss) return std::nullopt;
                return app::DatabaseLoss{loss->saved, loss->message};
            };
        if (sound.click && sound.click->enabled())
            setup.onButtonPress = [&sound] {
                if (sound.click->buttonPressed()) common::logLine(common::LogLevel::Debug, "kiosk", "tap click");
            };
        return app::runLoop(setup);
    } catch (const domain::ConfigError& e) {
        std::fprintf(stderr, "kiosk: config error: %s\n", e.what());
        return 3;
    } catch (const domain::StoreError& e) {
        // The file names in it come from the command line; a server's own text may span lines.
        std::fprintf(stderr, "kiosk: database error: %s\n", domain::escapedControls(e.what(), true).c_str());
        return 4;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: %s\n", domain::escapedControls(e.what(), true).c_str());
        return 1;
    }
}
