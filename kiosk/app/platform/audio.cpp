#include "audio.hpp"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace platform {

namespace {

constexpr int kPreferredRate = 22050;  // the chime's rate and espeak-ng's: no resampling needed
constexpr Uint16 kBufferFrames = 1024;  // ~46 ms at 22050 Hz: short enough for a prompt start

struct StreamDeleter {
    void operator()(SDL_AudioStream* s) const { SDL_FreeAudioStream(s); }
};
using StreamPtr = std::unique_ptr<SDL_AudioStream, StreamDeleter>;

// Runs bytes through SDL's converter (format, channels, rate) and returns the converted bytes;
// empty if SDL cannot convert.
std::vector<Uint8> convert(const void* data, int bytes, SDL_AudioFormat fromFormat, Uint8 fromChannels,
                           int fromRate, SDL_AudioFormat toFormat, Uint8 toChannels, int toRate) {
    StreamPtr stream(SDL_NewAudioStream(fromFormat, fromChannels, fromRate, toFormat, toChannels, toRate));
    if (!stream || SDL_AudioStreamPut(stream.get(), data, bytes) != 0 ||
        SDL_AudioStreamFlush(stream.get()) != 0)
        return {};
    std::vector<Uint8> out(static_cast<std::size_t>(SDL_AudioStreamAvailable(stream.get())));
    const int got = SDL_AudioStreamGet(stream.get(), out.data(), static_cast<int>(out.size()));
    out.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return out;
}

void setError(std::string* error, const std::string& message) {
    if (error) *error = message;
}

// SDL_LoadWAV's buffer must go back through SDL_FreeWAV, whatever happens after loading.
struct WavDeleter {
    void operator()(Uint8* p) const { SDL_FreeWAV(p); }
};

}  // namespace

AudioOut::AudioOut() {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        m_error = std::string("no audio: ") + SDL_GetError();
        return;
    }
    m_subsystemUp = true;
    SDL_AudioSpec want{};
    want.freq = kPreferredRate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = kBufferFrames;
    want.callback = nullptr;  // SDL_QueueAudio mode: SDL's own thread drains the queue
    SDL_AudioSpec have{};
    m_device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, SDL_AUDIO_ALLOW_ANY_CHANGE);
    if (m_device == 0) {
        m_error = std::string("no audio device: ") + SDL_GetError();
        return;
    }
    m_format = have.format;
    m_channels = have.channels;
    m_rate = have.freq;
    SDL_PauseAudioDevice(m_device, 0);  // devices open paused; an empty queue plays silence
}

AudioOut::~AudioOut() {
    if (m_device != 0) SDL_CloseAudioDevice(m_device);
    // Reference-counted by SDL: the window's video subsystem is not affected.
    if (m_subsystemUp) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool AudioOut::available() const { return m_device != 0; }

const std::string& AudioOut::error() const { return m_error; }

void AudioOut::play(const Pcm& pcm) {
    if (!available() || pcm.samples.empty() || pcm.sampleRate <= 0) return;
    const auto bytes = static_cast<int>(pcm.samples.size() * sizeof(std::int16_t));
    const std::vector<Uint8> converted =
        convert(pcm.samples.data(), bytes, AUDIO_S16SYS, 1, pcm.sampleRate, m_format, m_channels, m_rate);
    if (converted.empty()) return;  // a sound that cannot be converted is skipped, not fatal
    SDL_QueueAudio(m_device, converted.data(), static_cast<Uint32>(converted.size()));
}

Pcm loadWav(const std::string& path, std::string* error) {
    SDL_AudioSpec spec{};
    Uint8* raw = nullptr;
    Uint32 length = 0;
    if (SDL_LoadWAV(path.c_str(), &spec, &raw, &length) == nullptr) {
        setError(error, "cannot load " + path + ": " + SDL_GetError());
        return {};
    }
    const std::unique_ptr<Uint8, WavDeleter> owned(raw);
    const std::vector<Uint8> converted = convert(raw, static_cast<int>(length), spec.format, spec.channels,
                                                 spec.freq, AUDIO_S16SYS, 1, spec.freq);
    if (converted.empty()) {
        setError(error, "cannot convert " + path + ": " + SDL_GetError());
        return {};
    }
    Pcm pcm;
    pcm.sampleRate = spec.freq;
    pcm.samples.resize(converted.size() / sizeof(std::int16_t));
    std::memcpy(pcm.samples.data(), converted.data(), pcm.samples.size() * sizeof(std::int16_t));
    return pcm;
}

namespace {

constexpr double kClickSeconds = 0.025;
constexpr double kClickHz = 2000.0;
constexpr double kClickAttackSeconds = 0.001;
constexpr double kClickDecaySeconds = 0.005;  // e-folding time: down 40 dB by the end
constexpr double kClickPeak = 0.2;           // of full scale, -14 dBFS
constexpr double kTwoPi = 6.283185307179586;

}  // namespace

Pcm clickSound(int sampleRate) {
    Pcm pcm;
    pcm.sampleRate = sampleRate;
    const auto count = static_cast<std::size_t>(kClickSeconds * sampleRate);
    pcm.samples.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double t = static_cast<double>(i) / sampleRate;
        // A ramp up instead of a step: a step is heard as a harsh tick on small speakers.
        const double envelope = std::min(1.0, t / kClickAttackSeconds) * std::exp(-t / kClickDecaySeconds);
        pcm.samples[i] = static_cast<std::int16_t>(std::lround(32767.0 * kClickPeak * envelope * std::sin(kTwoPi * kClickHz * t)));
    }
    return pcm;
}

TapClick::TapClick(bool enabled, SoundSink sink) : m_enabled(enabled && sink), m_sink(std::move(sink)) {
    if (m_enabled) m_click = clickSound();
}

bool TapClick::buttonPressed() {
    if (!m_enabled) return false;
    m_sink(m_click);
    return true;
}

}  // namespace platform
