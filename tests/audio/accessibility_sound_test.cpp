// The citizen kiosk's sounds (issue #9): the tap click, and the ticket number read aloud in the
// citizen's language off the UI thread. No sound card needed: sounds go to recording sinks.
#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <vector>

#include "domain/i18n.hpp"
#include "kiosk/app/platform/audio.hpp"
#include "kiosk/app/platform/speech.hpp"
#include "kiosk/common/config_files.hpp"
#include "pcm_measure.hpp"

namespace {

const std::string kI18n = std::string(KIOSK_SOURCE_DIR) + "/assets/i18n";

int peak(const platform::Pcm& pcm) {
    int p = 0;
    for (auto s : pcm.samples) p = std::max(p, std::abs(static_cast<int>(s)));
    return p;
}

TEST(TapClick, IsShortSoftAndAudible) {
    const platform::Pcm click = platform::clickSound();
    EXPECT_EQ(click.sampleRate, 22050);
    EXPECT_GT(audio_test::seconds(click), 0.01);
    EXPECT_LT(audio_test::seconds(click), 0.05);  // over before the finger lifts
    EXPECT_GT(audio_test::rms(click), 300.0);
    EXPECT_LE(peak(click), 32767 / 4);            // soft: at most -12 dBFS
    // It starts from silence (a ramp, not a step) and dies away before it ends: no pop.
    EXPECT_LT(std::abs(static_cast<int>(click.samples.front())), 100);
    EXPECT_LT(std::abs(static_cast<int>(click.samples.back())), 300);
}

TEST(TapClick, EachPressAsksForOneClickWhenEnabled) {
    std::vector<platform::Pcm> played;
    platform::TapClick click(true, [&](const platform::Pcm& pcm) { played.push_back(pcm); });
    EXPECT_TRUE(click.buttonPressed());
    EXPECT_TRUE(click.buttonPressed());
    ASSERT_EQ(played.size(), 2u);
    EXPECT_EQ(played[0].samples, platform::clickSound().samples);
}

TEST(TapClick, DisabledOrWithoutASinkAsksForNothing) {
    int requests = 0;
    platform::TapClick off(false, [&](const platform::Pcm&) { ++requests; });
    EXPECT_FALSE(off.enabled());
    EXPECT_FALSE(off.buttonPressed());
    EXPECT_EQ(requests, 0);
    platform::TapClick noSink(true, nullptr);
    EXPECT_FALSE(noSink.buttonPressed());
}

TEST(TapClick, PlaysOnTheDummyDriverWithoutWaiting) {
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    platform::AudioOut out;
    ASSERT_TRUE(out.available()) << out.error();
    platform::TapClick click(true, [&](const platform::Pcm& pcm) { out.play(pcm); });
    for (int i = 0; i < 20; ++i) EXPECT_TRUE(click.buttonPressed());
    unsetenv("SDL_AUDIODRIVER");
}

TEST(SpokenCode, SpellsLettersAndDropsLeadingZeros) {
    EXPECT_EQ(platform::spokenCode("N001"), "N 1");
    EXPECT_EQ(platform::spokenCode("A012"), "A 12");
    EXPECT_EQ(platform::spokenCode("D100"), "D 100");
    EXPECT_EQ(platform::spokenCode("M000"), "M 0");
}

// What the listen button says, from the language files a municipal employee edits.
TEST(SpokenTicket, TheSentenceComesFromEachLanguagesTexts) {
    const domain::Catalog catalog = common::loadCatalog(kI18n);
    const auto spoken = [&](const char* language) {
        return catalog.texts(language).format("ticket.spoken", {{"code", platform::spokenCode("N001")}});
    };
    EXPECT_EQ(spoken("it"), "Il tuo numero è N 1");
    EXPECT_EQ(spoken("en"), "Your number is N 1");
    EXPECT_EQ(spoken("ro"), "Numărul dumneavoastră este N 1");
    EXPECT_EQ(spoken("uk"), "Ваш номер N 1");
    // Every language has its own sentence and an espeak-ng voice of its own.
    for (const auto& language : catalog.languages()) {
        EXPECT_FALSE(language.voice.empty()) << language.code;
        if (language.code != "it") {
            EXPECT_NE(language.texts.get("ticket.spoken"), catalog.texts("it").get("ticket.spoken")) << language.code;
        }
    }
}

platform::Pcm speakIn(const domain::Catalog& catalog, const char* language) {
    const domain::Language& lang = catalog.language(language);
    std::string error;
    const std::string text = lang.texts.format("ticket.spoken", {{"code", platform::spokenCode("A012")}});
    platform::Pcm pcm = platform::synthesize(text, lang.voice, &error);
    EXPECT_TRUE(error.empty()) << language << ": " << error;
    std::cout << "[ spoken  ] " << language << " (voice " << lang.voice << "): \"" << text << "\" "
              << audio_test::seconds(pcm) << " s, RMS " << audio_test::rms(pcm) << '\n';
    return pcm;
}

TEST(SpokenTicket, UkrainianAndRomanianVoicesSpeakIt) {
    const domain::Catalog catalog = common::loadCatalog(kI18n);
    for (const char* language : {"uk", "ro"}) {
        const platform::Pcm pcm = speakIn(catalog, language);
        ASSERT_FALSE(pcm.samples.empty()) << language;
        EXPECT_GT(audio_test::seconds(pcm), 0.8) << language;
        EXPECT_GT(audio_test::rms(pcm), 300.0) << language;
    }
}

TEST(SpokenTicket, EveryShippedVoiceExists) {
    const domain::Catalog catalog = common::loadCatalog(kI18n);
    for (const auto& language : catalog.languages()) {
        std::string error;
        const platform::Pcm pcm = platform::synthesize("1 2 3", language.voice, &error);
        EXPECT_FALSE(pcm.samples.empty()) << language.code << ": " << error;
    }
}

TEST(Speech, AMissingVoiceIsAnErrorAndTheNextCallStillWorks) {
    std::string error;
    EXPECT_TRUE(platform::synthesize("uno", "no-such-voice", &error).samples.empty());
    EXPECT_NE(error.find("no-such-voice"), std::string::npos) << error;
    error.clear();
    EXPECT_FALSE(platform::synthesize("uno", "it", &error).samples.empty()) << error;
}

// The worker's sink records what it played and wakes the test: no sleeping, no polling.
class RecordingSink {
public:
    platform::SpeechWorker::Sink sink() {
        return [this](const platform::Pcm& pcm) {
            std::lock_guard lock(m_mutex);
            m_played.push_back(pcm);
            m_changed.notify_all();
        };
    }
    std::vector<platform::Pcm> waitFor(std::size_t count) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_played.size() >= count; });
        return m_played;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<platform::Pcm> m_played;
};

TEST(SpeechWorker, SpeaksOnItsOwnThreadInTheVoiceAsked) {
    RecordingSink recorder;
    platform::SpeechWorker worker(recorder.sink());
    worker.say("Ваш номер A 12", "uk");  // returns at once: synthesis happens on the worker
    const auto played = recorder.waitFor(1);
    ASSERT_EQ(played.size(), 1u);
    EXPECT_GT(audio_test::rms(played[0]), 300.0);
    const platform::Pcm direct = platform::synthesize("Ваш номер A 12", "uk");
    EXPECT_NEAR(static_cast<double>(played[0].samples.size()), static_cast<double>(direct.samples.size()),
                static_cast<double>(direct.samples.size()) / 100);
}

TEST(SpeechWorker, StopsCleanlyWithARequestPending) {
    RecordingSink recorder;
    {
        platform::SpeechWorker worker(recorder.sink());
        worker.say("Numero A 1", "it");
        worker.say("Numero A 2", "it");
    }  // the destructor joins: no crash, no sound after
    SUCCEED();
}

}  // namespace
