#pragma once
// Spoken calls for the hall display: Italian text-to-speech into memory (espeak-ng).
#include <cstdint>
#include <string>
#include <vector>

namespace platform {

// Mono 16-bit sound in memory: what speech produces, what loadWav returns, what AudioOut plays.
struct Pcm {
    std::vector<std::int16_t> samples;
    int sampleRate = 0;
};

// Synthesises Italian speech into memory with espeak-ng (no audio device needed). Empty Pcm with
// an error message in `error` if espeak-ng or its Italian voice is missing. Thread-safe (calls are
// serialised); it takes a noticeable fraction of a second, so keep it off the UI thread if possible.
Pcm synthesizeItalian(const std::string& text, std::string* error = nullptr);

// "Numero A 12, stanza 2" from a ticket code "A012" and a room "Stanza 2": letters spelled, leading
// zeros dropped.
std::string callAnnouncement(const std::string& code, const std::string& room);

}  // namespace platform
