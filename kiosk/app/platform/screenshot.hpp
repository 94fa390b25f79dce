#pragma once
// Saving what OpenGL drew to a PNG file: tests, README pictures, support requests.
#include <string>

namespace platform {

// Reads the currently bound framebuffer (w x h) and writes it as PNG; throws on failure.
void savePng(const std::string& path, int width, int height);

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
