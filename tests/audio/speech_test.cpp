#include "kiosk/app/platform/speech.hpp"

#include <gtest/gtest.h>

#include <iostream>

#include "pcm_measure.hpp"

namespace {

TEST(CallAnnouncement, SpellsLettersAndDropsLeadingZeros) {
    EXPECT_EQ(platform::callAnnouncement("A012", "Stanza 2"), "Numero A 12, stanza 2");
    EXPECT_EQ(platform::callAnnouncement("M100", "Stanza 1"), "Numero M 100, stanza 1");
    EXPECT_EQ(platform::callAnnouncement("B000", "Stanza 3"), "Numero B 0, stanza 3");
    EXPECT_EQ(platform::callAnnouncement("ab7", "Sportello"), "Numero A B 7, sportello");
}

TEST(CallAnnouncement, LeavesOutAnEmptyRoom) {
    EXPECT_EQ(platform::callAnnouncement("A012", ""), "Numero A 12");
}

// Required by the project: the spoken call is synthesised to a buffer and is not silence.
TEST(Speech, SpokenCallIsSynthesisedAndNotSilent) {
    std::string error;
    const platform::Pcm pcm =
        platform::synthesizeItalian(platform::callAnnouncement("A012", "Stanza 2"), &error);
    ASSERT_FALSE(pcm.samples.empty()) << error;
    EXPECT_GT(pcm.sampleRate, 0);
    EXPECT_GT(audio_test::seconds(pcm), 0.5);
    EXPECT_GT(audio_test::rms(pcm), 300.0);
    std::cout << "[ spoken  ] " << audio_test::seconds(pcm) << " s, RMS " << audio_test::rms(pcm) << '\n';
}

TEST(Speech, RepeatedCallsGiveTheSameSpeech) {
    const platform::Pcm a = platform::synthesizeItalian("Numero C 5, stanza 1");
    const platform::Pcm b = platform::synthesizeItalian("Numero C 5, stanza 1");
    ASSERT_FALSE(a.samples.empty());
    // Not bit-identical (espeak-ng's output varies by a sample or so between runs), but one call's
    // samples must not leak into the next.
    const auto tolerance = static_cast<double>(a.samples.size()) / 100;
    EXPECT_NEAR(static_cast<double>(b.samples.size()), static_cast<double>(a.samples.size()), tolerance);
}

TEST(Speech, EmptyTextGivesNoError) {
    std::string error;
    const platform::Pcm pcm = platform::synthesizeItalian("", &error);
    EXPECT_TRUE(error.empty()) << error;
    EXPECT_LT(audio_test::seconds(pcm), 0.5);
}

}  // namespace
