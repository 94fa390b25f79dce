#pragma once
// An in-memory TicketStore for domain tests: the rules, without SQLite.
#include <algorithm>
#include <map>
#include <random>
#include <tuple>

#include "domain/ticket_store.hpp"

namespace testing_support {

class MemoryStore : public domain::TicketStore {
public:
    domain::Ticket issueTicket(const domain::NewTicketRequest& r) override {
        if (!r.requestToken.empty())
            for (size_t i = 0; i < m_tickets.size(); ++i)
                if (m_tokens[i] == r.requestToken) return m_tickets[i];
        domain::Ticket t;
        t.id = static_cast<std::int64_t>(m_tickets.size()) + 1;
        t.categoryId = r.categoryId;
        t.serviceDay = r.issuedAt.date;
        t.issuedAt = r.issuedAt;
        t.number = nextNumber(r.categoryId, t.serviceDay);
        t.code = domain::formatTicketCode(r.prefix, t.number);
        t.surveyCode = freeSurveyCode(t.serviceDay);
        m_tickets.push_back(t);
        m_surveyUsed.push_back(false);
        m_tokens.push_back(r.requestToken);
        m_issuedCategory.push_back(r.categoryId);
        ++m_version;
        return t;
    }
    std::optional<domain::Ticket> findByRequestToken(const std::string& token) override {
        for (size_t i = 0; i < m_tickets.size(); ++i)
            if (!token.empty() && m_tokens[i] == token) return m_tickets[i];
        return std::nullopt;
    }
    std::vector<domain::Ticket> ticketsOfDay(const domain::LocalDate& day) override {
        std::vector<domain::Ticket> out;
        std::copy_if(m_tickets.begin(), m_tickets.end(), std::back_inserter(out),
                     [&](const domain::Ticket& t) { return t.serviceDay == day; });
        return out;
    }
    int nextNumber(const std::string& categoryId, const domain::LocalDate& day) override {
        // Like the SQLite store: numbering follows the category a ticket was issued for.
        int n = 0;
        for (size_t i = 0; i < m_tickets.size(); ++i)
            if (m_issuedCategory[i] == categoryId && m_tickets[i].serviceDay == day)
                n = std::max(n, m_tickets[i].number);
        return n + 1;
    }
    std::optional<domain::Ticket> callNext(const domain::CallNextRequest& r) override {
        domain::Ticket* next = nullptr;
        for (auto& t : m_tickets)
            if (t.serviceDay == r.serviceDay && t.state == domain::TicketState::Waiting &&
                (!next || callingKey(t, r.priorityCategoryIds) < callingKey(*next, r.priorityCategoryIds)))
                next = &t;
        if (!next) return std::nullopt;
        next->state = domain::TicketState::Called;
        next->desk = r.desk;
        if (!next->calledAt) next->calledAt = r.now;
        logCall(*next, r.now);
        return *next;
    }
    domain::Ticket changeTicket(const domain::TicketChange& c) override {
        auto found = std::find_if(m_tickets.begin(), m_tickets.end(), [&](const domain::Ticket& t) {
            return t.serviceDay == c.serviceDay && t.code == c.code;
        });
        if (found == m_tickets.end())
            throw domain::UnknownTicketError("no ticket " + c.code + " today (" + c.serviceDay.iso() + ")");
        if (std::find(c.from.begin(), c.from.end(), found->state) == c.from.end())
            throw domain::TransitionError("ticket " + c.code + " is " + std::string(domain::toString(found->state)) +
                                          ": it cannot become " + std::string(domain::toString(c.to)));
        domain::Ticket& t = *found;
        t.state = c.to;
        if (c.clearCall) {
            t.desk.reset();
            t.calledAt.reset();
            t.finishedAt.reset();
        }
        if (c.desk) t.desk = c.desk;
        if (c.calledAt && !t.calledAt) t.calledAt = c.calledAt;
        if (c.finishedAt) t.finishedAt = c.finishedAt;
        if (c.newCategoryId) t.categoryId = *c.newCategoryId;
        if (c.logCall) logCall(t, c.calledAt ? *c.calledAt : t.calledAt.value());
        ++m_version;
        return t;
    }
    std::vector<domain::CallRecord> recentCalls(const domain::LocalDate& day, int limit) override {
        std::vector<domain::CallRecord> out;
        for (size_t i = m_calls.size(); i-- > 0 && static_cast<int>(out.size()) < limit;)
            if (m_callDays[i] == day) out.push_back(m_calls[i]);
        return out;
    }
    std::optional<std::string> setting(const std::string& key) override {
        auto it = m_settings.find(key);
        if (it == m_settings.end()) return std::nullopt;
        return it->second;
    }
    void setSetting(const std::string& key, const std::string& value) override { m_settings[key] = value; }
    domain::InterviewStats interviewStats(const domain::LocalDate&) override { return m_stats; }
    std::uint64_t dataVersion() override { return m_version; }

    // Same checks, same order and same messages as the SQLite store; a refusal stores nothing.
    void checkSurveyCode(const domain::LocalDate& today, const std::string& code) override {
        usableSurveyTicket(today, code);
    }
    void submitSurvey(const domain::LocalDate& today, const std::optional<std::string>& code,
                      const domain::SurveyAnswer& answer) override {
        domain::validateScores(answer);
        if (code) useSurveyCode(today, *code);
        domain::SurveyAnswer stored = answer;
        stored.paper = !code;
        m_answers.push_back({today, stored});
        ++m_version;
    }
    std::vector<domain::StoredAnswer> surveyAnswers(const domain::LocalDate& from, const domain::LocalDate& to) override {
        std::vector<domain::StoredAnswer> out;
        std::copy_if(m_answers.begin(), m_answers.end(), std::back_inserter(out),
                     [&](const domain::StoredAnswer& a) { return a.day >= from && a.day <= to; });
        std::stable_sort(out.begin(), out.end(),
                         [](const domain::StoredAnswer& a, const domain::StoredAnswer& b) { return a.day < b.day; });
        return out;
    }
    void addContactTallies(const domain::LocalDate& serviceDay, const std::string& categoryId,
                           const std::vector<domain::ContactTallyKey>& keys) override {
        for (const domain::ContactTallyKey& key : keys)
            ++m_contactTallies[std::make_tuple(serviceDay, categoryId, key.facet, key.value)];
    }

    std::vector<domain::ContactTally> contactTallies(const domain::LocalDate& from,
                                                     const domain::LocalDate& to) override {
        std::vector<domain::ContactTally> tallies;
        for (const auto& [key, count] : m_contactTallies) {
            const auto& [day, category, facet, value] = key;
            if (day < from || to < day) continue;
            tallies.push_back({day, category, facet, value, count});
        }
        return tallies;
    }

    std::vector<domain::DemandCell> demandCells(const domain::LocalDate& from, const domain::LocalDate& to) override {
        std::map<std::tuple<domain::LocalDate, std::string, int>, domain::DemandCell> cells;
        for (const auto& t : m_tickets) {
            if (t.serviceDay < from || t.serviceDay > to) continue;
            const int hour = t.issuedAt.secondOfDay / 3600;
            domain::DemandCell& cell = cells[{t.serviceDay, t.categoryId, hour}];
            cell.serviceDay = t.serviceDay;
            cell.categoryId = t.categoryId;
            cell.hour = hour;
            ++cell.tickets;
            if (t.state == domain::TicketState::Served) ++cell.served;
            if (t.state == domain::TicketState::NoShow) ++cell.noShow;
            if (t.calledAt) {
                const double wait = std::max(0.0, static_cast<double>(t.calledAt->secondsSince(t.issuedAt)) / 60.0);
                ++cell.called;
                cell.totalWaitMinutes += wait;
                cell.longestWaitMinutes = std::max(cell.longestWaitMinutes, wait);
            }
        }
        std::vector<domain::DemandCell> out;
        for (const auto& [key, cell] : cells) out.push_back(cell);
        return out;
    }
    const std::vector<domain::StoredAnswer>& storedAnswers() const { return m_answers; }
    void setInterviewStats(domain::InterviewStats stats) { m_stats = stats; }

    std::vector<domain::Ticket>& tickets() { return m_tickets; }

private:
    static std::tuple<bool, std::int64_t> callingKey(const domain::Ticket& t, const std::vector<std::string>& priority) {
        const bool first = std::find(priority.begin(), priority.end(), t.categoryId) != priority.end();
        return {!first, t.id};
    }
    // Deterministic for tests, but drawn like the real store: unrelated to the number, unique per day.
    std::string freeSurveyCode(const domain::LocalDate& day) {
        std::uniform_int_distribution<int> digits(0, 999999);
        for (;;) {
            std::string code = std::to_string(digits(m_random));
            code.insert(0, 6 - code.size(), '0');
            const bool taken = std::any_of(m_tickets.begin(), m_tickets.end(), [&](const domain::Ticket& t) {
                return t.serviceDay == day && t.surveyCode == code;
            });
            if (!taken) return code;
        }
    }
    std::size_t usableSurveyTicket(const domain::LocalDate& today, const std::string& code) {
        m_surveyUsed.resize(m_tickets.size());  // tickets a test added through tickets() start unused
        for (size_t i = 0; i < m_tickets.size(); ++i) {
            const domain::Ticket& t = m_tickets[i];
            if (t.serviceDay != today || t.surveyCode != code) continue;
            if (t.state != domain::TicketState::Served) domain::refuseSurvey(domain::SurveyRefusal::NotServed);
            if (m_surveyUsed[i]) domain::refuseSurvey(domain::SurveyRefusal::AlreadyUsed);
            return i;
        }
        domain::refuseSurvey(domain::SurveyRefusal::UnknownCode);
    }
    void useSurveyCode(const domain::LocalDate& today, const std::string& code) {
        m_surveyUsed[usableSurveyTicket(today, code)] = true;
    }
    void logCall(const domain::Ticket& t, const domain::LocalDateTime& at) {
        m_calls.push_back({static_cast<std::int64_t>(m_calls.size()) + 1, t.code, t.desk.value(), at});
        m_callDays.push_back(t.serviceDay);
        ++m_version;
    }

    std::vector<domain::Ticket> m_tickets;
    std::map<std::tuple<domain::LocalDate, std::string, std::string, std::string>, int> m_contactTallies;
    std::vector<std::string> m_tokens;
    std::vector<std::string> m_issuedCategory;
    std::vector<domain::CallRecord> m_calls;
    std::vector<domain::LocalDate> m_callDays;
    std::map<std::string, std::string> m_settings;
    std::uint64_t m_version = 1;
    domain::InterviewStats m_stats;
    std::vector<bool> m_surveyUsed;  // parallel to m_tickets
    std::vector<domain::StoredAnswer> m_answers;
    std::mt19937 m_random{20261130};
};

}  // namespace testing_support
