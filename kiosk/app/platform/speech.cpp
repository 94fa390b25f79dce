#include "speech.hpp"

#include <espeak-ng/speak_lib.h>

#include <cstring>
#include <mutex>

#include "kiosk/common/log.hpp"

namespace platform {

namespace {

// espeak-ng keeps one global engine: every use goes through this state under its mutex.
struct Engine {
    std::mutex mutex;
    bool tried = false;
    int sampleRate = 0;  // 0 when the engine is unavailable
    std::string error;
    std::string voice;   // the voice set last; "" before the first
};

Engine& engine() {
    static Engine e;
    return e;
}

// Announcements are for a hall of waiting people, many of them elderly: a little slower than
// espeak's default 175 words per minute is easier to follow.
constexpr int kAnnouncementRate = 150;

// Called (synchronously, from espeak_Synth) with each chunk of samples; a null chunk marks the end.
int collectSamples(short* wav, int count, espeak_EVENT* events) {
    if (wav == nullptr || count <= 0 || events == nullptr) return 0;
    auto* out = static_cast<std::vector<std::int16_t>*>(events->user_data);
    out->insert(out->end(), wav, wav + count);
    return 0;  // 0 = keep going
}

// Starts espeak-ng once. DONT_EXIT matters: without it espeak-ng calls exit() when its data is
// missing, which would take the whole kiosk down instead of just leaving it silent.
void initialiseLocked(Engine& e) {
    e.tried = true;
    const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        e.error = "espeak-ng cannot start (is espeak-ng-data installed?)";
        return;
    }
    espeak_SetSynthCallback(collectSamples);
    e.sampleRate = rate;
}

// Switching voices costs a file read: only when the language changes.
bool useVoiceLocked(Engine& e, const std::string& voice, std::string* error) {
    if (voice == e.voice) return true;
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) {
        e.voice.clear();  // espeak-ng may have half switched: set it again next time
        if (error) *error = "espeak-ng has no voice \"" + voice + "\"";
        return false;
    }
    espeak_SetParameter(espeakRATE, kAnnouncementRate, 0);
    e.voice = voice;
    return true;
}

void setError(std::string* error, const std::string& message) {
    if (error) *error = message;
}

bool isAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
char toAsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
char toAsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

void appendWord(std::string& out, const std::string& word) {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += word;
}

// "012" -> "12", "000" -> "0": the voice should say "dodici", not "zero dodici".
std::string withoutLeadingZeros(const std::string& digits) {
    const auto first = digits.find_first_not_of('0');
    return first == std::string::npos ? "0" : digits.substr(first);
}

}  // namespace

// "A012" -> "A 12": each letter on its own so it is spelled, each run of digits as one number.
std::string spokenCode(const std::string& code) {
    std::string out;
    for (std::size_t i = 0; i < code.size();) {
        if (isAsciiDigit(code[i])) {
            std::size_t end = i;
            while (end < code.size() && isAsciiDigit(code[end])) ++end;
            appendWord(out, withoutLeadingZeros(code.substr(i, end - i)));
            i = end;
        } else {
            if (isAsciiLetter(code[i])) appendWord(out, std::string(1, toAsciiUpper(code[i])));
            ++i;  // separators such as '-' are not read out
        }
    }
    return out;
}

namespace {

// The room follows a comma, mid-sentence: "Stanza 2" -> "stanza 2".
std::string spokenRoom(std::string room) {
    if (!room.empty()) room[0] = toAsciiLower(room[0]);
    return room;
}

}  // namespace

Pcm synthesize(const std::string& text, const std::string& voice, std::string* error) {
    Engine& e = engine();
    std::lock_guard lock(e.mutex);
    if (!e.tried) initialiseLocked(e);
    if (e.sampleRate <= 0) {
        setError(error, e.error);
        return {};
    }
    if (!useVoiceLocked(e, voice, error)) return {};
    Pcm pcm;
    const espeak_ERROR rc = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                         espeakCHARS_UTF8, nullptr, &pcm.samples);
    espeak_Synchronize();
    if (rc != EE_OK) {
        setError(error, "espeak-ng could not synthesise the text");
        return {};
    }
    pcm.sampleRate = e.sampleRate;
    return pcm;
}

Pcm synthesizeItalian(const std::string& text, std::string* error) { return synthesize(text, "it", error); }

std::string callAnnouncement(const std::string& code, const std::string& room) {
    std::string out = "Numero";
    appendWord(out, spokenCode(code));
    if (!room.empty()) out += ", " + spokenRoom(room);
    return out;
}

SpeechWorker::SpeechWorker(Sink play) : m_play(std::move(play)), m_thread([this] { run(); }) {}

SpeechWorker::~SpeechWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_pending.reset();  // nobody is left to hear it
    }
    m_wake.notify_one();
    m_thread.join();
}

void SpeechWorker::say(const std::string& text, const std::string& voice) {
    {
        std::lock_guard lock(m_mutex);
        m_pending = Request{text, voice};
    }
    m_wake.notify_one();
}

void SpeechWorker::run() {
    for (;;) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_pending.has_value(); });
            if (m_stop) return;
            request = std::move(*m_pending);
            m_pending.reset();
        }
        std::string error;
        Pcm pcm = synthesize(request.text, request.voice, &error);
        if (pcm.samples.empty()) {
            common::logLine(common::LogLevel::Warn, "kiosk", "cannot speak \"%s\": %s", request.text.c_str(),
                            error.c_str());
            continue;
        }
        if (m_play) m_play(pcm);
    }
}

}  // namespace platform
