#include "kiosk/app/platform/audio.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "pcm_measure.hpp"

namespace {

const std::string kChime = std::string(KIOSK_SOURCE_DIR) + "/assets/sounds/chime.wav";

TEST(LoadWav, ChimeIsAudibleAndLongEnough) {
    std::string error;
    const platform::Pcm pcm = platform::loadWav(kChime, &error);
    ASSERT_FALSE(pcm.samples.empty()) << error;
    EXPECT_EQ(pcm.sampleRate, 22050);
    EXPECT_GT(audio_test::seconds(pcm), 0.3);
    EXPECT_GT(audio_test::rms(pcm), 300.0);
}

TEST(LoadWav, MissingFileGivesEmptyPcmAndNamesThePath) {
    const std::string path = std::string(KIOSK_SOURCE_DIR) + "/assets/sounds/no-such-sound.wav";
    std::string error;
    const platform::Pcm pcm = platform::loadWav(path, &error);
    EXPECT_TRUE(pcm.samples.empty());
    EXPECT_EQ(pcm.sampleRate, 0);
    EXPECT_NE(error.find(path), std::string::npos) << error;
}

TEST(AudioOut, PlaysOnTheDummyDriver) {
    // The dummy driver accepts and discards audio: the same path as a real card, no hardware.
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    platform::AudioOut out;
    ASSERT_TRUE(out.available()) << out.error();
    EXPECT_TRUE(out.error().empty());
    out.play(platform::loadWav(kChime));
    out.play(platform::Pcm{{0, 1000, -1000, 0}, 16000});  // another rate: converted, appended
    out.play(platform::Pcm{});                             // nothing to play: ignored
    unsetenv("SDL_AUDIODRIVER");
}

TEST(AudioOut, SecondInstanceAfterTheFirstIsClosed) {
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    { platform::AudioOut first; }
    platform::AudioOut second;
    EXPECT_TRUE(second.available()) << second.error();
    unsetenv("SDL_AUDIODRIVER");
}

}  // namespace
