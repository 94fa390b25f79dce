// Every button of every citizen screen is at least [kiosk] min_touch_px (design pixels, scaled
// with the window) wide and high, measured on the targets a real frame records: at 1280x800 and
// 1920x1080, with normal and large text (A+). The screens are drawn in-process, as the kiosk
// draws them, without a window or a GPU: ImGui builds the frame on the CPU.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "domain/civil_time.hpp"
#include "domain/i18n.hpp"
#include "domain/queue.hpp"
#include "domain/survey_service.hpp"
#include "domain/staff.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/app/staff/staff_console.hpp"
#include "kiosk/app/ui/fonts.hpp"
#include "kiosk/app/ui/glyph_texts.hpp"
#include "kiosk/app/ui/theme.hpp"
#include "kiosk/app/ui/widgets.hpp"
#include "kiosk/common/config_files.hpp"
#include "domain/config.hpp"
#include "kiosk/common/paths.hpp"
#include "kiosk/store/sqlite_store.hpp"
#include "support/process.hpp"

namespace {

const std::string kConfigPath = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";
// Monday 30 November 2026, 15:45: Gorgonzola is open and gives numbers.
const domain::LocalDateTime kOpenMonday = *domain::LocalDateTime::parse("2026-11-30T15:45");

// The citizen screens, by the names --screen and UI scripts use.
const std::vector<std::string> kCitizenScreens = {
    "home",        "category",    "ticket",          "hours",         "services", "service-list", "card",
    "survey-code", "survey-question", "survey-thanks", "no-ticket", "error",    "language"};

struct Size {
    int width, height;
};

// A button smaller than the minimum, in words for the failure message.
struct Undersized {
    std::string id;
    float width, height;
};

// The buttons of the last frame smaller than minPx in either dimension; markers and scroll
// areas are not pressed, so they are not measured.
std::vector<Undersized> undersizedButtons(const ui::Targets& targets, float minPx) {
    std::vector<Undersized> found;
    for (const auto& [id, rect] : targets.lastFrame()) {
        if (rect.kind != ui::TargetKind::Button) continue;
        const float w = rect.max.x - rect.min.x, h = rect.max.y - rect.min.y;
        // A hundredth of a pixel: layouts computed in floats land a hair under round numbers.
        if (w + 0.01f < minPx || h + 0.01f < minPx) found.push_back({id, w, h});
    }
    return found;
}

std::string describe(const std::vector<Undersized>& buttons) {
    std::string out;
    char line[200];
    for (const auto& b : buttons) {
        std::snprintf(line, sizeof line, "  %s: %.1f x %.1f px\n", b.id.c_str(), b.width, b.height);
        out += line;
    }
    return out;
}

// One ImGui context at one window size, with the kiosk's fonts (normal and A+) and style.
class FrameRig {
public:
    FrameRig(Size size, const std::vector<std::string>& glyphTexts)
        : m_context(ImGui::CreateContext()), m_size(size) {
        ImGui::SetCurrentContext(m_context);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
        io.DeltaTime = 1.0f / 60.0f;
        m_scale = ui::scaleForWindow(size.width, size.height);
        ui::applyStyle(m_scale);
        ui::FontRequest request;
        request.scale = m_scale;
        request.texts = glyphTexts;
        m_fonts = ui::loadFontSet(common::assetsDir(), request);
    }
    ~FrameRig() { ImGui::DestroyContext(m_context); }
    FrameRig(const FrameRig&) = delete;
    FrameRig& operator=(const FrameRig&) = delete;

    // Two frames, as --screenshot draws: ImGui places windows on the first.
    const ui::Targets& draw(app::Role& role, const domain::Texts& texts) {
        for (int i = 0; i < 2; ++i) {
            ImGui::NewFrame();
            m_targets.beginFrame();
            ui::UiContext ctx{m_fonts.normal, texts, m_targets, ui::Metrics{m_scale},
                              ImVec2(static_cast<float>(m_size.width), static_cast<float>(m_size.height)), nullptr};
            role.drawFrame(ctx);
            m_targets.endFrame();
            ImGui::Render();
        }
        return m_targets;
    }

    // Draws whatever `body` draws in one frame (for the test that a tiny button is caught).
    template <typename Body>
    const ui::Targets& drawWith(const domain::Texts& texts, Body body) {
        ImGui::NewFrame();
        m_targets.beginFrame();
        ui::UiContext ctx{m_fonts.normal, texts, m_targets, ui::Metrics{m_scale},
                          ImVec2(static_cast<float>(m_size.width), static_cast<float>(m_size.height)), nullptr};
        ui::beginScreen("probe", ctx.size);
        ctx.draw = ImGui::GetWindowDrawList();
        body(ctx);
        ui::endScreen();
        m_targets.endFrame();
        ImGui::Render();
        return m_targets;
    }

    float scale() const { return m_scale; }
    const ui::FontSet& fonts() const { return m_fonts; }

private:
    ImGuiContext* m_context;
    Size m_size;
    float m_scale = 1.0f;
    ui::FontSet m_fonts;
    ui::Targets m_targets;
};

// The demo office (or another config) on a database of its own, and a citizen kiosk on it with
// every language and A+.
class CitizenKiosk {
public:
    explicit CitizenKiosk(const std::string& configPath = kConfigPath)
        : m_config(common::loadConfigFile(configPath)),
          m_catalog(common::loadCatalog(common::assetsDir() + "/i18n")),
          m_store(m_dir.file("kiosk.db")),
          m_clock(kOpenMonday),
          m_queue(m_config, m_store, m_clock),
          m_survey(m_config, m_store, m_clock) {}

    std::vector<std::string> glyphTexts() const { return ui::glyphTextsFor(m_catalog, m_config); }
    const domain::Texts& italian() const { return m_catalog.texts("it"); }
    const domain::Config& config() const { return m_config; }
    domain::QueueService& queue() { return m_queue; }

    // The staff console on the same office and database (Italian, no A+).
    std::unique_ptr<staff::StaffConsole> staffConsole() {
        return std::make_unique<staff::StaffConsole>(
            staff::ConsoleDeps{m_config, italian(), m_queue, m_staff, m_survey, m_store, false});
    }

    std::unique_ptr<app::App> app(const ui::Fonts* largeFonts) {
        std::vector<app::LanguageTexts> languages;
        for (const auto& language : m_catalog.languages())
            languages.push_back({language.code, language.selfName, &language.texts});
        // A kiosk with speakers: the ticket screen shows "Ascolta il numero" too.
        auto speak = [](const std::string&, const std::string&) {};
        app::AppDeps deps{m_config, italian(), m_queue, m_survey, m_store, false, nullptr,
                          app::kDefaultInactivitySeconds, {}, languages, largeFonts, speak};
        return std::make_unique<app::App>(deps);
    }

private:
    testing_support::TempDir m_dir;
    domain::Config m_config;
    domain::Catalog m_catalog;
    store::SqliteStore m_store;
    domain::FixedClock m_clock;
    domain::QueueService m_queue;
    domain::SurveyService m_survey;
    domain::StaffService m_staff{m_config, m_store, m_clock};
};

struct Measured {
    std::string failures;         // every undersized button, by size, text size and screen
    std::string crowded;          // every tile whose words do not fit its margins ("crowded:ID")
    float smallestDesignPx = 1e9f;  // the smallest button side seen, in design pixels
    std::string smallestWhere;
    int buttons = 0;
    std::set<std::string> seen;  // every target id drawn
};

// Draws every citizen screen (or those named) at `size`, normal and large text, measures each
// button and notes each tile whose words do not fit with its margins ("crowded:ID").
Measured measureCitizenScreens(CitizenKiosk& kiosk, Size size, float minDesignPx,
                               const std::vector<std::string>& screens = kCitizenScreens) {
    FrameRig rig(size, kiosk.glyphTexts());
    Measured m;
    const float minPx = minDesignPx * rig.scale();
    for (const bool large : {false, true}) {
        for (const std::string& screen : screens) {
            auto app = kiosk.app(&rig.fonts().large);
            app->setLargeText(large);
            const std::string where = std::to_string(size.width) + "x" + std::to_string(size.height) +
                                      (large ? " A+ " : " ") + screen;
            if (!app->showForScreenshot(screen)) {
                m.failures += where + ": no such screen\n";
                continue;
            }
            const ui::Targets& targets = rig.draw(*app, kiosk.italian());
            if (app->screenName() != screen) m.failures += where + ": showed " + app->screenName() + " instead\n";
            for (const auto& [id, rect] : targets.lastFrame()) m.seen.insert(id);
            for (const auto& [id, rect] : targets.lastFrame()) {
                if (rect.kind != ui::TargetKind::Button) continue;
                ++m.buttons;
                const float side = std::min(rect.max.x - rect.min.x, rect.max.y - rect.min.y) / rig.scale();
                if (side < m.smallestDesignPx) {
                    m.smallestDesignPx = side;
                    m.smallestWhere = where + " " + id;
                }
            }
            for (const auto& [id, rect] : targets.lastFrame())
                if (id.rfind("crowded:", 0) == 0) m.crowded += where + ": " + id.substr(8) + "\n";
            const auto small = undersizedButtons(targets, minPx);
            if (!small.empty()) m.failures += where + " (minimum " + std::to_string(minPx) + " px):\n" + describe(small);
        }
    }
    return m;
}

class TouchSize : public ::testing::Test {
protected:
    CitizenKiosk kiosk;
};

TEST_F(TouchSize, EveryCitizenButtonMeetsTheConfiguredMinimumAtBothSizesAndBothTextSizes) {
    const float minimum = static_cast<float>(kiosk.config().kiosk.minTouchPx);
    for (Size size : {Size{1280, 800}, Size{1920, 1080}}) {
        const Measured m = measureCitizenScreens(kiosk, size, minimum);
        EXPECT_EQ(m.failures, "");
        EXPECT_GT(m.buttons, 100);  // the screens really were drawn
        for (const char* id : {"take_ticket", "listen", "done", "key:ok", "score:1", "skip", "back", "card_body"})
            EXPECT_TRUE(m.seen.count(id)) << id << " was not drawn at " << size.width << "x" << size.height;
        std::printf("[ touch ] %dx%d: %d buttons, smallest side %.1f design px (%s), minimum %.0f\n", size.width,
                    size.height, m.buttons, m.smallestDesignPx, m.smallestWhere.c_str(), minimum);
        // Known, not asserted here: with A+ the home screen's survey tile is a few pixels short of
        // its bottom margin (with the fallback fonts, the longer service cards are cut too).
        if (!m.crowded.empty()) std::printf("[ touch ] words crowding a tile's edge:\n%s", m.crowded.c_str());
    }
}

// The measurement can fail: the largest minimum the config allows is more than the keypad's keys.
TEST_F(TouchSize, AMinimumLargerThanTheKeypadKeysIsReported) {
    const Measured m = measureCitizenScreens(kiosk, Size{1920, 1080}, 160);
    EXPECT_NE(m.failures.find("survey-code"), std::string::npos) << m.failures;
    EXPECT_NE(m.failures.find("key:5"), std::string::npos) << m.failures;
}

TEST_F(TouchSize, ATinyButtonIsCaughtAndMarkersAreNotButtons) {
    FrameRig rig(Size{1920, 1080}, {"OK"});
    const ui::Targets& targets = rig.drawWith(kiosk.italian(), [](ui::UiContext& ctx) {
        ui::pillButton(ctx, "tiny", ImVec2(100, 100), ImVec2(140, 130), "OK", ui::Icon::None, true);
        ui::pillButton(ctx, "big", ImVec2(100, 300), ImVec2(400, 400), "OK", ui::Icon::None, true);
        ctx.targets.record("error_line", ImVec2(10, 10), ImVec2(11, 11), ui::TargetKind::Marker);
    });
    const auto small = undersizedButtons(targets, 88);
    ASSERT_EQ(small.size(), 1u) << describe(small);
    EXPECT_EQ(small[0].id, "tiny");
    EXPECT_FLOAT_EQ(small[0].width, 40);
    EXPECT_FLOAT_EQ(small[0].height, 30);
    EXPECT_EQ(targets.lastFrame().at("error_line").kind, ui::TargetKind::Marker);
    // The tap click plays on buttons only.
    EXPECT_TRUE(targets.buttonAt(ImVec2(120, 110)));
    EXPECT_FALSE(targets.buttonAt(ImVec2(10.5f, 10.5f)));
    EXPECT_FALSE(targets.buttonAt(ImVec2(600, 600)));
}

// ---- the most categories a config may list (issue #19) ----

// An office with domain::kMaxCategories categories whose labels and descriptions are longer than
// the charter's (the longest shipped are 21 and 51 characters, "Children and Families" and "Personat
// me aftësi të kufizuara dhe familjet e tyre"): up to 29 and 67 here.
std::string mostCategoriesConfig(const testing_support::TempDir& dir) {
    static constexpr const char* kLabels[] = {"Stranieri e richiedenti asilo", "Persone adulte in difficoltà",
                                              "Anziani e chi li assiste",      "Persone con disabilità",
                                              "Minori e famiglie",             "Persone senza dimora"};
    static constexpr const char* kDescriptions[] = {
        "Permesso di soggiorno, accoglienza, mediazione linguistica",
        "Lavoro, casa, reddito: un aiuto per ripartire con le proprie forze",
        "Assistenza a domicilio, centri diurni e sostegno a chi se ne occupa"};
    static_assert(std::size(kLabels) == domain::kMaxCategories);
    std::string toml = "[office]\ncomune = \"Comune di Gorgonzola\"\nname = \"Segretariato sociale\"\n"
                       "address = \"Piazza Camillo Ripamonti, 1\"\n";
    for (std::size_t i = 0; i < domain::kMaxCategories; ++i)
        toml += "[[categories]]\nid = \"c" + std::to_string(i) + "\"\nlabel = \"" + kLabels[i] + "\"\nprefix = \"" +
                std::string(1, static_cast<char>('A' + i)) + "\"\ndescription = \"" + kDescriptions[i % 3] + "\"\n";
    toml += "[[hours.weekly]]\nday = \"lunedì\"\nfrom = \"15:30\"\nto = \"17:00\"\n"
            "[staff]\nrooms = [\"Stanza 1\", \"Stanza 2\"]\n";
    const std::string path = dir.file("most-categories.toml");
    testing_support::writeFile(path, toml);
    return path;
}

// Before the cap and the fitted grid, three rows of these tiles pressed their descriptions against
// the bottom edge at 1920x1080 with large text, or cut them (wider fonts), and more categories
// shrank the tiles under the minimum (at 1920x1080 with A+ four rows are 87.5 px high).
TEST(TouchSizeCategories, TheMostCategoriesAConfigMayListFitWithLongWordsAtBothSizesAndBothTextSizes) {
    testing_support::TempDir dir;
    CitizenKiosk kiosk(mostCategoriesConfig(dir));
    ASSERT_EQ(kiosk.config().categories.size(), domain::kMaxCategories);
    const float minimum = static_cast<float>(kiosk.config().kiosk.minTouchPx);
    for (Size size : {Size{1280, 800}, Size{1920, 1080}}) {
        const Measured m = measureCitizenScreens(kiosk, size, minimum, {"category", "services"});
        EXPECT_EQ(m.failures, "");
        EXPECT_EQ(m.crowded, "");
        for (std::size_t i = 0; i < domain::kMaxCategories; ++i) {
            EXPECT_TRUE(m.seen.count("category:c" + std::to_string(i))) << size.width;
            EXPECT_TRUE(m.seen.count("services:c" + std::to_string(i))) << size.width;
        }
        std::printf("[ touch ] %dx%d, %zu long categories: smallest side %.1f design px (%s)\n", size.width,
                    size.height, domain::kMaxCategories, m.smallestDesignPx, m.smallestWhere.c_str());
    }
}

// The staff console lists the categories too, to transfer a ticket: two rows of three buttons wide
// enough for a word, clear of each other and of the rest of the console (one row of six was 126 px
// each, the labels spilling over their neighbours).
TEST(TouchSizeCategories, TheStaffConsolesTransferButtonsForTheMostCategoriesAreWideAndApart) {
    testing_support::TempDir dir;
    CitizenKiosk kiosk(mostCategoriesConfig(dir));
    kiosk.queue().takeTicket("c1");  // a ticket to select, so its actions and transfers show
    for (Size size : {Size{1280, 800}, Size{1920, 1080}}) {
        FrameRig rig(size, kiosk.glyphTexts());
        auto console = kiosk.staffConsole();
        ASSERT_TRUE(console->showForScreenshot("staff-console"));
        const ui::Targets& targets = rig.draw(*console, kiosk.italian());
        std::vector<std::pair<std::string, ui::TargetRect>> buttons;
        int transfers = 0;
        for (const auto& [id, rect] : targets.lastFrame()) {
            if (rect.kind != ui::TargetKind::Button) continue;
            buttons.emplace_back(id, rect);
            if (id.rfind("transfer:", 0) != 0) continue;
            ++transfers;
            EXPECT_GE(rect.max.x - rect.min.x, 200 * rig.scale()) << id << " at " << size.width;
            EXPECT_GE(rect.max.y - rect.min.y, 56 * rig.scale() - 0.01f) << id << " at " << size.width;
            EXPECT_LE(rect.max.x, static_cast<float>(size.width)) << id;
            EXPECT_LE(rect.max.y, static_cast<float>(size.height)) << id;
        }
        // The ticket's own category is greyed out and not a button.
        EXPECT_EQ(transfers, static_cast<int>(domain::kMaxCategories) - 1) << size.width;
        for (std::size_t a = 0; a < buttons.size(); ++a)
            for (std::size_t b = a + 1; b < buttons.size(); ++b) {
                const ui::TargetRect& p = buttons[a].second;
                const ui::TargetRect& q = buttons[b].second;
                const bool apart = p.max.x <= q.min.x || q.max.x <= p.min.x || p.max.y <= q.min.y || q.max.y <= p.min.y;
                EXPECT_TRUE(apart) << buttons[a].first << " overlaps " << buttons[b].first << " at " << size.width;
            }
    }
}

}  // namespace

