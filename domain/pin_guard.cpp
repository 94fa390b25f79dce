#include "pin_guard.hpp"

#include <algorithm>

namespace domain {

namespace {

// A person mistyping gets a few free tries; a guesser gets 2, 4, 8 ... seconds, up to 5 minutes.
constexpr int kFreeFailures = 3;
constexpr std::int64_t kFirstBlockMs = 2'000;
constexpr std::int64_t kLongestBlockMs = 5 * 60 * 1'000;

std::int64_t blockAfter(int failures) {
    const int doublings = failures - kFreeFailures - 1;
    if (doublings < 0) return 0;
    std::int64_t block = kFirstBlockMs;
    for (int i = 0; i < doublings && block < kLongestBlockMs; ++i) block *= 2;
    return std::min(block, kLongestBlockMs);
}

}  // namespace

int PinGuard::secondsLeft(std::int64_t nowMs) const {
    if (!lockedOut(nowMs)) return 0;
    return static_cast<int>((m_blockedUntilMs - nowMs + 999) / 1000);
}

void PinGuard::recordFailure(std::int64_t nowMs) {
    ++m_failures;
    const std::int64_t block = blockAfter(m_failures);
    if (block > 0) m_blockedUntilMs = nowMs + block;
}

}  // namespace domain
