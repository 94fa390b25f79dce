#include "opening_hours.hpp"

#include <algorithm>

namespace domain {
namespace {

// Far enough to pass the longest closures (summer, Christmas) and any holiday run,
// short enough that an empty timetable answers quickly.
constexpr int kLookAheadDays = 366;

// Law 151/2025 restored 4 October as a national holiday starting with this year.
constexpr int kFirstYearOfSanFrancesco = 2026;

struct FixedHoliday {
    int month;
    int day;
    const char* name;
};

constexpr FixedHoliday kFixedHolidays[] = {
    {1, 1, "Capodanno"},
    {1, 6, "Epifania"},
    {4, 25, "Festa della Liberazione"},
    {5, 1, "Festa del Lavoro"},
    {6, 2, "Festa della Repubblica"},
    {8, 15, "Ferragosto"},
    {11, 1, "Ognissanti"},
    {12, 8, "Immacolata Concezione"},
    {12, 25, "Natale"},
    {12, 26, "Santo Stefano"},
};

std::optional<std::string> fixedHoliday(const LocalDate& date) {
    for (const auto& h : kFixedHolidays)
        if (h.month == date.month && h.day == date.day) return h.name;
    if (date.month == 10 && date.day == 4 && date.year >= kFirstYearOfSanFrancesco)
        return "San Francesco d'Assisi";
    return std::nullopt;
}

std::optional<std::string> easterHoliday(const LocalDate& date) {
    // Cheap filter: Easter Sunday falls between 22 March and 25 April, its Monday one day later.
    if (date.month != 3 && date.month != 4) return std::nullopt;
    const LocalDate easter = easterSunday(date.year);
    if (date == easter) return "Pasqua";
    if (date == easter.plusDays(1)) return "Lunedì dell'Angelo";
    return std::nullopt;
}

std::optional<std::string> configuredClosure(const HoursConfig& hours, const LocalDate& date) {
    for (const auto& c : hours.closures)
        if (c.from <= date && date <= c.to) return c.reason;
    return std::nullopt;
}

std::optional<std::string> patronClosure(const PatronDay& patron, const LocalDate& date) {
    if (patron.month <= 0 || date.month != patron.month || date.day != patron.day) return std::nullopt;
    if (patron.name.empty()) return "Festa del patrono";
    return patron.name + " (patrono)";
}

bool weeklyTimetableOpens(const HoursConfig& hours, int weekdayIso) {
    return std::any_of(hours.weekly.begin(), hours.weekly.end(),
                       [weekdayIso](const WeeklySession& w) { return w.weekday == weekdayIso; });
}

}  // namespace

LocalDate easterSunday(int year) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher); the letters follow the published form.
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return {year, month, day};
}

std::optional<std::string> nationalHoliday(const LocalDate& date) {
    if (auto fixed = fixedHoliday(date)) return fixed;
    return easterHoliday(date);
}

OpeningCalendar::OpeningCalendar(const HoursConfig& hours) : m_hours(hours) {}

std::optional<std::string> OpeningCalendar::closedReason(const LocalDate& date) const {
    // A configured closure wins: the office chose its own wording for that day.
    if (auto configured = configuredClosure(m_hours, date)) return configured;
    if (auto holiday = nationalHoliday(date)) return holiday;
    return patronClosure(m_hours.patron, date);
}

std::vector<Session> OpeningCalendar::sessionsOn(const LocalDate& date) const {
    std::vector<Session> sessions;
    if (!closedReason(date)) {
        const int weekday = date.weekdayIso();
        for (const auto& w : m_hours.weekly)
            if (w.weekday == weekday) sessions.push_back({date, w.fromMinute, w.toMinute, w.desks});
    }
    // Extra openings are decided for that very date, so a holiday does not cancel them.
    for (const auto& x : m_hours.extraOpenings)
        if (x.date == date) sessions.push_back({date, x.fromMinute, x.toMinute, x.desks});
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const Session& a, const Session& b) { return a.fromMinute < b.fromMinute; });
    return sessions;
}

std::optional<Session> OpeningCalendar::sessionAt(const LocalDateTime& t) const {
    for (const auto& s : sessionsOn(t.date))
        if (s.start() <= t && t < s.end()) return s;
    return std::nullopt;
}

std::optional<Session> OpeningCalendar::currentOrNextSession(const LocalDateTime& t) const {
    for (int offset = 0; offset <= kLookAheadDays; ++offset)
        for (const auto& s : sessionsOn(t.date.plusDays(offset)))
            if (s.end() > t) return s;
    return std::nullopt;
}

std::optional<Session> OpeningCalendar::nextSessionAfter(const LocalDateTime& t) const {
    for (int offset = 0; offset <= kLookAheadDays; ++offset)
        for (const auto& s : sessionsOn(t.date.plusDays(offset)))
            if (s.start() > t) return s;
    return std::nullopt;
}

std::vector<Closure> OpeningCalendar::closuresBetween(const LocalDate& from, const LocalDate& to) const {
    std::vector<Closure> closures;
    // Only days the citizen would expect to find the desk open are worth announcing.
    for (LocalDate d = from; d <= to; d = d.plusDays(1)) {
        if (!weeklyTimetableOpens(m_hours, d.weekdayIso())) continue;
        if (auto reason = closedReason(d)) closures.push_back({d, *reason});
    }
    return closures;
}

double OpeningCalendar::weeklyHours() const {
    int minutes = 0;
    for (const auto& w : m_hours.weekly) minutes += w.toMinute - w.fromMinute;
    return minutes / 60.0;
}

int OpeningCalendar::afternoonOpenings() const {
    constexpr int kAfternoonFromMinute = 13 * 60;
    return static_cast<int>(std::count_if(m_hours.weekly.begin(), m_hours.weekly.end(),
                                          [](const WeeklySession& w) { return w.fromMinute >= kAfternoonFromMinute; }));
}

}  // namespace domain
