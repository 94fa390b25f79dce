// Every text a citizen can read has a glyph in the font atlas the kiosk builds: every language,
// both text sizes (A+ off and on), the real language files and config files. ImGui builds the
// atlas on the CPU, so no window and no GPU are needed.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/i18n.hpp"
#include "kiosk/app/ui/fonts.hpp"
#include "kiosk/app/ui/glyph_texts.hpp"
#include "kiosk/common/config_files.hpp"

namespace {

const std::string kSourceDir = KIOSK_SOURCE_DIR;
const std::string kAssetsDir = kSourceDir + "/assets";

// The atlas lives in the ImGui context's IO, as in the kiosk.
class GlyphTest : public ::testing::Test {
protected:
    void SetUp() override { ImGui::CreateContext(); }
    void TearDown() override { ImGui::DestroyContext(); }
};

struct NamedFont {
    std::string name;  // "large body"
    const ImFont* font;
};

std::vector<NamedFont> textFonts(const ui::FontSet& set) {
    std::vector<NamedFont> fonts;
    for (const auto& [prefix, f] : {std::pair{"", &set.normal}, std::pair{"large ", &set.large}}) {
        fonts.push_back({std::string(prefix) + "small", f->small});
        fonts.push_back({std::string(prefix) + "body", f->body});
        fonts.push_back({std::string(prefix) + "bodyBold", f->bodyBold});
        fonts.push_back({std::string(prefix) + "heading", f->heading});
        fonts.push_back({std::string(prefix) + "display", f->display});
    }
    return fonts;
}

// One line per text and missing character: "uk home.take_ticket: 'Ж' U+0416 (body, large body)".
std::vector<std::string> glyphProblems(const std::vector<NamedFont>& fonts, const std::vector<ui::NamedText>& texts) {
    std::vector<std::string> problems;
    for (const ui::NamedText& t : texts) {
        std::vector<std::pair<char32_t, std::string>> missing;  // character, the fonts that lack it
        for (const NamedFont& f : fonts) {
            for (char32_t c : ui::missingGlyphs(*f.font, t.text)) {
                auto it = std::find_if(missing.begin(), missing.end(), [c](const auto& m) { return m.first == c; });
                if (it == missing.end()) it = missing.insert(missing.end(), {c, ""});
                it->second += (it->second.empty() ? "" : ", ") + f.name;
            }
        }
        for (const auto& [c, where] : missing) {
            problems.push_back(t.language + " " + t.key + ": '" + ui::utf8Of(c) + "' " + ui::codepointName(c) + " (" + where +
                               ")");
        }
    }
    return problems;
}

std::vector<ui::NamedText> catalogTexts(const domain::Catalog& catalog) {
    std::vector<ui::NamedText> texts;
    for (const domain::Language& language : catalog.languages())
        for (const auto& [key, text] : language.texts.all()) texts.push_back({language.code, key, text});
    return texts;
}

// As kiosk/app/main.cpp does for the citizen kiosk at 1920x1080: every language, the config.
ui::FontSet buildLikeTheCitizenKiosk(const domain::Catalog& catalog, const domain::Config& config) {
    ui::FontRequest request;
    request.scale = 1.0f;
    request.ticketPixels = 260.0f;
    std::vector<const domain::Texts*> languages;
    for (const domain::Language& language : catalog.languages()) languages.push_back(&language.texts);
    request.texts = ui::glyphTextsFor(languages, config);
    return ui::loadFontSet(kAssetsDir, request);
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (size_t i = 0; i < lines.size() && i < 40; ++i) out += "\n  " + lines[i];
    if (lines.size() > 40) out += "\n  ... and " + std::to_string(lines.size() - 40) + " more";
    return out;
}

class EveryTextHasGlyphs : public GlyphTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(EveryTextHasGlyphs, inEveryLanguageAtBothSizes) {
    const domain::Catalog catalog = common::loadCatalog(kAssetsDir + "/i18n");
    const domain::Config config = common::loadConfigFile(kSourceDir + "/config/" + GetParam());
    ASSERT_GE(catalog.languages().size(), 7u) << "it en fr es ro sq uk";
    const ui::FontSet set = buildLikeTheCitizenKiosk(catalog, config);

    std::vector<ui::NamedText> texts = catalogTexts(catalog);
    const std::vector<ui::NamedText> fromConfig = ui::configTexts(config);
    texts.insert(texts.end(), fromConfig.begin(), fromConfig.end());
    texts.push_back({"*", "composed characters (numbers, dates, dashes, quotes)", ui::composedCharacters()});
    const std::vector<std::string> problems = glyphProblems(textFonts(set), texts);
    EXPECT_TRUE(problems.empty()) << problems.size() << " characters without a glyph:" << joined(problems);
    RecordProperty("fonts", set.description);
}

TEST_P(EveryTextHasGlyphs, inTicketCodesAndPercentages) {
    const domain::Catalog catalog = common::loadCatalog(kAssetsDir + "/i18n");
    const domain::Config config = common::loadConfigFile(kSourceDir + "/config/" + GetParam());
    const ui::FontSet set = buildLikeTheCitizenKiosk(catalog, config);
    std::vector<ui::NamedText> codes;
    for (const domain::Category& c : config.categories)
        codes.push_back({"*", "ticket code of " + c.id, std::string(1, c.prefix) + "0123456789"});
    codes.push_back({"*", "satisfaction percentage", "100%"});
    const std::vector<std::string> problems = glyphProblems({{"ticket", set.normal.ticket}}, codes);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    EXPECT_EQ(set.large.ticket, set.normal.ticket) << "the ticket number is big already: one face for both sets";
}

INSTANTIATE_TEST_SUITE_P(RealConfigs, EveryTextHasGlyphs, ::testing::Values("gorgonzola.toml", "massa.toml"));

// The staff console and the hall board read Italian: their atlas has the Italian texts only.
TEST_F(GlyphTest, italianOnlySetCoversTheItalianTexts) {
    const domain::Catalog catalog = common::loadCatalog(kAssetsDir + "/i18n");
    const domain::Config config = common::loadConfigFile(kSourceDir + "/config/gorgonzola.toml");
    ui::FontRequest request;
    request.largeFactor = 1.0f;
    request.texts = ui::glyphTextsFor({&catalog.texts("it")}, config);
    const ui::FontSet set = ui::loadFontSet(kAssetsDir, request);
    std::vector<ui::NamedText> texts;
    for (const auto& [key, text] : catalog.texts("it").all()) texts.push_back({"it", key, text});
    EXPECT_TRUE(glyphProblems(textFonts(set), texts).empty());
    EXPECT_EQ(set.large.body, set.normal.body) << "no second set when largeFactor is 1";
}

// The check can fail: an atlas built for Italian lacks the Ukrainian letters, and each one is
// reported with its language, key and code point.
TEST_F(GlyphTest, aCharacterOutsideTheCoveredTextsIsReported) {
    ui::FontRequest request;
    request.texts = {"Prendi il numero"};
    const ui::FontSet set = ui::loadFontSet(kAssetsDir, request);
    const std::vector<std::string> problems =
        glyphProblems(textFonts(set), {{"uk", "home.take_ticket", "Взяти номер"}, {"it", "home.ok", "Perché sì"}});
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems.front().find("uk home.take_ticket: 'В' U+0412 (small, body, bodyBold, heading, display, large small"),
              std::string::npos)
        << problems.front();
    EXPECT_TRUE(std::all_of(problems.begin(), problems.end(), [](const std::string& p) { return p.rfind("uk ", 0) == 0; }))
        << "Italian is covered by the composed Latin-1 set:" << joined(problems);
    // A character no shipped face has at all, and one beyond the 16-bit characters ImGui 1.86 stores.
    EXPECT_EQ(ui::missingGlyphs(*set.normal.body, "中 😀 a"), (std::vector<char32_t>{0x4E2D, 0x1F600}));
}

// Ukrainian letters come from one face (Noto Sans), never half from Titillium: Titillium has no
// Cyrillic, so every Cyrillic glyph must exist and be drawn at a size matched to Titillium's capitals.
TEST_F(GlyphTest, cyrillicCapitalsAreAsTallAsLatinOnes) {
    ui::FontRequest request;
    request.texts = {"HН"};  // Latin H, Cyrillic En
    const ui::FontSet set = ui::loadFontSet(kAssetsDir, request);
    const ImFontGlyph* latin = set.normal.heading->FindGlyphNoFallback('H');
    const ImFontGlyph* cyrillic = set.normal.heading->FindGlyphNoFallback(static_cast<ImWchar>(0x041D));
    ASSERT_NE(latin, nullptr);
    ASSERT_NE(cyrillic, nullptr);
    const float latinHeight = latin->Y1 - latin->Y0, cyrillicHeight = cyrillic->Y1 - cyrillic->Y0;
    EXPECT_NEAR(cyrillicHeight, latinHeight, 2.0f) << "Titillium H " << latinHeight << " px, Noto Sans Н " << cyrillicHeight;
    EXPECT_NE(set.description.find("Cyrillic"), std::string::npos) << set.description;
}

TEST(GlyphTexts, decodesUtf8AndNamesCodePoints) {
    EXPECT_EQ(ui::decodeUtf8("aè–Ж😀"), (std::u32string{U'a', 0xE8, 0x2013, 0x416, 0x1F600}));
    EXPECT_EQ(ui::decodeUtf8("a\xC3"), (std::u32string{U'a', 0xFFFD})) << "a cut sequence";
    EXPECT_EQ(ui::codepointName(0x416), "U+0416");
}

}  // namespace
