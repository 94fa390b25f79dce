#include "scheda_panel.hpp"

#include <algorithm>
#include <array>
#include <cfloat>

namespace staff {

namespace facet = domain::scheda_facet;

void applySchedaTap(domain::ContactRecord& record, const SchedaTap& tap) {
    const auto toggle = [&](std::vector<std::string>& ids) {
        const auto found = std::find(ids.begin(), ids.end(), tap.value);
        if (found == ids.end()) ids.push_back(tap.value);
        else ids.erase(found);
    };
    if (tap.facet == facet::kNeed) toggle(record.needAreaIds);
    else if (tap.facet == facet::kAnswer) {
        toggle(record.answerIds);
        // Without the referral answer the services are hidden: they must not be stored either.
        if (tap.value == domain::kSchedaReferralAnswer &&
            std::find(record.answerIds.begin(), record.answerIds.end(), tap.value) == record.answerIds.end())
            record.referralServiceIds.clear();
    } else if (tap.facet == facet::kReferral) toggle(record.referralServiceIds);
    else if (tap.facet == facet::kContact) {
        const auto kind = tap.value == facet::kFirst ? domain::ContactKind::First : domain::ContactKind::Return;
        record.contact = record.contact == kind ? domain::ContactKind::Unstated : kind;
    } else if (tap.facet == facet::kOperators)
        record.secondOperator = !record.secondOperator;
}

domain::DateRange wholePeriod(Period period, const domain::LocalDate& today) {
    const domain::LocalDate first = periodStart(period, today);
    const int months = period == Period::Month ? 1 : period == Period::Quarter ? 3 : 12;
    const int endMonth = first.month + months;  // the month after the period, maybe 13
    const domain::LocalDate next{endMonth > 12 ? first.year + 1 : first.year, (endMonth - 1) % 12 + 1, 1};
    return {first, next.plusDays(-1)};
}

namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// A choice: tapped ones are filled and ticked, so the state never rests on colour alone. Long
// labels (the charter's "Ulteriore colloquio ...") drop to the small type rather than overflow.
bool toggleButton(ui::UiContext& ctx, const std::string& id, ImVec2 min, ImVec2 max, const std::string& label,
                  bool on) {
    ctx.targets.record(id, min, max);
    ImGui::SetCursorScreenPos(min);
    const bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(max.x - min.x, max.y - min.y));
    const bool held = ImGui::IsItemActive();
    const auto& p = ui::palette();
    const float rounding = ctx.px(14);
    ctx.draw->AddRectFilled(min, max, on ? p.primary : held ? p.primaryLight : p.surface, rounding);
    ctx.draw->AddRect(min, max, p.primary, rounding, 0, ctx.px(3));
    const float iconSize = ctx.px(34), inset = ctx.px(18);
    const float cy = (min.y + max.y) / 2;
    if (on) ui::drawIcon(ctx.draw, ui::Icon::Check, ImVec2(min.x + inset + iconSize / 2, cy), iconSize, p.onPrimary);
    const float textX = min.x + inset + iconSize + ctx.px(12);
    const float room = max.x - textX - inset;
    ImFont* font = ui::measure(ctx.fonts.bodyBold, label).x <= room ? ctx.fonts.bodyBold : ctx.fonts.small;
    const ImU32 fg = on ? p.onPrimary : p.primary;
    const float h = font->CalcTextSizeA(font->FontSize, FLT_MAX, room, label.c_str()).y;
    ctx.draw->AddText(font, font->FontSize, ImVec2(textX, cy - h / 2), fg, label.c_str(), nullptr, room);
    return pressed;
}

// A row of choices, `perRow` to a line; returns the y below them.
float choiceGrid(ui::UiContext& ctx, float x, float y, float width, int perRow, std::string_view facetName,
                 const std::vector<domain::SchedaChoice>& choices, const std::vector<std::string>& selected,
                 SchedaEntryIntents& intents) {
    const float gap = ctx.px(12), h = ctx.px(70);
    const float w = (width - gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const float bx = x + static_cast<float>(i % static_cast<std::size_t>(perRow)) * (w + gap);
        const float by = y + static_cast<float>(i / static_cast<std::size_t>(perRow)) * (h + gap);
        const std::string id = "scheda:" + std::string(facetName) + ":" + choices[i].id;
        if (toggleButton(ctx, id, ImVec2(bx, by), ImVec2(bx + w, by + h), choices[i].label,
                         contains(selected, choices[i].id)))
            intents.toggle = SchedaTap{std::string(facetName), choices[i].id};
    }
    const std::size_t rows = (choices.size() + static_cast<std::size_t>(perRow) - 1) / static_cast<std::size_t>(perRow);
    return y + static_cast<float>(rows) * (h + gap);
}

float sectionLabel(ui::UiContext& ctx, float x, float y, const std::string& text) {
    ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(x, y), ui::palette().text, text);
    return y + ctx.px(42);
}

std::string categoryLabel(const domain::Config& config, const std::string& id) {
    const auto* c = config.findCategory(id);
    return c ? c->label : id;
}

}  // namespace

void drawSchedaEntry(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const domain::Config& config,
                     const SchedaEntry& entry, SchedaEntryIntents& intents) {
    ui::panel(ctx, min, max);
    const auto& t = ctx.texts;
    const auto& scheda = config.scheda;
    const auto& r = entry.record;
    const float pad = ctx.px(32), x = min.x + pad, width = max.x - min.x - 2 * pad;
    float y = min.y + ctx.px(24);
    ui::textAt(ctx, ctx.fonts.heading, ImVec2(x, y), ui::palette().text, t.get("staff.scheda_title"));
    const std::string category = categoryLabel(config, entry.categoryId);
    const std::string hint = t.format("staff.scheda_hint", {{"category", category}});
    ui::textAt(ctx, ctx.fonts.body, ImVec2(x, y + ctx.px(62)), ui::palette().textMuted, hint);
    ui::textAt(ctx, ctx.fonts.small, ImVec2(x, y + ctx.px(102)), ui::palette().textMuted, t.get("staff.scheda_privacy"));
    y += ctx.px(150);

    y = sectionLabel(ctx, x, y, t.get("staff.scheda_needs"));
    y = choiceGrid(ctx, x, y, width, 5, facet::kNeed, scheda.needAreas, r.needAreaIds, intents) + ctx.px(6);
    y = sectionLabel(ctx, x, y, t.get("staff.scheda_answer"));
    y = choiceGrid(ctx, x, y, width, 4, facet::kAnswer, scheda.answers, r.answerIds, intents) + ctx.px(6);
    if (contains(r.answerIds, std::string(domain::kSchedaReferralAnswer))) {
        y = sectionLabel(ctx, x, y, t.get("staff.scheda_referral"));
        y = choiceGrid(ctx, x, y, width, 5, facet::kReferral, scheda.referralServices, r.referralServiceIds, intents) +
            ctx.px(6);
    }

    // The last row: first contact or return, the second operator, then skip and save at the right.
    const float gap = ctx.px(32);
    const float contactW = width * 0.34f, operatorW = width * 0.24f;
    const float operatorX = x + contactW + gap;
    sectionLabel(ctx, x, y, t.get("staff.scheda_contact"));
    y = sectionLabel(ctx, operatorX, y, t.get("staff.scheda_operators"));
    const std::vector<domain::SchedaChoice> contactChoices = {{std::string(facet::kFirst), t.get("staff.scheda_first")},
                                                              {std::string(facet::kReturn), t.get("staff.scheda_return")}};
    std::vector<std::string> contactOn;
    if (r.contact == domain::ContactKind::First) contactOn.push_back(std::string(facet::kFirst));
    if (r.contact == domain::ContactKind::Return) contactOn.push_back(std::string(facet::kReturn));
    choiceGrid(ctx, x, y, contactW, 2, facet::kContact, contactChoices, contactOn, intents);
    const std::vector<domain::SchedaChoice> operatorChoice = {{std::string(facet::kTwo), t.get("staff.scheda_two")}};
    choiceGrid(ctx, operatorX, y, operatorW, 1, facet::kOperators, operatorChoice,
               r.secondOperator ? std::vector<std::string>{std::string(facet::kTwo)} : std::vector<std::string>{},
               intents);

    const float right = max.x - pad, bh = ctx.px(70);
    const float saveW = ctx.px(290), skipW = (right - saveW - ctx.px(20)) - (operatorX + operatorW + gap);
    const float skipX = operatorX + operatorW + gap;
    if (ui::pillButton(ctx, "scheda:skip", ImVec2(skipX, y), ImVec2(skipX + skipW, y + bh), t.get("staff.scheda_skip"),
                       ui::Icon::None, false))
        intents.skip = true;
    if (ui::pillButton(ctx, "scheda:save", ImVec2(right - saveW, y), ImVec2(right, y + bh), t.get("staff.scheda_save"),
                       ui::Icon::None, true))
        intents.save = true;
}

// ---- the counts per period ----

namespace {

std::string cellText(const domain::SchedaCell& cell) { return cell.suppressed ? "*" : std::to_string(cell.count); }

struct Columns {
    float label, first, width;  // x of the labels, x of the first number column, width of a number column
};

void rightAligned(ui::UiContext& ctx, ImFont* font, float right, float y, ImU32 color, const std::string& text) {
    ui::textAt(ctx, font, ImVec2(right - ui::measure(font, text).x, y), color, text);
}

// Totale, then one column per category; a long category name wraps onto two lines.
float headerRow(ui::UiContext& ctx, float y, const Columns& cols, const domain::SchedaReport& report,
                const domain::Config& config) {
    std::vector<std::string> names = {ctx.texts.get("staff.scheda_total")};
    for (const auto& id : report.categoryIds) names.push_back(categoryLabel(config, id));
    for (std::size_t i = 0; i < names.size(); ++i) {
        const float right = cols.first + static_cast<float>(i + 1) * cols.width;
        ui::textWrapped(ctx, ctx.fonts.small, ImVec2(right - cols.width + ctx.px(10), y), cols.width - ctx.px(10),
                        ui::palette().textMuted, names[i]);
    }
    return y + ctx.px(70);
}

// A label that does not fit before the numbers drops to the small type, then loses its end.
std::string fittedLabel(ImFont*& font, const std::string& label, float room, ui::UiContext& ctx) {
    if (ui::measure(font, label).x <= room) return label;
    font = ctx.fonts.small;
    std::string text = label;
    while (text.size() > 1 && ui::measure(font, text + "...").x > room) {
        text.pop_back();
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();  // UTF-8
    }
    return text == label ? label : text + "...";
}

float numbersRow(ui::UiContext& ctx, float y, const Columns& cols, const domain::SchedaRow& row, bool bold,
                 const std::string& markerPrefix) {
    ImFont* font = bold ? ctx.fonts.bodyBold : ctx.fonts.body;
    ImFont* labelFont = font;
    const std::string label = fittedLabel(labelFont, row.shortLabel.empty() ? row.label : row.shortLabel, cols.first - cols.label - ctx.px(8), ctx);
    ui::textAt(ctx, labelFont, ImVec2(cols.label, y + (font->FontSize - labelFont->FontSize) / 2), ui::palette().text, label);
    std::vector<const domain::SchedaCell*> cells = {&row.total};
    for (const auto& cell : row.byCategory) cells.push_back(&cell);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const float right = cols.first + static_cast<float>(i + 1) * cols.width - ctx.px(16);
        const bool hidden = cells[i]->suppressed;
        rightAligned(ctx, hidden ? ctx.fonts.bodyBold : font, right, y,
                     hidden ? ui::palette().textMuted : ui::palette().text, cellText(*cells[i]));
    }
    // For UI scripts: the row's total as shown ("*" when withheld).
    ctx.targets.record(markerPrefix + row.id + "=" + cellText(row.total), ImVec2(cols.label, y),
                       ImVec2(cols.label + 1, y + 1), ui::TargetKind::Marker);
    return y + ctx.px(36);
}

float tableSection(ui::UiContext& ctx, float y, const Columns& cols, const domain::SchedaTable& table) {
    ui::textAt(ctx, ctx.fonts.bodyBold, ImVec2(cols.label, y), ui::palette().primary,
               domain::schedaFacetTitle(table.facet));
    y += ctx.px(40);
    for (const auto& row : table.rows) y = numbersRow(ctx, y, cols, row, false, "scheda-row:" + table.facet + ":");
    return y + ctx.px(12);
}

const domain::SchedaTable* tableOf(const domain::SchedaPeriod& period, std::string_view facetName) {
    for (const auto& table : period.tables)
        if (table.facet == facetName) return &table;
    return nullptr;
}

void periodButtons(ui::UiContext& ctx, float x, float y, Period current, SchedaReportIntents& intents) {
    static constexpr std::array<std::pair<Period, const char*>, 3> kPeriods{
        {{Period::Month, "month"}, {Period::Quarter, "quarter"}, {Period::Year, "year"}}};
    const float w = ctx.px(170), h = ctx.px(64), gap = ctx.px(14);
    for (std::size_t i = 0; i < kPeriods.size(); ++i) {
        const float bx = x + static_cast<float>(i) * (w + gap);
        const std::string id = std::string("scheda-period:") + kPeriods[i].second;
        if (ui::pillButton(ctx, id.c_str(), ImVec2(bx, y), ImVec2(bx + w, y + h),
                           ctx.texts.get(std::string("satisfaction.") + kPeriods[i].second), ui::Icon::None,
                           kPeriods[i].first == current))
            intents.period = kPeriods[i].first;
    }
}

// How the period is spread: "Schede per mese: ottobre 17 · novembre 49 · dicembre *" for a quarter;
// a year has no room for twelve months on one line, so it goes by quarter ("1° trimestre 60 · ...").
std::string spreadLine(const ui::UiContext& ctx, const domain::SchedaReport& report) {
    const bool byQuarter = report.quarters.size() > 1;
    std::string line = ctx.texts.get(byQuarter ? "staff.scheda_by_quarter" : "staff.scheda_by_month");
    const auto& periods = byQuarter ? report.quarters : report.months;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const auto& p = periods[i];
        const std::string name = byQuarter ? ctx.texts.format("staff.scheda_quarter",
                                                              {{"n", std::to_string((p.from.month - 1) / 3 + 1)}})
                                           : ctx.texts.get("calendar.month_" + std::to_string(p.from.month));
        line += (i == 0 ? " " : " · ") + name + " " + cellText(p.recorded.total);
    }
    return line;
}

}  // namespace

void drawSchedaReport(ui::UiContext& ctx, ImVec2 buttonsAt, ImVec2 min, ImVec2 max, const domain::Config& config,
                      const SchedaReportView& view, SchedaReportIntents& intents) {
    const auto& report = view.report;
    const auto& period = report.period;
    const float pad = ctx.px(32);
    periodButtons(ctx, buttonsAt.x, buttonsAt.y, view.period, intents);
    ctx.targets.record("scheda-period=" + period.name, ImVec2(min.x, min.y), ImVec2(min.x + 1, min.y + 1),
                       ui::TargetKind::Marker);
    const float top = min.y, bottom = max.y - ctx.px(44);
    const float split = min.x + (max.x - min.x) / 2;
    const std::array<std::pair<float, float>, 2> halves{{{min.x, split - ctx.px(12)}, {split + ctx.px(12), max.x}}};
    const float numbers = static_cast<float>(report.categoryIds.size() + 1);

    std::array<Columns, 2> cols{};
    for (std::size_t h = 0; h < halves.size(); ++h) {
        ui::panel(ctx, ImVec2(halves[h].first, top), ImVec2(halves[h].second, bottom));
        const float width = halves[h].second - halves[h].first - 2 * pad;
        const float numberWidth = std::min(ctx.px(120), width * 0.55f / numbers);
        cols[h] = {halves[h].first + pad, halves[h].second - pad - numberWidth * numbers, numberWidth};
    }
    // Left: how many, what for, with two operators, and how the period is spread over its months.
    // Right: what they were given, where they were sent, first time or back.
    float y = headerRow(ctx, top + ctx.px(16), cols[0], report, config);
    y = numbersRow(ctx, y, cols[0], period.recorded, true, "scheda-row:recorded:") + ctx.px(12);
    for (std::string_view f : {facet::kNeed, facet::kOperators})
        if (const auto* table = tableOf(period, f)) y = tableSection(ctx, y, cols[0], *table);
    if (report.months.size() > 1)
        ui::textAt(ctx, ctx.fonts.body, ImVec2(cols[0].label, y), ui::palette().text, spreadLine(ctx, report));
    y = headerRow(ctx, top + ctx.px(16), cols[1], report, config);
    for (std::string_view f : {facet::kAnswer, facet::kReferral, facet::kContact})
        if (const auto* table = tableOf(period, f)) y = tableSection(ctx, y, cols[1], *table);

    const std::string footer = ctx.texts.format("staff.scheda_period", {{"name", period.name}, {"from", period.from.iso()},
                                                                       {"to", period.to.iso()}}) +
                               "   " + ctx.texts.format("staff.scheda_withheld", {{"min", std::to_string(report.minCellCount)}});
    ui::textAt(ctx, ctx.fonts.small, ImVec2(min.x, bottom + ctx.px(10)), ui::palette().textMuted, footer);
}

}  // namespace staff
