#pragma once
// Sound output for the hall display: the chime and the spoken calls, queued on the default device.
#include <cstdint>
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

}  // namespace platform
