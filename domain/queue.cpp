#include "queue.hpp"
#include "shown_text.hpp"

#include <algorithm>

namespace domain {

int QueueSnapshot::positionOf(std::int64_t ticketId) const {
    for (const auto& e : waiting)
        if (e.ticket.id == ticketId) return e.position;
    return 0;
}

std::vector<QueueEntry> waitingInCallingOrder(const std::vector<Ticket>& ticketsOfDay,
                                              const std::vector<std::string>& priorityCategoryIds) {
    std::vector<QueueEntry> waiting;
    for (const auto& t : ticketsOfDay)
        if (t.state == TicketState::Waiting) waiting.push_back({t, 0});
    auto isPriority = [&](const Ticket& t) {
        return std::find(priorityCategoryIds.begin(), priorityCategoryIds.end(), t.categoryId) !=
               priorityCategoryIds.end();
    };
    // Priority first, then arrival. Arrival is the store id, which grows with every ticket issued;
    // the issue time would put a later ticket first after the PC's clock moved back.
    std::stable_sort(waiting.begin(), waiting.end(), [&](const QueueEntry& a, const QueueEntry& b) {
        if (isPriority(a.ticket) != isPriority(b.ticket)) return isPriority(a.ticket);
        return a.ticket.id < b.ticket.id;
    });
    for (size_t i = 0; i < waiting.size(); ++i) waiting[i].position = static_cast<int>(i) + 1;
    return waiting;
}

int peopleAheadOfNewTicket(std::string_view categoryId, const std::vector<std::string>& waitingCategoryIds,
                           const std::vector<std::string>& priorityCategoryIds) {
    auto isPriority = [&](std::string_view id) {
        return std::find(priorityCategoryIds.begin(), priorityCategoryIds.end(), id) != priorityCategoryIds.end();
    };
    if (!isPriority(categoryId)) return static_cast<int>(waitingCategoryIds.size());
    return static_cast<int>(std::count_if(waitingCategoryIds.begin(), waitingCategoryIds.end(),
                                          [&](const std::string& id) { return isPriority(id); }));
}

QueueService::QueueService(const Config& config, TicketStore& store, const Clock& clock)
    : m_config(config), m_store(store), m_clock(clock), m_calendar(config.hours) {}

double QueueService::interviewMinutes() const {
    LocalDate since = m_clock.now().date.plusDays(-7 * m_config.tickets.learnFromWeeks);
    return domain::interviewMinutes(m_config.tickets, m_store.interviewStats(since));
}

IssueDecision QueueService::issueDecision() const {
    return decideIssue(m_calendar, m_config.tickets, m_clock.now(), snapshot().waitingCount(), interviewMinutes());
}

IssuedTicket QueueService::describe(const Ticket& ticket, const Category& category, int peopleAhead) const {
    return describeWith(ticket, category, peopleAhead, interviewMinutes());
}

IssuedTicket QueueService::describeWith(const Ticket& ticket, const Category& category, int peopleAhead,
                                        double minutesPerInterview) const {
    IssuedTicket issued{ticket, &category, peopleAhead, 0};
    if (auto session = m_calendar.currentOrNextSession(m_clock.now()))
        issued.waitMinutes =
            roundedWaitMinutes(expectedWaitMinutes(*session, m_clock.now(), peopleAhead, minutesPerInterview));
    return issued;
}

const Category& QueueService::categoryOrThrow(std::string_view id) const {
    const Category* c = m_config.findCategory(id);
    if (!c) {
        std::string known;
        for (const auto& k : m_config.categories) known += (known.empty() ? "" : ", ") + k.id;
        throw UnknownCategoryError("unknown category \"" + escapedControls(id) + "\" (known: " + known + ")");
    }
    return *c;
}

IssuedTicket QueueService::takeTicket(std::string_view categoryId, const std::string& requestToken) {
    const Category& category = categoryOrThrow(categoryId);
    // Learned once per take: the decision and the promised wait use the same figure.
    const double minutesPerInterview = interviewMinutes();
    std::optional<int> peopleAhead;  // stays empty for a repeated token: the store did not ask
    auto admit = [&](const std::vector<std::string>& waitingCategoryIds) {
        const int waiting = static_cast<int>(waitingCategoryIds.size());
        IssueDecision decision = decideIssue(m_calendar, m_config.tickets, m_clock.now(), waiting, minutesPerInterview);
        if (!decision.allowed()) throw TicketRefusedError(decision);
        peopleAhead = peopleAheadOfNewTicket(category.id, waitingCategoryIds, m_config.staff.priorityCategoryIds);
    };
    const Ticket ticket =
        m_store.issueTicketIfAdmitted({category.id, category.prefix, m_clock.now(), requestToken}, admit);
    if (!peopleAhead) {
        // The first ticket again, whatever the hours say, with its place in the queue now.
        const int position = snapshot().positionOf(ticket.id);
        peopleAhead = position > 0 ? position - 1 : 0;
    }
    return describeWith(ticket, category, *peopleAhead, minutesPerInterview);
}

IssuedTicket QueueService::previewTicket(std::string_view categoryId) const {
    const Category& category = categoryOrThrow(categoryId);
    LocalDateTime now = m_clock.now();
    Ticket t;
    t.categoryId = category.id;
    t.serviceDay = now.date;
    t.issuedAt = now;
    t.number = m_store.nextNumber(category.id, now.date);
    t.code = formatTicketCode(category.prefix, t.number);
    return describe(t, category, snapshot().waitingCount());
}

QueueSnapshot QueueService::snapshot() const {
    QueueSnapshot s;
    s.serviceDay = m_clock.now().date;
    s.tickets = m_store.ticketsOfDay(s.serviceDay);
    s.waiting = waitingInCallingOrder(s.tickets, m_config.staff.priorityCategoryIds);
    return s;
}

}  // namespace domain
