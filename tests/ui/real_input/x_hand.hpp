#pragma once
// Real input for UI tests: an X server of the test's own (Xvfb), a hand on its pointer through
// the XTest extension (the same events a mouse, or a touchscreen driven as a pointer, sends), and
// pictures of what its screen shows. Nothing here talks to the kiosk: it sees what a person sees.
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

typedef struct _XDisplay Display;

namespace real_input {

struct Rect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int cx() const { return (x0 + x1) / 2; }
    int cy() const { return (y0 + y1) / 2; }
};

// The screen as shown, 0xRRGGBB per pixel.
struct Picture {
    int width = 0, height = 0;
    std::vector<std::uint32_t> pixels;

    std::uint32_t at(int x, int y) const { return pixels[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)]; }
    // The share of the pixels inside `area` (the whole screen without one) that differ from `other`'s.
    double changedShare(const Picture& other, const Rect& area) const;
    double changedShare(const Picture& other) const { return changedShare(other, {0, 0, width, height}); }
    void savePng(const std::string& path) const;
};

// Xvfb on a display number it picks itself, stopped when the object goes away.
class PrivateXServer {
public:
    PrivateXServer(int width, int height);
    ~PrivateXServer();
    PrivateXServer(const PrivateXServer&) = delete;
    PrivateXServer& operator=(const PrivateXServer&) = delete;
    const std::string& display() const { return m_display; }

private:
    pid_t m_pid = -1;
    std::string m_display;
};

// A person's hand on the pointer of one X display.
class Hand {
public:
    explicit Hand(const std::string& display);  // throws when the display or XTest is missing
    ~Hand();
    Hand(const Hand&) = delete;
    Hand& operator=(const Hand&) = delete;

    void moveTo(int x, int y);
    void press();
    void release();
    // Moves there, presses, holds, releases, as a finger or a mouse does; then nothing more.
    void tap(int x, int y, std::chrono::milliseconds hold = std::chrono::milliseconds(120));
    void tap(const Rect& r) { tap(r.cx(), r.cy()); }
    Picture look() const;

private:
    Display* m_display = nullptr;
};

}  // namespace real_input
