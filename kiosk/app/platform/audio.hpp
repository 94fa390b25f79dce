#pragma once
// Sound output: the hall display's chime and spoken calls, the kiosk's tap click and spoken
// ticket number, queued on the default device.
#include <cstdint>
#include <functional>
#include <string>

#include "speech.hpp"  // Pcm

namespace platform {

// Plays short sounds (the chime, spoken calls) on the default output without blocking the UI.
class AudioOut {
public:
    // Opens the default device (S16 mono 22050 Hz, or what the device prefers); never throws.
    AudioOut();
    ~AudioOut();
    AudioOut(const AudioOut&) = delete;
    AudioOut& operator=(const AudioOut&) = delete;

    // False on a machine without sound: callers stay silent, the UI goes on.
    bool available() const;
    // Why the device is not available; empty when it is.
    const std::string& error() const;
    // Converts to the device format and queues it after whatever is already playing.
    void play(const Pcm& pcm);

private:
    bool m_subsystemUp = false;
    std::uint32_t m_device = 0;  // SDL_AudioDeviceID; 0 = none
    std::uint16_t m_format = 0;  // SDL_AudioFormat the device accepted
    std::uint8_t m_channels = 0;
    int m_rate = 0;
    std::string m_error;
};

// Loads a WAV file (SDL_LoadWAV) into mono S16 Pcm; empty Pcm and an error message if it cannot.
Pcm loadWav(const std::string& path, std::string* error = nullptr);

// Where a sound goes: AudioOut::play in the kiosk, a recorder in tests.
using SoundSink = std::function<void(const Pcm&)>;

// The tap click, made in memory (no asset): 25 ms of a 2 kHz tone, 1 ms attack and a fast
// exponential decay, peak at -14 dBFS: heard at arm's length, not across the waiting room.
Pcm clickSound(int sampleRate = 22050);

// A short soft click each time a finger presses a button of the citizen kiosk ([kiosk]
// click_sound), so a press that registered is heard as well as seen.
class TapClick {
public:
    TapClick(bool enabled, SoundSink sink);
    // Queues the click (SDL copies 1 KB; never waits for the sound). True if a click was asked for.
    bool buttonPressed();
    bool enabled() const { return m_enabled; }

private:
    bool m_enabled;
    SoundSink m_sink;
    Pcm m_click;
};

}  // namespace platform
