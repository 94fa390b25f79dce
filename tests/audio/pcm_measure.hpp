#pragma once
// What the sound tests measure on a Pcm: how long it lasts and how loud it is.
#include <cmath>

#include "kiosk/app/platform/speech.hpp"

namespace audio_test {

inline double seconds(const platform::Pcm& pcm) {
    return pcm.sampleRate > 0 ? static_cast<double>(pcm.samples.size()) / pcm.sampleRate : 0.0;
}

// Root mean square on the int16 scale: silence is ~0, a normal voice several thousand.
inline double rms(const platform::Pcm& pcm) {
    if (pcm.samples.empty()) return 0.0;
    double sum = 0.0;
    for (auto s : pcm.samples) sum += static_cast<double>(s) * s;
    return std::sqrt(sum / static_cast<double>(pcm.samples.size()));
}

}  // namespace audio_test
