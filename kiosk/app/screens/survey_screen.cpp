#include "survey_screen.hpp"

#include <algorithm>
#include <array>

#include "domain/config_translations.hpp"

namespace screens {
namespace {

constexpr std::size_t kCodeLength = 6;

void codeBoxes(ui::UiContext& ctx, float cx, float y, const std::string& code) {
    const float w = ctx.px(96), h = ctx.px(116), gap = ctx.px(20);
    const float left = cx - (w * kCodeLength + gap * (kCodeLength - 1)) / 2;
    // Where the digits typed appear: tests driving the kiosk with real input watch it change.
    ctx.targets.record("survey_code", ImVec2(left, y), ImVec2(cx + (cx - left), y + h), ui::TargetKind::Marker);
    for (std::size_t i = 0; i < kCodeLength; ++i) {
        ImVec2 min(left + static_cast<float>(i) * (w + gap), y);
        ImVec2 max(min.x + w, y + h);
        ctx.draw->AddRectFilled(min, max, ui::palette().surface, ctx.px(12));
        ctx.draw->AddRect(min, max, i == code.size() ? ui::palette().primary : ui::palette().border, ctx.px(12), 0,
                          ctx.px(i == code.size() ? 4 : 2));
        if (i < code.size())
            ui::textCentered(ctx, ctx.fonts.display, (min.x + max.x) / 2, y + (h - ctx.fonts.display->FontSize) / 2,
                             ui::palette().text, std::string(1, code[i]));
    }
}

void progressDots(ui::UiContext& ctx, float cx, float y, int current, int total) {
    const float r = ctx.px(10), gap = ctx.px(34);
    const float left = cx - gap * static_cast<float>(total - 1) / 2;
    // Which question is shown: the faces stay in place from one question to the next.
    ctx.targets.record("question:" + std::to_string(current + 1), ImVec2(left - r, y - r),
                       ImVec2(left + gap * static_cast<float>(total - 1) + r, y + r), ui::TargetKind::Marker);
    for (int i = 0; i < total; ++i) {
        ImVec2 c(left + gap * static_cast<float>(i), y);
        if (i <= current) ctx.draw->AddCircleFilled(c, r, ui::palette().primary, 20);
        else ctx.draw->AddCircle(c, r, ui::palette().border, 20, ctx.px(3));
    }
}

}  // namespace

void drawFace(ImDrawList* dl, ImVec2 c, float r, int score) {
    // Red to green (ui::Palette::faces), each face also shaped and labelled: colour is never the only signal.
    const ImU32 col = ui::palette().faces[static_cast<std::size_t>(std::clamp(score, 1, 5) - 1)];
    const ImU32 ink = ui::palette().onFace;
    dl->AddCircleFilled(c, r, col, 48);
    dl->AddCircleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.25f), r * 0.11f, ink, 16);
    dl->AddCircleFilled(ImVec2(c.x + r * 0.35f, c.y - r * 0.25f), r * 0.11f, ink, 16);
    // The mouth bends from a frown (1) through a straight line (3) to a smile (5).
    const float bend = static_cast<float>(score - 3) * 0.18f * r;
    const float y = c.y + r * 0.38f - bend * 0.5f;
    dl->AddBezierQuadratic(ImVec2(c.x - r * 0.42f, y), ImVec2(c.x, y + bend * 2), ImVec2(c.x + r * 0.42f, y), ink,
                           r * 0.1f, 24);
}

void drawSurveyCodeScreen(ui::UiContext& ctx, const SurveyState& state, SurveyIntents& intents, Intents& nav) {
    const float cx = ctx.size.x / 2;
    float y = ui::headerHeight(ctx) + ctx.px(40);
    ui::textCentered(ctx, ctx.fonts.heading, cx, y, ui::palette().text, ctx.texts.get("survey.code_title"));
    y += ctx.px(72);
    ui::textCentered(ctx, ctx.fonts.body, cx, y, ui::palette().textMuted, ctx.texts.get("survey.code_hint"));
    y += ctx.px(64);
    codeBoxes(ctx, cx, y, state.code);
    y += ctx.px(136);
    if (!state.message.empty()) {
        ctx.targets.record(state.waiting ? "survey_wait" : "survey_error", ImVec2(cx - 1, y), ImVec2(cx + 1, y + 1),
                           ui::TargetKind::Marker);
        ui::textWrappedCentered(ctx, ctx.fonts.bodyBold, cx, y, ctx.px(1400), ui::palette().danger, state.message);
    }
    y += ctx.px(60);
    auto key = ui::keypad(ctx, "key:", cx, y, ImVec2(ctx.px(200), ctx.px(100)), ctx.texts.get("survey.delete"),
                          ctx.texts.get("survey.ok"), state.code.size() == kCodeLength);
    if (key == '\n') intents.submitCode = true;
    else if (key) intents.key = *key;
    if (ui::backButton(ctx)) nav.goTo = ScreenId::Home;
}

void drawSurveyQuestionScreen(ui::UiContext& ctx, const domain::SurveyConfig& config, const SurveyState& state,
                              SurveyIntents& intents, Intents& nav) {
    const float cx = ctx.size.x / 2;
    const int total = 1 + static_cast<int>(config.dimensionQuestions.size());
    float y = ui::headerHeight(ctx) + ctx.px(48);
    progressDots(ctx, cx, y, state.question, total);
    y += ctx.px(36);
    ui::textCentered(ctx, ctx.fonts.body, cx, y, ui::palette().textMuted,
                     ctx.texts.format("survey.question_of", {{"i", std::to_string(state.question + 1)},
                                                             {"n", std::to_string(total)}}));
    y += ctx.px(70);
    const domain::LocalizedSurvey text = domain::localizedSurvey(config, ctx.language);
    const std::string& question =
        state.question == 0 ? text.overallQuestion
                            : text.dimensionQuestions[static_cast<std::size_t>(state.question - 1)];
    y += ui::textWrappedCentered(ctx, ctx.fonts.heading, cx, y, ctx.px(1500), ui::palette().text, question) + ctx.px(50);

    const float cell = ctx.px(300), radius = ctx.px(96);
    const float left = cx - cell * 2.5f;
    for (int score = 1; score <= 5; ++score) {
        float x = left + cell * static_cast<float>(score - 1);
        ImVec2 min(x + ctx.px(10), y), max(x + cell - ctx.px(10), y + ctx.px(330));
        std::string id = "score:" + std::to_string(score);
        ctx.targets.record(id, min, max);
        ImGui::SetCursorScreenPos(min);
        if (ImGui::InvisibleButton(id.c_str(), ImVec2(max.x - min.x, max.y - min.y))) intents.score = score;
        if (ImGui::IsItemActive()) ctx.draw->AddRectFilled(min, max, ui::palette().primaryLight, ctx.px(16));
        drawFace(ctx.draw, ImVec2(x + cell / 2, y + radius + ctx.px(10)), radius, score);
        ui::textWrappedCentered(ctx, ctx.fonts.body, x + cell / 2, y + 2 * radius + ctx.px(40), cell - ctx.px(30),
                                ui::palette().text, text.scaleLabels[static_cast<std::size_t>(score - 1)]);
    }
    ui::textCentered(ctx, ctx.fonts.small, cx, y + ctx.px(360), ui::palette().textMuted, ctx.texts.get("survey.anonymous"));
    // The overall question is the one that counts: only the others can be skipped.
    if (state.question > 0) {
        const float bottom = ctx.size.y - ui::footerHeight(ctx) - ctx.px(40);
        ImVec2 min(ctx.size.x - ctx.px(96) - ctx.px(340), bottom - ctx.px(104));
        if (ui::pillButton(ctx, "skip", min, ImVec2(min.x + ctx.px(340), bottom), ctx.texts.get("survey.skip"),
                           ui::Icon::None, false))
            intents.skip = true;
    }
    if (ui::backButton(ctx)) nav.goTo = ScreenId::Home;
}

void drawSurveyThanksScreen(ui::UiContext& ctx, Intents& nav) {
    const float cx = ctx.size.x / 2;
    float y = ui::headerHeight(ctx) + ctx.px(150);
    ctx.draw->AddCircleFilled(ImVec2(cx, y + ctx.px(80)), ctx.px(90), ui::palette().success, 48);
    ui::drawIcon(ctx.draw, ui::Icon::Check, ImVec2(cx, y + ctx.px(80)), ctx.px(130), ui::palette().onPrimary);
    y += ctx.px(220);
    ui::textCentered(ctx, ctx.fonts.display, cx, y, ui::palette().text, ctx.texts.get("survey.thanks_title"));
    y += ctx.px(110);
    ui::textWrappedCentered(ctx, ctx.fonts.body, cx, y, ctx.px(1200), ui::palette().text, ctx.texts.get("survey.thanks_text"));
    const float bottom = ctx.size.y - ui::footerHeight(ctx) - ctx.px(40);
    const float w = ctx.px(520);
    if (ui::pillButton(ctx, "done", ImVec2(cx - w / 2, bottom - ctx.px(112)), ImVec2(cx + w / 2, bottom),
                       ctx.texts.get("ticket.done"), ui::Icon::Check, true))
        nav.goTo = ScreenId::Home;
}

}  // namespace screens
