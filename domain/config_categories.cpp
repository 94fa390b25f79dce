// Reads [[categories]] (config_categories.hpp): the tiles a citizen chooses from, each with its
// id, ticket letter and translations; no two may share an id or a letter.
#include "config_categories.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace domain::config_detail {
namespace {

using namespace std::string_view_literals;

constexpr std::array kCategoryTranslationKeys{"label"sv, "description"sv};

CategoryTranslation readCategoryTranslation(const toml::table& table, const TableName& name,
                                            const Category& category, const Reporter& report) {
    rejectUnknownKeys(table, kCategoryTranslationKeys, name, report);
    CategoryTranslation translation;
    translation.label = requiredString(table, "label", name, report);
    translation.description = trimmed(optionalString(table, "description", name, report).value_or(""));
    if (translation.description.empty() != category.description.empty())
        failUnmatched(table, "description", !category.description.empty(), name, "category", report);
    return translation;
}

constexpr std::array kCategoryKeys{"id"sv, "label"sv, "prefix"sv, "description"sv, "translations"sv};

// Spelt out rather than std::isalpha/std::toupper, whose answer depends on the process locale.
bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char asciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The prefix starts every ticket code ("A007") and is read aloud, so it is one plain letter.
char readPrefix(const toml::table& table, const TableName& name, const Reporter& report) {
    const toml::node* node = table.get("prefix");
    if (node == nullptr) report.fail(table, "missing required key \"prefix\" in " + name.shown);
    const auto* text = node->as_string();
    if (text == nullptr || text->get().size() != 1 || !isAsciiLetter(text->get()[0]))
        report.fail(*node, name.keyPrefix + "prefix: expected one letter A-Z, found " +
                               describe(*node));
    return asciiUpper(text->get()[0]);
}

Category readCategory(const toml::table& table, const TableName& name, const Reporter& report) {
    rejectUnknownKeys(table, kCategoryKeys, name, report);
    Category category;
    category.id = readCategoryId(table, name, report);
    category.label = requiredString(table, "label", name, report);
    category.prefix = readPrefix(table, name, report);
    category.description = optionalString(table, "description", name, report).value_or("");
    forEachTranslation(table, "categories", name, report,
                       [&](const std::string& code, const toml::table& translated, const TableName& translatedName) {
                           category.translations[code] =
                               readCategoryTranslation(translated, translatedName, category, report);
                       });
    return category;
}

TableName categoryName(std::size_t index) { return elementName("categories", index); }

// Two categories with one id or one letter would make tickets ambiguous on screen and in the
// database; the message points at the later one and names the earlier one's line.
void rejectDuplicate(const std::vector<Category>& earlier,
                     const std::vector<const toml::table*>& earlierTables,
                     const Category& category, const toml::table& table, const TableName& name,
                     const Reporter& report) {
    for (std::size_t i = 0; i < earlier.size(); ++i) {
        const TableName earlierName = categoryName(i);
        const Line earlierLine = lineOf(*earlierTables[i]);
        if (earlier[i].id == category.id)
            failTaken(*table.get("id"), name.keyPrefix + "id: " + quoted(category.id), earlierName, earlierLine,
                      "each category needs its own id", report);
        if (earlier[i].prefix == category.prefix)
            failTaken(*table.get("prefix"), name.keyPrefix + "prefix: letter " + quoted({&category.prefix, 1}),
                      earlierName, earlierLine, "each category needs its own letter", report);
    }
}

}  // namespace

std::string readCategoryId(const toml::table& table, const TableName& name, const Reporter& report) {
    return readId(table, name, "minori-famiglie", report);
}

std::string knownCategoryIds(const Config& config) {
    std::string out;
    for (const Category& category : config.categories) {
        if (!out.empty()) out += ", ";
        out += category.id;
    }
    return out;
}

void readCategories(const toml::node& node, Config& config, const Reporter& report) {
    const toml::array* array = node.as_array();
    if (array != nullptr && array->empty())
        report.fail(node, "categories: at least one category is required");
    expectArrayOfTables(node, "categories", "[[categories]]", report);
    if (array->size() > kMaxCategories)
        report.fail((*array)[kMaxCategories],
                    categoryName(kMaxCategories).shown + ": at most " + std::to_string(kMaxCategories) +
                        " categories fit on the kiosk's screen (two columns of big tiles, three rows that stay "
                        "readable with large text), and this file has " + std::to_string(array->size()) +
                        "; merge some, or list their services under another category");

    std::vector<const toml::table*> tables;
    for (const toml::node& element : *array) {
        const toml::table& table = *element.as_table();
        const TableName name = categoryName(tables.size());
        Category category = readCategory(table, name, report);
        rejectDuplicate(config.categories, tables, category, table, name, report);
        config.categories.push_back(std::move(category));
        tables.push_back(&table);
    }
}

}  // namespace domain::config_detail
