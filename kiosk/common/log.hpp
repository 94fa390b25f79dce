#pragma once
// Log lines on stderr with a level, so journald and the service manager can filter them:
//   2026-11-28 09:12:03.250 WARN  kiosk: printing A012 failed: device unplugged
// KIOSK_LOG_LEVEL=debug|info|warn|error sets the threshold (info by default).
#include <cstdarg>

namespace common {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3 };

// printf-style; one call is one line, written with a single write so processes do not interleave.
void logLine(LogLevel level, const char* component, const char* format, ...) __attribute__((format(printf, 3, 4)));

// The threshold read from KIOSK_LOG_LEVEL; exposed for tests.
LogLevel logThreshold();

}  // namespace common
