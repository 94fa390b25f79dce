#pragma once
// The kiosk's slow-down for survey codes typed wrong again and again (a PinGuard). Only guessing
// slows down: a code no ticket of today has. Only a stored answer lifts it: checking a code before
// the questions lifts nothing, not even for one's own code, or three wrong codes, one's own, back,
// and again would give a guesser unlimited free tries at other people's codes.
#include <cstdint>

#include "pin_guard.hpp"
#include "survey.hpp"

namespace domain {

class SurveyCodeGuard {
public:
    // Milliseconds are any monotonic clock's, as for PinGuard.
    bool lockedOut(std::int64_t nowMs) const { return m_guard.lockedOut(nowMs); }
    int secondsLeft(std::int64_t nowMs) const { return m_guard.secondsLeft(nowMs); }
    int failures() const { return m_guard.failures(); }

    // A code SurveyService::check or submit refused: a served ticket's code already used, or not
    // yet served, is no guess.
    void refused(SurveyRefusal reason, std::int64_t nowMs) {
        if (reason == SurveyRefusal::UnknownCode) m_guard.recordFailure(nowMs);
    }
    // SurveyService::submit stored an answer with a code: that person was no guesser.
    void answerStored() { m_guard.recordSuccess(); }

private:
    PinGuard m_guard;
};

}  // namespace domain
