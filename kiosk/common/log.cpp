#include "log.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

namespace common {

namespace {

const char* levelName(LogLevel level) {
    switch (level) {
        case LogLevel::Debug: return "DEBUG";
        case LogLevel::Info: return "INFO ";
        case LogLevel::Warn: return "WARN ";
        case LogLevel::Error: return "ERROR";
    }
    return "?";
}

LogLevel parseLevel(const char* text) {
    if (!text) return LogLevel::Info;
    if (std::strcmp(text, "debug") == 0) return LogLevel::Debug;
    if (std::strcmp(text, "warn") == 0) return LogLevel::Warn;
    if (std::strcmp(text, "error") == 0) return LogLevel::Error;
    return LogLevel::Info;
}

}  // namespace

LogLevel logThreshold() {
    static const LogLevel threshold = parseLevel(std::getenv("KIOSK_LOG_LEVEL"));
    return threshold;
}

void logLine(LogLevel level, const char* component, const char* format, ...) {
    if (level < logThreshold()) return;
    // Milliseconds: the measuring command reads how fast a change reaches another screen.
    char stamp[40] = "";
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    std::tm local{};
    if (localtime_r(&now.tv_sec, &local)) {
        std::size_t used = std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &local);
        std::snprintf(stamp + used, sizeof stamp - used, ".%03ld", now.tv_nsec / 1000000);
    }
    char message[2048];
    va_list args;
    va_start(args, format);
    std::vsnprintf(message, sizeof message, format, args);
    va_end(args);
    std::string line = std::string(stamp) + " " + levelName(level) + " " + component + ": " + message + "\n";
    // One write per line: the kiosk, the staff console and kioskctl may share one journal.
    ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
    (void)ignored;
}

}  // namespace common
