#pragma once
// kioskctl i18n-check: what each language file lacks or carries in excess, and which config blocks
// are still untranslated in the languages the config translates.
#include <iosfwd>
#include <string>
#include <vector>

#include "domain/config.hpp"
#include "domain/i18n.hpp"

namespace CLI {
class App;
}

namespace ctl {

struct I18nCheckOptions {
    std::string dir;         // the language files; empty: the installed assets/i18n
    std::string configPath;  // optional: also list the config's missing translations
};

// Registers "i18n-check [--dir DIR] [--config FILE]".
CLI::App* addI18nCheckCommand(CLI::App& app, I18nCheckOptions& options);

// Prints, per language, the missing citizen keys, the keys with other {placeholders} than the
// Italian text, and the unused ones; with a config, the blocks not yet translated into each
// language it translates (for information: they show in Italian). kOk when every language has
// every citizen key with the right placeholders, kTranslationsIncomplete otherwise.
int i18nCheck(const std::vector<domain::LanguageFile>& files, const domain::Config* config, std::ostream& out);

// Loads the files (and the config) the options name and runs i18nCheck; file errors: kConfigError.
int runI18nCheck(const I18nCheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ctl
