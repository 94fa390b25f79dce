#include "services_screen.hpp"

#include "category_screen.hpp"

#include <algorithm>

#include "domain/config_translations.hpp"

namespace screens {

void drawServicesScreen(ui::UiContext& ctx, const std::vector<domain::Category>& categories, Intents& intents) {
    float top = ui::screenTitle(ctx, ctx.texts.get("services.title"), ctx.texts.get("services.subtitle"));
    float bottom = ui::backButtonTop(ctx) - ctx.px(40);
    if (auto id = categoryGrid(ctx, categories, "services:", top, bottom)) intents.openServicesOf = *id;
    if (ui::backButton(ctx)) intents.goTo = ScreenId::Home;
}

namespace {

// The first sentence of the card's "Cos'è": enough to recognise the service in a list.
std::string summaryOf(const std::vector<domain::CardSection>& sections) {
    for (const auto& s : sections) {
        if (s.key != "what") continue;
        size_t end = s.text.find(". ");
        std::string first = s.text.substr(0, end == std::string::npos ? s.text.size() : end + 1);
        return first.size() > 160 ? first.substr(0, first.rfind(' ', 157)) + "…" : first;
    }
    return {};
}

// Under the title of a card shown in Italian to someone who chose another language, the note
// says so in their language; on the card itself it comes before the "example" note.
std::string cardNote(const ui::UiContext& ctx, const domain::ServiceCard& card, const domain::LocalizedCard& text) {
    std::string note = text.italianOnly(ctx.language) ? ctx.texts.get("services.not_translated") : std::string();
    if (card.example) note += (note.empty() ? "" : ". ") + ctx.texts.get("services.example_note");
    return note;
}

}  // namespace

void drawServiceListScreen(ui::UiContext& ctx, const domain::Category& category,
                           const std::vector<const domain::ServiceCard*>& cards, Intents& intents) {
    float y = ui::screenTitle(ctx, domain::localizedCategory(category, ctx.language).label,
                              ctx.texts.get("services.list_subtitle"));
    const float pad = ctx.px(96);
    const float gap = ctx.px(28);
    const float bottom = ui::backButtonTop(ctx) - ctx.px(32);
    // All cards on one screen: rows shrink to fit, down to a height still easy to touch.
    const float fit = cards.empty() ? 0 : (bottom - y - gap * static_cast<float>(cards.size() - 1)) / static_cast<float>(cards.size());
    const float rowH = std::clamp(fit, ctx.px(120), ctx.px(170));
    if (cards.empty())
        ui::textAt(ctx, ctx.fonts.body, ImVec2(pad, y), ui::palette().textMuted, ctx.texts.get("services.none"));
    for (const auto* card : cards) {
        if (y + rowH > bottom + 1.0f) break;  // rounding must not drop the last card
        std::string id = "card:" + card->id;
        const domain::LocalizedCard text = domain::localizedCard(*card, ctx.language);
        // An Italian summary tells a reader of another language nothing: the note does.
        std::string summary =
            text.italianOnly(ctx.language) ? ctx.texts.get("services.not_translated") : summaryOf(text.sections);
        ui::TileSpec spec{id.c_str(), ImVec2(pad, y), ImVec2(ctx.size.x - pad, y + rowH), text.title, summary,
                          ui::Icon::Document, ui::TileStyle::Card,
                          card->example ? ctx.texts.get("services.example") : std::string()};
        if (ui::tile(ctx, spec)) intents.openCard = card->id;
        y += rowH + gap;
    }
    if (ui::backButton(ctx)) intents.goTo = ScreenId::Services;
}

void drawCardScreen(ui::UiContext& ctx, const domain::ServiceCard& card, Intents& intents) {
    const domain::LocalizedCard text = domain::localizedCard(card, ctx.language);
    float top = ui::screenTitle(ctx, text.title, cardNote(ctx, card, text));
    const float pad = ctx.px(96);
    const float bottom = ui::backButtonTop(ctx) - ctx.px(32);
    ctx.draw->AddRect(ImVec2(pad - 1, top - 1), ImVec2(ctx.size.x - pad + 1, bottom + 1), ui::palette().border, 0, 0,
                      ctx.px(2));
    ui::beginScrollArea(ctx, "card_body", ImVec2(pad, top), ImVec2(ctx.size.x - pad, bottom));
    for (const auto& section : text.sections) {
        ImGui::PushFont(ctx.fonts.bodyBold);
        ImGui::PushStyleColor(ImGuiCol_Text, ImColor(ui::palette().primary).Value);
        ImGui::TextUnformatted(ctx.texts.get("card." + section.key).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::PushFont(ctx.fonts.body);
        ImGui::TextUnformatted(section.text.c_str());
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, ctx.px(24)));
    }
    ui::endScrollArea(ctx, "card_body");
    if (ui::backButton(ctx)) intents.goTo = ScreenId::ServiceList;
}

}  // namespace screens
