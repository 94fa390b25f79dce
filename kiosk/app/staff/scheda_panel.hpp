#pragma once
// The scheda di Segretariato on the staff console: the compact panel after "Servito" (one tap per
// choice, all optional) and the view of the anonymous counts per month, quarter or year.
#include <optional>
#include <string>

#include "domain/config.hpp"
#include "domain/scheda.hpp"
#include "satisfaction_panel.hpp"
#include "../ui/widgets.hpp"

namespace staff {

// The interview just closed: its service day and category, and what has been tapped so far.
// Deliberately no ticket code: the panel has nothing to tie the counts to a person.
struct SchedaEntry {
    domain::LocalDate serviceDay;
    std::string categoryId;
    domain::ContactRecord record;
};

// One tap on a choice: facet as in domain::scheda_facet, value the choice's id.
struct SchedaTap {
    std::string facet;
    std::string value;
};

struct SchedaEntryIntents {
    std::optional<SchedaTap> toggle;
    bool save = false;
    bool skip = false;
};

void drawSchedaEntry(ui::UiContext& ctx, ImVec2 min, ImVec2 max, const domain::Config& config,
                     const SchedaEntry& entry, SchedaEntryIntents& intents);

// Applies a tap: several need areas, answers and services; first contact or return, not both.
void applySchedaTap(domain::ContactRecord& record, const SchedaTap& tap);

struct SchedaReportView {
    Period period = Period::Quarter;
    domain::SchedaReport report;
};

struct SchedaReportIntents {
    std::optional<Period> period;
};

// The period buttons go at `buttonsAt` (beside the screen's title); the tables fill min..max.
void drawSchedaReport(ui::UiContext& ctx, ImVec2 buttonsAt, ImVec2 min, ImVec2 max, const domain::Config& config,
                      const SchedaReportView& view, SchedaReportIntents& intents);

// The whole calendar period (month, quarter, year) that contains `today`.
domain::DateRange wholePeriod(Period period, const domain::LocalDate& today);

}  // namespace staff
