#pragma once
// An office that is open around the clock every day and never finds its queue full: the crash and
// fault helpers take tickets as fast as they can without ever being refused.
#include "domain/civil_time.hpp"
#include "domain/config.hpp"

namespace crash_support {

// A Monday at noon: the fixed "now" of every helper process, so all tickets share one service day.
inline domain::LocalDateTime testNow() { return *domain::LocalDateTime::parse("2026-11-30T12:00"); }

inline domain::Config alwaysOpenOffice() {
    domain::Config config;
    config.sourceName = "always-open test office";
    config.categories = {{"adulti", "Adulti", 'A', ""}, {"anziani", "Anziani", 'N', ""}};
    constexpr int kLastMinuteOfDay = 24 * 60 - 1;
    for (int weekday = 1; weekday <= 7; ++weekday) config.hours.weekly.push_back({weekday, 0, kLastMinuteOfDay, 1});
    config.tickets.openBeforeMinutes = 0;
    config.tickets.cutoffMinutesBeforeClose = 0;
    // No interview time: however many wait, one more always fits in the day.
    config.tickets.defaultInterviewMinutes = 0;
    return config;
}

}  // namespace crash_support
