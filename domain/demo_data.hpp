#pragma once
// What `kioskctl generate-demo-data` writes: years of plausible, entirely fictional activity of
// the configured office, to show the reports and to measure them on a realistic volume. Only the
// "what": the store layer (kiosk/store/demo_data.hpp) writes it to a database.
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "civil_time.hpp"
#include "config.hpp"
#include "opening_hours.hpp"
#include "scheda.hpp"
#include "survey.hpp"
#include "ticket.hpp"

namespace domain {

// The volume and mix of the activity. The default volume is the benchmark's: about 200 000
// tickets and 40 000 survey answers a year, whatever the timetable. A real Segretariato sociale
// sees a few dozen people a week; the arrivals per opening are scaled up to reach the volume.
struct DemoDataShape {
    int ticketsPerYear = 200'000;
    double noShowShare = 0.07;        // called, did not come
    double leftShare = 0.04;          // never called: still waiting when the office closed
    double transferShare = 0.02;      // moved to another category by staff
    double kioskAnswerShare = 0.20;   // served tickets whose citizen answers on the kiosk
    double paperAnswerShare = 0.03;   // paper forms per served ticket, typed in by staff
    double satisfiedShare = 0.70;     // overall 4 or 5, around the charter's target
    double meanWaitMinutes = 18;
    double meanInterviewMinutes = 18;
};

// One fictional ticket, in its final state (a past day is over).
struct DemoTicket {
    std::size_t category = 0;                  // index in config.categories: the issuing one
    std::optional<std::size_t> transferredTo;  // index in config.categories
    LocalDateTime issuedAt;
    TicketState state = TicketState::Served;
    std::optional<LocalDateTime> calledAt;
    std::optional<LocalDateTime> finishedAt;
    std::optional<std::string> desk;           // one of config.staff.rooms, when called
    std::optional<SurveyAnswer> answer;        // given on the kiosk with this ticket's code
};

// One service day: its tickets in issue order, and the paper forms typed in that day.
struct DemoDay {
    LocalDate date;
    std::vector<DemoTicket> tickets;
    std::vector<SurveyAnswer> paperAnswers;
};

// The `years` years that end on `until`, inclusive: 2025-03-01 .. 2026-02-28 for 1 year to 2026-02-28.
struct DemoPeriod {
    LocalDate from;
    LocalDate to;
};
DemoPeriod demoPeriod(int years, const LocalDate& until);

class DemoDataGenerator {
public:
    // The config must outlive the generator. The same config, shape and seed give the same days.
    DemoDataGenerator(const Config& config, unsigned seed, DemoDataShape shape = {});

    // Every day of the period on which the calendar opens (holidays and closures respected),
    // in date order, one at a time: five years never sit in memory at once.
    void generate(const DemoPeriod& period, const std::function<void(const DemoDay&)>& sink);

    // Tickets per minute of opening that gives shape.ticketsPerYear over the period's openings.
    double ticketsPerOpenMinute(const DemoPeriod& period) const;

private:
    DemoDay day(const LocalDate& date, const std::vector<Session>& sessions, double perMinute);
    void addSessionTickets(const Session& session, double perMinute, DemoDay& day);
    DemoTicket ticket(const LocalDateTime& issuedAt, const Session& session);
    std::size_t drawCategory();
    SurveyAnswer drawAnswer(const LocalDate& date, bool paper);
    double uniform();

    const Config& m_config;
    OpeningCalendar m_calendar;
    DemoDataShape m_shape;
    std::mt19937 m_random;
    std::discrete_distribution<std::size_t> m_categories;
};

// Schede di Segretariato for the demo, so its figures show something: about two served interviews
// in three get one, with a need area or two, an answer (a referral names a service), first contact
// or return, now and then a second operator. A random sequence of its own: the tickets and answers
// a seed gives stay exactly as they were.
class DemoSchedaMaker {
public:
    DemoSchedaMaker(const SchedaConfig& scheda, unsigned seed);
    // nullopt when the ticket was not served or staff skipped the scheda.
    std::optional<ContactRecord> after(const DemoTicket& ticket);

private:
    // An index into a list of n choices, the first ones likelier (front desks see few needs often).
    std::size_t draw(std::size_t n);
    double uniform();

    const SchedaConfig& m_scheda;
    std::mt19937 m_random;
};

}  // namespace domain
