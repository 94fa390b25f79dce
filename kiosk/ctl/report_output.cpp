#include "report_output.hpp"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace ctl {

namespace {

// The report is an office document in Italian, not a screen for citizens: its few fixed words
// live here rather than in the kiosk's translation table.
constexpr std::array<std::string_view, 7> kWeekdays = {"lunedì", "martedì", "mercoledì", "giovedì",
                                                       "venerdì", "sabato",  "domenica"};
constexpr std::array<std::string_view, 4> kDimensionLabels = {"accesso", "professionalità", "riservatezza",
                                                              "attesa"};
// Excel reads a file without this mark as ANSI and garbles "professionalità".
constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

std::string_view weekdayName(int isoWeekday) { return kWeekdays.at(static_cast<std::size_t>(isoWeekday - 1)); }

// Fixed decimals with the chosen mark, whatever the process locale.
std::string decimal(double value, int places, char mark) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", places, value);
    std::string out = text;
    for (char& c : out)
        if (c == '.' || c == ',') c = mark;
    return out;
}

std::string verdictWords(domain::Verdict verdict) {
    switch (verdict) {
        case domain::Verdict::Met: return "raggiunto";
        case domain::Verdict::NotMet: return "non raggiunto";
        case domain::Verdict::NotEnoughAnswers: return "non ancora valutabile";
    }
    return "";
}

std::string_view verdictKey(domain::Verdict verdict) {
    switch (verdict) {
        case domain::Verdict::Met: return "met";
        case domain::Verdict::NotMet: return "not-met";
        case domain::Verdict::NotEnoughAnswers: return "not-enough-answers";
    }
    return "";
}

std::string categoryLabel(const domain::Config& config, const std::string& id) {
    const domain::Category* category = config.findCategory(id);
    return category ? category->label : id;
}

// Below the minimum of answers the figures are withheld (see domain::satisfactionFigures).
bool hasFigures(const domain::SatisfactionFigures& f, const domain::SurveyRules& rules) {
    return f.answers >= rules.minAnswersForFigures && f.answers > 0;
}

std::string hourRange(int hour) {
    char text[32];
    std::snprintf(text, sizeof text, "%02d:00-%02d:59", hour, hour);
    return text;
}

// ---- CSV ----

class CsvWriter {
public:
    CsvWriter(std::ostream& out, bool semicolon)
        : m_out(out), m_separator(semicolon ? ';' : ','), m_mark(semicolon ? ',' : '.') {
        m_out << kUtf8ByteOrderMark;
    }

    void row(const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) m_out << m_separator;
            m_out << quotedIfNeeded(fields[i]);
        }
        m_out << "\r\n";  // RFC 4180, and what Excel writes itself
    }
    void blankLine() { m_out << "\r\n"; }

    std::string number(double value, int places) const { return decimal(value, places, m_mark); }
    std::string number(const std::optional<double>& value, int places) const {
        return value ? number(*value, places) : std::string();
    }

private:
    std::string quotedIfNeeded(const std::string& field) const {
        if (field.find_first_of(std::string{m_separator, '"', '\n', '\r'}) == std::string::npos) return field;
        std::string out = "\"";
        for (const char c : field) {
            if (c == '"') out += '"';
            out += c;
        }
        return out + '"';
    }

    std::ostream& m_out;
    char m_separator;
    char m_mark;
};

std::vector<std::string> totalsFields(const domain::DemandTotals& t, const CsvWriter& csv) {
    return {std::to_string(t.tickets), std::to_string(t.served), std::to_string(t.noShow),
            csv.number(t.averageWaitMinutes(), 1), t.called > 0 ? csv.number(t.longestWaitMinutes, 1) : ""};
}

const std::vector<std::string> kTotalsHeader = {"biglietti", "serviti", "assenti", "attesa_media_min",
                                                "attesa_massima_min"};

std::vector<std::string> withTotalsHeader(std::vector<std::string> first) {
    first.insert(first.end(), kTotalsHeader.begin(), kTotalsHeader.end());
    return first;
}

std::vector<std::string> joinedFields(std::vector<std::string> first, const std::vector<std::string>& rest) {
    first.insert(first.end(), rest.begin(), rest.end());
    return first;
}

// Said wherever the survey's figures stop before the report's last day.
constexpr const char* kTodayLeftOut = "le risposte di oggi si contano da domani";

void csvPeriod(const domain::PeriodReport& r, CsvWriter& csv) {
    if (r.todayLeftOut) {
        csv.row({"dal", "al", "questionario_fino_al", "nota"});
        csv.row({r.from.iso(), r.to.iso(), r.satisfactionTo.iso(), std::string("dati fino a ieri: ") + kTodayLeftOut});
    } else {
        csv.row({"dal", "al"});
        csv.row({r.from.iso(), r.to.iso()});
    }
    csv.blankLine();
}

// One row per figure, one column per source: a table that reads well in a spreadsheet.
void csvSatisfaction(const domain::PeriodReport& r, CsvWriter& csv) {
    const auto& s = r.satisfaction;
    const std::array<const domain::SatisfactionFigures*, 3> columns = {&s.kiosk, &s.paper, &s.all};
    const auto line = [&](const std::string& name, auto&& value) {
        std::vector<std::string> fields = {name};
        for (const auto* f : columns) fields.push_back(hasFigures(*f, r.rules) ? value(*f) : std::string());
        csv.row(fields);
    };
    csv.row({"questionario", "chiosco", "cartaceo", "totale"});
    csv.row({"risposte", std::to_string(s.kiosk.answers), std::to_string(s.paper.answers), std::to_string(s.all.answers)});
    line("soddisfatti", [](const auto& f) { return std::to_string(f.satisfied); });
    line("percentuale_soddisfatti", [&](const auto& f) { return csv.number(f.percent, 1); });
    line("intervallo_95_min", [&](const auto& f) { return csv.number(f.interval.low, 1); });
    line("intervallo_95_max", [&](const auto& f) { return csv.number(f.interval.high, 1); });
    std::vector<std::string> verdicts = {"esito_obiettivo_" + decimal(r.rules.targetPercent, 0, '.')};
    for (const auto* f : columns) verdicts.push_back(verdictWords(f->verdict));
    csv.row(verdicts);
    for (std::size_t d = 0; d < kDimensionLabels.size(); ++d)
        line("media_" + std::string(kDimensionLabels[d]),
             [&](const auto& f) { return csv.number(f.dimensionAverages[d], 2); });
    csv.blankLine();
}

void csvByCategory(const domain::DemandReport& demand, const domain::Config& config, CsvWriter& csv) {
    csv.row(withTotalsHeader({"categoria"}));
    for (const auto& c : demand.byCategory)
        csv.row(joinedFields({categoryLabel(config, c.categoryId)}, totalsFields(c.totals, csv)));
    csv.row(joinedFields({"totale"}, totalsFields(demand.total, csv)));
    csv.blankLine();
}

void csvByDay(const domain::DemandReport& demand, const domain::Config& config, CsvWriter& csv) {
    csv.row(withTotalsHeader({"giorno", "giorno_settimana", "categoria"}));
    for (const auto& d : demand.byDayAndCategory)
        csv.row(joinedFields({d.day.iso(), std::string(weekdayName(d.day.weekdayIso())), categoryLabel(config, d.categoryId)},
                             totalsFields(d.totals, csv)));
    csv.blankLine();
}

void csvByWeekdayAndHour(const domain::DemandReport& demand, CsvWriter& csv) {
    csv.row({"giorno_settimana", "ora_di_arrivo", "biglietti"});
    for (const auto& slot : demand.byWeekdayAndHour)
        csv.row({std::string(weekdayName(slot.weekday)), hourRange(slot.hour), std::to_string(slot.tickets)});
}

// ---- text ----

constexpr char kTextMark = ',';  // read by Italian staff

std::string minutesText(const std::optional<double>& minutes) {
    return minutes ? decimal(*minutes, 1, kTextMark) + " min" : "-";
}

std::string totalsText(const domain::DemandTotals& t) {
    // "name number" pairs: no singular/plural to get wrong when a count is 1.
    return "biglietti " + std::to_string(t.tickets) + ", serviti " + std::to_string(t.served) + ", assenti " +
           std::to_string(t.noShow) + ", attesa media " + minutesText(t.averageWaitMinutes()) +
           ", massima " + minutesText(t.called > 0 ? std::optional<double>(t.longestWaitMinutes) : std::nullopt);
}

std::string figuresText(const domain::SatisfactionFigures& f, const domain::SurveyRules& rules) {
    std::string text = "risposte " + std::to_string(f.answers);
    if (!hasFigures(f, rules))
        return text + " (meno di " + std::to_string(rules.minAnswersForFigures) + ": nessuna percentuale)";
    return text + ", soddisfatti " + std::to_string(f.satisfied) + " (" + decimal(f.percent, 1, kTextMark) +
           "%, intervallo 95% " + decimal(f.interval.low, 1, kTextMark) + "-" + decimal(f.interval.high, 1, kTextMark) +
           "%): obiettivo " + verdictWords(f.verdict);
}

std::string averagesText(const domain::SatisfactionFigures& f) {
    std::string text;
    for (std::size_t d = 0; d < kDimensionLabels.size(); ++d) {
        if (d > 0) text += "; ";
        const auto& average = f.dimensionAverages[d];
        text += std::string(kDimensionLabels[d]) + " " + (average ? decimal(*average, 2, kTextMark) : "-");
    }
    return text;
}

void textSatisfaction(const domain::PeriodReport& r, bool apart, std::ostream& out) {
    const auto& s = r.satisfaction;
    out << "Questionario (soddisfatti: voto complessivo da " << r.rules.satisfiedFrom << " su 5; obiettivo "
        << decimal(r.rules.targetPercent, 0, kTextMark) << "%)\n";
    if (r.todayLeftOut) out << "  dati fino a ieri (" << r.satisfactionTo.iso() << "): " << kTodayLeftOut << '\n';
    if (apart) {
        out << "  chiosco:  " << figuresText(s.kiosk, r.rules) << '\n'
            << "  cartaceo: " << figuresText(s.paper, r.rules) << '\n';
    }
    out << "  totale:   " << figuresText(s.all, r.rules) << '\n'
        << "  medie (da 1 a 5): " << averagesText(s.all) << '\n';
}

void textByCategory(const domain::DemandReport& demand, const domain::Config& config, std::ostream& out) {
    out << "Totale: " << totalsText(demand.total) << '\n';
    for (const auto& c : demand.byCategory) out << "  " << categoryLabel(config, c.categoryId) << ": " << totalsText(c.totals) << '\n';
}

void textDetails(const domain::DemandReport& demand, const domain::Config& config, std::ostream& out) {
    out << "Per giorno e categoria\n";
    for (const auto& d : demand.byDayAndCategory)
        out << "  " << d.day.iso() << ' ' << weekdayName(d.day.weekdayIso()) << ' ' << categoryLabel(config, d.categoryId)
            << ": " << totalsText(d.totals) << '\n';
    out << "Per giorno della settimana e ora di arrivo\n";
    for (const auto& slot : demand.byWeekdayAndHour)
        out << "  " << weekdayName(slot.weekday) << ' ' << hourRange(slot.hour) << ": biglietti " << slot.tickets << '\n';
}

// ---- JSON ----

nlohmann::json schedaJson(const domain::SchedaReport& r, const domain::Config& config);

nlohmann::json optionalNumber(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json figuresJson(const domain::SatisfactionFigures& f, const domain::SurveyRules& rules) {
    const bool shown = hasFigures(f, rules);
    nlohmann::json averages = nlohmann::json::object();
    for (std::size_t d = 0; d < domain::kSurveyDimensions.size(); ++d)
        averages[std::string(domain::kSurveyDimensions[d])] = optionalNumber(f.dimensionAverages[d]);
    const auto ifShown = [shown](nlohmann::json value) { return shown ? value : nlohmann::json(nullptr); };
    return {{"answers", f.answers},
            {"paper_answers", f.paperAnswers},
            {"satisfied", ifShown(f.satisfied)},
            {"percent_satisfied", ifShown(f.percent)},
            {"interval_95", ifShown({{"low", f.interval.low}, {"high", f.interval.high}})},
            {"verdict", std::string(verdictKey(f.verdict))},
            {"dimension_averages", averages}};
}

nlohmann::json rulesJson(const domain::SurveyRules& rules) {
    return {{"satisfied_from", rules.satisfiedFrom},
            {"target_percent", rules.targetPercent},
            {"min_answers_for_figures", rules.minAnswersForFigures}};
}

nlohmann::json totalsJson(const domain::DemandTotals& t) {
    return {{"tickets", t.tickets},
            {"served", t.served},
            {"no_show", t.noShow},
            {"average_wait_minutes", optionalNumber(t.averageWaitMinutes())},
            {"longest_wait_minutes", t.called > 0 ? nlohmann::json(t.longestWaitMinutes) : nlohmann::json(nullptr)}};
}

nlohmann::json withCategory(nlohmann::json totals, const domain::Config& config, const std::string& id) {
    totals["category"] = id;
    totals["label"] = categoryLabel(config, id);
    return totals;
}

nlohmann::json byCategoryJson(const domain::DemandReport& demand, const domain::Config& config) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : demand.byCategory) list.push_back(withCategory(totalsJson(c.totals), config, c.categoryId));
    return list;
}

nlohmann::json satisfactionJson(const domain::PeriodReport& r) {
    // "to": the last day counted; today's answers count from tomorrow (domain::periodReport).
    return {{"to", r.satisfactionTo.iso()},
            {"today_left_out", r.todayLeftOut},
            {"kiosk", figuresJson(r.satisfaction.kiosk, r.rules)},
            {"paper", figuresJson(r.satisfaction.paper, r.rules)},
            {"all", figuresJson(r.satisfaction.all, r.rules)}};
}

nlohmann::json periodJson(const domain::PeriodReport& r, const domain::Config& config) {
    nlohmann::json days = nlohmann::json::array();
    for (const auto& d : r.demand.byDayAndCategory) {
        nlohmann::json row = withCategory(totalsJson(d.totals), config, d.categoryId);
        row["day"] = d.day.iso();
        days.push_back(row);
    }
    nlohmann::json slots = nlohmann::json::array();
    for (const auto& slot : r.demand.byWeekdayAndHour)
        slots.push_back({{"weekday", slot.weekday}, {"hour", slot.hour}, {"tickets", slot.tickets}});
    return {{"from", r.from.iso()},
            {"to", r.to.iso()},
            {"rules", rulesJson(r.rules)},
            {"satisfaction", satisfactionJson(r)},
            {"demand",
             {{"total", totalsJson(r.demand.total)},
              {"by_category", byCategoryJson(r.demand, config)},
              {"by_day_and_category", days},
              {"by_weekday_and_hour", slots}}},
            {"scheda", schedaJson(r.scheda, config)}};
}

// ---- scheda di Segretariato ----

// A withheld count: fewer than the minimum, or one that the totals would give away.
constexpr std::string_view kWithheld = "*";

std::string withheldLegend(const domain::SchedaReport& r) {
    return "* = dato non mostrato: meno di " + std::to_string(r.minCellCount) +
           ", o ricavabile dai totali e dagli altri dati";
}

std::string cellText(const domain::SchedaCell& cell) {
    return cell.suppressed ? std::string(kWithheld) : std::to_string(cell.count);
}

std::string periodTitle(const domain::SchedaPeriod& p) {
    std::string title = p.name + " (dal " + p.from.iso() + " al " + p.to.iso();
    return title + (p.partial ? ", parziale)" : ")");
}

// The periods worth printing besides the whole range: months and quarters only when there are several
// (the year's document: quarters only, twelve months of tables would bury them).
std::vector<const domain::SchedaPeriod*> schedaBreakdown(const domain::SchedaReport& r, bool months = true) {
    std::vector<const domain::SchedaPeriod*> out;
    if (months && r.months.size() > 1)
        for (const auto& p : r.months) out.push_back(&p);
    if (r.quarters.size() > 1)
        for (const auto& p : r.quarters) out.push_back(&p);
    return out;
}

std::string rowText(const domain::SchedaRow& row, const domain::SchedaReport& r, const domain::Config& config) {
    std::string text = row.label + ": totale " + cellText(row.total);
    for (std::size_t c = 0; c < r.categoryIds.size(); ++c)
        text += (c == 0 ? "; " : ", ") + categoryLabel(config, r.categoryIds[c]) + " " + cellText(row.byCategory[c]);
    return text;
}

void textSchedaPeriod(const domain::SchedaPeriod& p, const domain::SchedaReport& r, const domain::Config& config,
                      std::ostream& out) {
    out << "  " << periodTitle(p) << '\n' << "    " << rowText(p.recorded, r, config) << '\n';
    for (const auto& table : p.tables) {
        out << "    " << domain::schedaFacetTitle(table.facet) << '\n';
        for (const auto& row : table.rows) out << "      " << rowText(row, r, config) << '\n';
    }
}

void textScheda(const domain::SchedaReport& r, const domain::Config& config, std::ostream& out, bool months = true) {
    out << "Scheda di Segretariato (" << withheldLegend(r) << ")\n";
    textSchedaPeriod(r.period, r, config, out);
    for (const auto* p : schedaBreakdown(r, months)) textSchedaPeriod(*p, r, config, out);
}

// One table for the spreadsheet: a row per period, section and choice, a column per category.
void csvScheda(const domain::SchedaReport& r, const domain::Config& config, CsvWriter& csv, bool months = true) {
    csv.row({"scheda_di_segretariato", withheldLegend(r)});
    std::vector<std::string> header = {"periodo", "dal", "al", "parziale", "sezione", "voce", "totale"};
    for (const auto& id : r.categoryIds) header.push_back(categoryLabel(config, id));
    csv.row(header);
    const auto line = [&](const domain::SchedaPeriod& p, const std::string& section, const domain::SchedaRow& row) {
        std::vector<std::string> fields = {p.name, p.from.iso(), p.to.iso(), p.partial ? "sì" : "no", section,
                                           row.label, cellText(row.total)};
        for (const auto& cell : row.byCategory) fields.push_back(cellText(cell));
        csv.row(fields);
    };
    std::vector<const domain::SchedaPeriod*> periods = {&r.period};
    for (const auto* p : schedaBreakdown(r, months)) periods.push_back(p);
    for (const auto* p : periods) {
        line(*p, domain::schedaFacetTitle(domain::scheda_facet::kRecorded), p->recorded);
        for (const auto& table : p->tables)
            for (const auto& row : table.rows) line(*p, domain::schedaFacetTitle(table.facet), row);
    }
    csv.blankLine();
}

nlohmann::json schedaCellJson(const domain::SchedaCell& cell) {
    return {{"count", cell.suppressed ? nlohmann::json(nullptr) : nlohmann::json(cell.count)},
            {"suppressed", cell.suppressed}};
}

nlohmann::json schedaRowJson(const domain::SchedaRow& row, const domain::SchedaReport& r) {
    nlohmann::json byCategory = nlohmann::json::object();
    for (std::size_t c = 0; c < r.categoryIds.size(); ++c) byCategory[r.categoryIds[c]] = schedaCellJson(row.byCategory[c]);
    return {{"id", row.id}, {"label", row.label}, {"total", schedaCellJson(row.total)}, {"by_category", byCategory}};
}

nlohmann::json schedaPeriodJson(const domain::SchedaPeriod& p, const domain::SchedaReport& r) {
    nlohmann::json doc = {{"name", p.name},
                          {"from", p.from.iso()},
                          {"to", p.to.iso()},
                          {"partial", p.partial},
                          {"recorded", schedaRowJson(p.recorded, r)}};
    for (const auto& table : p.tables) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : table.rows) rows.push_back(schedaRowJson(row, r));
        doc[table.facet] = rows;
    }
    return doc;
}

nlohmann::json schedaJson(const domain::SchedaReport& r, const domain::Config& config) {
    nlohmann::json categories = nlohmann::json::array();
    for (const auto& id : r.categoryIds) categories.push_back({{"id", id}, {"label", categoryLabel(config, id)}});
    nlohmann::json months = nlohmann::json::array(), quarters = nlohmann::json::array();
    for (const auto& p : r.months) months.push_back(schedaPeriodJson(p, r));
    for (const auto& p : r.quarters) quarters.push_back(schedaPeriodJson(p, r));
    return {{"min_cell_count", r.minCellCount},
            {"categories", categories},
            {"period", schedaPeriodJson(r.period, r)},
            {"months", months},
            {"quarters", quarters}};
}

}  // namespace

std::optional<ReportFormat> reportFormatFromString(std::string_view name) {
    if (name == "text") return ReportFormat::Text;
    if (name == "csv") return ReportFormat::Csv;
    if (name == "json") return ReportFormat::Json;
    return std::nullopt;
}

void writePeriodReport(const domain::PeriodReport& report, const domain::Config& config, const ReportStyle& style,
                       std::ostream& out) {
    switch (style.format) {
        case ReportFormat::Json: out << periodJson(report, config).dump(2) << '\n'; return;
        case ReportFormat::Csv: {
            CsvWriter csv(out, style.semicolon);
            csvPeriod(report, csv);
            csvSatisfaction(report, csv);
            csvByCategory(report.demand, config, csv);
            csvByDay(report.demand, config, csv);
            csvByWeekdayAndHour(report.demand, csv);
            csv.blankLine();
            csvScheda(report.scheda, config, csv);
            return;
        }
        case ReportFormat::Text:
            out << config.office.comune << " - " << config.office.name << ": dal " << report.from.iso() << " al "
                << report.to.iso() << '\n';
            textSatisfaction(report, true, out);
            textByCategory(report.demand, config, out);
            textDetails(report.demand, config, out);
            textScheda(report.scheda, config, out);
            return;
    }
}

void writeYearReport(const domain::PeriodReport& report, const domain::Config& config, const ReportStyle& style,
                     std::ostream& out) {
    switch (style.format) {
        case ReportFormat::Json: {
            const nlohmann::json doc = {{"year", report.from.year},
                                        {"rules", rulesJson(report.rules)},
                                        {"tickets", totalsJson(report.demand.total)},
                                        {"by_category", byCategoryJson(report.demand, config)},
                                        {"satisfaction", satisfactionJson(report)},
                                        {"scheda", schedaJson(report.scheda, config)}};
            out << doc.dump(2) << '\n';
            return;
        }
        case ReportFormat::Csv: {
            CsvWriter csv(out, style.semicolon);
            csvPeriod(report, csv);
            csvByCategory(report.demand, config, csv);
            csvSatisfaction(report, csv);
            csvScheda(report.scheda, config, csv, false);
            return;
        }
        case ReportFormat::Text:
            out << config.office.comune << " - " << config.office.name << ": anno " << report.from.year << '\n';
            textByCategory(report.demand, config, out);
            textSatisfaction(report, true, out);
            textScheda(report.scheda, config, out, false);
            return;
    }
}

}  // namespace ctl
