#pragma once
// Reading the hand-edited files from disk; parsing and checking is the domain's.
#include <string>

#include "domain/config.hpp"
#include "domain/texts.hpp"

namespace common {

// Throws domain::ConfigError naming the path when the file cannot be read or is wrong.
domain::Config loadConfigFile(const std::string& path);
domain::Texts loadTextsFile(const std::string& path);

}  // namespace common
