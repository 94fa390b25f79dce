// Turns the TOML text of an office configuration into a domain::Config.
// The file is edited by hand by municipal staff, not developers: every rejection says
// "file:line:", what is wrong and what would be accepted, because that message is all they get.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "config.hpp"

namespace domain {
namespace {

using namespace std::string_view_literals;

using Line = std::uint32_t;

// toml++ leaves line 0 on nodes it made up itself; line 1 still points the reader into the file.
Line lineOf(const toml::source_region& where) {
    return where.begin.line == 0 ? 1 : where.begin.line;
}
Line lineOf(const toml::node& node) { return lineOf(node.source()); }
Line lineOf(const toml::key& key) { return lineOf(key.source()); }

// Single exit for errors, so every message has the same "file:line: " shape.
class Reporter {
public:
    explicit Reporter(const std::string& sourceName) : sourceName_(sourceName) {}

    [[noreturn]] void fail(Line line, std::string_view what) const {
        throw ConfigError(sourceName_ + ":" + std::to_string(line) + ": " + std::string(what));
    }
    [[noreturn]] void fail(const toml::node& at, std::string_view what) const {
        fail(lineOf(at), what);
    }

private:
    const std::string& sourceName_;
};

// How a table is named in messages: "[office]" or "categories[2]" (counted from 1, as a person
// counts the blocks in the file), and the prefix that makes a key name like "office.phones".
struct TableName {
    std::string shown;
    std::string keyPrefix;
};

// Built by appending: GCC 12 at -O2 warns falsely (-Wrestrict) on "\"" + std::string(...).
std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    out += text;
    out += '"';
    return out;
}

std::string_view describeType(toml::node_type type) {
    switch (type) {
        case toml::node_type::none: return "nothing";
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a decimal number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
    }
    return "an unknown value";
}

// A wrong string is shown as written: the reader spots "AB" faster than "a string".
std::string describe(const toml::node& node) {
    if (const auto* text = node.as_string()) return quoted(text->get());
    return std::string(describeType(node.type()));
}

std::string joined(std::span<const std::string_view> words) {
    std::string out;
    for (const std::string_view word : words) {
        if (!out.empty()) out += ", ";
        out += word;
    }
    return out;
}

bool isBlank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

// toml++ iterates keys alphabetically; the earliest one in the file is where the reader looks.
template <typename IsKnown>
const toml::key* firstUnknownKey(const toml::table& table, IsKnown isKnown) {
    const toml::key* first = nullptr;
    for (auto&& [key, value] : table) {
        if (isKnown(key.str())) continue;
        if (first == nullptr || lineOf(key) < lineOf(*first)) first = &key;
    }
    return first;
}

// A misspelt key ("adress") would otherwise be ignored and leave its field silently empty.
void rejectUnknownKeys(const toml::table& table, std::span<const std::string_view> known,
                       const TableName& name, const Reporter& report) {
    const auto isKnown = [known](std::string_view key) {
        return std::find(known.begin(), known.end(), key) != known.end();
    };
    if (const toml::key* key = firstUnknownKey(table, isKnown))
        report.fail(lineOf(*key), "unknown key " + quoted(key->str()) + " in " + name.shown +
                                      " (expected one of: " + joined(known) + ")");
}

const toml::table& expectTable(const toml::node& node, std::string_view shown,
                               const Reporter& report) {
    const toml::table* table = node.as_table();
    if (table == nullptr)
        report.fail(node, "expected a section " + std::string(shown) + ", found " + describe(node));
    return *table;
}

std::optional<std::string> optionalString(const toml::table& table, std::string_view key,
                                          const TableName& name, const Reporter& report) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const auto* text = node->as_string();
    if (text == nullptr)
        report.fail(*node, name.keyPrefix + std::string(key) +
                               ": expected a text in double quotes, found " + describe(*node));
    return text->get();
}

// A required key that is absent is reported on its table's header: that is where it belongs.
std::string requiredString(const toml::table& table, std::string_view key, const TableName& name,
                           const Reporter& report) {
    std::optional<std::string> text = optionalString(table, key, name, report);
    if (!text)
        report.fail(table, "missing required key " + quoted(key) + " in " + name.shown);
    if (isBlank(*text))
        report.fail(*table.get(key), name.keyPrefix + std::string(key) + ": must not be empty");
    return std::move(*text);
}

// ---- [office] ----

constexpr std::array kOfficeKeys{"comune"sv, "name"sv,  "service"sv, "floor"sv,
                                 "address"sv, "city"sv, "phones"sv,  "email"sv};

std::vector<std::string> readPhones(const toml::table& office, const TableName& name,
                                    const Reporter& report) {
    const toml::node* node = office.get("phones");
    if (node == nullptr) return {};
    const std::string expected = name.keyPrefix + "phones: expected an array of strings";
    const toml::array* array = node->as_array();
    if (array == nullptr)
        report.fail(*node, expected + " like [\"02 1234567\"], found " + describe(*node));
    std::vector<std::string> phones;
    for (const toml::node& element : *array) {
        const auto* phone = element.as_string();
        if (phone == nullptr)
            report.fail(element, expected + ", found " + describe(element) + " in it");
        phones.push_back(phone->get());
    }
    return phones;
}

void readOffice(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[office]", report);
    const TableName name{"[office]", "office."};
    rejectUnknownKeys(table, kOfficeKeys, name, report);

    Office& office = config.office;
    office.comune = requiredString(table, "comune", name, report);
    office.name = requiredString(table, "name", name, report);
    office.service = optionalString(table, "service", name, report).value_or("");
    office.floor = optionalString(table, "floor", name, report).value_or("");
    office.address = requiredString(table, "address", name, report);
    office.city = optionalString(table, "city", name, report).value_or("");
    office.phones = readPhones(table, name, report);
    office.email = optionalString(table, "email", name, report).value_or("");
}

// ---- [[categories]] ----

constexpr std::array kCategoryKeys{"id"sv, "label"sv, "prefix"sv, "description"sv};

// The id travels into the database and kioskctl command lines, so it stays plain ASCII.
bool isValidCategoryId(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::string readCategoryId(const toml::table& table, const TableName& name,
                           const Reporter& report) {
    const toml::node* node = table.get("id");
    if (node == nullptr) report.fail(table, "missing required key \"id\" in " + name.shown);
    const auto* id = node->as_string();
    if (id == nullptr || !isValidCategoryId(id->get()))
        report.fail(*node, name.keyPrefix +
                               "id: expected lowercase letters a-z, digits and '-' only "
                               "(like \"minori-famiglie\"), found " +
                               describe(*node));
    return id->get();
}

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
    return category;
}

TableName categoryName(std::size_t index) {
    const std::string shown = "categories[" + std::to_string(index + 1) + "]";
    return {shown, shown + "."};
}

// Two categories with one id or one letter would make tickets ambiguous on screen and in the
// database; the message points at the later one and names the earlier one's line.
void rejectDuplicate(const std::vector<Category>& earlier,
                     const std::vector<const toml::table*>& earlierTables,
                     const Category& category, const toml::table& table, const TableName& name,
                     const Reporter& report) {
    for (std::size_t i = 0; i < earlier.size(); ++i) {
        const std::string seenAt =
            categoryName(i).shown + " at line " + std::to_string(lineOf(*earlierTables[i]));
        if (earlier[i].id == category.id)
            report.fail(*table.get("id"), name.keyPrefix + "id: " + quoted(category.id) +
                                              " is already used by " + seenAt +
                                              "; each category needs its own id");
        if (earlier[i].prefix == category.prefix)
            report.fail(*table.get("prefix"),
                        name.keyPrefix + "prefix: letter " + quoted({&category.prefix, 1}) +
                            " is already used by " + seenAt +
                            "; each category needs its own letter");
    }
}

void readCategories(const toml::node& node, Config& config, const Reporter& report) {
    const toml::array* array = node.as_array();
    if (array != nullptr && array->empty())
        report.fail(node, "categories: at least one category is required");
    if (array == nullptr || !array->is_array_of_tables())
        report.fail(node, "categories: expected one or more [[categories]] sections "
                          "(with double square brackets), found " + describe(node));

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

// ---- top level ----

// Each top-level section has one reader; adding [hours] or [printer] means one more row here
// (and its reader with its own list of known keys).
struct Section {
    std::string_view key;
    std::string_view shown;  // as written in the file
    bool required;
    void (*read)(const toml::node&, Config&, const Reporter&);
};

constexpr std::array kSections{
    Section{"office"sv, "[office]"sv, true, readOffice},
    Section{"categories"sv, "[[categories]]"sv, true, readCategories},
};

std::string expectedSections() {
    std::array<std::string_view, kSections.size()> shown{};
    std::transform(kSections.begin(), kSections.end(), shown.begin(),
                   [](const Section& s) { return s.shown; });
    return joined(shown);
}

void rejectUnknownSections(const toml::table& root, const Reporter& report) {
    const auto isKnown = [](std::string_view key) {
        return std::any_of(kSections.begin(), kSections.end(),
                           [key](const Section& s) { return s.key == key; });
    };
    const toml::key* key = firstUnknownKey(root, isKnown);
    if (key == nullptr) return;
    const toml::node& value = *root.get(key->str());
    const std::string what =
        value.is_table()              ? "unknown section [" + std::string(key->str()) + "]"
        : value.is_array_of_tables() ? "unknown section [[" + std::string(key->str()) + "]]"
                                      : "key " + quoted(key->str()) +
                                            " is outside any section; move it under its header";
    report.fail(lineOf(*key), what + " (expected sections: " + expectedSections() + ")");
}

void readSection(const toml::table& root, const Section& section, Config& config,
                 const Reporter& report) {
    const toml::node* node = root.get(section.key);
    if (node != nullptr)
        section.read(*node, config, report);
    else if (section.required)
        report.fail(lineOf(root), "missing required section " + std::string(section.shown));
}

toml::table parseToml(std::string_view text, const std::string& sourceName,
                      const Reporter& report) {
    try {
        return toml::parse(text, std::string_view(sourceName));
    } catch (const toml::parse_error& err) {
        report.fail(lineOf(err.source()), "not valid TOML: " + std::string(err.description()));
    }
}

}  // namespace

Config parseConfig(std::string_view tomlText, const std::string& sourceName) {
    const Reporter report(sourceName);
    const toml::table root = parseToml(tomlText, sourceName, report);
    rejectUnknownSections(root, report);

    Config config;
    config.sourceName = sourceName;
    for (const Section& section : kSections) readSection(root, section, config, report);
    return config;
}

}  // namespace domain
