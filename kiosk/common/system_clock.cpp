#include "system_clock.hpp"

#include <chrono>
#include <ctime>

namespace common {

domain::LocalDateTime SystemClock::now() const {
    std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return {{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday},
            local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec};
}

long long monotonicMilliseconds() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

SimulatedClock::SimulatedClock(domain::LocalDateTime start)
    : m_start(start), m_startMonotonicMs(monotonicMilliseconds()) {}

domain::LocalDateTime SimulatedClock::now() const {
    return m_start.plusSeconds((monotonicMilliseconds() - m_startMonotonicMs) / 1000);
}

}  // namespace common
