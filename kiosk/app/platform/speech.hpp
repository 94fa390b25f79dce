#pragma once
// Speech into memory with espeak-ng: the hall display's calls (Italian) and the ticket number the
// kiosk reads aloud on request, in the citizen's language.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace platform {

// Mono 16-bit sound in memory: what speech produces, what loadWav returns, what AudioOut plays.
struct Pcm {
    std::vector<std::int16_t> samples;
    int sampleRate = 0;
};

// Synthesises speech into memory with espeak-ng in a voice ("it", "en", "uk": espeak-ng --voices),
// no audio device needed. Empty Pcm with an error message in `error` if espeak-ng or the voice is
// missing. Thread-safe (calls are serialised); it takes a noticeable fraction of a second, so keep
// it off the UI thread (SpeechWorker).
Pcm synthesize(const std::string& text, const std::string& voice, std::string* error = nullptr);
Pcm synthesizeItalian(const std::string& text, std::string* error = nullptr);

// How a ticket code is read: "A012" -> "A 12", letters spelled one by one, leading zeros dropped.
std::string spokenCode(const std::string& code);

// "Numero A 12, stanza 2" from a ticket code "A012" and a room "Stanza 2": letters spelled, leading
// zeros dropped.
std::string callAnnouncement(const std::string& code, const std::string& room);

// Speaks on a thread of its own: the UI asks and goes on drawing. One request at a time; a request
// made while another waits replaces it (a citizen tapping "listen" three times hears it once more,
// not three times). The sound goes to `play` (AudioOut::play) from the worker thread.
class SpeechWorker {
public:
    using Sink = std::function<void(const Pcm&)>;
    explicit SpeechWorker(Sink play);
    ~SpeechWorker();
    SpeechWorker(const SpeechWorker&) = delete;
    SpeechWorker& operator=(const SpeechWorker&) = delete;

    void say(const std::string& text, const std::string& voice);

private:
    struct Request {
        std::string text, voice;
    };
    void run();

    Sink m_play;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Request> m_pending;
    bool m_stop = false;
    std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace platform
