#include "glyph_texts.hpp"

#include <cstdio>

#include "domain/survey.hpp"

namespace ui {

std::string utf8Of(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

const std::string& composedCharacters() {
    static const std::string chars = [] {
        std::string s;
        for (char32_t c = 0x20; c < 0x7F; ++c) s += utf8Of(c);   // ASCII printable
        for (char32_t c = 0xA0; c <= 0xFF; ++c) s += utf8Of(c);  // Latin-1
        s += "–—‘’‚“”„•…€";
        return s;
    }();
    return chars;
}

std::vector<NamedText> configTexts(const domain::Config& config) {
    std::vector<NamedText> out;
    auto add = [&out](std::string_view language, std::string key, const std::string& text) {
        if (!text.empty()) out.push_back({std::string(language), std::move(key), text});
    };
    const domain::Office& office = config.office;
    add("it", "office.comune", office.comune);
    add("it", "office.name", office.name);
    add("it", "office.service", office.service);
    add("it", "office.floor", office.floor);
    add("it", "office.address", office.address);
    add("it", "office.city", office.city);
    add("it", "office.email", office.email);
    for (const std::string& phone : office.phones) add("it", "office.phones", phone);
    for (const domain::Category& c : config.categories) {
        const std::string key = "categories." + c.id;
        add("it", key + ".label", c.label);
        add("it", key + ".description", c.description);
        add("it", key + ".prefix", std::string(1, c.prefix));
        for (const auto& [language, t] : c.translations) {
            add(language, key + ".label", t.label);
            add(language, key + ".description", t.description);
        }
    }
    for (const domain::DatedClosure& c : config.hours.closures) add("it", "hours.closures.reason", c.reason);
    for (const domain::ExtraOpening& e : config.hours.extraOpenings) add("it", "hours.extra_openings.note", e.note);
    add("it", "hours.patron.name", config.hours.patron.name);
    for (const domain::ServiceCard& card : config.services) {
        const std::string key = "services." + card.id;
        add("it", key + ".title", card.title);
        for (const domain::CardSection& section : card.sections) add("it", key + "." + section.key, section.text);
        for (const auto& [language, t] : card.translations) {
            add(language, key + ".title", t.title);
            for (const domain::CardSection& section : t.sections) add(language, key + "." + section.key, section.text);
        }
    }
    for (const std::string& room : config.staff.rooms) add("it", "staff.rooms", room);
    auto addSurvey = [&add](std::string_view language, const std::string& overall,
                            const std::array<std::string, 4>& dimensions, const std::array<std::string, 5>& scale) {
        add(language, "survey.overall_question", overall);
        for (size_t i = 0; i < dimensions.size(); ++i)
            add(language, "survey." + std::string(domain::kSurveyDimensions[i]) + "_question", dimensions[i]);
        for (size_t i = 0; i < scale.size(); ++i)
            add(language, "survey.scale_labels[" + std::to_string(i) + "]", scale[i]);
    };
    addSurvey("it", config.survey.overallQuestion, config.survey.dimensionQuestions, config.survey.scaleLabels);
    for (const auto& [language, t] : config.survey.translations)
        addSurvey(language, t.overallQuestion, t.dimensionQuestions, t.scaleLabels);
    return out;
}

std::vector<std::string> glyphTextsFor(const std::vector<const domain::Texts*>& languages,
                                       const domain::Config& config) {
    std::vector<std::string> out{composedCharacters()};
    for (const domain::Texts* texts : languages)
        for (const auto& [key, text] : texts->all()) out.push_back(text);
    for (NamedText& t : configTexts(config)) out.push_back(std::move(t.text));
    return out;
}

std::vector<std::string> glyphTextsFor(const domain::Catalog& catalog, const domain::Config& config) {
    std::vector<const domain::Texts*> languages;
    for (const domain::Language& language : catalog.languages()) languages.push_back(&language.texts);
    std::vector<std::string> out = glyphTextsFor(languages, config);
    for (const domain::Language& language : catalog.languages()) out.push_back(language.selfName);
    return out;
}

FontSet loadFontsCovering(const std::string& assetsDir, float scale, const std::vector<const domain::Texts*>& languages,
                          const domain::Config& config, float ticketPixels, float largeFactor) {
    FontRequest request;
    request.scale = scale;
    request.ticketPixels = ticketPixels;
    request.largeFactor = largeFactor;
    request.texts = glyphTextsFor(languages, config);
    return loadFontSet(assetsDir, request);
}

namespace {

// Bytes 10xxxxxx that follow a lead byte.
bool isContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        char32_t c = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
        bool valid = length > 0 && i + static_cast<size_t>(length) <= text.size();
        for (int k = 1; valid && k < length; ++k) {
            const auto b = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
            valid = isContinuation(b);
            c = (c << 6) | (b & 0x3F);
        }
        if (!valid) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(c);
        i += static_cast<size_t>(length);
    }
    return out;
}

std::string codepointName(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace ui
