#pragma once
// An in-memory TicketStore for domain tests: the rules, without SQLite.
#include <algorithm>

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
        m_tickets.push_back(t);
        m_tokens.push_back(r.requestToken);
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
        int n = 0;
        for (const auto& t : m_tickets)
            if (t.categoryId == categoryId && t.serviceDay == day) n = std::max(n, t.number);
        return n + 1;
    }
    domain::InterviewStats interviewStats(const domain::LocalDate&) override { return m_stats; }
    std::uint64_t dataVersion() override { return m_version; }
    void setInterviewStats(domain::InterviewStats stats) { m_stats = stats; }

    std::vector<domain::Ticket>& tickets() { return m_tickets; }

private:
    std::vector<domain::Ticket> m_tickets;
    std::vector<std::string> m_tokens;
    std::uint64_t m_version = 1;
    domain::InterviewStats m_stats;
};

}  // namespace testing_support
