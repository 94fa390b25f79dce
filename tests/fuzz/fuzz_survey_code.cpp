// Fuzzes domain::normalizeSurveyCode, which reads the six digits a citizen types from the ticket.
// Properties: an accepted code is exactly six ASCII digits, equal to the input's digits with the
// blanks taken out, and normalising it again changes nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/survey.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::asText(data, size);
    const auto code = domain::normalizeSurveyCode(text);
    if (!code) return 0;
    fuzz::require(code->size() == 6, "six characters", text);
    for (const char c : *code) fuzz::require(c >= '0' && c <= '9', "only ASCII digits", text);
    std::string withoutBlanks;
    for (const char c : text)
        if (c != ' ' && c != '\t') withoutBlanks += c;
    fuzz::require(withoutBlanks == *code, "the code is what was typed, blanks aside", text);
    fuzz::require(domain::normalizeSurveyCode(*code) == code, "normalising is idempotent", text);
    return 0;
}
