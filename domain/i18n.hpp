#pragma once
// The kiosk's languages: one translation table per language (assets/i18n/<code>.toml), Italian
// first and complete; the others fall back to Italian for any key they lack.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "texts.hpp"

namespace domain {

// The languages shipped with the kiosk, in the order the language screen lists them. Config
// translations ([categories.translations.en] ...) may use these codes, Italian excepted.
inline constexpr std::array<std::string_view, 7> kShippedLanguages = {"it", "en", "fr", "es", "ro", "sq", "uk"};
inline constexpr std::string_view kBaseLanguage = "it";

// Sections only staff read (the console, the satisfaction figures, the reserved area): they stay
// Italian, so a translation neither needs them nor should carry them. The one place this rule lives.
inline constexpr std::array<std::string_view, 3> kStaffOnlySections = {"staff", "satisfaction", "admin"};

// Whether a dotted key ("staff.call") belongs to a staff-only section.
bool isStaffOnlyKey(std::string_view key);

struct Language {
    std::string code;      // "en": the file's name without .toml
    std::string selfName;  // "English": the language named in itself, as the language button shows it
    std::string voice;     // espeak-ng voice that reads the ticket number aloud: "en"
    Texts texts;           // every key: those the file lacks are the Italian ones
};

// A language file as read, before any fallback: what i18n-check and the catalog start from.
struct LanguageFile {
    std::string code;
    std::string sourceName;  // the path, for messages
    Texts texts;
};

class Catalog {
public:
    // The first file must be Italian; every other language gets the Italian text for the keys it
    // lacks. Throws ConfigError ("assets/i18n/en.toml:1: ...") when [language] name or voice is
    // missing, or a code repeats.
    explicit Catalog(const std::vector<LanguageFile>& files);

    const std::vector<Language>& languages() const { return m_languages; }  // "it" first
    bool has(std::string_view code) const;
    const Language& language(std::string_view code) const;  // unknown code -> Italian
    const Texts& texts(std::string_view code) const { return language(code).texts; }

private:
    std::vector<Language> m_languages;
};

// What a language file lacks or carries in excess compared with Italian.
struct LanguageCheck {
    std::string code;
    std::vector<std::string> missing;  // citizen keys in Italian but not in the language
    std::vector<std::string> unused;   // keys Italian does not have, or staff-only ones
    // Keys whose {placeholders} differ from the Italian text's: "{n} people" without {n} would
    // show a sentence without its number.
    std::vector<std::string> wrongPlaceholders;
    bool complete() const { return missing.empty() && wrongPlaceholders.empty(); }
};

LanguageCheck checkLanguage(const Texts& italian, const LanguageFile& file);
// One entry per language other than Italian, in the files' order.
std::vector<LanguageCheck> checkLanguages(const std::vector<LanguageFile>& files);

// The order files are loaded in: the shipped languages in kShippedLanguages order, then any
// other code alphabetically. Returns the codes sorted that way.
std::vector<std::string> orderedLanguageCodes(std::vector<std::string> codes);

}  // namespace domain
