#pragma once
// Every string the kiosk may draw, gathered so the font atlas holds exactly the glyphs they use.
#include <string>
#include <string_view>
#include <vector>

#include "domain/config.hpp"
#include "domain/i18n.hpp"
#include "domain/texts.hpp"
#include "fonts.hpp"

namespace ui {

// Characters the program puts together itself rather than reading from a text file: numbers,
// times and dates, ticket codes, "–" between hours, "·" in the footer, "…" after a shortened
// line, "€", "%". ASCII and Latin-1 are all in, so a composed line never meets a missing glyph.
const std::string& composedCharacters();

// One text and where it comes from, so a missing glyph can be traced to the line to fix.
struct NamedText {
    std::string language;  // "it", or the code of a translation in the config
    std::string key;       // "categories.adulti.label", "services.isee.what", "survey.scale_labels[2]"
    std::string text;
};

// The citizen-visible texts of the config, with their translations: office, categories, closures
// and notes, charter cards, rooms, survey questions and labels. Empty ones are left out.
std::vector<NamedText> configTexts(const domain::Config& config);

// Every text of every given language, the config's texts and composedCharacters().
std::vector<std::string> glyphTextsFor(const std::vector<const domain::Texts*>& languages,
                                       const domain::Config& config);

// What the kiosk gives loadFontSet: every language of the catalog (and each language's name in
// itself, for the language button) and the config's texts.
std::vector<std::string> glyphTextsFor(const domain::Catalog& catalog, const domain::Config& config);

// The fonts for a role: an atlas covering the given languages' texts and the config's.
// largeFactor 1 builds no large set (staff console, board).
FontSet loadFontsCovering(const std::string& assetsDir, float scale, const std::vector<const domain::Texts*>& languages,
                          const domain::Config& config, float ticketPixels, float largeFactor);

// The Unicode code points of a UTF-8 text; a malformed byte sequence gives U+FFFD.
std::u32string decodeUtf8(std::string_view text);

// The UTF-8 bytes of one code point.
std::string utf8Of(char32_t c);

// "U+0416" for a code point, as tests and logs name a character.
std::string codepointName(char32_t c);

}  // namespace ui
