#pragma once
// Saving what OpenGL drew to a PNG file: tests, README pictures, support requests.
#include <string>
#include <vector>

namespace platform {

// Reads the currently bound framebuffer (w x h) and writes it as PNG; throws on failure.
void savePng(const std::string& path, int width, int height);
// A copy of a frame taken just before it is presented, kept until the next one: after the swap
// the window's buffers no longer hold it (Mesa's front buffer reads back black on Xvfb), yet a
// UI script's screenshot must show what is on screen, never a frame drawn for the occasion.
class PresentedPicture {
public:
    void capture(int width, int height);  // reads the back buffer, before the swap
    void savePng(const std::string& path) const;  // throws when nothing was captured or on failure

private:
    int m_width = 0, m_height = 0;
    std::vector<unsigned char> m_rgba;
};

// An off-screen framebuffer to render one frame into when no window is shown.
class OffscreenTarget {
public:
    OffscreenTarget(int width, int height);
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

private:
    unsigned m_fbo = 0;
    unsigned m_color = 0;
};

}  // namespace platform
