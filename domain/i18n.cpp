#include "i18n.hpp"

#include <algorithm>

#include "config.hpp"

namespace domain {
namespace {

std::string sectionOf(std::string_view key) { return std::string(key.substr(0, key.find('.'))); }

// [language] name and voice say how the language is offered; a file without them is not one.
std::string requiredLanguageKey(const LanguageFile& file, std::string_view key, std::string_view example) {
    const std::string full = "language." + std::string(key);
    if (!file.texts.has(full) || file.texts.get(full).empty())
        throw ConfigError(file.sourceName + ":1: missing " + std::string(key) + " in [language] (like " +
                          std::string(example) + ")");
    return file.texts.get(full);
}

Language languageOf(const LanguageFile& file, const Texts& italian) {
    Language language;
    language.code = file.code;
    language.selfName = requiredLanguageKey(file, "name", "name = \"English\"");
    language.voice = requiredLanguageKey(file, "voice", "voice = \"en\"");
    language.texts = file.texts;
    for (const auto& [key, text] : italian.all())
        if (!language.texts.has(key)) language.texts.set(key, text);
    return language;
}

// The names between braces, sorted: "{n} di {total}" -> {"n", "total"}.
std::vector<std::string> placeholdersOf(std::string_view text) {
    std::vector<std::string> names;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) break;
        names.emplace_back(text.substr(open + 1, close - open - 1));
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::size_t shippedRank(std::string_view code) {
    const auto it = std::find(kShippedLanguages.begin(), kShippedLanguages.end(), code);
    return static_cast<std::size_t>(it - kShippedLanguages.begin());
}

}  // namespace

bool isStaffOnlyKey(std::string_view key) {
    const std::string section = sectionOf(key);
    return std::find(kStaffOnlySections.begin(), kStaffOnlySections.end(), section) != kStaffOnlySections.end();
}

Catalog::Catalog(const std::vector<LanguageFile>& files) {
    if (files.empty() || files.front().code != kBaseLanguage)
        throw ConfigError("the Italian texts (it.toml) must come first among the language files");
    const Texts& italian = files.front().texts;
    for (const LanguageFile& file : files) {
        if (has(file.code)) throw ConfigError(file.sourceName + ":1: language \"" + file.code + "\" is loaded twice");
        m_languages.push_back(languageOf(file, italian));
    }
}

bool Catalog::has(std::string_view code) const {
    return std::any_of(m_languages.begin(), m_languages.end(), [code](const Language& l) { return l.code == code; });
}

const Language& Catalog::language(std::string_view code) const {
    const auto it =
        std::find_if(m_languages.begin(), m_languages.end(), [code](const Language& l) { return l.code == code; });
    return it != m_languages.end() ? *it : m_languages.front();
}

LanguageCheck checkLanguage(const Texts& italian, const LanguageFile& file) {
    LanguageCheck check;
    check.code = file.code;
    for (const auto& [key, text] : italian.all())
        if (!isStaffOnlyKey(key) && !file.texts.has(key)) check.missing.push_back(key);
    for (const auto& [key, text] : file.texts.all()) {
        if (isStaffOnlyKey(key) || !italian.has(key))
            check.unused.push_back(key);
        else if (placeholdersOf(text) != placeholdersOf(italian.get(key)))
            check.wrongPlaceholders.push_back(key);
    }
    return check;
}

std::vector<LanguageCheck> checkLanguages(const std::vector<LanguageFile>& files) {
    std::vector<LanguageCheck> checks;
    const auto italian = std::find_if(files.begin(), files.end(),
                                      [](const LanguageFile& f) { return f.code == kBaseLanguage; });
    if (italian == files.end()) return checks;
    for (const LanguageFile& file : files)
        if (file.code != kBaseLanguage) checks.push_back(checkLanguage(italian->texts, file));
    return checks;
}

std::vector<std::string> orderedLanguageCodes(std::vector<std::string> codes) {
    std::sort(codes.begin(), codes.end(), [](const std::string& a, const std::string& b) {
        const std::size_t rankA = shippedRank(a);
        const std::size_t rankB = shippedRank(b);
        return rankA != rankB ? rankA < rankB : a < b;
    });
    return codes;
}

}  // namespace domain
