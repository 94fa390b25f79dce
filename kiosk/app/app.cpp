#include "app.hpp"

#include <cstdio>

#include <random>

#include "domain/ticket_print.hpp"
#include "kiosk/common/escpos.hpp"
#include "kiosk/common/log.hpp"
#include "platform/speech.hpp"

#include "screens/error_screen.hpp"
#include "screens/no_ticket_screen.hpp"
#include "screens/services_screen.hpp"

namespace app {

using screens::ScreenId;

// How long taps are ignored after a screen change: a double tap's second touch lands here.
constexpr Uint32 kTransitionGuardMs = 500;
// The category tiles issue tickets: a tap repeated on the spot of "Prendi il numero" (someone
// who taps again out of habit, or because the screen seemed slow) must not choose one for them.
constexpr Uint32 kRepeatGuardMs = 2500;
constexpr float kRepeatRadius = 100;  // design pixels around the tap that opened the screen

std::string newRequestToken() {
    std::random_device rd;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x%08x%08x%08x", rd(), rd(), rd(), rd());
    return buf;
}

App::App(const AppDeps& deps) : m_deps(deps), m_adminPin(deps.store, deps.texts) {
    m_ticket.canListen = static_cast<bool>(m_deps.speak);
    reloadSnapshot();
}

void App::reloadSnapshot() {
    m_dataVersion = m_deps.store.dataVersion();
    m_snapshot = m_deps.queue.snapshot();
    m_decision = m_deps.queue.issueDecision();
    m_decisionMinute = m_deps.queue.now().minuteOfDay();
}

bool App::refreshIfChanged() {
    // The decision also changes with the clock alone (opening, cut-off): look again every minute.
    domain::LocalDateTime now = m_deps.queue.now();
    if (m_deps.store.dataVersion() == m_dataVersion && now.date == m_snapshot.serviceDay &&
        now.minuteOfDay() == m_decisionMinute)
        return false;
    reloadSnapshot();
    return true;
}

void App::showScreen(ScreenId id, platform::PointerInput* pointer) {
    m_screen = id;
    m_screenShownAt = SDL_GetTicks();
    if (id == ScreenId::Category) m_category.requestToken = newRequestToken();
    if (id == ScreenId::Ticket) m_ticket.secondsLeft = ticketScreenSeconds();
    if (id == ScreenId::AdminPin || id == ScreenId::Home) m_adminPin.clear();
    if (id == ScreenId::SurveyCode) {
        m_survey = {};  // a new person: nothing of the previous answer stays on screen
        showSurveyWait(m_screenShownAt);
    }
    if (!pointer) return;
    pointer->ignorePressesUntil(m_screenShownAt + kTransitionGuardMs);
    if (id == ScreenId::Category) pointer->ignoreRepeatsUntil(m_screenShownAt + kRepeatGuardMs, m_repeatRadiusPx);
}

void App::showPreviewTicket() {
    const auto& categories = m_deps.config.categories;
    m_ticket.issued = m_deps.queue.previewTicket(categories.front().id);
    showScreen(ScreenId::Ticket);
}

void App::showFirstServices(bool openCard) {
    m_servicesCategory = m_deps.config.categories.front().id;
    auto cards = m_deps.config.servicesOf(m_servicesCategory);
    if (openCard && !cards.empty()) {
        m_cardId = cards.front()->id;
        showScreen(ScreenId::Card);
    } else {
        showScreen(ScreenId::ServiceList);
    }
}

bool App::showForScreenshot(const std::string& name) {
    auto id = screens::screenFromName(name);
    if (!id) return false;
    if (*id == ScreenId::SurveyQuestion) {
        showScreen(ScreenId::SurveyCode);
        m_survey.question = 1;
        m_screen = ScreenId::SurveyQuestion;
        return true;
    }
    if (*id == ScreenId::SurveyCode) {
        showScreen(ScreenId::SurveyCode);
        m_survey.code = "0429";
        return true;
    }
    if (*id == ScreenId::Ticket) showPreviewTicket();
    else if (*id == ScreenId::ServiceList || *id == ScreenId::Card) showFirstServices(*id == ScreenId::Card);
    else showScreen(*id);
    return true;
}

screens::HomeView App::homeView() const {
    const auto& calendar = m_deps.queue.calendar();
    domain::LocalDateTime now = m_deps.queue.now();
    auto today = calendar.sessionsOn(now.date);
    // A holiday with an extra opening is an open day: its reason is not shown.
    auto closedReason = today.empty() ? calendar.closedReason(now.date) : std::nullopt;
    return {m_deps.config.office, now, m_snapshot.waitingCount(), m_decision, calendar.sessionAt(now),
            today, closedReason, calendar.nextSessionAfter(now)};
}

screens::HoursView App::hoursView() const {
    domain::LocalDate today = m_deps.queue.now().date;
    // Three months ahead: long enough to plan, short enough to fit the panel.
    return {m_deps.config.hours, today, m_deps.queue.calendar().closuresBetween(today, today.plusDays(90))};
}

void App::drawCurrentScreen(ui::UiContext& ctx) {
    const auto& config = m_deps.config;
    switch (m_screen) {
        case ScreenId::Home: screens::drawHomeScreen(ctx, homeView(), m_intents); return;
        case ScreenId::Category: screens::drawCategoryScreen(ctx, config.categories, m_category, m_intents); return;
        case ScreenId::Ticket: screens::drawTicketScreen(ctx, m_ticket, m_intents); return;
        case ScreenId::Error: screens::drawErrorScreen(ctx, m_intents); return;
        case ScreenId::NoTicket: screens::drawNoTicketScreen(ctx, m_decision, m_intents); return;
        case ScreenId::Hours: screens::drawHoursScreen(ctx, hoursView(), m_intents); return;
        case ScreenId::Services: screens::drawServicesScreen(ctx, config.categories, m_intents); return;
        case ScreenId::ServiceList:
            if (const auto* category = config.findCategory(m_servicesCategory)) {
                screens::drawServiceListScreen(ctx, *category, config.servicesOf(m_servicesCategory), m_intents);
                return;
            }
            break;
        case ScreenId::Card:
            if (const auto* card = config.findService(m_cardId)) {
                screens::drawCardScreen(ctx, *card, m_intents);
                return;
            }
            break;
        case ScreenId::SurveyCode: screens::drawSurveyCodeScreen(ctx, m_survey, m_surveyIntents, m_intents); return;
        case ScreenId::SurveyQuestion:
            screens::drawSurveyQuestionScreen(ctx, config.survey, m_survey, m_surveyIntents, m_intents);
            return;
        case ScreenId::SurveyThanks: screens::drawSurveyThanksScreen(ctx, m_intents); return;
        case ScreenId::AdminPin:
            screens::drawAdminPinScreen(ctx, {m_adminPin.digits(), m_adminPin.message()}, m_intents);
            return;
        case ScreenId::Admin: screens::drawAdminScreen(ctx, m_deps.adminFacts, m_intents); return;
        case ScreenId::Language: screens::drawLanguageScreen(ctx, languageChoices(), m_intents); return;
    }
    m_intents.goTo = ScreenId::Home;  // a stale selection: start again from home
}

const domain::Texts& App::texts() const {
    for (const auto& language : m_deps.languages)
        if (language.code == m_language && language.texts) return *language.texts;
    return m_deps.texts;
}

std::vector<screens::LanguageChoice> App::languageChoices() const {
    std::vector<screens::LanguageChoice> choices;
    for (const auto& language : m_deps.languages) choices.push_back({language.code, language.selfName});
    return choices;
}

void App::setLanguage(const std::string& code) {
    for (const auto& language : m_deps.languages)
        if (language.code == code) m_language = code;
    common::logLine(common::LogLevel::Debug, "kiosk", "language for this visit: %s", m_language.c_str());
}

void App::drawHeader(ui::UiContext& ctx, const ui::UiContext& citizen) {
    // The header keeps the normal type size with A+ on, so its buttons never move under a finger.
    ui::UiContext header{ctx.fonts, citizen.texts, ctx.targets, ctx.metrics, ctx.size, ctx.draw};
    header.language = m_language;
    float right = ui::headerBar(header, m_deps.config.office, m_deps.queue.now(), m_deps.simulatedClock);
    // The office name doubles as the reserved area's door: nothing on it reacts to a short tap.
    m_adminCornerMin = ImVec2(0, 0);
    m_adminCornerMax = ImVec2(ctx.size.x / 3, ui::headerHeight(ctx));
    ctx.targets.record("admin_corner", m_adminCornerMin, m_adminCornerMax, ui::TargetKind::Marker);
    // Markers, not buttons: UI scripts check the citizen's choices with expect-target.
    ctx.targets.record("in-use:" + m_language, ImVec2(0, 0), ImVec2(1, 1), ui::TargetKind::Marker);
    if (m_largeText) ctx.targets.record("large-text-on", ImVec2(0, 0), ImVec2(1, 1), ui::TargetKind::Marker);
    if (m_screen == ScreenId::AdminPin || m_screen == ScreenId::Admin) return;
    if (m_deps.languages.size() < 2 && !m_deps.largeFonts) return;
    std::string languageName = m_deps.languages.empty() ? std::string("Italiano") : m_deps.languages.front().selfName;
    for (const auto& language : m_deps.languages)
        if (language.code == m_language) languageName = language.selfName;
    ui::HeaderTaps taps = ui::headerTools(header, right, languageName, m_largeText);
    if (taps.language && m_screen != ScreenId::Language) m_intents.openLanguages = true;
    if (taps.largeText && m_deps.largeFonts) m_intents.toggleLargeText = true;
}

void App::drawFrame(ui::UiContext& ctx) {
    m_repeatRadiusPx = ctx.px(kRepeatRadius);
    ui::beginScreen("kiosk", ctx.size);
    ctx.draw = ImGui::GetWindowDrawList();
    const bool large = m_largeText && m_deps.largeFonts;
    ui::UiContext citizen{large ? *m_deps.largeFonts : ctx.fonts, texts(), ctx.targets, ctx.metrics, ctx.size, ctx.draw};
    citizen.language = m_language;
    citizen.largeText = large;
    drawHeader(ctx, citizen);
    drawCurrentScreen(citizen);
    ui::UiContext footer{ctx.fonts, citizen.texts, ctx.targets, ctx.metrics, ctx.size, ctx.draw};
    ui::footerBar(footer, m_deps.config.office);
    ui::endScreen();
}

void App::applyHeaderIntents(const screens::Intents& intents, platform::PointerInput& pointer) {
    if (intents.toggleLargeText) setLargeText(!m_largeText);
    if (intents.openLanguages) {
        m_beforeLanguage = m_screen;
        showScreen(ScreenId::Language, &pointer);
    }
    if (intents.chooseLanguage) {
        setLanguage(*intents.chooseLanguage);
        showScreen(m_beforeLanguage, &pointer);
    }
}

void App::goHomeForNextPerson(platform::PointerInput& pointer) {
    m_language = "it";
    m_largeText = false;
    showScreen(ScreenId::Home, &pointer);
}

void App::takeTicket(const std::string& categoryId) {
    try {
        // The visit's token: a second tap on the same screen returns the ticket already taken.
        m_ticket.issued = m_deps.queue.takeTicket(categoryId, m_category.requestToken);
        reloadSnapshot();
        m_screen = ScreenId::Ticket;
        printTicket();
    } catch (const domain::TicketRefusedError& e) {
        // The hours or the queue changed since the home screen was drawn.
        m_decision = e.decision();
        m_screen = ScreenId::NoTicket;
    } catch (const std::exception& e) {
        // Never show a number whose commit failed: send the citizen to the desk instead.
        common::logLine(common::LogLevel::Error, "kiosk", "could not issue a ticket: %s", e.what());
        m_screen = ScreenId::Error;
    }
}

void App::submitSurveyCode() {
    const Uint32 now = SDL_GetTicks();
    if (m_surveyGuard.lockedOut(now)) return;
    try {
        // Checking is no answer: the slow-down stays until one is stored (SurveyCodeGuard).
        m_deps.survey.check(m_survey.code);
        m_survey.question = 0;
        m_survey.message.clear();
        m_screen = ScreenId::SurveyQuestion;
    } catch (const domain::SurveyRefusedError& e) {
        m_surveyGuard.refused(e.reason(), now);
        m_survey.message = e.what();
        showSurveyWait(now);
        m_survey.code.clear();
    }
}

// The wait after many wrong codes, while it lasts, in place of any other message.
void App::showSurveyWait(Uint32 nowTicks) {
    m_survey.waiting = m_surveyGuard.lockedOut(nowTicks);
    if (m_survey.waiting)
        m_survey.message =
            texts().format("survey.wait_seconds", {{"s", std::to_string(m_surveyGuard.secondsLeft(nowTicks))}});
}

void App::recordScore(std::optional<int> score, platform::PointerInput& pointer) {
    if (m_survey.question == 0) m_survey.answer.overall = *score;
    else m_survey.answer.dimensions[static_cast<std::size_t>(m_survey.question - 1)] = score;
    if (m_survey.question < static_cast<int>(m_survey.answer.dimensions.size())) {
        ++m_survey.question;
        pointer.ignorePressesUntil(SDL_GetTicks() + kTransitionGuardMs);  // the next faces sit where these were
        return;
    }
    try {
        // Stored only now, in one go: a citizen who walks away half-way leaves nothing behind.
        m_deps.survey.submit(m_survey.code, m_survey.answer);
        m_surveyGuard.answerStored();
        showScreen(ScreenId::SurveyThanks, &pointer);
    } catch (const domain::SurveyRefusedError& e) {
        showScreen(ScreenId::SurveyCode, &pointer);
        m_survey.message = e.what();
    }
}

void App::applySurveyIntents(const screens::SurveyIntents& intents, platform::PointerInput& pointer) {
    if (intents.key) {
        if (*intents.key == '<') {
            if (!m_survey.code.empty()) m_survey.code.pop_back();
        } else if (m_survey.code.size() < 6) {
            m_survey.code += *intents.key;
        }
    }
    if (intents.submitCode && m_survey.code.size() == 6) {
        submitSurveyCode();
        if (m_screen == ScreenId::SurveyQuestion) showScreen(ScreenId::SurveyQuestion, &pointer);
    }
    if (intents.score) recordScore(intents.score, pointer);
    else if (intents.skip && m_survey.question > 0) recordScore(std::nullopt, pointer);
}

int App::ticketScreenSeconds() const {
    return m_ticket.print == screens::PrintOutcome::Failed ? kTicketScreenSecondsToWriteDown : kTicketScreenSeconds;
}

// Printed only after the commit: a paper ticket always exists in the database. A fault leaves
// the ticket on screen with a note, and tells the staff console through the store.
void App::printTicket() {
    m_ticket.print = screens::PrintOutcome::NoPrinter;
    if (!m_deps.printer || !m_deps.printer->enabled()) return;
    // The citizen's language when the printer has its letters, otherwise Italian.
    common::PrintResult result = m_deps.printer->print(
        common::ticketForPrinter(m_deps.config, m_ticket.issued, texts(), m_language, m_deps.texts));
    m_ticket.print = result.ok ? screens::PrintOutcome::Printed : screens::PrintOutcome::Failed;
    if (!result.ok)
        common::logLine(common::LogLevel::Warn, "kiosk", "printing %s failed: %s", m_ticket.issued.ticket.code.c_str(),
                        result.error.c_str());
    try {
        std::string status = result.ok ? std::string() : result.error;
        if (m_deps.store.setting(kPrinterStatusKey).value_or("") != status)
            m_deps.store.setSetting(kPrinterStatusKey, status);
    } catch (const std::exception& e) {
        common::logLine(common::LogLevel::Warn, "kiosk", "cannot record the printer status: %s", e.what());
    }
}

void App::applyAdminPinKey(char key, platform::PointerInput& pointer) {
    if (key != '\n') {
        m_adminPin.type(key);
        return;
    }
    if (!m_adminPin.submit(SDL_GetTicks())) return;
    common::logLine(common::LogLevel::Info, "kiosk", "reserved area opened with the staff PIN");
    showScreen(ScreenId::Admin, &pointer);
}

void App::applyIntents(platform::PointerInput& pointer) {
    applySurveyIntents(std::exchange(m_surveyIntents, {}), pointer);
    screens::Intents intents = std::exchange(m_intents, {});
    if (intents.openLanguages || intents.chooseLanguage || intents.toggleLargeText) {
        applyHeaderIntents(intents, pointer);
        return;
    }
    if (intents.exitKiosk && m_screen == ScreenId::Admin) {
        common::logLine(common::LogLevel::Info, "kiosk", "closed by staff from the reserved area");
        m_exitRequested = true;
    } else if (intents.pinKey && m_screen == ScreenId::AdminPin) {
        applyAdminPinKey(*intents.pinKey, pointer);
    } else if (intents.takeTicketCategory) {
        takeTicket(*intents.takeTicketCategory);
        showScreen(m_screen, &pointer);
    } else if (intents.openServicesOf) {
        m_servicesCategory = *intents.openServicesOf;
        showScreen(ScreenId::ServiceList, &pointer);
    } else if (intents.openCard) {
        m_cardId = *intents.openCard;
        showScreen(ScreenId::Card, &pointer);
    } else if (intents.listenTicket && m_screen == ScreenId::Ticket && m_deps.speak) {
        // Letters spelled and zeros dropped ("N 1"), in the citizen's language; the countdown
        // home starts again so the number can be heard to the end.
        const std::string code = platform::spokenCode(m_ticket.issued.ticket.code);
        m_deps.speak(texts().format("ticket.spoken", {{"code", code}}), m_language);
        m_screenShownAt = SDL_GetTicks();
    } else if (intents.goTo) {
        showScreen(*intents.goTo, &pointer);
    }
}

bool App::openAdminOnLongPress(Uint32 nowTicks, platform::PointerInput& pointer) {
    ImVec2 at;
    if (m_screen == ScreenId::AdminPin || m_screen == ScreenId::Admin) return false;
    if (!pointer.heldFor(kAdminHoldMs, nowTicks, at)) return false;
    if (at.x < m_adminCornerMin.x || at.x > m_adminCornerMax.x || at.y < m_adminCornerMin.y ||
        at.y > m_adminCornerMax.y)
        return false;
    showScreen(ScreenId::AdminPin, &pointer);
    return true;
}

void App::recover() {
    m_intents = {};
    m_surveyIntents = {};
    m_survey = {};
    m_dataVersion = 0;  // read everything again on the next refresh
    m_decisionMinute = -1;
    m_screen = ScreenId::Home;
    m_screenShownAt = SDL_GetTicks();
    m_adminPin.clear();
}

bool App::tick(Uint32 nowTicks, Uint32 lastInputTicks, platform::PointerInput& pointer) {
    if (openAdminOnLongPress(nowTicks, pointer)) return true;
    const Uint32 idleMs = nowTicks - std::max(m_screenShownAt, lastInputTicks);
    const bool idle = idleMs >= static_cast<Uint32>(m_deps.inactivitySeconds) * 1000;
    if (m_screen == ScreenId::Home) {
        // A language or A+ chosen on the home screen by someone who then walked away.
        if (!idle || (m_language == "it" && !m_largeText)) return false;
        goHomeForNextPerson(pointer);
        return true;
    }
    if (m_screen == ScreenId::AdminPin && m_adminPin.tick(nowTicks)) return true;
    if (m_screen == ScreenId::SurveyThanks && nowTicks - m_screenShownAt >= kThanksSeconds * 1000u) {
        goHomeForNextPerson(pointer);
        return true;
    }
    if (m_screen == ScreenId::SurveyCode && (m_surveyGuard.lockedOut(nowTicks) || m_surveyCountingDown)) {
        // The wait after many wrong codes counts down on screen, and goes away when it is over.
        m_surveyCountingDown = m_surveyGuard.lockedOut(nowTicks);
        if (!m_surveyCountingDown) m_survey.message.clear();
        showSurveyWait(nowTicks);
        return true;
    }
    if (m_screen == ScreenId::Ticket) {
        int left = ticketScreenSeconds() - static_cast<int>((nowTicks - m_screenShownAt) / 1000);
        if (left <= 0) {
            goHomeForNextPerson(pointer);
            return true;
        }
        bool changed = left != m_ticket.secondsLeft;
        m_ticket.secondsLeft = left;
        return changed;
    }
    if (idle) {
        goHomeForNextPerson(pointer);
        return true;
    }
    return false;
}

}  // namespace app
