#pragma once
// Slows down PIN guessing on the staff console: after a few wrong PINs, each try waits longer.
#include <cstdint>

namespace domain {

class PinGuard {
public:
    // Milliseconds are any monotonic clock's; the guard never reads a clock itself.
    bool lockedOut(std::int64_t nowMs) const { return nowMs < m_blockedUntilMs; }
    int secondsLeft(std::int64_t nowMs) const;
    void recordFailure(std::int64_t nowMs);
    void recordSuccess() { m_failures = 0; m_blockedUntilMs = 0; }
    int failures() const { return m_failures; }

private:
    int m_failures = 0;
    std::int64_t m_blockedUntilMs = 0;
};

}  // namespace domain
