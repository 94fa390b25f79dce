#include "commands.hpp"

#include <nlohmann/json.hpp>
#include <ostream>

namespace ctl {

int takeTicket(domain::QueueService& queue, const domain::Texts& texts, const std::string& categoryId,
               std::ostream& out, std::ostream& err) {
    try {
        domain::IssuedTicket issued = queue.takeTicket(categoryId);
        out << issued.ticket.code << '\n'
            << "category: " << issued.category->label << '\n'
            << "issued_at: " << issued.ticket.issuedAt.iso() << '\n'
            << "people_ahead: " << issued.peopleAhead << '\n'
            << "estimated_wait_minutes: " << issued.waitMinutes << '\n';
        return kOk;
    } catch (const domain::TicketRefusedError& e) {
        err << "kioskctl: " << domain::refusalText(texts, e.decision()) << '\n';
        return kTicketRefused;
    }
}

int checkConfig(const domain::Config& config, std::ostream& out) {
    domain::OpeningCalendar calendar(config.hours);
    const double hours = calendar.weeklyHours();
    const int afternoons = calendar.afternoonOpenings();
    const auto& promised = config.charter;
    const bool hoursOk = hours + 1e-9 >= promised.minWeeklyHours;
    const bool afternoonsOk = afternoons >= promised.minAfternoonOpenings;
    out << config.sourceName << ": valid\n"
        << "weekly hours: " << hours << " (charter: at least " << promised.minWeeklyHours << ") "
        << (hoursOk ? "ok" : "NOT MET") << '\n'
        << "afternoon openings: " << afternoons << " (charter: at least " << promised.minAfternoonOpenings << ") "
        << (afternoonsOk ? "ok" : "NOT MET") << '\n';
    if (config.hours.example) out << "note: the weekly timetable is marked as an example to replace\n";
    return hoursOk && afternoonsOk ? kOk : kCharterNotMet;
}

namespace {

nlohmann::json ticketJson(const domain::Ticket& t, int position) {
    nlohmann::json j = {{"code", t.code},
                        {"category", t.categoryId},
                        {"state", std::string(domain::toString(t.state))},
                        {"issued_at", t.issuedAt.iso()},
                        {"position", position > 0 ? nlohmann::json(position) : nlohmann::json(nullptr)}};
    if (t.desk) j["desk"] = *t.desk;
    return j;
}

}  // namespace

int printStatus(const domain::QueueService& queue, bool json, std::ostream& out) {
    domain::QueueSnapshot snap = queue.snapshot();
    if (json) {
        nlohmann::json tickets = nlohmann::json::array();
        for (const auto& t : snap.tickets) tickets.push_back(ticketJson(t, snap.positionOf(t.id)));
        nlohmann::json doc = {{"service_day", snap.serviceDay.iso()},
                              {"waiting", snap.waitingCount()},
                              {"tickets", tickets}};
        out << doc.dump(2) << '\n';
        return kOk;
    }
    out << "service day " << snap.serviceDay.iso() << ": " << snap.tickets.size() << " tickets, "
        << snap.waitingCount() << " waiting\n";
    for (const auto& t : snap.tickets) {
        int pos = snap.positionOf(t.id);
        out << t.code << "  " << t.categoryId << "  " << domain::toString(t.state) << "  " << t.issuedAt.hhmm();
        if (pos > 0) out << "  #" << pos;
        out << '\n';
    }
    return kOk;
}

}  // namespace ctl
