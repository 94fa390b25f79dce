#pragma once
// The real wall clock, and a simulated one for demos ("--now"), behind domain::Clock.
#include "domain/civil_time.hpp"

namespace common {

// Local time from the operating system (TZ / /etc/localtime): what the office's wall clock says.
class SystemClock : public domain::Clock {
public:
    domain::LocalDateTime now() const override;
};

// Starts at a chosen local time and runs forward with real time: the demo outside office hours.
class SimulatedClock : public domain::Clock {
public:
    explicit SimulatedClock(domain::LocalDateTime start);
    domain::LocalDateTime now() const override;

private:
    domain::LocalDateTime m_start;
    long long m_startMonotonicMs;
};

long long monotonicMilliseconds();

}  // namespace common
