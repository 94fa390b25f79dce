#include "domain/pin_guard.hpp"
#include "domain/survey_code_guard.hpp"

#include <gtest/gtest.h>

using domain::PinGuard;

namespace {

// Fails `count` times at `nowMs`, as a person hammering the keypad would.
void failTimes(PinGuard& guard, int count, std::int64_t nowMs) {
    for (int i = 0; i < count; ++i) guard.recordFailure(nowMs);
}

}  // namespace

TEST(PinGuard, theFirstThreeWrongPinsCostNothing) {
    PinGuard guard;
    failTimes(guard, 3, 1'000);
    EXPECT_EQ(guard.failures(), 3);
    EXPECT_FALSE(guard.lockedOut(1'000));
    EXPECT_EQ(guard.secondsLeft(1'000), 0);
}

TEST(PinGuard, eachFurtherWrongPinDoublesTheWaitFromTwoSeconds) {
    PinGuard guard;
    failTimes(guard, 3, 0);
    const int expectedSeconds[] = {2, 4, 8, 16, 32, 64, 128, 256};
    std::int64_t now = 0;
    for (int seconds : expectedSeconds) {
        guard.recordFailure(now);
        EXPECT_EQ(guard.secondsLeft(now), seconds);
        EXPECT_TRUE(guard.lockedOut(now + seconds * 1000 - 1));
        EXPECT_FALSE(guard.lockedOut(now + seconds * 1000));
        now += seconds * 1000;
    }
}

TEST(PinGuard, theWaitNeverExceedsFiveMinutes) {
    PinGuard guard;
    failTimes(guard, 40, 0);
    EXPECT_EQ(guard.secondsLeft(0), 300);
    guard.recordFailure(0);
    EXPECT_EQ(guard.secondsLeft(0), 300);
}

TEST(PinGuard, secondsLeftRoundsUp) {
    PinGuard guard;
    failTimes(guard, 4, 10'000);  // blocked until 12'000
    EXPECT_EQ(guard.secondsLeft(10'001), 2);
    EXPECT_EQ(guard.secondsLeft(11'000), 1);
    EXPECT_EQ(guard.secondsLeft(11'999), 1);
    EXPECT_EQ(guard.secondsLeft(12'000), 0);
}

TEST(PinGuard, aRightPinStartsAfresh) {
    PinGuard guard;
    failTimes(guard, 5, 0);
    guard.recordSuccess();
    EXPECT_EQ(guard.failures(), 0);
    EXPECT_FALSE(guard.lockedOut(0));
    failTimes(guard, 3, 0);
    EXPECT_FALSE(guard.lockedOut(0));
}

// The survey code's slow-down (issue 19): checking one's own code, which the kiosk does before the
// questions, lifts nothing; a stored answer does.
TEST(SurveyCodeGuard, onlyUnknownCodesSlowDownAndOnlyAStoredAnswerLiftsIt) {
    domain::SurveyCodeGuard guard;
    for (int i = 0; i < 3; ++i) guard.refused(domain::SurveyRefusal::UnknownCode, 1'000);
    EXPECT_FALSE(guard.lockedOut(1'000));
    // A served ticket's code already used, or one not yet served, is no guess.
    guard.refused(domain::SurveyRefusal::AlreadyUsed, 1'000);
    guard.refused(domain::SurveyRefusal::NotServed, 1'000);
    EXPECT_FALSE(guard.lockedOut(1'000));
    EXPECT_EQ(guard.failures(), 3);
    // (One's own code checked: nothing to record, and the count stays.)
    guard.refused(domain::SurveyRefusal::UnknownCode, 2'000);
    EXPECT_TRUE(guard.lockedOut(2'000));
    EXPECT_EQ(guard.secondsLeft(2'000), 2);
    guard.refused(domain::SurveyRefusal::UnknownCode, 4'000);
    EXPECT_EQ(guard.secondsLeft(4'000), 4);

    guard.answerStored();
    EXPECT_FALSE(guard.lockedOut(4'000));
    EXPECT_EQ(guard.failures(), 0);
}
