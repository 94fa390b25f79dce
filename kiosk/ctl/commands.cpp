#include "commands.hpp"

#include <nlohmann/json.hpp>
#include <ostream>

namespace ctl {

int takeTicket(domain::QueueService& queue, const std::string& categoryId, std::ostream& out) {
    domain::IssuedTicket issued = queue.takeTicket(categoryId);
    out << issued.ticket.code << '\n'
        << "category: " << issued.category->label << '\n'
        << "issued_at: " << issued.ticket.issuedAt.iso() << '\n'
        << "people_ahead: " << issued.peopleAhead << '\n';
    return kOk;
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
