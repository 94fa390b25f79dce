#include "app.hpp"

#include <cstdio>
#include <random>

#include "screens/error_screen.hpp"
#include "screens/home_screen.hpp"

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
}

bool App::refreshIfChanged() {
    if (m_deps.store.dataVersion() == m_dataVersion && m_deps.queue.now().date == m_snapshot.serviceDay) return false;
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

void App::drawFrame(ui::UiContext& ctx) {
    ui::beginScreen("kiosk", ctx.size);
    ctx.draw = ImGui::GetWindowDrawList();
    ui::headerBar(ctx, m_deps.config.office, m_deps.queue.now(), m_deps.simulatedClock);
    switch (m_screen) {
        case ScreenId::Home:
            screens::drawHomeScreen(ctx, {m_deps.config.office, m_deps.queue.now(), m_snapshot.waitingCount()},
                                    m_intents);
            break;
        case ScreenId::Category:
            screens::drawCategoryScreen(ctx, m_deps.config.categories, m_category, m_intents);
            break;
        case ScreenId::Ticket: screens::drawTicketScreen(ctx, m_ticket, m_intents); break;
        case ScreenId::Error: screens::drawErrorScreen(ctx, m_intents); break;
    }
    ui::footerBar(ctx, m_deps.config.office);
    ui::endScreen();
}

void App::takeTicket(const std::string& categoryId) {
    try {
        // The visit's token: a second tap on the same screen returns the ticket already taken.
        m_ticket.issued = m_deps.queue.takeTicket(categoryId, m_category.requestToken);
        reloadSnapshot();
        m_screen = ScreenId::Ticket;
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
