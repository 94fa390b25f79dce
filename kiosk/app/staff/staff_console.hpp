#pragma once
// The staff console: behind a PIN, the day's queue and the actions that drive it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/pin_guard.hpp"
#include "domain/queue.hpp"
#include "domain/staff.hpp"
#include "domain/survey_service.hpp"
#include "satisfaction_panel.hpp"
#include "scheda_panel.hpp"
#include "domain/texts.hpp"
#include "../pin_entry.hpp"
#include "../role.hpp"

namespace staff {

// A tap on the console, applied between frames.
struct StaffIntents {
    std::optional<char> digit;  // '0'..'9', or '<' to delete
    bool submitPin = false;
    std::optional<std::string> select;  // a ticket code
    std::optional<int> desk;            // 1-based room
    std::optional<domain::StaffAction> action;
    bool callNext = false;
    std::optional<std::string> transferTo;  // a category id
    bool lock = false;
    std::optional<bool> showSatisfaction;  // the tab: queue (false) or satisfaction (true)
    std::optional<bool> showSchedaReport;  // the tab: the scheda di Segretariato's counts
};

// What the console shows of the day, re-read when another process commits.
struct ConsoleView {
    std::vector<domain::Ticket> active;  // waiting (calling order) then called
    domain::DayFigures figures;
    int moreNotShown = 0;
};

struct ConsoleDeps {
    const domain::Config& config;
    const domain::Texts& texts;
    domain::QueueService& queue;
    domain::StaffService& staff;
    domain::SurveyService& survey;
    domain::TicketStore& store;
    bool simulatedClock = false;
};

class StaffConsole : public app::Role {
public:
    explicit StaffConsole(const ConsoleDeps& deps);

    void drawFrame(ui::UiContext& ctx) override;
    void applyIntents(platform::PointerInput& pointer) override;
    bool refreshIfChanged() override;
    // Locks again after the configured idle time; counts down a PIN lock-out.
    bool tick(Uint32 nowTicks, Uint32 lastInputTicks, platform::PointerInput& pointer) override;
    std::string screenName() const override {
        if (m_locked) return "staff-pin";
        if (m_schedaEntry) return "staff-scheda";
        if (m_showSatisfaction) return "staff-satisfaction";
        return m_showSchedaReport ? "staff-scheda-report" : "staff-console";
    }
    bool showForScreenshot(const std::string& name) override;

private:
    void reload();
    void reloadSatisfaction();
    void drawSatisfaction(ui::UiContext& ctx);
    void reloadSchedaReport();
    void drawSchedaReportScreen(ui::UiContext& ctx);
    void applySchedaIntents();
    void tabButtons(ui::UiContext& ctx, float top, const char* otherTab, const std::string& otherLabel);
    void applyPinIntents(const StaffIntents& intents);
    void applyConsoleIntents(const StaffIntents& intents);
    void act(domain::StaffAction action);
    void report(const std::string& key, const domain::Ticket& ticket, const std::string& extraKey = {},
                const std::string& extraValue = {});

    ConsoleDeps m_deps;
    bool m_locked = true;
    app::PinEntry m_pin;
    std::string m_status;  // the result of the last action, or its error
    std::string m_printerFault;  // the citizen kiosk's last print error
    bool m_statusIsError = false;
    std::string m_selected;
    int m_desk = 1;
    ConsoleView m_view;
    std::uint64_t m_dataVersion = 0;
    int m_viewMinute = -1;
    StaffIntents m_intents;
    bool m_showSatisfaction = false;
    SatisfactionView m_satisfaction;
    SatisfactionIntents m_satisfactionIntents;
    // The scheda of the interview just closed, until saved or skipped (kept across a lock).
    std::optional<SchedaEntry> m_schedaEntry;
    SchedaEntryIntents m_schedaEntryIntents;
    bool m_showSchedaReport = false;
    SchedaReportView m_schedaReport;
    SchedaReportIntents m_schedaReportIntents;
};

}  // namespace staff
