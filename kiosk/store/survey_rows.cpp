#include "kiosk/store/survey_rows.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <limits>

#include <unistd.h>

namespace store::detail {

// SQLite's PRNG (ChaCha20, seeded from the OS) lives in process memory, so a forked child would
// repeat its parent's "random" codes and keys; reseeding on the first use in a new process avoids it.
void randomBytes(void* into, int count) {
    static pid_t seededIn = 0;
    const pid_t self = getpid();
    if (self != seededIn) {
        sqlite3_randomness(0, nullptr);  // documented: resets the PRNG, reseeded from the OS on next use
        seededIn = self;
    }
    sqlite3_randomness(count, into);
}

std::string randomSurveyCode() {
    constexpr std::uint32_t kCodes = 1'000'000;
    constexpr std::uint32_t kMax = std::numeric_limits<std::uint32_t>::max();
    // 2^32 is no multiple of 10^6: drawing again above the last whole multiple keeps every code equally likely.
    constexpr std::uint32_t kUnbiasedLimit = kMax - kMax % kCodes;
    std::uint32_t value = 0;
    do {
        randomBytes(&value, sizeof value);
    } while (value >= kUnbiasedLimit);
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06u", static_cast<unsigned>(value % kCodes));
    return digits;
}

}  // namespace store::detail
