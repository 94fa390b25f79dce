#include "font_files.hpp"

namespace common {
namespace fs = std::filesystem;
namespace {

// A copy in assets/fonts itself wins over the npm package, so a Comune may drop in its own build.
fs::path titillium(const std::string& assetsDir, const std::string& weight) {
    fs::path base = fs::path(assetsDir) / "fonts";
    std::string file = "TitilliumWeb_" + weight + ".ttf";
    if (fs::exists(base / file)) return base / file;
    return base / "node_modules" / "@expo-google-fonts" / "titillium-web" / weight / file;
}

const char* const kNotoDir = "/usr/share/fonts/truetype/noto/";
const char* const kDejaVuDir = "/usr/share/fonts/truetype/dejavu/";

}  // namespace

std::vector<FontFile> fontFilesFor(const std::string& assetsDir, const std::string& titilliumWeight, bool bold) {
    return {{titillium(assetsDir, titilliumWeight), "Titillium Web"},
            {fs::path(kNotoDir) / (bold ? "NotoSans-Bold.ttf" : "NotoSans-Regular.ttf"), "Noto Sans"},
            {fs::path(kDejaVuDir) / (bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf"), "DejaVu Sans"}};
}

}  // namespace common
