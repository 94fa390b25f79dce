// WCAG 2.x contrast of every text/background pair the screens draw (ui::colorPairs), in every
// theme config [kiosk] theme accepts: 4.5:1 for normal text, 3:1 for large text and meaningful
// graphics; the high-contrast theme reaches AAA (7:1) for all text.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>

#include "domain/config.hpp"
#include "kiosk/app/ui/theme.hpp"

namespace {

constexpr ImU32 kBlack = IM_COL32(0x00, 0x00, 0x00, 0xFF);
constexpr ImU32 kWhite = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);

ImU32 gray(unsigned level) { return IM_COL32(level, level, level, 0xFF); }

std::string pairFailures(const ui::Palette& palette, double atLeastForText = 0) {
    std::string failures;
    for (const ui::ColorPair& pair : ui::colorPairs()) {
        double required = ui::requiredRatio(pair.use);
        if (pair.use != ui::PairUse::Graphic && atLeastForText > required) required = atLeastForText;
        const double ratio = ui::contrastRatio(pair.foreground(palette), pair.background(palette));
        if (ratio < required) {
            char line[160];
            std::snprintf(line, sizeof line, "%s: %.2f:1, needs %.1f:1\n", pair.name, ratio, required);
            failures += line;
        }
    }
    return failures;
}

TEST(ContrastRatio, BlackOnWhiteIs21AndAColourOnItselfIs1) {
    EXPECT_NEAR(ui::contrastRatio(kBlack, kWhite), 21.0, 1e-9);
    EXPECT_NEAR(ui::contrastRatio(kWhite, kBlack), 21.0, 1e-9);
    EXPECT_NEAR(ui::contrastRatio(IM_COL32(0x00, 0x66, 0xCC, 0xFF), IM_COL32(0x00, 0x66, 0xCC, 0xFF)), 1.0, 1e-9);
}

// The published borderline greys on white: #767676 is the lightest that passes AA (4.54:1),
// #777777 just fails it (4.48:1).
TEST(ContrastRatio, MatchesThePublishedBorderlineGreys) {
    EXPECT_NEAR(ui::contrastRatio(gray(0x76), kWhite), 4.54, 0.005);
    EXPECT_NEAR(ui::contrastRatio(gray(0x77), kWhite), 4.48, 0.005);
    EXPECT_NEAR(ui::relativeLuminance(kWhite), 1.0, 1e-12);
    EXPECT_NEAR(ui::relativeLuminance(kBlack), 0.0, 1e-12);
    // Pure green weighs most in luminance, blue least (0.7152 and 0.0722).
    EXPECT_NEAR(ui::relativeLuminance(IM_COL32(0, 0xFF, 0, 0xFF)), 0.7152, 1e-12);
    EXPECT_NEAR(ui::relativeLuminance(IM_COL32(0, 0, 0xFF, 0xFF)), 0.0722, 1e-12);
    // Alpha is not a colour: the ratio is of the RGB.
    EXPECT_NEAR(ui::contrastRatio(IM_COL32(0, 0, 0, 0x10), kWhite), 21.0, 1e-9);
}

TEST(ContrastPairs, EveryConfigThemeHasAPaletteAndOthersHaveNone) {
    for (std::string_view name : domain::kKioskThemes) EXPECT_TRUE(ui::paletteNamed(name).has_value()) << name;
    ASSERT_EQ(ui::kThemeNames.size(), domain::kKioskThemes.size());
    for (std::size_t i = 0; i < ui::kThemeNames.size(); ++i) EXPECT_EQ(ui::kThemeNames[i], domain::kKioskThemes[i]);
    EXPECT_FALSE(ui::paletteNamed("dark").has_value());
    EXPECT_FALSE(ui::paletteNamed("").has_value());
    // The themes really differ: high contrast is not the standard palette under another name.
    EXPECT_NE(ui::paletteNamed("high-contrast")->background, ui::paletteNamed("standard")->background);
}

TEST(ContrastPairs, TheTableNamesEachPairOnce) {
    std::set<std::string> names;
    for (const ui::ColorPair& pair : ui::colorPairs()) EXPECT_TRUE(names.insert(pair.name).second) << pair.name;
    EXPECT_GE(names.size(), 20u);
}

// The figures of the report: every pair in every theme.
TEST(ContrastPairs, EveryPairPassesWcagInEveryTheme) {
    for (std::string_view theme : ui::kThemeNames) {
        const ui::Palette palette = *ui::paletteNamed(theme);
        std::printf("[ %s ]\n", std::string(theme).c_str());
        for (const ui::ColorPair& pair : ui::colorPairs()) {
            const double ratio = ui::contrastRatio(pair.foreground(palette), pair.background(palette));
            std::printf("  %-34s %6.2f:1  (needs %.1f)\n", pair.name, ratio, ui::requiredRatio(pair.use));
        }
        EXPECT_EQ(pairFailures(palette), "") << theme;
    }
}

TEST(ContrastPairs, HighContrastTextReachesAaa) {
    EXPECT_EQ(pairFailures(ui::highContrastPalette(), 7.0), "");
}

// The check can fail: a light grey for secondary text, as many designs use, is caught by name.
TEST(ContrastPairs, APaleMutedTextIsCaught) {
    ui::Palette pale = ui::standardPalette();
    pale.textMuted = gray(0x99);
    const std::string failures = pairFailures(pale);
    EXPECT_NE(failures.find("textMuted on surface"), std::string::npos) << failures;
    EXPECT_NE(failures.find("textMuted on background"), std::string::npos) << failures;
    EXPECT_EQ(failures.find("text on surface:"), std::string::npos) << failures;
}

TEST(ContrastPairs, UsePaletteSwitchesWhatScreensDrawWith) {
    ui::usePalette(ui::highContrastPalette());
    EXPECT_EQ(ui::palette().background, kBlack);
    ui::usePalette(ui::standardPalette());
    EXPECT_EQ(ui::palette().background, ui::Palette{}.background);
}

}  // namespace
