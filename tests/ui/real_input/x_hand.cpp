#include "x_hand.hpp"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <poll.h>
#include <signal.h>
#include <stb_image_write.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace real_input {

double Picture::changedShare(const Picture& other, const Rect& area) const {
    if (other.width != width || other.height != height) return 1.0;
    long changed = 0, all = 0;
    for (int y = std::max(0, area.y0); y < std::min(height, area.y1); ++y)
        for (int x = std::max(0, area.x0); x < std::min(width, area.x1); ++x) {
            ++all;
            if (at(x, y) != other.at(x, y)) ++changed;
        }
    return all == 0 ? 0.0 : static_cast<double>(changed) / static_cast<double>(all);
}

void Picture::savePng(const std::string& path) const {
    std::vector<unsigned char> rgb;
    rgb.reserve(pixels.size() * 3);
    for (std::uint32_t p : pixels) {
        rgb.push_back(static_cast<unsigned char>(p >> 16));
        rgb.push_back(static_cast<unsigned char>(p >> 8));
        rgb.push_back(static_cast<unsigned char>(p));
    }
    stbi_flip_vertically_on_write(0);
    if (!stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3))
        throw std::runtime_error("cannot write " + path);
}

namespace {

// The display number Xvfb writes on -displayfd once it accepts connections.
std::string readDisplayNumber(int fd) {
    std::string number;
    pollfd p{fd, POLLIN, 0};
    char c = 0;
    while (poll(&p, 1, 10000) > 0 && read(fd, &c, 1) == 1 && c != '\n') number += c;
    return number;
}

}  // namespace

PrivateXServer::PrivateXServer(int width, int height) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    const std::string fd = std::to_string(fds[1]);
    m_pid = fork();
    if (m_pid == 0) {
        close(fds[0]);
        execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp", "-noreset",
               static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    const std::string number = readDisplayNumber(fds[0]);
    close(fds[0]);
    if (number.empty()) throw std::runtime_error("Xvfb did not start (apt-get install xvfb)");
    m_display = ":" + number;
}

PrivateXServer::~PrivateXServer() {
    if (m_pid <= 0) return;
    kill(m_pid, SIGTERM);
    waitpid(m_pid, nullptr, 0);
}

Hand::Hand(const std::string& display) {
    m_display = XOpenDisplay(display.c_str());
    if (!m_display) throw std::runtime_error("cannot open X display " + display);
    int event = 0, error = 0, major = 0, minor = 0;
    if (!XTestQueryExtension(m_display, &event, &error, &major, &minor)) {
        XCloseDisplay(m_display);
        throw std::runtime_error("X display " + display + " has no XTest extension");
    }
}

Hand::~Hand() { XCloseDisplay(m_display); }

void Hand::moveTo(int x, int y) {
    XTestFakeMotionEvent(m_display, -1, x, y, CurrentTime);
    XSync(m_display, False);
}

void Hand::press() {
    XTestFakeButtonEvent(m_display, 1, True, CurrentTime);
    XSync(m_display, False);
}

void Hand::release() {
    XTestFakeButtonEvent(m_display, 1, False, CurrentTime);
    XSync(m_display, False);
}

void Hand::tap(int x, int y, std::chrono::milliseconds hold) {
    moveTo(x, y);
    press();
    std::this_thread::sleep_for(hold);  // how long a finger stays on the glass, not a wait for the kiosk
    release();
}

Picture Hand::look() const {
    Window root = DefaultRootWindow(m_display);
    XWindowAttributes attributes;
    XGetWindowAttributes(m_display, root, &attributes);
    XImage* image = XGetImage(m_display, root, 0, 0, static_cast<unsigned>(attributes.width),
                              static_cast<unsigned>(attributes.height), AllPlanes, ZPixmap);
    if (!image) throw std::runtime_error("cannot read the X screen");
    Picture picture;
    picture.width = attributes.width;
    picture.height = attributes.height;
    picture.pixels.resize(static_cast<size_t>(picture.width) * static_cast<size_t>(picture.height));
    for (int y = 0; y < picture.height; ++y)
        for (int x = 0; x < picture.width; ++x)
            picture.pixels[static_cast<size_t>(y) * static_cast<size_t>(picture.width) + static_cast<size_t>(x)] =
                static_cast<std::uint32_t>(XGetPixel(image, x, y) & 0xFFFFFF);
    XDestroyImage(image);
    return picture;
}

}  // namespace real_input
