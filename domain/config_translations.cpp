#include "config_translations.hpp"

#include <algorithm>

#include "i18n.hpp"

namespace domain {
namespace {

// The translation for language in a block's map, or nullptr (always for Italian: the block itself).
template <typename Map>
const typename Map::mapped_type* translationFor(const Map& translations, std::string_view language) {
    const auto it = translations.find(language);
    return it != translations.end() ? &it->second : nullptr;
}

std::string blockName(std::string_view list, std::size_t index, const std::string& id) {
    return std::string(list) + "[" + std::to_string(index + 1) + "] (" + id + ")";
}

}  // namespace

LocalizedCategory localizedCategory(const Category& category, std::string_view language) {
    if (const CategoryTranslation* t = translationFor(category.translations, language))
        return {t->label, t->description, true};
    return {category.label, category.description, false};
}

LocalizedCard localizedCard(const ServiceCard& card, std::string_view language) {
    if (const CardTranslation* t = translationFor(card.translations, language)) return {t->title, t->sections, true};
    return {card.title, card.sections, false};
}

LocalizedSurvey localizedSurvey(const SurveyConfig& survey, std::string_view language) {
    if (const SurveyTranslation* t = translationFor(survey.translations, language))
        return {t->overallQuestion, t->dimensionQuestions, t->scaleLabels, true};
    return {survey.overallQuestion, survey.dimensionQuestions, survey.scaleLabels, false};
}

std::vector<std::string> configTranslationLanguages(const Config& config) {
    std::vector<std::string> found;
    const auto note = [&found](const auto& translations) {
        for (const auto& [code, text] : translations)
            if (std::find(found.begin(), found.end(), code) == found.end()) found.push_back(code);
    };
    for (const Category& category : config.categories) note(category.translations);
    for (const ServiceCard& card : config.services) note(card.translations);
    note(config.survey.translations);
    return orderedLanguageCodes(found);
}

std::vector<std::string> untranslatedConfigBlocks(const Config& config, std::string_view language) {
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < config.categories.size(); ++i)
        if (!translationFor(config.categories[i].translations, language))
            missing.push_back(blockName("categories", i, config.categories[i].id));
    for (std::size_t i = 0; i < config.services.size(); ++i)
        if (!translationFor(config.services[i].translations, language))
            missing.push_back(blockName("services", i, config.services[i].id));
    if (!translationFor(config.survey.translations, language)) missing.push_back("[survey]");
    return missing;
}

}  // namespace domain
