#define GL_GLEXT_PROTOTYPES
#include "screenshot.hpp"

#include <GL/gl.h>
#include <GL/glext.h>
#include <stb_image_write.h>

#include <stdexcept>
#include <vector>

namespace platform {

namespace {

std::vector<unsigned char> readPixels(int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    for (auto i = 3u; i < pixels.size(); i += 4) pixels[i] = 255;  // the screen has no transparency
    return pixels;
}

void writePng(const std::string& path, int width, int height, const std::vector<unsigned char>& pixels) {
    // OpenGL's rows start at the bottom; PNG's at the top.
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4))
        throw std::runtime_error("cannot write screenshot " + path);
}

}  // namespace

void savePng(const std::string& path, int width, int height) { writePng(path, width, height, readPixels(width, height)); }

void PresentedPicture::capture(int width, int height) {
    m_width = width;
    m_height = height;
    m_rgba = readPixels(width, height);
}

void PresentedPicture::savePng(const std::string& path) const {
    if (m_rgba.empty()) throw std::runtime_error("cannot write screenshot " + path + ": nothing shown yet");
    writePng(path, m_width, m_height, m_rgba);
}

OffscreenTarget::OffscreenTarget(int width, int height) {
    glGenTextures(1, &m_color);
    glBindTexture(GL_TEXTURE_2D, m_color);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &m_fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_color, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw std::runtime_error("cannot create an off-screen framebuffer");
}

OffscreenTarget::~OffscreenTarget() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &m_fbo);
    glDeleteTextures(1, &m_color);
}

}  // namespace platform
