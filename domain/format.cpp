#include "format.hpp"

namespace domain {

std::string longDate(const Texts& texts, const LocalDate& date) {
    return texts.get("calendar.weekday_" + std::to_string(date.weekdayIso())) + " " + std::to_string(date.day) + " " +
           texts.get("calendar.month_" + std::to_string(date.month));
}

std::string countText(const Texts& texts, const std::string& baseKey, int n) {
    if (n == 0) return texts.get(baseKey + "_none");
    if (n == 1) return texts.get(baseKey + "_one");
    return texts.format(baseKey + "_many", {{"n", std::to_string(n)}});
}

namespace {

// Upper case of a lower-case letter among U+0000..U+07FF (one or two UTF-8 bytes); 0 when none.
char32_t upperOf(char32_t c) {
    if (c >= U'a' && c <= U'z') return c - 0x20;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;     // à..þ, not ÷
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;                // а..я
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;                // ѐ..џ: і ї є
    if (c == 0x491) return 0x490;                                  // ґ
    return 0;
}

}  // namespace

std::string capitalizedFirst(std::string text) {
    if (text.empty()) return text;
    const auto b0 = static_cast<unsigned char>(text[0]);
    if (b0 < 0x80) {
        if (char32_t up = upperOf(b0)) text[0] = static_cast<char>(up);
        return text;
    }
    if ((b0 & 0xE0) != 0xC0 || text.size() < 2) return text;  // three bytes and more: left alone
    const auto b1 = static_cast<unsigned char>(text[1]);
    const char32_t c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (b1 & 0x3F);
    if (char32_t up = upperOf(c)) {
        text[0] = static_cast<char>(0xC0 | (up >> 6));
        text[1] = static_cast<char>(0x80 | (up & 0x3F));
    }
    return text;
}

}  // namespace domain
