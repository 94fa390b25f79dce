#include "config_files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace common {
namespace {

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw domain::ConfigError(path + ": cannot read the file (" + std::strerror(errno) + ")");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

domain::Config loadConfigFile(const std::string& path) { return domain::parseConfig(readWholeFile(path), path); }

domain::Texts loadTextsFile(const std::string& path) { return domain::parseTexts(readWholeFile(path), path); }

}  // namespace common
