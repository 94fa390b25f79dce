#include "demo_data.hpp"

#include <algorithm>
#include <cmath>

namespace domain {

namespace {

constexpr int kSecondsPerMinute = 60;
constexpr int kLastSecondOfDay = 86'399;
constexpr double kDaysPerYear = 365.2425;
// Arrivals per opening vary around the average by this fraction (one standard deviation).
constexpr double kArrivalSpread = 0.10;
// People crowd in around the opening: arrival = window * u^kEarlyArrivalSkew, u uniform in [0, 1).
constexpr double kEarlyArrivalSkew = 1.4;
constexpr double kLongestWaitMinutes = 150;
constexpr double kShortestInterviewMinutes = 3;
constexpr double kDimensionAnsweredShare = 0.8;  // the four questions after the overall one are optional
// The share of satisfied people drifts by up to this much from month to month, so the trend moves.
constexpr double kMonthlyDrift = 0.05;

// Heavier first: the config lists the categories most people choose first (4, 3, 2, 1 for four).
std::vector<double> categoryWeights(const Config& config) {
    std::vector<double> weights;
    const std::size_t n = config.categories.size();
    for (std::size_t i = 0; i < n; ++i) weights.push_back(static_cast<double>(n - i));
    if (weights.empty()) weights.push_back(1);  // a config always has categories; never divide by nothing
    return weights;
}

std::discrete_distribution<std::size_t> categoryDistribution(const Config& config) {
    const std::vector<double> weights = categoryWeights(config);
    return std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
}

// Never past midnight: a ticket belongs to its service day.
LocalDateTime laterSameDay(const LocalDateTime& from, double minutes) {
    const long long seconds = std::llround(minutes * kSecondsPerMinute);
    LocalDateTime later = from;
    later.secondOfDay = static_cast<int>(std::min<long long>(from.secondOfDay + std::max(0LL, seconds), kLastSecondOfDay));
    return later;
}

int clampScore(int score) { return std::clamp(score, 1, 5); }

}  // namespace

DemoPeriod demoPeriod(int years, const LocalDate& until) {
    // Counted in days from the same date `years` earlier: 29 February falls back on 1 March.
    const LocalDate sameDateEarlier{until.year - years, until.month, until.day};
    return {LocalDate::fromDays(sameDateEarlier.days()).plusDays(1), until};
}

DemoDataGenerator::DemoDataGenerator(const Config& config, unsigned seed, DemoDataShape shape)
    : m_config(config),
      m_calendar(config.hours),
      m_shape(shape),
      m_random(seed),
      m_categories(categoryDistribution(config)) {}

double DemoDataGenerator::uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_random); }

double DemoDataGenerator::ticketsPerOpenMinute(const DemoPeriod& period) const {
    double openMinutes = 0;
    for (LocalDate d = period.from; d <= period.to; d = d.plusDays(1))
        for (const auto& session : m_calendar.sessionsOn(d)) openMinutes += session.minutes();
    if (openMinutes <= 0) return 0;
    const double days = static_cast<double>((period.to.days() - period.from.days()).count() + 1);
    return m_shape.ticketsPerYear * (days / kDaysPerYear) / openMinutes;
}

void DemoDataGenerator::generate(const DemoPeriod& period, const std::function<void(const DemoDay&)>& sink) {
    const double perMinute = ticketsPerOpenMinute(period);
    for (LocalDate d = period.from; d <= period.to; d = d.plusDays(1)) {
        const auto sessions = m_calendar.sessionsOn(d);
        if (sessions.empty()) continue;
        sink(day(d, sessions, perMinute));
    }
}

DemoDay DemoDataGenerator::day(const LocalDate& date, const std::vector<Session>& sessions, double perMinute) {
    DemoDay out;
    out.date = date;
    for (const auto& session : sessions) addSessionTickets(session, perMinute, out);
    int served = 0;
    for (auto& t : out.tickets) {
        if (t.state != TicketState::Served) continue;
        ++served;
        if (uniform() < m_shape.kioskAnswerShare) t.answer = drawAnswer(date, false);
    }
    const int paper = std::binomial_distribution<int>(served, m_shape.paperAnswerShare)(m_random);
    for (int i = 0; i < paper; ++i) out.paperAnswers.push_back(drawAnswer(date, true));
    return out;
}

void DemoDataGenerator::addSessionTickets(const Session& session, double perMinute, DemoDay& day) {
    const double expected = perMinute * session.minutes();
    const double drawn = std::normal_distribution<double>(expected, expected * kArrivalSpread)(m_random);
    const int count = std::max(0, static_cast<int>(std::lround(drawn)));
    // Numbers are handed out from open_before_minutes before the opening until the cut-off.
    int first = session.fromMinute - m_config.tickets.openBeforeMinutes;
    int last = session.toMinute - m_config.tickets.cutoffMinutesBeforeClose;
    if (last <= first) {
        first = session.fromMinute;
        last = session.toMinute;
    }
    const double windowSeconds = static_cast<double>(last - first) * kSecondsPerMinute;
    std::vector<int> arrivals;
    arrivals.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        arrivals.push_back(first * kSecondsPerMinute +
                           static_cast<int>(windowSeconds * std::pow(uniform(), kEarlyArrivalSkew)));
    std::sort(arrivals.begin(), arrivals.end());
    for (const int second : arrivals) {
        const LocalDateTime issuedAt{session.date, std::clamp(second, 0, kLastSecondOfDay)};
        day.tickets.push_back(ticket(issuedAt, session));
    }
}

DemoTicket DemoDataGenerator::ticket(const LocalDateTime& issuedAt, const Session& session) {
    DemoTicket t;
    t.category = drawCategory();
    t.issuedAt = issuedAt;
    if (m_config.categories.size() > 1 && uniform() < m_shape.transferShare) {
        const std::size_t other = 1 + static_cast<std::size_t>(uniform() * static_cast<double>(m_config.categories.size() - 1));
        t.transferredTo = (t.category + std::min(other, m_config.categories.size() - 1)) % m_config.categories.size();
    }
    const double fate = uniform();
    if (fate < m_shape.leftShare) {
        t.state = TicketState::Waiting;  // left before being called: stays waiting for ever
        return t;
    }
    // Gamma with shape 2: most people wait a little, some much longer; never before the opening.
    const double wait = std::min(kLongestWaitMinutes,
                                 std::gamma_distribution<double>(2.0, m_shape.meanWaitMinutes / 2.0)(m_random));
    const LocalDateTime opening{session.date, session.fromMinute * kSecondsPerMinute};
    t.calledAt = laterSameDay(std::max(issuedAt, opening), wait);
    const auto& rooms = m_config.staff.rooms;
    if (!rooms.empty()) t.desk = rooms[static_cast<std::size_t>(uniform() * static_cast<double>(rooms.size())) % rooms.size()];
    if (fate < m_shape.leftShare + m_shape.noShowShare) {
        t.state = TicketState::NoShow;
        t.finishedAt = laterSameDay(*t.calledAt, 2 + 3 * uniform());  // called twice, then given up
        return t;
    }
    t.state = TicketState::Served;
    const double interview = std::max(
        kShortestInterviewMinutes, std::gamma_distribution<double>(3.0, m_shape.meanInterviewMinutes / 3.0)(m_random));
    t.finishedAt = laterSameDay(*t.calledAt, interview);
    return t;
}

std::size_t DemoDataGenerator::drawCategory() {
    if (m_config.categories.empty()) return 0;
    return std::min(m_categories(m_random), m_config.categories.size() - 1);
}

SurveyAnswer DemoDataGenerator::drawAnswer(const LocalDate& date, bool paper) {
    const int month = date.year * 12 + date.month;
    const double satisfied = m_shape.satisfiedShare + kMonthlyDrift * std::sin(0.9 * month);
    SurveyAnswer answer;
    answer.paper = paper;
    const double u = uniform();
    if (u < satisfied) {
        answer.overall = uniform() < 0.45 ? 5 : 4;
    } else {
        const double v = uniform();
        answer.overall = v < 0.6 ? 3 : (v < 0.85 ? 2 : 1);
    }
    for (auto& dimension : answer.dimensions) {
        if (uniform() >= kDimensionAnsweredShare) continue;
        const double v = uniform();
        const int delta = v < 0.25 ? -1 : (v < 0.75 ? 0 : 1);  // close to the overall judgement
        dimension = clampScore(answer.overall + delta);
    }
    return answer;
}

// ---- schede ----

DemoSchedaMaker::DemoSchedaMaker(const SchedaConfig& scheda, unsigned seed) : m_scheda(scheda), m_random(seed ^ 0x5c4edau) {}

double DemoSchedaMaker::uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_random); }

std::size_t DemoSchedaMaker::draw(std::size_t n) {
    std::vector<double> weights;
    for (std::size_t i = 0; i < n; ++i) weights.push_back(1.0 / static_cast<double>(i + 2));
    return std::discrete_distribution<std::size_t>(weights.begin(), weights.end())(m_random);
}

std::optional<ContactRecord> DemoSchedaMaker::after(const DemoTicket& ticket) {
    if (ticket.state != TicketState::Served || uniform() > 0.65) return std::nullopt;
    ContactRecord record;
    const auto& needs = m_scheda.needAreas;
    record.needAreaIds.push_back(needs[draw(needs.size())].id);
    if (uniform() < 0.3) {
        const std::string second = needs[draw(needs.size())].id;
        if (second != record.needAreaIds.front()) record.needAreaIds.push_back(second);
    }
    const auto& answers = m_scheda.answers;
    record.answerIds.push_back(answers[draw(answers.size())].id);
    if (record.answerIds.front() == kSchedaReferralAnswer && !m_scheda.referralServices.empty())
        record.referralServiceIds.push_back(m_scheda.referralServices[draw(m_scheda.referralServices.size())].id);
    const double contact = uniform();
    record.contact = contact < 0.45 ? ContactKind::First : contact < 0.95 ? ContactKind::Return : ContactKind::Unstated;
    record.secondOperator = uniform() < 0.15;
    return record;
}

}  // namespace domain
