#pragma once
// The command-line parser's refusals as kiosk and kioskctl print them. Header only: CLI11 is a
// dependency of the two programs, not of kiosk_common.
#include <CLI/CLI.hpp>

#include <cstring>
#include <string>

#include "domain/shown_text.hpp"

namespace common {

// CLI11's own message ("--now: expected a local time ... : 2026\x1b[2J"), with the argument it
// repeats escaped; the hint line after it is CLI11's, unchanged. Set with App::failure_message.
inline std::string escapedFailureMessage(const CLI::App* app, const CLI::Error& error) {
    const std::string message = CLI::FailureMessage::simple(app, error);
    const std::size_t repeated = std::strlen(error.what());
    return domain::escapedControls(message.substr(0, repeated)) + message.substr(repeated);
}

}  // namespace common
