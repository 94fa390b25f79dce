#include "commands.hpp"

#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>

#include "kiosk/common/pin.hpp"

namespace ctl {

namespace {

void printIssued(const domain::IssuedTicket& issued, bool json, std::ostream& out) {
    if (json) {
        const nlohmann::json doc = {{"code", issued.ticket.code},
                                    {"category", issued.ticket.categoryId},
                                    {"issued_at", issued.ticket.issuedAt.iso()},
                                    {"people_ahead", issued.peopleAhead},
                                    {"estimated_wait_minutes", issued.waitMinutes},
                                    {"survey_code", issued.ticket.surveyCode}};
        out << doc.dump(2) << '\n';
        return;
    }
    out << issued.ticket.code << '\n'
        << "category: " << issued.category->label << '\n'
        << "issued_at: " << issued.ticket.issuedAt.iso() << '\n'
        << "people_ahead: " << issued.peopleAhead << '\n'
        << "estimated_wait_minutes: " << issued.waitMinutes << '\n'
        << "survey_code: " << issued.ticket.surveyCode << '\n';
}

}  // namespace

int takeTicket(domain::QueueService& queue, const domain::Texts& texts, const std::string& categoryId, bool json,
               std::ostream& out, std::ostream& err) {
    try {
        printIssued(queue.takeTicket(categoryId), json, out);
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
    out << "categories: " << config.categories.size() << " (the kiosk's screen shows at most "
        << domain::kMaxCategories << ")\n";
    out << "scheda di Segretariato: " << config.scheda.needAreas.size() << " need areas, "
        << config.scheda.answers.size() << " answers, " << config.scheda.referralServices.size()
        << " referral services; counts under " << config.scheda.minCellCount << " withheld in reports\n";
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

namespace {

// Refusals staff can act on: a wrong code, or a ticket someone else has already moved on.
template <typename Action>
int reportingStaffErrors(std::ostream& err, Action&& action) {
    try {
        return action();
    } catch (const domain::UnknownTicketError& e) {
        err << "kioskctl: " << e.what() << '\n';
        return kUnknownTicket;
    } catch (const domain::TransitionError& e) {
        err << "kioskctl: " << e.what() << '\n';
        return kTransitionRefused;
    }
}

// Checked before anything is stored, so a mistyped desk never calls anybody.
bool deskExists(const domain::StaffService& staff, int desk, std::ostream& err) {
    try {
        staff.room(desk);
        return true;
    } catch (const std::out_of_range& e) {
        err << "kioskctl: " << e.what() << '\n';
        return false;
    }
}

void printCall(const domain::Ticket& ticket, std::ostream& out) {
    out << ticket.code << " -> " << *ticket.desk << '\n';
}

std::string firstLineOf(std::istream& in) {
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

int callNext(domain::StaffService& staff, int desk, std::ostream& out, std::ostream& err) {
    if (!deskExists(staff, desk, err)) return kUsage;
    const auto called = staff.callNext(desk);
    if (!called) {
        err << "kioskctl: nobody is waiting\n";
        return kNobodyWaiting;
    }
    printCall(*called, out);
    return kOk;
}

int callTicket(domain::StaffService& staff, const std::string& code, int desk, std::ostream& out, std::ostream& err) {
    if (!deskExists(staff, desk, err)) return kUsage;
    return reportingStaffErrors(err, [&] {
        printCall(staff.call(code, desk), out);
        return kOk;
    });
}

int recall(domain::StaffService& staff, int desk, std::ostream& out, std::ostream& err) {
    if (!deskExists(staff, desk, err)) return kUsage;
    return reportingStaffErrors(err, [&] {
        const domain::Ticket ticket = staff.recall(desk);
        out << ticket.code << " -> " << *ticket.desk << " (again)\n";
        return kOk;
    });
}

int serve(domain::StaffService& staff, const std::string& code, std::ostream& out, std::ostream& err) {
    return reportingStaffErrors(err, [&] {
        out << staff.serve(code).code << " served\n";
        return kOk;
    });
}

int noShow(domain::StaffService& staff, const std::string& code, std::ostream& out, std::ostream& err) {
    return reportingStaffErrors(err, [&] {
        out << staff.noShow(code).code << " marked as no-show\n";
        return kOk;
    });
}

int requeue(domain::StaffService& staff, const std::string& code, std::ostream& out, std::ostream& err) {
    return reportingStaffErrors(err, [&] {
        out << staff.requeue(code).code << " back in the queue\n";
        return kOk;
    });
}

int transfer(domain::StaffService& staff, const domain::Config& config, const std::string& code,
             const std::string& categoryId, std::ostream& out, std::ostream& err) {
    return reportingStaffErrors(err, [&] {
        const domain::Ticket moved = staff.transfer(code, categoryId);
        const domain::Category* category = config.findCategory(moved.categoryId);
        out << moved.code << " moved to " << (category ? category->label : moved.categoryId) << '\n';
        return kOk;
    });
}

int printFigures(const domain::StaffService& staff, bool json, std::ostream& out) {
    const domain::DayFigures f = staff.figures();
    if (json) {
        const nlohmann::json doc = {{"taken", f.taken},
                                    {"waiting", f.waiting},
                                    {"called", f.called},
                                    {"served", f.served},
                                    {"no_show", f.noShow},
                                    {"average_wait_minutes", f.averageWaitMinutes},
                                    {"longest_wait_minutes", f.longestWaitMinutes}};
        out << doc.dump(2) << '\n';
        return kOk;
    }
    out << "taken: " << f.taken << '\n'
        << "waiting: " << f.waiting << '\n'
        << "called: " << f.called << '\n'
        << "served: " << f.served << '\n'
        << "no-show: " << f.noShow << '\n'
        << "average wait: " << f.averageWaitMinutes << " min\n"
        << "longest wait: " << f.longestWaitMinutes << " min\n";
    return kOk;
}

int setPin(domain::TicketStore& store, const std::optional<std::string>& pin, std::istream& in, std::ostream& out,
           std::ostream& err) {
    const std::string typed = pin ? *pin : firstLineOf(in);
    if (!common::isValidPin(typed)) {
        err << "kioskctl: the PIN must be 4 to 8 digits\n";
        return kUsage;
    }
    std::string hash;
    try {
        hash = common::hashPin(typed);
    } catch (const std::runtime_error& e) {
        err << "kioskctl: the PIN was not stored: " << e.what() << '\n';
        return kStoreError;
    }
    store.setSetting(common::kPinSettingKey, hash);
    const bool isShort = common::isShortPin(typed);
    store.setSetting(common::kPinShortSettingKey, isShort ? "yes" : "no");
    out << "staff PIN set\n";
    if (isShort)
        out << "note: " << common::kRecommendedPinDigits << " or more digits are recommended: from a copy of the "
            << "database a PIN of " << typed.size() << " digits is found in minutes, one of 6 takes about a day\n";
    return kOk;
}

int submitSurvey(domain::SurveyService& survey, const std::optional<std::string>& code,
                 const domain::SurveyAnswer& answer, std::ostream& out, std::ostream& err) {
    try {
        if (code)
            survey.submit(*code, answer);
        else
            survey.submitPaper(answer);
    } catch (const domain::SurveyRefusedError& e) {
        err << "kioskctl: " << e.what() << '\n';
        // A score outside 1..5 is a mistake on the command line, not the citizen's code being refused.
        return e.reason() == domain::SurveyRefusal::BadScore ? kUsage : kSurveyRefused;
    }
    out << "answer stored\n";
    return kOk;
}

int printReport(domain::TicketStore& store, const domain::Config& config, const domain::LocalDate& from,
                const domain::LocalDate& to, const domain::LocalDate& today, const ReportStyle& style,
                std::ostream& out) {
    writePeriodReport(domain::periodReport(store, config, from, to, today), config, style, out);
    return kOk;
}

int printYearReport(domain::TicketStore& store, const domain::Config& config, int year, const domain::LocalDate& today,
                    const ReportStyle& style, std::ostream& out) {
    writeYearReport(domain::yearReport(store, config, year, today), config, style, out);
    return kOk;
}

}  // namespace ctl
