#include "staff_screens.hpp"

#include "../ui/pin_pad.hpp"

#include <algorithm>
#include <array>

namespace staff {

using domain::StaffAction;
using domain::TicketState;

namespace {

constexpr float kPad = 56;

// A compact button for the console: staff use a mouse or a finger, both need room.
bool button(ui::UiContext& ctx, const std::string& id, ImVec2 min, ImVec2 max, const std::string& label, bool filled,
            bool enabled = true, ImFont* font = nullptr) {
    if (!enabled) {
        ImFont* shown = font != nullptr ? font : ctx.fonts.bodyBold;
        ctx.draw->AddRectFilled(min, max, ui::palette().mutedFill, ctx.px(12));
        ImVec2 s = ui::measure(shown, label);
        ui::textAt(ctx, shown, ImVec2((min.x + max.x - s.x) / 2, (min.y + max.y - s.y) / 2), ui::palette().textMuted,
                   label);
        return false;
    }
    return ui::pillButton(ctx, id.c_str(), min, max, label, ui::Icon::None, filled, font);
}

}  // namespace

void drawPinScreen(ui::UiContext& ctx, const PinView& view, StaffIntents& intents) {
    auto key = ui::pinPad(ctx, ctx.texts.get("staff.enter_pin"), view.digits, view.message);
    if (key == '\n') intents.submitPin = true;
    else if (key) intents.digit = *key;
}

namespace {

std::string categoryLabel(const domain::Config& config, const std::string& id) {
    const auto* c = config.findCategory(id);
    return c ? c->label : id;
}

std::string rowDetail(const ui::UiContext& ctx, const domain::Ticket& t, const domain::LocalDateTime& now) {
    if (t.state == TicketState::Called) return ctx.texts.format("staff.called_at", {{"room", t.desk.value_or("")}});
    long long minutes = std::max(0LL, now.secondsSince(t.issuedAt) / 60);
    return ctx.texts.format("staff.waiting_for", {{"m", std::to_string(minutes)}});
}

void queueTable(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const ConsoleScreenView& view, StaffIntents& intents) {
    ui::panel(ctx, min, max);
    const float pad = ctx.px(32);
    float y = min.y + pad;
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(min.x + pad, y), ui::palette().text, ctx.texts.get("staff.queue"));
    y += ctx.px(80);
    if (view.data.active.empty())
        ui::textAt(ctx, ctx.fonts.body, ImVec2(min.x + pad, y), ui::palette().textMuted, ctx.texts.get("staff.queue_empty"));
    const float rowH = ctx.px(64);
    for (const auto& t : view.data.active) {
        ImVec2 rmin(min.x + ctx.px(12), y), rmax(max.x - ctx.px(12), y + rowH - ctx.px(6));
        std::string id = "ticket:" + t.code;
        ctx.targets.record(id, rmin, rmax);
        ImGui::SetCursorScreenPos(rmin);
        if (ImGui::InvisibleButton(id.c_str(), ImVec2(rmax.x - rmin.x, rmax.y - rmin.y))) intents.select = t.code;
        const bool selected = t.code == view.selected;
        if (selected) ctx.draw->AddRectFilled(rmin, rmax, ui::palette().primaryLight, ctx.px(10));
        if (t.state == TicketState::Called)
            ctx.draw->AddRectFilled(rmin, ImVec2(rmin.x + ctx.px(8), rmax.y), ui::palette().success, ctx.px(4));
        float ty = y + (rowH - ctx.px(6) - ctx.fonts.bodyBold->FontSize) / 2;
        ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(min.x + pad, ty), ui::palette().text, t.code);
        ui::textAt(ctx, ctx.fonts.body, ImVec2(min.x + pad + ctx.px(150), ty), ui::palette().text,
                   categoryLabel(view.config, t.categoryId));
        std::string detail = rowDetail(ctx, t, view.now);
        ImVec2 s = ui::measure(ctx.fonts.body, detail);
        ui::textAt(ctx, ctx.fonts.body, ImVec2(max.x - pad - s.x, ty),
                   t.state == TicketState::Called ? ui::palette().success : ui::palette().textMuted, detail);
        y += rowH;
    }
    if (view.data.moreNotShown > 0)
        ui::textAt(ctx, ctx.fonts.body, ImVec2(min.x + pad, y + ctx.px(8)), ui::palette().textMuted,
                   ctx.texts.format("staff.more", {{"n", std::to_string(view.data.moreNotShown)}}));
}

const domain::Ticket* findActive(const ConsoleView& data, const std::string& code) {
    for (const auto& t : data.active)
        if (t.code == code) return &t;
    return nullptr;
}

float deskSelector(ui::UiContext& ctx, float x, float y, float width, const ConsoleScreenView& view,
                   StaffIntents& intents) {
    ui::textAt(ctx, ctx.fonts.body, ImVec2(x, y), ui::palette().textMuted, ctx.texts.get("staff.room"));
    y += ctx.px(48);
    const auto& rooms = view.config.staff.rooms;
    const float gap = ctx.px(16);
    const float w = (width - gap * static_cast<float>(rooms.size() - 1)) / static_cast<float>(rooms.size());
    for (std::size_t i = 0; i < rooms.size(); ++i) {
        float bx = x + static_cast<float>(i) * (w + gap);
        int desk = static_cast<int>(i) + 1;
        if (button(ctx, "room:" + std::to_string(desk), ImVec2(bx, y), ImVec2(bx + w, y + ctx.px(72)), rooms[i],
                   desk == view.desk))
            intents.desk = desk;
    }
    return y + ctx.px(72);
}

// The label as wide as `width` at most: whole, or cut with "…" (a category's letter and the start of
// its name still tell staff which it is).
std::string fittedLabel(ImFont* font, const std::string& label, float width) {
    if (ui::measure(font, label).x <= width) return label;
    std::string cut = label;
    while (!cut.empty()) {
        // One whole UTF-8 character at a time: its continuation bytes, then its first byte.
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xc0) == 0x80) cut.pop_back();
        if (!cut.empty()) cut.pop_back();
        std::string shown = cut;
        while (!shown.empty() && shown.back() == ' ') shown.pop_back();
        shown += "…";
        if (ui::measure(font, shown).x <= width) return shown;
    }
    return "…";
}

// One button per category, the ticket's own greyed out: one row up to three, two rows of two for
// the charter's four, of three for five or six (domain::kMaxCategories). Labels in bold, in small
// type when one does not fit, cut with "…" when even that is too wide.
float transferButtons(ui::UiContext& ctx, float x, float y, float width, const std::vector<domain::Category>& categories,
                      const std::string& currentId, StaffIntents& intents) {
    const std::size_t columns = categories.size() <= 3 ? categories.size() : categories.size() == 4 ? 2 : 3;
    const std::size_t rows = (categories.size() + columns - 1) / columns;
    const float gap = ctx.px(14), rowGap = ctx.px(10), h = rows > 1 ? ctx.px(56) : ctx.px(64);
    const float cw = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float textWidth = cw - h;  // clear of the pill's round ends
    const bool boldFits = std::all_of(categories.begin(), categories.end(), [&](const domain::Category& c) {
        return ui::measure(ctx.fonts.bodyBold, c.label).x <= textWidth;
    });
    ImFont* font = boldFits ? ctx.fonts.bodyBold : ctx.fonts.small;
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const float bx = x + static_cast<float>(i % columns) * (cw + gap);
        const float by = y + static_cast<float>(i / columns) * (h + rowGap);
        const bool enabled = categories[i].id != currentId;
        if (button(ctx, "transfer:" + categories[i].id, ImVec2(bx, by), ImVec2(bx + cw, by + h),
                   fittedLabel(font, categories[i].label, textWidth), false, enabled, font))
            intents.transferTo = categories[i].id;
    }
    return y + static_cast<float>(rows) * h + static_cast<float>(rows - 1) * rowGap;
}

float selectedActions(ui::UiContext& ctx, float x, float y, float width, const ConsoleScreenView& view,
                      StaffIntents& intents) {
    const domain::Ticket* t = findActive(view.data, view.selected);
    if (!t) {
        return y + ui::textWrapped(ctx, ctx.fonts.body, ImVec2(x, y), width, ui::palette().textMuted,
                                   ctx.texts.get("staff.none_selected"));
    }
    std::string line = ctx.texts.get("staff.selected") + ": " + t->code + " · " + categoryLabel(view.config, t->categoryId) +
                       " · " + ctx.texts.get("staff.state_" + std::string(domain::toString(t->state)));
    ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(x, y), ui::palette().text, line);
    y += ctx.px(50);
    struct ActionButton {
        const char* id;
        const char* key;
        StaffAction action;
    };
    static constexpr std::array<ActionButton, 5> kActions{{{"call_selected", "staff.call", StaffAction::Call},
                                                           {"recall", "staff.recall", StaffAction::Recall},
                                                           {"serve", "staff.serve", StaffAction::Serve},
                                                           {"no_show", "staff.no_show", StaffAction::NoShow},
                                                           {"requeue", "staff.requeue", StaffAction::Requeue}}};
    // 64 high leaves room for two rows of transfer buttons above the day's figures.
    const float gap = ctx.px(14), h = ctx.px(64), w = (width - 2 * gap) / 3;
    for (std::size_t i = 0; i < kActions.size(); ++i) {
        float bx = x + static_cast<float>(i % 3) * (w + gap);
        float by = y + static_cast<float>(i / 3) * (h + gap);
        const auto& a = kActions[i];
        bool enabled = a.action == StaffAction::Recall || [&] {
            auto allowed = domain::statesAllowing(a.action);
            return std::find(allowed.begin(), allowed.end(), t->state) != allowed.end();
        }();
        if (button(ctx, a.id, ImVec2(bx, by), ImVec2(bx + w, by + h), ctx.texts.get(a.key), false, enabled))
            intents.action = a.action;
    }
    y += 2 * (h + gap);
    ui::textAt(ctx, ctx.fonts.body, ImVec2(x, y), ui::palette().textMuted, ctx.texts.get("staff.transfer"));
    y += ctx.px(44);
    return transferButtons(ctx, x, y, width, view.config.categories, t->categoryId, intents);
}

void figuresRow(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const domain::DayFigures& f) {
    ui::panel(ctx, min, max);
    const std::array<std::pair<const char*, std::string>, 6> items{{
        {"staff.taken", std::to_string(f.taken)},
        {"staff.waiting", std::to_string(f.waiting)},
        {"staff.served", std::to_string(f.served)},
        {"staff.no_shows", std::to_string(f.noShow)},
        {"staff.average_wait", ctx.texts.format("staff.minutes", {{"m", std::to_string(static_cast<int>(f.averageWaitMinutes + 0.5))}})},
        {"staff.longest_wait", ctx.texts.format("staff.minutes", {{"m", std::to_string(f.longestWaitMinutes)}})},
    }};
    const float w = (max.x - min.x) / 6;
    for (std::size_t i = 0; i < items.size(); ++i) {
        float x = min.x + static_cast<float>(i) * w + ctx.px(24);
        ui::textAt(ctx, ctx.fonts.small, ImVec2(x, min.y + ctx.px(18)), ui::palette().textMuted, ctx.texts.get(items[i].first));
        ui::textAt(ctx, ctx.fonts.heading, ImVec2(x, min.y + ctx.px(52)), ui::palette().text, items[i].second);
    }
}

}  // namespace

void drawConsoleScreen(ui::UiContext& ctx, const ConsoleScreenView& view, StaffIntents& intents) {
    const float pad = ctx.px(kPad);
    const float top = ui::headerHeight(ctx) + ctx.px(32);
    const float figuresH = ctx.px(130);
    const float statusH = ctx.px(60);
    const float bottom = ctx.size.y - pad - figuresH - statusH;
    const float split = pad + (ctx.size.x - 2 * pad) * 0.52f;
    queueTable(ctx, ImVec2(pad, top), ImVec2(split - ctx.px(16), bottom), view, intents);

    const float x = split + ctx.px(16);
    const float width = ctx.size.x - pad - x;
    // Three narrow tabs beside the rooms: the rooms keep enough width for two "Stanza N" buttons.
    float y = deskSelector(ctx, x, top, width - ctx.px(570), view, intents);
    const float right = ctx.size.x - pad, tabTop = top + ctx.px(48), tabBottom = top + ctx.px(120);
    if (button(ctx, "tab:scheda", ImVec2(right - ctx.px(554), tabTop), ImVec2(right - ctx.px(404), tabBottom),
               ctx.texts.get("staff.scheda_tab"), false))
        intents.showSchedaReport = true;
    if (button(ctx, "tab:satisfaction", ImVec2(right - ctx.px(392), tabTop), ImVec2(right - ctx.px(162), tabBottom),
               ctx.texts.get("satisfaction.tab"), false))
        intents.showSatisfaction = true;
    if (button(ctx, "lock", ImVec2(right - ctx.px(150), tabTop), ImVec2(right, tabBottom), ctx.texts.get("staff.lock"),
               false))
        intents.lock = true;
    y += ctx.px(24);
    if (ui::pillButton(ctx, "call_next", ImVec2(x, y), ImVec2(x + width, y + ctx.px(110)), ctx.texts.get("staff.call_next"),
                       ui::Icon::None, true))
        intents.callNext = true;
    y += ctx.px(134);
    selectedActions(ctx, x, y, width, view, intents);

    figuresRow(ctx, ImVec2(pad, bottom + ctx.px(20)), ImVec2(ctx.size.x - pad, bottom + ctx.px(20) + figuresH), view.data.figures);
    if (!view.status.empty())
        ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(pad, ctx.size.y - pad - ctx.px(40)),
                   view.statusIsError ? ui::palette().danger : ui::palette().success, view.status);
    if (!view.printerFault.empty()) {
        // Citizens are told to write their number down: staff must know why, and fix it.
        std::string fault = ctx.texts.format("staff.printer_fault", {{"error", view.printerFault}});
        ImVec2 s = ui::measure(ctx.fonts.bodyBold, fault);
        ctx.targets.record("printer_fault", ImVec2(ctx.size.x - pad - s.x, ctx.size.y - pad - ctx.px(40)),
                           ImVec2(ctx.size.x - pad, ctx.size.y - pad), ui::TargetKind::Marker);
        ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(ctx.size.x - pad - s.x, ctx.size.y - pad - ctx.px(40)),
                   ui::palette().danger, fault);
    }
}

}  // namespace staff
