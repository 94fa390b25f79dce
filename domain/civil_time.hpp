#pragma once
// Local civil dates and times of the office: what citizens read on the wall clock.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace domain {

// A calendar day in the office's local time zone; the unit of a "service day".
struct LocalDate {
    int year = 1970;
    int month = 1;
    int day = 1;

    static std::optional<LocalDate> parse(std::string_view isoDate);  // "2026-11-30"
    std::string iso() const;                                          // "2026-11-30"
    std::chrono::sys_days days() const;
    static LocalDate fromDays(std::chrono::sys_days d);
    int weekdayIso() const;  // 1 = Monday ... 7 = Sunday
    LocalDate plusDays(int n) const;
    bool valid() const;
    auto operator<=>(const LocalDate&) const = default;
};

// A wall-clock instant in the office's local time, to the second.
struct LocalDateTime {
    LocalDate date;
    int secondOfDay = 0;  // 0 .. 86399

    static std::optional<LocalDateTime> parse(std::string_view iso);  // "2026-11-30T15:45[:00]"
    std::string iso() const;                                          // "2026-11-30T15:45:00"
    std::string hhmm() const;                                         // "15:45"
    int minuteOfDay() const { return secondOfDay / 60; }
    LocalDateTime plusSeconds(long long s) const;
    long long secondsSince(const LocalDateTime& earlier) const;
    auto operator<=>(const LocalDateTime&) const = default;
};

// The source of "now": injected everywhere so tests and the demo can set any date.
class Clock {
public:
    virtual ~Clock() = default;
    virtual LocalDateTime now() const = 0;
};

// A clock that stands still until told otherwise: for tests and one-shot commands.
class FixedClock : public Clock {
public:
    explicit FixedClock(LocalDateTime t) : m_now(t) {}
    LocalDateTime now() const override { return m_now; }
    void set(LocalDateTime t) { m_now = t; }
    void advanceSeconds(long long s) { m_now = m_now.plusSeconds(s); }

private:
    LocalDateTime m_now;
};

}  // namespace domain
