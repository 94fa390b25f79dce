#include "config_files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
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

std::vector<domain::LanguageFile> loadLanguageFiles(const std::string& i18nDir) {
    namespace fs = std::filesystem;
    std::error_code error;
    std::vector<std::string> codes;
    for (fs::directory_iterator it(i18nDir, error), end; !error && it != end; it.increment(error))
        if (it->path().extension() == ".toml" && it->is_regular_file()) codes.push_back(it->path().stem().string());
    if (error) throw domain::ConfigError(i18nDir + ": cannot list the language files (" + error.message() + ")");
    if (std::find(codes.begin(), codes.end(), domain::kBaseLanguage) == codes.end())
        throw domain::ConfigError(i18nDir + "/it.toml: missing: the Italian texts are required");
    std::vector<domain::LanguageFile> files;
    for (const std::string& code : domain::orderedLanguageCodes(codes)) {
        const std::string path = (fs::path(i18nDir) / (code + ".toml")).string();
        files.push_back({code, path, loadTextsFile(path)});
    }
    return files;
}

domain::Catalog loadCatalog(const std::string& i18nDir) { return domain::Catalog(loadLanguageFiles(i18nDir)); }

}  // namespace common
