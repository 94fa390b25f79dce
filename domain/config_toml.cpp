// The typed TOML readers every config section shares (config_toml.hpp): what a value must be,
// and the "file:line: " message when it is not.
#include "config_toml.hpp"

#include <algorithm>
#include <cctype>
#include <locale>
#include <sstream>

#include "i18n.hpp"

namespace domain::config_detail {
namespace {

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

bool isBlank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

// 4.5 -> "4.5", -1 -> "-1": as a person would have written it.
std::string numberText(double value) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << value;
    return out.str();
}

bool isPlainId(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool isTranslationLanguage(std::string_view code) {
    return code != kBaseLanguage &&
           std::find(kShippedLanguages.begin(), kShippedLanguages.end(), code) != kShippedLanguages.end();
}

std::string translationLanguagesText() {
    std::string out;
    for (const std::string_view code : kShippedLanguages) {
        if (!isTranslationLanguage(code)) continue;
        if (!out.empty()) out += ", ";
        out += code;
    }
    return out;
}

const toml::table& expectTable(const toml::node& node, std::string_view shown,
                               const Reporter& report) {
    const toml::table* table = node.as_table();
    if (table == nullptr)
        report.fail(node, "expected a section " + std::string(shown) + ", found " + describe(node));
    return *table;
}

}  // namespace

Line lineOf(const toml::source_region& where) {
    return where.begin.line == 0 ? 1 : where.begin.line;
}
Line lineOf(const toml::node& node) { return lineOf(node.source()); }
Line lineOf(const toml::key& key) { return lineOf(key.source()); }

// Built by appending: GCC 12 at -O2 warns falsely (-Wrestrict) on "\"" + std::string(...).
std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    out += text;
    out += '"';
    return out;
}

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

std::string trimmed(std::string_view text) {
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return std::string(text);
}

TableName elementName(std::string_view keyName, std::size_t index) {
    const std::string shown = std::string(keyName) + "[" + std::to_string(index + 1) + "]";
    return {shown, shown + "."};
}

void rejectUnknownKeys(const toml::table& table, std::span<const std::string_view> known,
                       const TableName& name, const Reporter& report) {
    const auto isKnown = [known](std::string_view key) {
        return std::find(known.begin(), known.end(), key) != known.end();
    };
    if (const toml::key* key = firstUnknownKey(table, isKnown))
        report.fail(lineOf(*key), "unknown key " + quoted(key->str()) + " in " + name.shown +
                                      " (expected one of: " + joined(known) + ")");
}

TableName sectionName(std::string_view key) {
    const std::string shown = "[" + std::string(key) + "]";
    return {shown, std::string(key) + "."};
}

const toml::table& expectSection(const toml::node& node, const TableName& name,
                                 std::span<const std::string_view> known, const Reporter& report) {
    const toml::table& table = expectTable(node, name.shown, report);
    rejectUnknownKeys(table, known, name, report);
    return table;
}

const toml::array& expectArrayOfTables(const toml::node& node, std::string_view keyName,
                                       std::string_view shown, const Reporter& report) {
    const toml::array* array = node.as_array();
    if (array == nullptr || !array->is_array_of_tables())
        report.fail(node, std::string(keyName) + ": expected one or more " + std::string(shown) +
                              " sections (with double square brackets), found " + describe(node));
    return *array;
}

const toml::node& requiredNode(const toml::table& table, std::string_view key,
                               const TableName& name, const Reporter& report) {
    const toml::node* node = table.get(key);
    if (node == nullptr)
        report.fail(table, "missing required key " + quoted(key) + " in " + name.shown);
    return *node;
}

[[noreturn]] void failTaken(const toml::node& at, std::string_view what, const TableName& earlier, Line earlierLine,
                            std::string_view rule, const Reporter& report) {
    report.fail(at, std::string(what) + " is already used by " + earlier.shown + " at line " +
                        std::to_string(earlierLine) + "; " + std::string(rule));
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

std::string requiredString(const toml::table& table, std::string_view key, const TableName& name,
                           const Reporter& report) {
    std::optional<std::string> text = optionalString(table, key, name, report);
    if (!text)
        report.fail(table, "missing required key " + quoted(key) + " in " + name.shown);
    if (isBlank(*text))
        report.fail(*table.get(key), name.keyPrefix + std::string(key) + ": must not be empty");
    return std::move(*text);
}

std::optional<int> optionalInt(const toml::table& table, std::string_view key,
                               const TableName& name, int min, int max, const Reporter& report) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const std::string expected = name.keyPrefix + std::string(key) +
                                 ": expected a whole number from " + std::to_string(min) +
                                 " to " + std::to_string(max);
    const auto* value = node->as_integer();
    if (value == nullptr) report.fail(*node, expected + ", found " + describe(*node));
    if (value->get() < min || value->get() > max)
        report.fail(*node, expected + ", found " + std::to_string(value->get()));
    return static_cast<int>(value->get());
}

std::optional<double> optionalNumber(const toml::table& table, std::string_view key, const TableName& name,
                                     double max, std::string_view expected, const Reporter& report) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<double> value;
    if (const auto* whole = node->as_integer()) value = static_cast<double>(whole->get());
    if (const auto* decimal = node->as_floating_point()) value = decimal->get();
    if (!value || !(*value >= 0 && *value <= max))
        report.fail(*node, name.keyPrefix + std::string(key) + ": expected " + std::string(expected) + ", found " +
                               (value ? numberText(*value) : describe(*node)));
    return value;
}

std::optional<bool> optionalBool(const toml::table& table, std::string_view key, const TableName& name,
                                 const Reporter& report) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const auto* value = node->as_boolean();
    if (value == nullptr)
        report.fail(*node, name.keyPrefix + std::string(key) +
                               ": expected true or false (without quotes), found " +
                               describe(*node));
    return value->get();
}

std::string readId(const toml::table& table, const TableName& name, std::string_view example,
                   const Reporter& report) {
    const toml::node& node = requiredNode(table, "id", name, report);
    const auto* id = node.as_string();
    if (id == nullptr || !isPlainId(id->get()))
        report.fail(node, name.keyPrefix + "id: expected lowercase letters a-z, digits and '-' only (like " +
                              quoted(example) + "), found " + describe(node));
    return id->get();
}

void forEachTranslation(const toml::table& block, std::string_view header, const TableName& blockName,
                        const Reporter& report, const TranslationReader& readOne) {
    const toml::node* node = block.get("translations");
    if (node == nullptr) return;
    const std::string shown = blockName.keyPrefix + "translations";
    const toml::table* languages = node->as_table();
    if (languages == nullptr)
        report.fail(*node, shown + ": expected sections like [" + std::string(header) +
                               ".translations.en] under the block, found " + describe(*node));
    for (auto&& [key, value] : *languages) {
        const std::string code(key.str());
        if (!isTranslationLanguage(code))
            report.fail(lineOf(key), shown + ": unknown language " + quoted(code) + " (expected one of: " +
                                         translationLanguagesText() + "; Italian is the text of the block itself)");
        const TableName name{shown + "." + code, shown + "." + code + "."};
        readOne(code, expectTable(value, "[" + std::string(header) + ".translations." + code + "]", report), name);
    }
}

[[noreturn]] void failUnmatched(const toml::table& table, std::string_view key, bool italianHasIt,
                                const TableName& name, std::string_view what, const Reporter& report) {
    if (italianHasIt)
        report.fail(table, "missing key " + quoted(key) + " in " + name.shown + ": the Italian " +
                               std::string(what) + " has it, so the translation needs it too");
    report.fail(*table.get(key), name.keyPrefix + std::string(key) + ": the Italian " + std::string(what) +
                                     " has no such text; write it there first, or leave it out here");
}

}  // namespace domain::config_detail
