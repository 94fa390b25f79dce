#pragma once
// The font files the screens are drawn with, in order of preference: the kiosk loads them
// (kiosk/app/ui/fonts.cpp) and `kioskctl doctor` checks they are there. No font parsing here.
#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace common {

// One candidate file of a weight: Titillium Web (assets/fonts, from npm), then Noto Sans and
// DejaVu Sans (Debian's fonts-noto-core and fonts-dejavu-core). Files may be missing.
struct FontFile {
    std::filesystem::path path;
    const char* name;  // "Noto Sans", for the log and doctor
};

// The weights the screens use: Titillium's weight folder, and whether the fallbacks are bold
// (Noto Sans comes in Debian without a semibold: its bold stands in next to Titillium SemiBold).
struct FontWeight {
    const char* titilliumWeight;  // "400Regular"
    bool bold;
};
inline constexpr std::array<FontWeight, 3> kFontWeights{
    {{"400Regular", false}, {"600SemiBold", true}, {"700Bold", true}}};

// The candidate files of one weight, in order of preference, whether they exist or not.
std::vector<FontFile> fontFilesFor(const std::string& assetsDir, const std::string& titilliumWeight, bool bold);

}  // namespace common
