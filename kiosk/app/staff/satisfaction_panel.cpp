#include "satisfaction_panel.hpp"

#include <array>
#include <cmath>

#include "domain/format.hpp"

namespace staff {

domain::LocalDate periodStart(Period period, const domain::LocalDate& today) {
    switch (period) {
        case Period::Month: return {today.year, today.month, 1};
        case Period::Quarter: return {today.year, (today.month - 1) / 3 * 3 + 1, 1};
        case Period::Year: return {today.year, 1, 1};
    }
    return today;
}

namespace {

std::string percentText(double value) { return std::to_string(static_cast<int>(std::lround(value))); }

void periodButtons(ui::UiContext& ctx, float x, float y, Period current, SatisfactionIntents& intents) {
    static constexpr std::array<std::pair<Period, const char*>, 3> kPeriods{
        {{Period::Month, "month"}, {Period::Quarter, "quarter"}, {Period::Year, "year"}}};
    const float w = ctx.px(200), h = ctx.px(64), gap = ctx.px(14);
    for (std::size_t i = 0; i < kPeriods.size(); ++i) {
        float bx = x + static_cast<float>(i) * (w + gap);
        std::string id = std::string("period:") + kPeriods[i].second;
        if (ui::pillButton(ctx, id.c_str(), ImVec2(bx, y), ImVec2(bx + w, y + h),
                           ctx.texts.get(std::string("satisfaction.") + kPeriods[i].second), ui::Icon::None,
                           kPeriods[i].first == current))
            intents.period = kPeriods[i].first;
    }
}

// The verdict in words, with an icon and a colour: never colour alone.
void verdictLine(ui::UiContext& ctx, float x, float y, const SatisfactionView& view) {
    const std::string target = percentText(view.rules.targetPercent);
    ImU32 col = ui::palette().textMuted;
    std::string text = ctx.texts.get("satisfaction.not_enough");
    ui::Icon icon = ui::Icon::Clock;
    if (view.figures.verdict == domain::Verdict::Met) {
        col = ui::palette().success;
        text = ctx.texts.format("satisfaction.met", {{"target", target}});
        icon = ui::Icon::Check;
    } else if (view.figures.verdict == domain::Verdict::NotMet) {
        col = ui::palette().danger;
        text = ctx.texts.format("satisfaction.not_met", {{"target", target}});
        icon = ui::Icon::Info;
    }
    const float r = ctx.px(22);
    ctx.draw->AddCircleFilled(ImVec2(x + r, y + r), r, col, 32);
    ui::drawIcon(ctx.draw, icon, ImVec2(x + r, y + r), r * 1.5f, ui::palette().onPrimary);
    ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(x + 2 * r + ctx.px(14), y + r - ctx.fonts.bodyBold->FontSize / 2), col,
               text);
}

void dimensionBars(ui::UiContext& ctx, float x, float y, float width, const domain::SatisfactionFigures& f) {
    ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(x, y), ui::palette().text, ctx.texts.get("satisfaction.dimensions"));
    y += ctx.px(48);
    const float labelW = ctx.px(330), barH = ctx.px(26);
    for (std::size_t i = 0; i < domain::kSurveyDimensions.size(); ++i) {
        ui::textAt(ctx, ctx.fonts.body, ImVec2(x, y), ui::palette().text,
                   ctx.texts.get("satisfaction." + std::string(domain::kSurveyDimensions[i])));
        const float bx = x + labelW, bw = width - labelW - ctx.px(90);
        const float by = y + (ctx.fonts.body->FontSize - barH) / 2;
        ctx.draw->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw, by + barH), ui::palette().mutedFill, ctx.px(6));
        std::string value = "–";
        if (auto avg = f.dimensionAverages[i]) {
            ctx.draw->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw * static_cast<float>(*avg / 5.0), by + barH),
                                    ui::palette().primary, ctx.px(6));
            char buf[16];
            std::snprintf(buf, sizeof buf, "%.1f", *avg);
            value = buf;
        }
        ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(bx + bw + ctx.px(20), y), ui::palette().text, value);
        y += ctx.px(50);
    }
}

void trendBars(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const SatisfactionView& view) {
    ui::panel(ctx, min, max);
    const float pad = ctx.px(36);
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(min.x + pad, min.y + pad), ui::palette().text, ctx.texts.get("satisfaction.trend"));
    const float top = min.y + pad + ctx.px(100), bottom = max.y - pad - ctx.px(50);
    const float left = min.x + pad, right = max.x - pad;
    const float slot = (right - left) / static_cast<float>(std::max<std::size_t>(1, view.trend.size()));
    auto yFor = [&](double percent) { return bottom - static_cast<float>(percent / 100.0) * (bottom - top); };
    for (std::size_t i = 0; i < view.trend.size(); ++i) {
        const auto& m = view.trend[i];
        float x = left + slot * static_cast<float>(i);
        bool enough = m.figures.answers >= view.rules.minAnswersForFigures;
        if (enough) {
            const float barTop = yFor(m.figures.percent);
            ctx.draw->AddRectFilled(ImVec2(x + slot * 0.18f, barTop), ImVec2(x + slot * 0.82f, bottom),
                                    m.figures.percent >= view.rules.targetPercent ? ui::palette().success : ui::palette().danger,
                                    ctx.px(4));
            ui::textCentered(ctx, ctx.fonts.small, x + slot / 2, barTop - ctx.px(32), ui::palette().text,
                             percentText(m.figures.percent) + "%");
        } else
            ctx.draw->AddRectFilled(ImVec2(x + slot * 0.18f, bottom - ctx.px(6)), ImVec2(x + slot * 0.82f, bottom),
                                    ui::palette().border);
        // "11" for November 2026: the year is in the panel's period.
        ui::textCentered(ctx, ctx.fonts.small, x + slot / 2, bottom + ctx.px(10), ui::palette().textMuted, m.month.substr(5, 2));
    }
    const float ty = yFor(view.rules.targetPercent);
    ctx.draw->AddLine(ImVec2(left, ty), ImVec2(right, ty), ui::palette().text, ctx.px(3));
    std::string label = ctx.texts.format("satisfaction.target_line", {{"target", percentText(view.rules.targetPercent)}});
    // Under the line, at the left: the bars' own labels sit above them.
    ui::textAt(ctx, ctx.fonts.small, ImVec2(left, ty + ctx.px(6)), ui::palette().text, label);
}

}  // namespace

void drawLastDayNote(ui::UiContext& ctx, ImVec2 at, const SatisfactionView& view) {
    const std::string text = ctx.texts.format("satisfaction.until_yesterday", {{"date", domain::longDate(ctx.texts, view.lastDay)}});
    ui::textAt(ctx, ctx.fonts.body, at, ui::palette().textMuted, text);
    // A marker for UI scripts: the last day the figures count.
    ctx.targets.record("until:" + view.lastDay.iso(), at, ImVec2(at.x + 1, at.y + 1), ui::TargetKind::Marker);
}

void drawSatisfactionPanel(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const SatisfactionView& view,
                           SatisfactionIntents& intents) {
    const float split = min.x + (max.x - min.x) * 0.5f;
    ImVec2 leftMax(split - ctx.px(16), max.y);
    ui::panel(ctx, min, leftMax);
    const float pad = ctx.px(36), x = min.x + pad, width = leftMax.x - min.x - 2 * pad;
    float y = min.y + pad;
    periodButtons(ctx, x, y, view.period, intents);
    y += ctx.px(100);
    const auto& f = view.figures;
    // A marker for UI scripts: how many answers the panel counts.
    ctx.targets.record("answers:" + std::to_string(f.answers), ImVec2(x, y), ImVec2(x + 1, y + 1), ui::TargetKind::Marker);
    if (f.answers < view.rules.minAnswersForFigures) {
        ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(x, y), ui::palette().text,
                   ctx.texts.format("satisfaction.answers", {{"n", std::to_string(f.answers)}, {"paper", std::to_string(f.paperAnswers)}}));
        y += ctx.px(56);
        ui::textAt(ctx, ctx.fonts.body, ImVec2(x, y), ui::palette().textMuted,
                   ctx.texts.format("satisfaction.too_few", {{"min", std::to_string(view.rules.minAnswersForFigures)}}));
        y += ctx.px(70);
        verdictLine(ctx, x, y, view);
    } else {
        std::string percent = percentText(f.percent) + "%";
        ui::textAt(ctx, ctx.fonts.ticket, ImVec2(x, y - ctx.px(30)), ui::palette().primary, percent);
        ImVec2 ps = ui::measure(ctx.fonts.ticket, percent);
        ui::textAt(ctx, ctx.fonts.heading, ImVec2(x + ps.x + ctx.px(20), y + ctx.px(110)), ui::palette().text,
                   ctx.texts.get("satisfaction.satisfied"));
        y += ctx.px(190);
        ui::textAt(ctx, ctx.fonts.body, ImVec2(x, y), ui::palette().textMuted,
                   ctx.texts.format("satisfaction.interval", {{"low", percentText(f.interval.low)}, {"high", percentText(f.interval.high)}}));
        y += ctx.px(44);
        ui::textAt(ctx, ctx.fonts.body, ImVec2(x, y), ui::palette().text,
                   ctx.texts.format("satisfaction.answers", {{"n", std::to_string(f.answers)}, {"paper", std::to_string(f.paperAnswers)}}));
        y += ctx.px(52);
        verdictLine(ctx, x, y, view);
        y += ctx.px(70);
        dimensionBars(ctx, x, y, width, f);
    }
    trendBars(ctx, ImVec2(split + ctx.px(16), min.y), max, view);
}

}  // namespace staff
