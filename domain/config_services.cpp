// Reads [[services]] (config_services.hpp): the service cards of the charter, each listing the
// categories it belongs to, its sections in the charter's order, and its translations.
#include "config_services.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config_categories.hpp"

namespace domain::config_detail {
namespace {

using namespace std::string_view_literals;

constexpr std::array kServiceFixedKeys{"id"sv, "title"sv, "categories"sv, "example"sv};

// The keys a card may have: its own, then the charter's sections in printed order.
const std::vector<std::string_view>& serviceKeys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> all(kServiceFixedKeys.begin(), kServiceFixedKeys.end());
        all.insert(all.end(), kCardSectionKeys.begin(), kCardSectionKeys.end());
        all.push_back("translations"sv);  // [services.translations.en]
        return all;
    }();
    return keys;
}

std::vector<std::string> readServiceCategories(const toml::table& table, const TableName& name,
                                               const Config& config, const Reporter& report) {
    const toml::node& node = requiredNode(table, "categories", name, report);
    const std::string key = name.keyPrefix + "categories";
    const toml::array* array = node.as_array();
    if (array == nullptr || array->empty())
        report.fail(node, key + ": expected a list of one or more category ids, like "
                                "[\"adulti\", \"anziani\"], found " +
                              (array == nullptr ? describe(node) : "an empty list"));
    std::vector<std::string> ids;
    for (const toml::node& element : *array) {
        const auto* id = element.as_string();
        if (id == nullptr)
            report.fail(element, key + ": expected category ids in double quotes, found " +
                                     describe(element) + " in the list");
        if (config.findCategory(id->get()) == nullptr)
            report.fail(element, key + ": unknown category " + quoted(id->get()) +
                                     " (known categories: " + knownCategoryIds(config) + ")");
        if (std::find(ids.begin(), ids.end(), id->get()) != ids.end())
            report.fail(element, key + ": " + quoted(id->get()) + " is listed twice");
        ids.push_back(id->get());
    }
    return ids;
}

// A translation has the title and the same sections as the Italian card.
const std::vector<std::string_view>& cardTranslationKeys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> all{"title"sv};
        all.insert(all.end(), kCardSectionKeys.begin(), kCardSectionKeys.end());
        return all;
    }();
    return keys;
}

CardTranslation readCardTranslation(const toml::table& table, const TableName& name, const ServiceCard& card,
                                    const Reporter& report) {
    rejectUnknownKeys(table, cardTranslationKeys(), name, report);
    CardTranslation translation;
    translation.title = requiredString(table, "title", name, report);
    for (const std::string& key : kCardSectionKeys) {
        std::string text = trimmed(optionalString(table, key, name, report).value_or(""));
        const bool italianHasIt = std::any_of(card.sections.begin(), card.sections.end(),
                                              [&key](const CardSection& s) { return s.key == key; });
        if (text.empty() == italianHasIt) failUnmatched(table, key, italianHasIt, name, "card", report);
        if (!text.empty()) translation.sections.push_back({key, std::move(text)});
    }
    return translation;
}

ServiceCard readService(const toml::table& table, const TableName& name, const Config& config,
                        const Reporter& report) {
    rejectUnknownKeys(table, serviceKeys(), name, report);
    ServiceCard card;
    card.id = readId(table, name, "segretariato-sociale", report);
    card.title = requiredString(table, "title", name, report);
    card.categoryIds = readServiceCategories(table, name, config, report);
    card.example = optionalBool(table, "example", name, report).value_or(false);
    // The charter's order, whatever the file's; a section left empty is as good as absent.
    for (const std::string& key : kCardSectionKeys) {
        std::string text = trimmed(optionalString(table, key, name, report).value_or(""));
        if (!text.empty()) card.sections.push_back({key, std::move(text)});
    }
    forEachTranslation(table, "services", name, report,
                       [&](const std::string& code, const toml::table& translated, const TableName& translatedName) {
                           card.translations[code] = readCardTranslation(translated, translatedName, card, report);
                       });
    return card;
}

}  // namespace

void readServices(const toml::node& node, Config& config, const Reporter& report) {
    if (const toml::array* array = node.as_array(); array != nullptr && array->empty()) return;
    const toml::array& array = expectArrayOfTables(node, "services", "[[services]]", report);
    std::vector<const toml::table*> tables;
    for (const toml::node& element : array) {
        const toml::table& table = *element.as_table();
        const TableName name = elementName("services", tables.size());
        ServiceCard card = readService(table, name, config, report);
        for (std::size_t i = 0; i < config.services.size(); ++i)
            if (config.services[i].id == card.id)
                failTaken(*table.get("id"), name.keyPrefix + "id: " + quoted(card.id), elementName("services", i),
                          lineOf(*tables[i]), "each service needs its own id", report);
        config.services.push_back(std::move(card));
        tables.push_back(&table);
    }
}

}  // namespace domain::config_detail
