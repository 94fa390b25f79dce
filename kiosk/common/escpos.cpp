#include "escpos.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace common {
namespace {

using Style = domain::PrintLine::Style;

// The upper half of PC858: the Unicode character each byte 0x80..0xFF prints. PC850 with the euro
// sign at 0xD5 (where PC850 has the dotless i).
constexpr std::array<char16_t, 128> kUpperHalf858 = {
    u'Ç', u'ü', u'é', u'â', u'ä', u'à', u'å', u'ç', u'ê', u'ë', u'è', u'ï', u'î', u'ì', u'Ä', u'Å',  // 0x80
    u'É', u'æ', u'Æ', u'ô', u'ö', u'ò', u'û', u'ù', u'ÿ', u'Ö', u'Ü', u'ø', u'£', u'Ø', u'×', u'ƒ',  // 0x90
    u'á', u'í', u'ó', u'ú', u'ñ', u'Ñ', u'ª', u'º', u'¿', u'®', u'¬', u'½', u'¼', u'¡', u'«', u'»',  // 0xA0
    u'░', u'▒', u'▓', u'│', u'┤', u'Á', u'Â', u'À', u'©', u'╣', u'║', u'╗', u'╝', u'¢', u'¥', u'┐',  // 0xB0
    u'└', u'┴', u'┬', u'├', u'─', u'┼', u'ã', u'Ã', u'╚', u'╔', u'╩', u'╦', u'╠', u'═', u'╬', u'¤',  // 0xC0
    u'ð', u'Ð', u'Ê', u'Ë', u'È', u'€', u'Í', u'Î', u'Ï', u'┘', u'┌', u'█', u'▄', u'¦', u'Ì', u'▀',  // 0xD0
    u'Ó', u'ß', u'Ô', u'Ò', u'õ', u'Õ', u'µ', u'þ', u'Þ', u'Ú', u'Û', u'Ù', u'ý', u'Ý', u'¯', u'´',  // 0xE0
    u'\u00AD', u'±', u'‗', u'¾', u'¶', u'§', u'÷', u'¸', u'°', u'¨', u'·', u'¹', u'³', u'²', u'■', u'\u00A0',  // 0xF0
};

constexpr char32_t kInvalid = 0xFFFD;

// Length of a UTF-8 sequence from its first byte; 0 for a byte that cannot start one.
std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// Decodes the character at `pos` and moves past it; a malformed byte is one kInvalid, so the
// rest of the text still prints.
char32_t nextCodePoint(std::string_view text, std::size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const std::size_t length = sequenceLength(lead);
    if (length == 0 || pos + length > text.size()) {
        ++pos;
        return kInvalid;
    }
    char32_t code = length == 1 ? lead : lead & (0x7Fu >> length);
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[pos + i]);
        if ((next & 0xC0) != 0x80) {
            ++pos;
            return kInvalid;
        }
        code = (code << 6) | (next & 0x3Fu);
    }
    pos += length;
    return code;
}

// Typographic punctuation that word processors put in texts, with the ASCII a printer has.
char asciiStandIn(char32_t code) {
    switch (code) {
        case U'\u2010': case U'\u2011': case U'\u2012': case U'\u2013': case U'\u2014': case U'\u2212': return '-';
        case U'\u2018': case U'\u2019': case U'\u201A': case U'\u2032': return '\'';
        case U'\u201C': case U'\u201D': case U'\u201E': case U'\u2033': return '"';
        case U'\u2007': case U'\u2009': case U'\u202F': return ' ';
        default: return '\0';
    }
}

// The byte PC858 prints the character with; nullopt when it has none.
std::optional<char> byte858(char32_t code) {
    if (code == U'\t') return ' ';
    if (code >= 0x20 && code < 0x7F) return static_cast<char>(code);
    if (const char ascii = asciiStandIn(code)) return ascii;
    const auto* found = std::find(kUpperHalf858.begin(), kUpperHalf858.end(), code);
    if (code > 0x7F && found != kUpperHalf858.end())
        return static_cast<char>(0x80 + (found - kUpperHalf858.begin()));
    return std::nullopt;
}

// '?' also for the control characters: in the text they would act as commands.
char toByte858(char32_t code) { return byte858(code).value_or('?'); }

// ---- ESC/POS commands ----

constexpr char ESC = 0x1B;
constexpr char GS = 0x1D;
constexpr char LF = 0x0A;

std::string command(std::initializer_list<char> bytes) { return std::string(bytes); }

std::string initialize() { return command({ESC, '@'}); }
std::string selectCodePage() { return command({ESC, 't', static_cast<char>(kEscPosCodePage858)}); }
std::string align(bool centered) { return command({ESC, 'a', static_cast<char>(centered ? 1 : 0)}); }
std::string emphasized(bool on) { return command({ESC, 'E', static_cast<char>(on ? 1 : 0)}); }
// GS ! n: high nibble = width multiplier - 1, low nibble = height multiplier - 1.
std::string characterSize(bool doubled) { return command({GS, '!', static_cast<char>(doubled ? 0x11 : 0x00)}); }
std::string feedLines(int n) { return command({ESC, 'd', static_cast<char>(n)}); }
// GS V 1: partial cut, which leaves a hinge so the ticket does not fall on the floor.
std::string partialCut() { return command({GS, 'V', 1}); }

std::string styleCommands(const domain::PrintLine& line) {
    return align(line.centered) + characterSize(line.style == Style::Big) + emphasized(line.style != Style::Normal);
}

std::string encodeLine(const domain::PrintLine& line, int widthChars) {
    std::string out = styleCommands(line);
    for (const std::string& part : domain::wrapText(line.text, domain::columnsFor(line.style, widthChars))) {
        out += toCodePage858(part);
        out += LF;
    }
    return out;
}

// Normal type again, so the next job (or a test page) does not start in double size.
std::string resetStyle() { return align(false) + characterSize(false) + emphasized(false); }

}  // namespace

std::string toCodePage858(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) out += toByte858(nextCodePoint(utf8, pos));
    return out;
}

std::u32string printedCharacters(std::string_view utf8) {
    std::u32string out;
    for (const char byte : toCodePage858(utf8)) {
        const auto code = static_cast<unsigned char>(byte);
        out += code < 0x80 ? char32_t{code} : char32_t{kUpperHalf858[code - 0x80u]};
    }
    return out;
}

bool printableOnPc858(std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();)
        if (!byte858(nextCodePoint(utf8, pos))) return false;
    return true;
}

domain::PrintedTicket ticketForPrinter(const domain::Config& config, const domain::IssuedTicket& issued,
                                       const domain::Texts& chosen, std::string_view language,
                                       const domain::Texts& italian) {
    return domain::printedTicketFor(config, issued, chosen, language, italian, printableOnPc858);
}

std::string encodeEscPos(const domain::PrintedTicket& ticket, int widthChars) {
    std::string out = initialize() + selectCodePage();
    for (const domain::PrintLine& line : ticket.lines) out += encodeLine(line, widthChars);
    // The cutter sits a few lines above the print head: feed so the last line is not cut through.
    out += resetStyle() + feedLines(4) + partialCut();
    return out;
}

}  // namespace common
