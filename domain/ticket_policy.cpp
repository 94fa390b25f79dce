#include "ticket_policy.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "format.hpp"

namespace domain {

double interviewMinutes(const TicketRules& rules, const InterviewStats& learned) {
    if (learned.samples >= rules.minSamplesToLearn && learned.averageMinutes > 0) return learned.averageMinutes;
    return rules.defaultInterviewMinutes;
}

double expectedWaitMinutes(const Session& session, const LocalDateTime& now, int peopleAhead, double interviewMinutes) {
    double untilOpen = std::max(0.0, static_cast<double>(session.start().secondsSince(now)) / 60.0);
    return untilOpen + peopleAhead * interviewMinutes / std::max(1, session.desks);
}

int roundedWaitMinutes(double minutes) {
    int up = static_cast<int>(std::ceil(std::max(0.0, minutes) / 5.0)) * 5;
    return std::max(5, up);
}

namespace {

IssueDecision refuse(Refusal why, std::optional<Session> next) {
    IssueDecision d;
    d.refusal = why;
    d.nextOpening = next;
    return d;
}

// Does the session still have room for one more interview after everyone already waiting?
bool roomForOneMore(const Session& s, const LocalDateTime& now, int waiting, double interviewMinutes) {
    double lastOneDone = expectedWaitMinutes(s, now, waiting + 1, interviewMinutes);
    return lastOneDone <= static_cast<double>(s.end().secondsSince(now)) / 60.0;
}

}  // namespace

IssueDecision decideIssue(const OpeningCalendar& calendar, const TicketRules& rules, const LocalDateTime& now,
                          int waiting, double interviewMinutes) {
    std::optional<Session> s = calendar.currentOrNextSession(now);
    if (!s) return refuse(Refusal::NoOpeningPlanned, std::nullopt);

    if (s->date != now.date) {
        IssueDecision d = refuse(Refusal::ClosedToday, s);
        // An extra opening earlier today means the day was not closed, whatever the calendar says.
        if (calendar.sessionsOn(now.date).empty()) d.closedReason = calendar.closedReason(now.date);
        return d;
    }
    LocalDateTime from = s->start().plusSeconds(-60LL * rules.openBeforeMinutes);
    if (now < from) {
        IssueDecision d = refuse(Refusal::NotYetOpen, s);
        d.session = s;
        d.ticketsFrom = from;
        return d;
    }
    if (now >= s->end().plusSeconds(-60LL * rules.cutoffMinutesBeforeClose))
        return refuse(Refusal::AfterCutoff, calendar.nextSessionAfter(s->start()));
    if (!roomForOneMore(*s, now, waiting, interviewMinutes))
        return refuse(Refusal::QueueFull, calendar.nextSessionAfter(s->start()));

    IssueDecision ok;
    ok.session = s;
    return ok;
}

std::string sessionStartText(const Texts& texts, const Session& session) {
    return longDate(texts, session.date) + ", " + session.start().hhmm();
}

std::string refusalText(const Texts& texts, const IssueDecision& d) {
    std::string reason;
    switch (d.refusal) {
        case Refusal::None: return {};
        case Refusal::ClosedToday:
            reason = d.closedReason ? texts.format("refusal.holiday", {{"reason", *d.closedReason}})
                                    : texts.get("refusal.closed_today");
            break;
        case Refusal::NotYetOpen:
            return texts.format("refusal.not_yet_open", {{"time", d.ticketsFrom.hhmm()}});
        case Refusal::AfterCutoff: reason = texts.get("refusal.after_cutoff"); break;
        case Refusal::QueueFull: reason = texts.get("refusal.queue_full"); break;
        case Refusal::NoOpeningPlanned: return texts.get("refusal.no_opening");
    }
    if (!d.nextOpening) return reason;
    return reason + " " + texts.format("refusal.next_opening", {{"when", sessionStartText(texts, *d.nextOpening)}});
}

}  // namespace domain
