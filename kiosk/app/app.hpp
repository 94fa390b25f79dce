#pragma once
// The citizen kiosk: which screen is shown, what taps ask for, and returning home when idle.
#include <SDL.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kiosk/common/printer.hpp"
#include "domain/queue.hpp"
#include "domain/survey_code_guard.hpp"
#include "domain/survey_service.hpp"
#include "domain/texts.hpp"
#include "platform/pointer_input.hpp"
#include "pin_entry.hpp"
#include "printer_status.hpp"
#include "screens/admin_screen.hpp"
#include "role.hpp"
#include "screens/category_screen.hpp"
#include "screens/home_screen.hpp"
#include "screens/hours_screen.hpp"
#include "screens/language_screen.hpp"
#include "screens/screen_id.hpp"
#include "screens/survey_screen.hpp"
#include "screens/ticket_screen.hpp"
#include "ui/widgets.hpp"

namespace app {

inline constexpr int kDefaultInactivitySeconds = 90;

// A language the citizen can choose: its code, its name in itself, its texts.
struct LanguageTexts {
    std::string code;
    std::string selfName;
    const domain::Texts* texts = nullptr;
};

struct AppDeps {
    const domain::Config& config;
    const domain::Texts& texts;  // Italian: what the kiosk shows until a citizen picks a language
    domain::QueueService& queue;
    domain::SurveyService& survey;
    domain::TicketStore& store;
    bool simulatedClock = false;  // shows "DEMO" in the header
    common::TicketPrinter* printer = nullptr;  // none: the ticket is only shown
    int inactivitySeconds = kDefaultInactivitySeconds;  // then every screen returns home and forgets what was typed
    screens::AdminFacts adminFacts;            // shown in the reserved area
    std::vector<LanguageTexts> languages;      // Italian first; empty: Italian only, no language button
    const ui::Fonts* largeFonts = nullptr;     // shown when A+ is on; none: no A+ button
    // Reads a text aloud in a language (code) without blocking: the ticket number on request.
    // None: the kiosk cannot speak (no sound device) and the ticket screen has no listen button.
    std::function<void(const std::string& text, const std::string& language)> speak;
};

// Seconds after which a screen gives way to home by itself.
inline constexpr int kTicketScreenSeconds = 12;
inline constexpr int kTicketScreenSecondsToWriteDown = 30;  // the printer failed: time to copy the code
// Holding a finger this long on the office name opens the reserved area's PIN pad.
inline constexpr Uint32 kAdminHoldMs = 5000;
inline constexpr int kThanksSeconds = 8;

// The citizen kiosk.
class App : public Role {
public:
    explicit App(const AppDeps& deps);

    void drawFrame(ui::UiContext& ctx) override;
    void applyIntents(platform::PointerInput& pointer) override;
    // Also when the day or the minute changed: opening and cut-off move the decision.
    bool refreshIfChanged() override;
    // The ticket screen's countdown and the idle return home.
    bool tick(Uint32 nowTicks, Uint32 lastInputTicks, platform::PointerInput& pointer) override;
    std::string screenName() const override { return std::string(screens::screenName(m_screen)); }
    bool showForScreenshot(const std::string& name) override;
    bool exitRequested() const override { return m_exitRequested; }
    void recover() override;
    const domain::Texts* visitTexts() const override { return &texts(); }
    std::string visitLanguage() const override { return m_language; }

    void showScreen(screens::ScreenId id, platform::PointerInput* pointer = nullptr);
    // Fills the ticket screen with what a ticket taken now would be, storing nothing.
    void showPreviewTicket();
    // For screenshots: the first category's list of services, or the first card of that list.
    void showFirstServices(bool openCard);
    screens::ScreenId screen() const { return m_screen; }
    // The citizen's choices, which last until the kiosk goes home by itself (the next person).
    void setLanguage(const std::string& code);
    void setLargeText(bool on) { m_largeText = on && m_deps.largeFonts; }
    const std::string& language() const { return m_language; }
    const domain::QueueSnapshot& snapshot() const { return m_snapshot; }

private:
    void takeTicket(const std::string& categoryId);
    void printTicket();
    int ticketScreenSeconds() const;
    void applySurveyIntents(const screens::SurveyIntents& intents, platform::PointerInput& pointer);
    void submitSurveyCode();
    void showSurveyWait(Uint32 nowTicks);
    void recordScore(std::optional<int> score, platform::PointerInput& pointer);
    void reloadSnapshot();
    void applyAdminPinKey(char key, platform::PointerInput& pointer);
    bool openAdminOnLongPress(Uint32 nowTicks, platform::PointerInput& pointer);
    void drawCurrentScreen(ui::UiContext& ctx);
    void drawHeader(ui::UiContext& ctx, const ui::UiContext& citizen);
    void applyHeaderIntents(const screens::Intents& intents, platform::PointerInput& pointer);
    const domain::Texts& texts() const;
    std::vector<screens::LanguageChoice> languageChoices() const;
    // Home because nobody touched the screen: the next person starts in Italian, normal text.
    void goHomeForNextPerson(platform::PointerInput& pointer);
    screens::HomeView homeView() const;
    screens::HoursView hoursView() const;

    AppDeps m_deps;
    screens::ScreenId m_screen = screens::ScreenId::Home;
    Uint32 m_screenShownAt = 0;
    float m_repeatRadiusPx = 100;  // kRepeatRadius at the picture's scale
    screens::Intents m_intents;
    screens::CategoryScreenState m_category;
    screens::TicketScreenState m_ticket;
    domain::QueueSnapshot m_snapshot;
    domain::IssueDecision m_decision;  // can a number be had now; refreshed with the snapshot
    int m_decisionMinute = -1;
    std::string m_servicesCategory;
    std::string m_cardId;
    screens::SurveyState m_survey;
    screens::SurveyIntents m_surveyIntents;
    domain::SurveyCodeGuard m_surveyGuard;  // repeated wrong codes slow down; only an answer lifts it
    bool m_surveyCountingDown = false;
    std::uint64_t m_dataVersion = 0;
    PinEntry m_adminPin;
    ImVec2 m_adminCornerMin, m_adminCornerMax;  // where a long press opens the reserved area
    bool m_exitRequested = false;
    std::string m_language = "it";
    bool m_largeText = false;
    screens::ScreenId m_beforeLanguage = screens::ScreenId::Home;  // where the language screen returns
};

// A fresh random token for one visit of the category screen.
std::string newRequestToken();

}  // namespace app
