// doctor's audio and display checks. SDL is opened with dlopen, not linked: kioskctl's other
// commands then start (and its tests run) on machines without SDL or a display, and only
// doctor asks SDL anything. SDL.h gives the types and constants; no SDL symbol is linked.
#include <SDL.h>
#include <dlfcn.h>

#include <cstdlib>
#include <string>

#include "doctor_checks.hpp"

namespace ctl::doctor {
namespace {

// The SDL functions doctor calls, found in the library Debian's libsdl2-2.0-0 installs.
class Sdl {
public:
    Sdl() : m_library(dlopen("libSDL2-2.0.so.0", RTLD_NOW | RTLD_LOCAL)) {
        if (!m_library) return;
        load(init, "SDL_Init");
        load(quitSubSystem, "SDL_QuitSubSystem");
        load(error, "SDL_GetError");
        load(numAudioDevices, "SDL_GetNumAudioDevices");
        load(audioDriver, "SDL_GetCurrentAudioDriver");
        load(numVideoDisplays, "SDL_GetNumVideoDisplays");
        load(videoDriver, "SDL_GetCurrentVideoDriver");
        load(displayBounds, "SDL_GetDisplayBounds");
    }
    ~Sdl() {
        if (m_library) dlclose(m_library);
    }
    Sdl(const Sdl&) = delete;
    Sdl& operator=(const Sdl&) = delete;

    bool loaded() const { return m_library && m_complete; }

    decltype(&SDL_Init) init = nullptr;
    decltype(&SDL_QuitSubSystem) quitSubSystem = nullptr;
    decltype(&SDL_GetError) error = nullptr;
    decltype(&SDL_GetNumAudioDevices) numAudioDevices = nullptr;
    decltype(&SDL_GetCurrentAudioDriver) audioDriver = nullptr;
    decltype(&SDL_GetNumVideoDisplays) numVideoDisplays = nullptr;
    decltype(&SDL_GetCurrentVideoDriver) videoDriver = nullptr;
    decltype(&SDL_GetDisplayBounds) displayBounds = nullptr;

private:
    template <typename Function>
    void load(Function& function, const char* name) {
        function = reinterpret_cast<Function>(dlsym(m_library, name));
        m_complete = m_complete && function != nullptr;
    }

    void* m_library;
    bool m_complete = true;
};

const char* const kSdlMissing = "libSDL2-2.0.so.0 not found (the kiosk needs it too)";
const char* const kSdlFix = "apt-get install libsdl2-2.0-0";

std::string text(const char* value) {
    return value ? value : "?";
}

bool set(const char* variable) {
    const char* value = std::getenv(variable);
    return value && *value;
}

// "1920x1080, 1280x800"
std::string displaySizes(const Sdl& sdl, int count) {
    std::string sizes;
    for (int i = 0; i < count; ++i) {
        SDL_Rect bounds{};
        if (sdl.displayBounds(i, &bounds) != 0) continue;
        sizes += (sizes.empty() ? "" : ", ") + std::to_string(bounds.w) + "x" + std::to_string(bounds.h);
    }
    return sizes;
}

// "DISPLAY=:0" or "WAYLAND_DISPLAY=wayland-0", for messages.
std::string displayVariables() {
    std::string names;
    for (const char* variable : {"WAYLAND_DISPLAY", "DISPLAY"})
        if (set(variable)) names += (names.empty() ? "" : " ") + std::string(variable) + "=" + std::getenv(variable);
    return names;
}

}  // namespace

Check checkAudio() {
    Sdl sdl;
    if (!sdl.loaded()) return {Status::Warn, "audio", kSdlMissing, kSdlFix};
    if (sdl.init(SDL_INIT_AUDIO) != 0)
        return {Status::Warn, "audio", "no sound system: " + text(sdl.error()) + "; calls are shown but not heard",
                "run doctor in the kiosk's session (PipeWire/PulseAudio), or check the sound card with aplay -l"};
    const int devices = sdl.numAudioDevices(0);
    const std::string driver = text(sdl.audioDriver());
    sdl.quitSubSystem(SDL_INIT_AUDIO);
    if (devices == 0)
        return {Status::Warn, "audio", "driver " + driver + " sees no output device: calls are shown but not heard",
                "connect the speakers, unmute them (alsamixer), or run doctor in the kiosk's session"};
    if (devices < 0)
        return {Status::Ok, "audio", "driver " + driver + " (it does not list devices: the default one is used)", ""};
    return {Status::Ok, "audio", std::to_string(devices) + " output device(s), driver " + driver, ""};
}

Check checkDisplays(int expectDisplays) {
    if (!set("DISPLAY") && !set("WAYLAND_DISPLAY"))
        return {Status::Warn, "displays",
                "no display server (DISPLAY/WAYLAND_DISPLAY unset): run doctor in the kiosk's session to check the "
                "monitors",
                ""};
    Sdl sdl;
    if (!sdl.loaded()) return {Status::Fail, "displays", kSdlMissing, kSdlFix};
    if (sdl.init(SDL_INIT_VIDEO) != 0)
        return {Status::Fail, "displays",
                "cannot open the display server named by " + displayVariables() + ": " + text(sdl.error()),
                "check that the session (cage, X) is running and DISPLAY/WAYLAND_DISPLAY name it"};
    const int count = sdl.numVideoDisplays();
    const std::string driver = text(sdl.videoDriver());
    const std::string sizes = count > 0 ? displaySizes(sdl, count) : std::string();
    sdl.quitSubSystem(SDL_INIT_VIDEO);
    // With no display server to talk to, SDL falls back to drawing into memory: that is no monitor.
    if (driver == "offscreen" || driver == "dummy")
        return {Status::Fail, "displays", "cannot open the display server named by " + displayVariables(),
                "check that the session (cage, X) is running and DISPLAY/WAYLAND_DISPLAY name it"};
    const std::string seen = std::to_string(count) + " seen (" + driver + (sizes.empty() ? "" : ": " + sizes) + ")";
    if (count < 1) return {Status::Fail, "displays", "none seen (" + driver + ")", "connect and switch on the monitor"};
    if (count < expectDisplays)
        return {Status::Warn, "displays", seen + ", the roles need " + std::to_string(expectDisplays),
                "connect and switch on the other monitors (touchscreen, hall board, staff)"};
    return {Status::Ok, "displays", seen, ""};
}

}  // namespace ctl::doctor
