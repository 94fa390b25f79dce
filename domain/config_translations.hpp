#pragma once
// The config's citizen texts (categories, charter cards, survey) in the citizen's language, with
// Italian where the config has no translation, and whether it had one.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"

namespace domain {

struct LocalizedCategory {
    std::string label;
    std::string description;
    bool translated = false;  // false: the Italian texts (also for "it" itself)
};
LocalizedCategory localizedCategory(const Category& category, std::string_view language);

struct LocalizedCard {
    std::string title;
    std::vector<CardSection> sections;
    // false for a language other than Italian that the card lacks: the screen shows the Italian
    // text with the note "services.not_translated".
    bool translated = false;
    bool italianOnly(std::string_view language) const { return !translated && language != "it"; }
};
LocalizedCard localizedCard(const ServiceCard& card, std::string_view language);

struct LocalizedSurvey {
    std::string overallQuestion;
    std::array<std::string, 4> dimensionQuestions;  // kSurveyDimensions order
    std::array<std::string, 5> scaleLabels;
    bool translated = false;
};
LocalizedSurvey localizedSurvey(const SurveyConfig& survey, std::string_view language);

// For kioskctl i18n-check: the languages the config translates anything into (in
// kShippedLanguages order), and for one of them the blocks still without a translation, named as
// in messages ("categories[2] (anziani)", "services[3] (assistenza-domiciliare-anziani)", "[survey]").
std::vector<std::string> configTranslationLanguages(const Config& config);
std::vector<std::string> untranslatedConfigBlocks(const Config& config, std::string_view language);

}  // namespace domain
