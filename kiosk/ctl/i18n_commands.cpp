#include "i18n_commands.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <ostream>

#include "commands.hpp"
#include "domain/config_translations.hpp"
#include "kiosk/common/config_files.hpp"
#include "kiosk/common/paths.hpp"

namespace ctl {
namespace {

std::string selfNameOf(const domain::LanguageFile& file) {
    return file.texts.has("language.name") ? file.texts.get("language.name") : std::string("?");
}

std::size_t citizenKeyCount(const domain::Texts& italian) {
    std::size_t count = 0;
    for (const auto& [key, text] : italian.all())
        if (!domain::isStaffOnlyKey(key)) ++count;
    return count;
}

void listKeys(std::ostream& out, const char* what, const std::vector<std::string>& keys) {
    for (const std::string& key : keys) out << "  " << what << ": " << key << '\n';
}

std::string counted(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "en English: complete" or "fr Français: 2 missing keys, 1 unused key", then one key a line.
void printLanguage(std::ostream& out, const domain::LanguageFile& file, const domain::LanguageCheck& check) {
    out << file.code << ' ' << selfNameOf(file) << ": ";
    std::vector<std::string> parts;
    if (!check.missing.empty()) parts.push_back(counted(check.missing.size(), "missing key", "missing keys"));
    if (!check.wrongPlaceholders.empty())
        parts.push_back(counted(check.wrongPlaceholders.size(), "key with other {placeholders} than Italian",
                                "keys with other {placeholders} than Italian"));
    if (!check.unused.empty()) parts.push_back(counted(check.unused.size(), "unused key", "unused keys"));
    if (parts.empty()) parts.push_back("complete");
    for (std::size_t i = 0; i < parts.size(); ++i) out << (i ? ", " : "") << parts[i];
    out << '\n';
    listKeys(out, "missing", check.missing);
    listKeys(out, "placeholders differ", check.wrongPlaceholders);
    listKeys(out, "unused", check.unused);
}

void printConfig(std::ostream& out, const domain::Config& config) {
    const std::vector<std::string> languages = domain::configTranslationLanguages(config);
    out << "config " << config.sourceName << ": ";
    if (languages.empty()) {
        out << "no translations (categories, cards and survey show in Italian in every language)\n";
        return;
    }
    out << "translations in";
    for (const std::string& code : languages) out << ' ' << code;
    out << '\n';
    for (const std::string& code : languages) {
        const std::vector<std::string> blocks = domain::untranslatedConfigBlocks(config, code);
        out << "  " << code << ": "
            << (blocks.empty() ? "everything translated" : counted(blocks.size(), "block", "blocks") + " shown in Italian")
            << '\n';
        for (const std::string& block : blocks) out << "    " << block << '\n';
    }
}

}  // namespace

CLI::App* addI18nCheckCommand(CLI::App& app, I18nCheckOptions& options) {
    CLI::App* command = app.add_subcommand(
        "i18n-check", "list missing and unused keys of every language file (exit 13 when a citizen key is missing)");
    command->add_option("--dir", options.dir, "the language files (default: the installed assets/i18n)");
    command->add_option("--config", options.configPath, "also list the config's blocks not yet translated");
    return command;
}

int i18nCheck(const std::vector<domain::LanguageFile>& files, const domain::Config* config, std::ostream& out) {
    bool complete = true;
    if (!files.empty())
        out << files.front().code << ' ' << selfNameOf(files.front()) << ": the base, "
            << citizenKeyCount(files.front().texts)
            << " citizen keys (the sections staff read stay Italian: [staff], [satisfaction], [admin])\n";
    const std::vector<domain::LanguageCheck> checks = domain::checkLanguages(files);
    for (std::size_t i = 0; i < checks.size(); ++i) {
        printLanguage(out, files[i + 1], checks[i]);
        complete = complete && checks[i].complete();
    }
    if (config != nullptr) printConfig(out, *config);
    out << (complete ? "all languages complete\n" : "some languages are incomplete: the missing texts show in Italian\n");
    return complete ? kOk : kTranslationsIncomplete;
}

int runI18nCheck(const I18nCheckOptions& options, std::ostream& out, std::ostream& err) {
    try {
        const std::string dir = options.dir.empty() ? common::assetsDir() + "/i18n" : options.dir;
        const std::vector<domain::LanguageFile> files = common::loadLanguageFiles(dir);
        domain::Catalog{files};  // [language] name and voice present in every file
        std::optional<domain::Config> config;
        if (!options.configPath.empty()) config = common::loadConfigFile(options.configPath);
        return i18nCheck(files, config ? &*config : nullptr, out);
    } catch (const domain::ConfigError& e) {
        err << "kioskctl: " << e.what() << '\n';
        return kConfigError;
    }
}

}  // namespace ctl
