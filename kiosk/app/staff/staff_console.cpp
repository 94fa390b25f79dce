#include "staff_console.hpp"

#include <algorithm>
#include <cstdio>

#include "../printer_status.hpp"
#include "staff_screens.hpp"

namespace staff {

using domain::StaffAction;
using domain::TicketState;

// Rows the console lists; the rest are counted, not drawn.
constexpr int kMaxRows = 11;

StaffConsole::StaffConsole(const ConsoleDeps& deps) : m_deps(deps), m_pin(deps.store, deps.texts) { reload(); }

void StaffConsole::reload() {
    m_dataVersion = m_deps.store.dataVersion();
    domain::QueueSnapshot snap = m_deps.queue.snapshot();
    m_viewMinute = m_deps.queue.now().minuteOfDay();
    ConsoleView view;
    for (const auto& entry : snap.waiting) view.active.push_back(entry.ticket);
    for (const auto& t : snap.tickets)
        if (t.state == TicketState::Called) view.active.push_back(t);
    if (static_cast<int>(view.active.size()) > kMaxRows) {
        view.moreNotShown = static_cast<int>(view.active.size()) - kMaxRows;
        view.active.resize(kMaxRows);
    }
    view.figures = domain::dayFigures(snap.tickets, m_deps.queue.now());
    m_printerFault = m_deps.store.setting(app::kPrinterStatusKey).value_or("");
    m_view = std::move(view);
    if (m_showSatisfaction) reloadSatisfaction();
    if (m_showSchedaReport) reloadSchedaReport();
}

void StaffConsole::reloadSchedaReport() {
    const auto [from, to] = wholePeriod(m_schedaReport.period, m_deps.queue.now().date);
    m_schedaReport.report = domain::schedaReport(m_deps.store, m_deps.config, from, to);
}

// The queue or satisfaction tab and the lock, top right of the statistics screens.
void StaffConsole::tabButtons(ui::UiContext& ctx, float top, const char* otherTab, const std::string& otherLabel) {
    const float pad = ctx.px(56), bw = ctx.px(220), gap = ctx.px(16);
    const float right = ctx.size.x - pad;
    if (ui::pillButton(ctx, "tab:queue", ImVec2(right - 3 * bw - 2 * gap, top), ImVec2(right - 2 * bw - 2 * gap, top + ctx.px(72)),
                       m_deps.texts.get("satisfaction.queue_tab"), ui::Icon::None, false))
        m_intents.showSatisfaction = m_intents.showSchedaReport = false;
    if (ui::pillButton(ctx, otherTab, ImVec2(right - 2 * bw - gap, top), ImVec2(right - bw - gap, top + ctx.px(72)), otherLabel,
                       ui::Icon::None, false)) {
        const bool toScheda = std::string(otherTab) == "tab:scheda";
        m_intents.showSchedaReport = toScheda;
        m_intents.showSatisfaction = !toScheda;
    }
    if (ui::pillButton(ctx, "lock", ImVec2(right - bw, top), ImVec2(right, top + ctx.px(72)), m_deps.texts.get("staff.lock"),
                       ui::Icon::None, false))
        m_intents.lock = true;
}

void StaffConsole::drawSchedaReportScreen(ui::UiContext& ctx) {
    const float pad = ctx.px(56);
    const float top = ui::headerHeight(ctx) + ctx.px(32);
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(pad, top), ui::palette().text, m_deps.texts.get("staff.scheda_report_title"));
    tabButtons(ctx, top, "tab:satisfaction", m_deps.texts.get("satisfaction.tab"));
    // The period buttons share the title's row: the tables need the height.
    const float titleWidth = ui::measure(ctx.fonts.heading, m_deps.texts.get("staff.scheda_report_title")).x;
    drawSchedaReport(ctx, ImVec2(pad + titleWidth + ctx.px(40), top + ctx.px(4)), ImVec2(pad, top + ctx.px(96)),
                     ImVec2(ctx.size.x - pad, ctx.size.y - ctx.px(24)), m_deps.config, m_schedaReport,
                     m_schedaReportIntents);
}

void StaffConsole::reloadSatisfaction() {
    // Up to yesterday only (SurveyService): the periods are those of the last day counted, so on
    // the first of a month "Mese" is the month just ended.
    const domain::LocalDate last = m_deps.survey.lastCountedDay();
    m_satisfaction.lastDay = last;
    m_satisfaction.rules = m_deps.survey.rules();
    m_satisfaction.figures = m_deps.survey.figures(periodStart(m_satisfaction.period, last), last);
    // Twelve months up to that one, oldest first.
    domain::LocalDate firstMonth{last.month == 12 ? last.year : last.year - 1, last.month % 12 + 1, 1};
    m_satisfaction.trend = m_deps.survey.trend(firstMonth, last);
}

void StaffConsole::drawSatisfaction(ui::UiContext& ctx) {
    const float pad = ctx.px(56);
    const float top = ui::headerHeight(ctx) + ctx.px(32);
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(pad, top), ui::palette().text, m_deps.texts.get("satisfaction.title"));
    drawLastDayNote(ctx, ImVec2(pad, top + ctx.fonts.heading->FontSize + ctx.px(6)), m_satisfaction);
    tabButtons(ctx, top, "tab:scheda", m_deps.texts.get("staff.scheda_tab"));
    drawSatisfactionPanel(ctx, ImVec2(pad, top + ctx.px(100)), ImVec2(ctx.size.x - pad, ctx.size.y - pad), m_satisfaction,
                          m_satisfactionIntents);
}

bool StaffConsole::refreshIfChanged() {
    // Waiting times are shown in minutes: a new minute is a change too.
    if (m_deps.store.dataVersion() == m_dataVersion && m_deps.queue.now().minuteOfDay() == m_viewMinute) return false;
    reload();
    return true;
}

bool StaffConsole::tick(Uint32 nowTicks, Uint32 lastInputTicks, platform::PointerInput&) {
    // The lock-out countdown is shown in seconds, and goes away when it is over.
    if (m_locked) return m_pin.tick(nowTicks);
    const Uint32 idleLimit = static_cast<Uint32>(m_deps.config.staff.lockAfterMinutes) * 60000u;
    if (nowTicks - lastInputTicks < idleLimit) return false;
    m_locked = true;
    m_pin.clear();
    return true;
}

void StaffConsole::drawFrame(ui::UiContext& ctx) {
    ui::beginScreen("staff", ctx.size);
    ctx.draw = ImGui::GetWindowDrawList();
    domain::Office office = m_deps.config.office;
    office.name = m_deps.texts.get("staff.title") + " – " + office.name;
    ui::headerBar(ctx, office, m_deps.queue.now(), m_deps.simulatedClock);
    if (m_locked)
        drawPinScreen(ctx, {m_pin.digits(), m_pin.message()}, m_intents);
    else if (m_schedaEntry) {
        const float pad = ctx.px(56);
        drawSchedaEntry(ctx, ImVec2(pad, ui::headerHeight(ctx) + ctx.px(24)), ImVec2(ctx.size.x - pad, ctx.size.y - ctx.px(32)),
                        m_deps.config, *m_schedaEntry, m_schedaEntryIntents);
    } else if (m_showSchedaReport)
        drawSchedaReportScreen(ctx);
    else if (m_showSatisfaction)
        drawSatisfaction(ctx);
    else
        drawConsoleScreen(ctx,
                          {m_deps.config, m_view, m_selected, m_desk, m_status, m_statusIsError, m_deps.queue.now(),
                           m_printerFault},
                          m_intents);
    ui::endScreen();
}

void StaffConsole::applyIntents(platform::PointerInput&) {
    StaffIntents intents = std::exchange(m_intents, {});
    if (m_locked) applyPinIntents(intents);
    else applyConsoleIntents(intents);
}

void StaffConsole::applyPinIntents(const StaffIntents& intents) {
    if (intents.digit) m_pin.type(*intents.digit);
    if (!intents.submitPin || !m_pin.submit(SDL_GetTicks())) return;
    m_locked = false;
    reload();
}

void StaffConsole::report(const std::string& key, const domain::Ticket& ticket, const std::string& extraKey,
                          const std::string& extraValue) {
    std::vector<std::pair<std::string, std::string>> args{{"code", ticket.code},
                                                          {"room", ticket.desk.value_or("")}};
    if (!extraKey.empty()) args.emplace_back(extraKey, extraValue);
    m_status = m_deps.texts.format(key, args);
    m_statusIsError = false;
}

void StaffConsole::act(StaffAction action) {
    auto& staff = m_deps.staff;
    switch (action) {
        case StaffAction::Call: report("staff.done_call", staff.call(m_selected, m_desk)); break;
        case StaffAction::Recall: report("staff.done_recall", staff.recall(m_desk)); break;
        case StaffAction::Serve: {
            const domain::Ticket served = staff.serve(m_selected);
            report("staff.done_serve", served);
            // Only the day and the category go to the scheda: its counts never learn the ticket.
            m_schedaEntry = SchedaEntry{served.serviceDay, served.categoryId, {}};
            break;
        }
        case StaffAction::NoShow: report("staff.done_no_show", staff.noShow(m_selected)); break;
        case StaffAction::Requeue: report("staff.done_requeue", staff.requeue(m_selected)); break;
        case StaffAction::Transfer: break;  // needs a category: see transferTo
    }
}

// The scheda panel after "Servito": taps change it, "Salva" counts it in its own transaction.
void StaffConsole::applySchedaIntents() {
    const SchedaEntryIntents intents = std::exchange(m_schedaEntryIntents, {});
    if (!m_schedaEntry) return;
    if (intents.toggle) applySchedaTap(m_schedaEntry->record, *intents.toggle);
    if (intents.skip) {
        m_schedaEntry.reset();
        m_status = m_deps.texts.get("staff.scheda_skipped");
        m_statusIsError = false;
        return;
    }
    if (!intents.save) return;
    try {
        domain::recordContact(m_deps.store, m_deps.config.scheda, m_schedaEntry->serviceDay, m_schedaEntry->categoryId,
                              m_schedaEntry->record);
        m_status = m_deps.texts.get(domain::isEmpty(m_schedaEntry->record) ? "staff.scheda_skipped" : "staff.scheda_saved");
        m_statusIsError = false;
        m_schedaEntry.reset();
        if (m_showSchedaReport) reloadSchedaReport();
    } catch (const std::exception& e) {
        // The panel stays open with its taps: staff can try again once the database answers.
        m_status = e.what();
        m_statusIsError = true;
    }
}

void StaffConsole::applyConsoleIntents(const StaffIntents& intents) {
    applySchedaIntents();
    SchedaReportIntents schedaReport = std::exchange(m_schedaReportIntents, {});
    if (schedaReport.period) {
        m_schedaReport.period = *schedaReport.period;
        reloadSchedaReport();
    }
    if (intents.showSchedaReport) {
        m_showSchedaReport = *intents.showSchedaReport;
        if (m_showSchedaReport) {
            m_showSatisfaction = false;
            reloadSchedaReport();
        }
    }
    SatisfactionIntents satisfaction = std::exchange(m_satisfactionIntents, {});
    if (satisfaction.period) {
        m_satisfaction.period = *satisfaction.period;
        reloadSatisfaction();
    }
    if (intents.showSatisfaction) {
        m_showSatisfaction = *intents.showSatisfaction;
        if (m_showSatisfaction) {
            m_showSchedaReport = false;
            reloadSatisfaction();
        }
    }
    if (intents.select) m_selected = *intents.select;
    if (intents.desk) m_desk = *intents.desk;
    if (intents.lock) {
        m_locked = true;
        return;
    }
    try {
        if (intents.callNext) {
            if (auto ticket = m_deps.staff.callNext(m_desk)) {
                m_selected = ticket->code;
                report("staff.done_call", *ticket);
            } else {
                m_status = m_deps.texts.get("staff.nobody_waiting");
                m_statusIsError = false;
            }
        }
        if (intents.action && !m_selected.empty()) act(*intents.action);
        if (intents.transferTo && !m_selected.empty()) {
            const auto* category = m_deps.config.findCategory(*intents.transferTo);
            report("staff.done_transfer", m_deps.staff.transfer(m_selected, *intents.transferTo), "category",
                   category ? category->label : *intents.transferTo);
        }
    } catch (const std::exception& e) {
        // Another desk may have acted first: say what happened, keep the console usable.
        m_status = e.what();
        m_statusIsError = true;
    }
    if (intents.callNext || intents.action || intents.transferTo) reload();
}

bool StaffConsole::showForScreenshot(const std::string& name) {
    if (name == "staff-pin") {
        m_locked = true;
        m_pin.type('1');
        m_pin.type('2');
        return true;
    }
    if (name == "staff-satisfaction") {
        m_locked = false;
        m_showSatisfaction = true;
        m_satisfaction.period = Period::Year;  // the picture with the most to show
        reloadSatisfaction();
        return true;
    }
    if (name == "staff-scheda") {
        // A scheda half filled in, as staff see it just after "Servito".
        m_locked = false;
        const auto& scheda = m_deps.config.scheda;
        domain::ContactRecord record;
        if (scheda.needAreas.size() > 1) record.needAreaIds = {scheda.needAreas[0].id, scheda.needAreas[1].id};
        record.answerIds = {std::string(domain::kSchedaReferralAnswer)};
        if (!scheda.referralServices.empty()) record.referralServiceIds = {scheda.referralServices[0].id};
        record.contact = domain::ContactKind::First;
        const std::string category = m_deps.config.categories.front().id;
        m_schedaEntry = SchedaEntry{m_deps.queue.now().date, category, record};
        return true;
    }
    if (name == "staff-scheda-report") {
        m_locked = false;
        m_showSchedaReport = true;
        m_schedaReport.period = Period::Quarter;
        reloadSchedaReport();
        return true;
    }
    if (name != "staff-console") return false;
    m_locked = false;
    if (!m_view.active.empty()) m_selected = m_view.active.front().code;
    return true;
}

}  // namespace staff
