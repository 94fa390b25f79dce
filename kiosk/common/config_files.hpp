#pragma once
// Reading the hand-edited files from disk; parsing and checking is the domain's.
#include <string>
#include <vector>

#include "domain/config.hpp"
#include "domain/i18n.hpp"
#include "domain/texts.hpp"

namespace common {

// Throws domain::ConfigError naming the path when the file cannot be read or is wrong.
domain::Config loadConfigFile(const std::string& path);
domain::Texts loadTextsFile(const std::string& path);

// Every language file of an i18n directory (assets/i18n): it.toml first, then en fr es ro sq uk,
// then any other *.toml alphabetically. Throws domain::ConfigError ("DIR/en.toml:12: ...") on a
// file that cannot be read or parsed, or when it.toml is missing.
std::vector<domain::LanguageFile> loadLanguageFiles(const std::string& i18nDir);
// The same files as a catalog, each language completed from Italian.
domain::Catalog loadCatalog(const std::string& i18nDir);

}  // namespace common
