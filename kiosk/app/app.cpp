#include "app.hpp"

#include <cstdio>
#include <random>

#include "screens/error_screen.hpp"
#include "screens/no_ticket_screen.hpp"
#include "screens/services_screen.hpp"

namespace app {

using screens::ScreenId;

// How long taps are ignored after a screen change: a double tap's second touch lands here.
constexpr Uint32 kTransitionGuardMs = 500;

std::string newRequestToken() {
    std::random_device rd;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x%08x%08x%08x", rd(), rd(), rd(), rd());
    return buf;
}

App::App(const AppDeps& deps) : m_deps(deps) { reloadSnapshot(); }

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
    if (id == ScreenId::Ticket) m_ticket.secondsLeft = kTicketScreenSeconds;
    if (pointer) pointer->ignorePressesUntil(m_screenShownAt + kTransitionGuardMs);
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
    }
    m_intents.goTo = ScreenId::Home;  // a stale selection: start again from home
}

void App::drawFrame(ui::UiContext& ctx) {
    ui::beginScreen("kiosk", ctx.size);
    ctx.draw = ImGui::GetWindowDrawList();
    ui::headerBar(ctx, m_deps.config.office, m_deps.queue.now(), m_deps.simulatedClock);
    drawCurrentScreen(ctx);
    ui::footerBar(ctx, m_deps.config.office);
    ui::endScreen();
}

void App::takeTicket(const std::string& categoryId) {
    try {
        // The visit's token: a second tap on the same screen returns the ticket already taken.
        m_ticket.issued = m_deps.queue.takeTicket(categoryId, m_category.requestToken);
        reloadSnapshot();
        m_screen = ScreenId::Ticket;
    } catch (const domain::TicketRefusedError& e) {
        // The hours or the queue changed since the home screen was drawn.
        m_decision = e.decision();
        m_screen = ScreenId::NoTicket;
    } catch (const std::exception& e) {
        // Never show a number whose commit failed: send the citizen to the desk instead.
        std::fprintf(stderr, "kiosk: could not issue a ticket: %s\n", e.what());
        m_screen = ScreenId::Error;
    }
}

void App::applyIntents(platform::PointerInput& pointer) {
    screens::Intents intents = std::exchange(m_intents, {});
    if (intents.takeTicketCategory) {
        takeTicket(*intents.takeTicketCategory);
        showScreen(m_screen, &pointer);
    } else if (intents.openServicesOf) {
        m_servicesCategory = *intents.openServicesOf;
        showScreen(ScreenId::ServiceList, &pointer);
    } else if (intents.openCard) {
        m_cardId = *intents.openCard;
        showScreen(ScreenId::Card, &pointer);
    } else if (intents.goTo) {
        showScreen(*intents.goTo, &pointer);
    }
}

bool App::tick(Uint32 nowTicks, Uint32 lastInputTicks, platform::PointerInput& pointer) {
    if (m_screen == ScreenId::Home) return false;
    if (m_screen == ScreenId::Ticket) {
        int left = kTicketScreenSeconds - static_cast<int>((nowTicks - m_screenShownAt) / 1000);
        if (left <= 0) {
            showScreen(ScreenId::Home, &pointer);
            return true;
        }
        bool changed = left != m_ticket.secondsLeft;
        m_ticket.secondsLeft = left;
        return changed;
    }
    Uint32 since = std::max(m_screenShownAt, lastInputTicks);
    if (nowTicks - since >= static_cast<Uint32>(kIdleSecondsToHome) * 1000) {
        showScreen(ScreenId::Home, &pointer);
        return true;
    }
    return false;
}

}  // namespace app
