#pragma once
// Opening hours as citizens meet them: weekly timetable, holidays, closures and extra openings.
#include <optional>
#include <string>
#include <vector>

#include "civil_time.hpp"
#include "config.hpp"

namespace domain {

// One opening on one date.
struct Session {
    LocalDate date;
    int fromMinute = 0;
    int toMinute = 0;
    int desks = 1;

    LocalDateTime start() const { return {date, fromMinute * 60}; }
    LocalDateTime end() const { return {date, toMinute * 60}; }
    int minutes() const { return toMinute - fromMinute; }
    bool operator==(const Session&) const = default;
};

// A day the weekly timetable would open but the office is shut, with the reason to show.
struct Closure {
    LocalDate date;
    std::string reason;  // "Natale", "Santi Gervaso e Protaso (patrono)", a configured reason
};

// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
LocalDate easterSunday(int year);

// The Italian national holiday on that date, by its Italian name ("Natale", "Lunedì dell'Angelo"),
// or nullopt. Ordinary Sundays are not listed as holidays.
std::optional<std::string> nationalHoliday(const LocalDate& date);

class OpeningCalendar {
public:
    explicit OpeningCalendar(const HoursConfig& hours);
    OpeningCalendar(HoursConfig&&) = delete;  // it keeps a reference: the config must outlive it

    // Why the office is shut that whole day (holiday, patron, closure), or nullopt.
    std::optional<std::string> closedReason(const LocalDate& date) const;

    // The openings of that date, in time order: weekly ones unless the day is closed, plus extras.
    std::vector<Session> sessionsOn(const LocalDate& date) const;

    // The session open at that instant (start inclusive, end exclusive), or nullopt.
    std::optional<Session> sessionAt(const LocalDateTime& t) const;

    // The first session that ends after t: the current one if open, else the next to start.
    // Looks up to a year ahead; nullopt when nothing opens in that time.
    std::optional<Session> currentOrNextSession(const LocalDateTime& t) const;

    // The first session starting strictly after t.
    std::optional<Session> nextSessionAfter(const LocalDateTime& t) const;

    // Days in [from, to] on which the weekly timetable would open but the office is closed.
    std::vector<Closure> closuresBetween(const LocalDate& from, const LocalDate& to) const;

    // Figures of the weekly timetable, for the charter check.
    double weeklyHours() const;
    int afternoonOpenings() const;  // weekly sessions that start at 13:00 or later

private:
    const HoursConfig& m_hours;
};

}  // namespace domain
