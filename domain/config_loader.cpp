// Turns the TOML text of an office configuration into a domain::Config.
// The file is edited by hand by municipal staff, not developers: every rejection says
// "file:line:", what is wrong and what would be accepted, because that message is all they get.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <locale>
#include <optional>
#include <sstream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "config.hpp"
#include "i18n.hpp"
#include "ticket_print.hpp"

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

// ---- values shared by several sections ----

std::string trimmed(std::string_view text) {
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return std::string(text);
}

// Blocks are written [[name]]; a single-bracket [name] is the usual slip, so it is explained.
const toml::array& expectArrayOfTables(const toml::node& node, std::string_view keyName,
                                       std::string_view shown, const Reporter& report) {
    const toml::array* array = node.as_array();
    if (array == nullptr || !array->is_array_of_tables())
        report.fail(node, std::string(keyName) + ": expected one or more " + std::string(shown) +
                              " sections (with double square brackets), found " + describe(node));
    return *array;
}

TableName elementName(std::string_view keyName, std::size_t index) {
    const std::string shown = std::string(keyName) + "[" + std::to_string(index + 1) + "]";
    return {shown, shown + "."};
}

std::string lineText(const toml::node& node) { return "line " + std::to_string(lineOf(node)); }

// Whole numbers within [min, max]: the bounds are part of the message, so the reader knows
// what to write instead.
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

bool optionalBool(const toml::table& table, std::string_view key, const TableName& name,
                  const Reporter& report) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return false;
    const auto* value = node->as_boolean();
    if (value == nullptr)
        report.fail(*node, name.keyPrefix + std::string(key) +
                               ": expected true or false (without quotes), found " +
                               describe(*node));
    return value->get();
}

const toml::node& requiredNode(const toml::table& table, std::string_view key,
                               const TableName& name, const Reporter& report) {
    const toml::node* node = table.get(key);
    if (node == nullptr)
        report.fail(table, "missing required key " + quoted(key) + " in " + name.shown);
    return *node;
}

bool allDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "15:30" -> 930. Also "9:30" and the "15.30" of printed timetables; "24:00" is midnight as an
// end time.
std::optional<int> parseClockTime(std::string_view text) {
    const std::size_t sep = text.find_first_of(":.");
    if (sep == std::string_view::npos || sep == 0 || sep > 2 || text.size() != sep + 3)
        return std::nullopt;
    const std::string_view hh = text.substr(0, sep);
    const std::string_view mm = text.substr(sep + 1);
    if (!allDigits(hh) || !allDigits(mm)) return std::nullopt;
    const int hours = std::stoi(std::string(hh));
    const int minutes = std::stoi(std::string(mm));
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
    return hours * 60 + minutes;
}

std::string clockText(int minuteOfDay) {
    const int hours = minuteOfDay / 60;
    const int minutes = minuteOfDay % 60;
    std::string out;
    out += static_cast<char>('0' + hours / 10);
    out += static_cast<char>('0' + hours % 10);
    out += ':';
    out += static_cast<char>('0' + minutes / 10);
    out += static_cast<char>('0' + minutes % 10);
    return out;
}

// A time of day: "HH:MM" in quotes, or a bare TOML time such as 15:30:00.
int readTime(const toml::table& table, std::string_view key, const TableName& name,
             const Reporter& report) {
    const toml::node& node = requiredNode(table, key, name, report);
    std::optional<int> minute;
    if (const auto* text = node.as_string()) {
        minute = parseClockTime(trimmed(text->get()));
    } else if (const auto* time = node.as_time()) {
        const toml::time& t = time->get();
        if (t.second == 0 && t.nanosecond == 0) minute = t.hour * 60 + t.minute;
    }
    if (!minute)
        report.fail(node, name.keyPrefix + std::string(key) +
                              ": expected a time \"HH:MM\" from \"00:00\" to \"24:00\", like "
                              "\"15:30\", found " + describe(node));
    return *minute;
}

// The opening must start before it ends: 17:00-15:30 is almost always two swapped values.
void rejectBackwardTimes(const toml::table& table, int from, int to, const TableName& name,
                         const Reporter& report) {
    if (from < to) return;
    report.fail(*table.get("from"), name.shown + ": from " + quoted(clockText(from)) +
                                        " must be before to " + quoted(clockText(to)));
}

// A calendar date: a bare TOML date such as 2026-12-24, or the same in quotes.
std::optional<LocalDate> optionalDate(const toml::table& table, std::string_view key,
                                      const TableName& name, const Reporter& report) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<LocalDate> date;
    if (const auto* value = node->as_date()) {
        const toml::date& d = value->get();
        date = LocalDate{d.year, d.month, d.day};
    } else if (const auto* text = node->as_string()) {
        date = LocalDate::parse(trimmed(text->get()));
    }
    if (!date || !date->valid())
        report.fail(*node, name.keyPrefix + std::string(key) +
                               ": expected a date year-month-day, like 2026-12-24, found " +
                               describe(*node));
    return date;
}

LocalDate requiredDate(const toml::table& table, std::string_view key, const TableName& name,
                       const Reporter& report) {
    requiredNode(table, key, name, report);
    return *optionalDate(table, key, name, report);
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

// ---- translations: [categories.translations.en], [services.translations.en], [survey.translations.en] ----
// A clerk adds a language to a block by writing, right under it, a section named after the block
// with ".translations.<code>" and the same keys translated. A translation is all or nothing: a
// card or a survey half in Italian and half in English would be harder to read than either.

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

// Calls readOne(code, table, name) for each [<header>.translations.<code>] of a block.
template <typename ReadOne>
void forEachTranslation(const toml::table& block, std::string_view header, const TableName& blockName,
                        const Reporter& report, ReadOne readOne) {
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

// A translated key whose Italian counterpart is missing, or the other way round.
[[noreturn]] void failUnmatched(const toml::table& table, std::string_view key, bool italianHasIt,
                                const TableName& name, std::string_view what, const Reporter& report) {
    if (italianHasIt)
        report.fail(table, "missing key " + quoted(key) + " in " + name.shown + ": the Italian " +
                               std::string(what) + " has it, so the translation needs it too");
    report.fail(*table.get(key), name.keyPrefix + std::string(key) + ": the Italian " + std::string(what) +
                                     " has no such text; write it there first, or leave it out here");
}

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

// ---- [[categories]] ----

constexpr std::array kCategoryKeys{"id"sv, "label"sv, "prefix"sv, "description"sv, "translations"sv};

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

// ---- [hours] ----

constexpr std::array kHoursKeys{"example"sv, "patron"sv, "weekly"sv, "closures"sv, "extra"sv};
constexpr std::array kWeeklyKeys{"day"sv, "from"sv, "to"sv, "desks"sv};
constexpr std::array kClosureKeys{"from"sv, "to"sv, "reason"sv};
constexpr std::array kExtraKeys{"date"sv, "from"sv, "to"sv, "desks"sv, "note"sv};
constexpr std::array kPatronKeys{"month"sv, "day"sv, "name"sv};

constexpr int kMaxDesks = 50;

// ISO order: index 0 is Monday (1).
constexpr std::array kWeekdayNames{"lunedì"sv,  "martedì"sv, "mercoledì"sv, "giovedì"sv,
                                   "venerdì"sv, "sabato"sv,  "domenica"sv};

// "Lunedì", "lunedi", "LUNEDÌ" and "lunedi'" all become "lunedi".
std::string foldWeekday(std::string_view text) {
    const std::string trimmedText = trimmed(text);
    std::string out;
    for (std::size_t i = 0; i < trimmedText.size(); ++i) {
        const char c = trimmedText[i];
        const bool accentedI = c == '\xC3' && i + 1 < trimmedText.size() &&
                               (trimmedText[i + 1] == '\xAC' || trimmedText[i + 1] == '\x8C');
        if (accentedI) {
            out += 'i';
            ++i;
        } else {
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    if (!out.empty() && (out.back() == '\'' || out.back() == '`')) out.pop_back();
    return out;
}

int readWeekday(const toml::table& table, const TableName& name, const Reporter& report) {
    const toml::node& node = requiredNode(table, "day", name, report);
    if (const auto* text = node.as_string()) {
        const std::string folded = foldWeekday(text->get());
        for (std::size_t i = 0; i < kWeekdayNames.size(); ++i)
            if (foldWeekday(kWeekdayNames[i]) == folded) return static_cast<int>(i) + 1;
    }
    report.fail(node, name.keyPrefix + "day: unknown weekday " + describe(node) +
                          " (expected one of: " + joined(kWeekdayNames) + ")");
}

int readDesks(const toml::table& table, const TableName& name, const Reporter& report) {
    return optionalInt(table, "desks", name, 1, kMaxDesks, report).value_or(1);
}

WeeklySession readWeeklySession(const toml::table& table, const TableName& name,
                                const Reporter& report) {
    rejectUnknownKeys(table, kWeeklyKeys, name, report);
    WeeklySession session;
    session.weekday = readWeekday(table, name, report);
    session.fromMinute = readTime(table, "from", name, report);
    session.toMinute = readTime(table, "to", name, report);
    rejectBackwardTimes(table, session.fromMinute, session.toMinute, name, report);
    session.desks = readDesks(table, name, report);
    return session;
}

bool overlap(int fromA, int toA, int fromB, int toB) { return fromA < toB && fromB < toA; }

// One opening read from the file, with what is needed to name it in a message.
struct Placed {
    std::string when;  // "lunedì 15:30-17:00"
    TableName name;
    const toml::table* table;
};

// Two openings of the same day that overlap would double the desks by mistake: the message
// names both blocks, by name and line, so both can be looked at.
[[noreturn]] void failOverlap(const Placed& later, const Placed& earlier, const Reporter& report) {
    report.fail(*later.table, later.name.shown + " (" + later.when + ") overlaps " +
                                  earlier.name.shown + " at " + lineText(*earlier.table) + " (" +
                                  earlier.when + "); openings on the same day must not overlap");
}

std::string sessionText(std::string_view day, int from, int to) {
    return std::string(day) + " " + clockText(from) + "-" + clockText(to);
}

void readWeeklySessions(const toml::node& node, HoursConfig& hours, std::vector<Placed>& placed,
                        const Reporter& report) {
    const toml::array& array = expectArrayOfTables(node, "hours.weekly", "[[hours.weekly]]", report);
    for (const toml::node& element : array) {
        const toml::table& table = *element.as_table();
        const TableName name = elementName("hours.weekly", placed.size());
        const WeeklySession session = readWeeklySession(table, name, report);
        const Placed here{sessionText(kWeekdayNames[static_cast<std::size_t>(session.weekday - 1)],
                                      session.fromMinute, session.toMinute),
                          name, &table};
        for (std::size_t i = 0; i < hours.weekly.size(); ++i) {
            const WeeklySession& other = hours.weekly[i];
            if (other.weekday == session.weekday &&
                overlap(session.fromMinute, session.toMinute, other.fromMinute, other.toMinute))
                failOverlap(here, placed[i], report);
        }
        hours.weekly.push_back(session);
        placed.push_back(here);
    }
}

DatedClosure readClosure(const toml::table& table, const TableName& name, const Reporter& report) {
    rejectUnknownKeys(table, kClosureKeys, name, report);
    DatedClosure closure;
    closure.from = requiredDate(table, "from", name, report);
    closure.to = optionalDate(table, "to", name, report).value_or(closure.from);
    if (closure.to < closure.from)
        report.fail(*table.get("to"), name.keyPrefix + "to: " + closure.to.iso() +
                                          " is before from " + closure.from.iso() +
                                          "; the last closed day must be on or after the first");
    closure.reason = requiredString(table, "reason", name, report);
    return closure;
}

void readClosures(const toml::node& node, HoursConfig& hours, const Reporter& report) {
    if (const toml::array* array = node.as_array(); array != nullptr && array->empty()) return;
    const toml::array& array =
        expectArrayOfTables(node, "hours.closures", "[[hours.closures]]", report);
    for (const toml::node& element : array)
        hours.closures.push_back(readClosure(*element.as_table(),
                                             elementName("hours.closures", hours.closures.size()),
                                             report));
}

ExtraOpening readExtraOpening(const toml::table& table, const TableName& name,
                              const Reporter& report) {
    rejectUnknownKeys(table, kExtraKeys, name, report);
    ExtraOpening extra;
    extra.date = requiredDate(table, "date", name, report);
    extra.fromMinute = readTime(table, "from", name, report);
    extra.toMinute = readTime(table, "to", name, report);
    rejectBackwardTimes(table, extra.fromMinute, extra.toMinute, name, report);
    extra.desks = readDesks(table, name, report);
    extra.note = trimmed(optionalString(table, "note", name, report).value_or(""));
    return extra;
}

void readExtraOpenings(const toml::node& node, HoursConfig& hours, std::vector<Placed>& placed,
                       const Reporter& report) {
    if (const toml::array* array = node.as_array(); array != nullptr && array->empty()) return;
    const toml::array& array = expectArrayOfTables(node, "hours.extra", "[[hours.extra]]", report);
    for (const toml::node& element : array) {
        const toml::table& table = *element.as_table();
        const TableName name = elementName("hours.extra", placed.size());
        const ExtraOpening extra = readExtraOpening(table, name, report);
        const Placed here{sessionText(extra.date.iso(), extra.fromMinute, extra.toMinute), name,
                          &table};
        for (std::size_t i = 0; i < hours.extraOpenings.size(); ++i) {
            const ExtraOpening& other = hours.extraOpenings[i];
            if (other.date == extra.date &&
                overlap(extra.fromMinute, extra.toMinute, other.fromMinute, other.toMinute))
                failOverlap(here, placed[i], report);
        }
        hours.extraOpenings.push_back(extra);
        placed.push_back(here);
    }
}

constexpr int kMidnight = 24 * 60;

// An opening from 00:00 right after one that ends at 24:00 the day before would be one opening
// across midnight, but the queue belongs to a service day: at midnight those still waiting would
// drop out of the staff's list and the numbers start again, giving a second A001 to the same room.
[[noreturn]] void failPastMidnight(const Placed& next, const Placed& before, const Reporter& report) {
    report.fail(*next.table, next.name.shown + " (" + next.when + ") continues " + before.name.shown + " at " +
                                 lineText(*before.table) + " (" + before.when +
                                 ") past midnight; an opening must end by 24:00 of its day, because the queue "
                                 "starts again at midnight and those still waiting would be lost");
}

void rejectOpeningsPastMidnight(const HoursConfig& hours, const std::vector<Placed>& weeklyPlaced,
                                const std::vector<Placed>& extraPlaced, const Reporter& report) {
    const auto nextWeekday = [](int weekday) { return weekday % 7 + 1; };
    for (std::size_t i = 0; i < hours.weekly.size(); ++i) {
        if (hours.weekly[i].toMinute != kMidnight) continue;
        for (std::size_t j = 0; j < hours.weekly.size(); ++j)
            if (hours.weekly[j].fromMinute == 0 && hours.weekly[j].weekday == nextWeekday(hours.weekly[i].weekday))
                failPastMidnight(weeklyPlaced[j], weeklyPlaced[i], report);
        for (std::size_t j = 0; j < hours.extraOpenings.size(); ++j)
            if (hours.extraOpenings[j].fromMinute == 0 &&
                hours.extraOpenings[j].date.weekdayIso() == nextWeekday(hours.weekly[i].weekday))
                failPastMidnight(extraPlaced[j], weeklyPlaced[i], report);
    }
    for (std::size_t i = 0; i < hours.extraOpenings.size(); ++i) {
        if (hours.extraOpenings[i].toMinute != kMidnight) continue;
        const LocalDate nextDay = hours.extraOpenings[i].date.plusDays(1);
        for (std::size_t j = 0; j < hours.extraOpenings.size(); ++j)
            if (hours.extraOpenings[j].fromMinute == 0 && hours.extraOpenings[j].date == nextDay)
                failPastMidnight(extraPlaced[j], extraPlaced[i], report);
        // Whether the weekly opening is cancelled that day (a holiday, a closure) is a matter of the
        // calendar; the hours themselves are refused either way.
        for (std::size_t j = 0; j < hours.weekly.size(); ++j)
            if (hours.weekly[j].fromMinute == 0 && hours.weekly[j].weekday == nextDay.weekdayIso())
                failPastMidnight(weeklyPlaced[j], extraPlaced[i], report);
    }
}

// patron = { month = 6, day = 19, name = "..." }: closed that day every year.
PatronDay readPatron(const toml::node& node, const Reporter& report) {
    const TableName name{"hours.patron", "hours.patron."};
    const toml::table* table = node.as_table();
    if (table == nullptr)
        report.fail(node, "hours.patron: expected { month = 6, day = 19, name = \"...\" }, found " +
                              describe(node));
    rejectUnknownKeys(*table, kPatronKeys, name, report);
    requiredNode(*table, "month", name, report);
    requiredNode(*table, "day", name, report);
    PatronDay patron;
    patron.month = *optionalInt(*table, "month", name, 1, 12, report);
    patron.day = *optionalInt(*table, "day", name, 1, 31, report);
    // 2000 is a leap year, so 29 February is accepted.
    if (!LocalDate{2000, patron.month, patron.day}.valid())
        report.fail(*table->get("day"), "hours.patron.day: month " + std::to_string(patron.month) +
                                            " has no day " + std::to_string(patron.day));
    patron.name = trimmed(optionalString(*table, "name", name, report).value_or(""));
    return patron;
}

void readHours(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[hours]", report);
    const TableName name{"[hours]", "hours."};
    rejectUnknownKeys(table, kHoursKeys, name, report);

    HoursConfig& hours = config.hours;
    hours.example = optionalBool(table, "example", name, report);
    if (const toml::node* patron = table.get("patron")) hours.patron = readPatron(*patron, report);

    const toml::node* weekly = table.get("weekly");
    const toml::array* weeklyArray = weekly == nullptr ? nullptr : weekly->as_array();
    if (weekly == nullptr || (weeklyArray != nullptr && weeklyArray->empty()))
        report.fail(weekly == nullptr ? static_cast<const toml::node&>(table) : *weekly,
                    "hours.weekly: at least one [[hours.weekly]] opening is required, like "
                    "day = \"lunedì\", from = \"15:30\", to = \"17:00\"");
    std::vector<Placed> weeklyPlaced, extraPlaced;
    readWeeklySessions(*weekly, hours, weeklyPlaced, report);
    if (const toml::node* closures = table.get("closures")) readClosures(*closures, hours, report);
    if (const toml::node* extra = table.get("extra")) readExtraOpenings(*extra, hours, extraPlaced, report);
    rejectOpeningsPastMidnight(hours, weeklyPlaced, extraPlaced, report);
}

// ---- [tickets] ----

constexpr std::array kTicketKeys{"open_before_minutes"sv, "cutoff_minutes_before_close"sv,
                                 "default_interview_minutes"sv, "learn_from_weeks"sv,
                                 "min_samples_to_learn"sv};

constexpr int kMinutesPerDay = 24 * 60;

void readTickets(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[tickets]", report);
    const TableName name{"[tickets]", "tickets."};
    rejectUnknownKeys(table, kTicketKeys, name, report);

    TicketRules& rules = config.tickets;
    const auto read = [&](std::string_view key, int min, int max, int& field) {
        field = optionalInt(table, key, name, min, max, report).value_or(field);
    };
    read("open_before_minutes", 0, kMinutesPerDay, rules.openBeforeMinutes);
    read("cutoff_minutes_before_close", 0, kMinutesPerDay, rules.cutoffMinutesBeforeClose);
    read("default_interview_minutes", 1, kMinutesPerDay, rules.defaultInterviewMinutes);
    read("learn_from_weeks", 0, 520, rules.learnFromWeeks);
    read("min_samples_to_learn", 0, 100000, rules.minSamplesToLearn);
}

// ---- [charter] ----

constexpr std::array kCharterKeys{"min_weekly_hours"sv, "min_afternoon_openings"sv};

// 4.5 -> "4.5", -1 -> "-1": as a person would have written it.
std::string numberText(double value) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << value;
    return out.str();
}

void readCharter(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[charter]", report);
    const TableName name{"[charter]", "charter."};
    rejectUnknownKeys(table, kCharterKeys, name, report);

    CharterCommitments& charter = config.charter;
    if (const toml::node* hours = table.get("min_weekly_hours")) {
        std::optional<double> value;
        if (const auto* whole = hours->as_integer()) value = static_cast<double>(whole->get());
        if (const auto* decimal = hours->as_floating_point()) value = decimal->get();
        if (!value || !(*value >= 0 && *value <= 168))
            report.fail(*hours, "charter.min_weekly_hours: expected a number of hours from 0 to "
                                "168, like 4 or 4.5, found " +
                                    (value ? numberText(*value) : describe(*hours)));
        charter.minWeeklyHours = *value;
    }
    charter.minAfternoonOpenings =
        optionalInt(table, "min_afternoon_openings", name, 0, 7 * 4, report).value_or(0);
}

// ---- [[services]] ----

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

std::string readServiceId(const toml::table& table, const TableName& name,
                          const Reporter& report) {
    const toml::node& node = requiredNode(table, "id", name, report);
    const auto* id = node.as_string();
    if (id == nullptr || !isValidCategoryId(id->get()))
        report.fail(node, name.keyPrefix +
                              "id: expected lowercase letters a-z, digits and '-' only "
                              "(like \"segretariato-sociale\"), found " +
                              describe(node));
    return id->get();
}

std::string knownCategoryIds(const Config& config) {
    std::string out;
    for (const Category& category : config.categories) {
        if (!out.empty()) out += ", ";
        out += category.id;
    }
    return out;
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
    card.id = readServiceId(table, name, report);
    card.title = requiredString(table, "title", name, report);
    card.categoryIds = readServiceCategories(table, name, config, report);
    card.example = optionalBool(table, "example", name, report);
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
                report.fail(*table.get("id"),
                            name.keyPrefix + "id: " + quoted(card.id) + " is already used by " +
                                elementName("services", i).shown + " at " +
                                lineText(*tables[i]) + "; each service needs its own id");
        config.services.push_back(std::move(card));
        tables.push_back(&table);
    }
}

// ---- [staff] ----

constexpr std::array kStaffKeys{"rooms"sv, "priority_categories"sv, "lock_after_minutes"sv};

// A list of non-empty texts in double quotes: rooms, category ids.
std::vector<std::string> readTextList(const toml::node& node, const std::string& key, const std::string& example,
                                      const Reporter& report) {
    const toml::array* array = node.as_array();
    if (array == nullptr)
        report.fail(node, key + ": expected a list in square brackets, like " + example + ", found " + describe(node));
    std::vector<std::string> items;
    for (const toml::node& element : *array) {
        const auto* text = element.as_string();
        if (text == nullptr || trimmed(text->get()).empty())
            report.fail(element, key + ": expected texts in double quotes, like " + example + ", found " +
                                     describe(element) + " in the list");
        items.push_back(trimmed(text->get()));
    }
    return items;
}

void readStaff(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[staff]", report);
    const TableName name{"[staff]", "staff."};
    rejectUnknownKeys(table, kStaffKeys, name, report);
    StaffConfig& staff = config.staff;
    if (const toml::node* rooms = table.get("rooms")) {
        staff.rooms = readTextList(*rooms, "staff.rooms", "[\"Stanza 1\", \"Stanza 2\"]", report);
        if (staff.rooms.empty()) report.fail(*rooms, "staff.rooms: expected at least one room");
    }
    if (const toml::node* priority = table.get("priority_categories")) {
        staff.priorityCategoryIds = readTextList(*priority, "staff.priority_categories", "[\"disabili\"]", report);
        for (const std::string& id : staff.priorityCategoryIds)
            if (config.findCategory(id) == nullptr)
                report.fail(*priority, "staff.priority_categories: unknown category " + quoted(id) +
                                           " (known categories: " + knownCategoryIds(config) + ")");
    }
    staff.lockAfterMinutes =
        optionalInt(table, "lock_after_minutes", name, 1, 24 * 60, report).value_or(staff.lockAfterMinutes);
}

// ---- [board] ----

constexpr std::array kBoardKeys{"chime"sv, "speak"sv, "recent_calls"sv};

void readBoard(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[board]", report);
    const TableName name{"[board]", "board."};
    rejectUnknownKeys(table, kBoardKeys, name, report);
    BoardConfig& board = config.board;
    if (table.get("chime")) board.chime = optionalBool(table, "chime", name, report);
    if (table.get("speak")) board.speak = optionalBool(table, "speak", name, report);
    board.recentCalls = optionalInt(table, "recent_calls", name, 0, 10, report).value_or(board.recentCalls);
}

// ---- [survey] ----

constexpr std::array kSurveyKeys{"overall_question"sv,  "access_question"sv,         "professionalism_question"sv,
                                 "privacy_question"sv,  "waiting_question"sv,        "scale_labels"sv,
                                 "satisfied_from"sv,    "target_percent"sv,          "min_answers_for_figures"sv,
                                 "translations"sv};

// In domain::kSurveyDimensions order, like SurveyConfig::dimensionQuestions.
constexpr std::array kDimensionQuestionKeys{"access_question"sv, "professionalism_question"sv, "privacy_question"sv,
                                            "waiting_question"sv};

constexpr std::size_t kScalePoints = 5;

// A question left blank would show citizens an empty screen: present means written.
void readQuestion(const toml::table& table, std::string_view key, const TableName& name, std::string& question,
                  const Reporter& report) {
    if (table.get(key) == nullptr) return;
    question = requiredString(table, key, name, report);
}

// One label under each of the five faces, from "not at all" to "very": fewer or more would
// leave a face without words or words without a face.
void readScaleLabels(const toml::table& table, SurveyConfig& survey, const Reporter& report) {
    const toml::node* node = table.get("scale_labels");
    if (node == nullptr) return;
    const std::vector<std::string> labels =
        readTextList(*node, "survey.scale_labels", "[\"Per niente soddisfatto\", ...]", report);
    if (labels.size() != kScalePoints)
        report.fail(*node, "survey.scale_labels: expected exactly 5 labels, from the lowest score to the highest, "
                           "found " + std::to_string(labels.size()));
    std::copy(labels.begin(), labels.end(), survey.scaleLabels.begin());
}

constexpr std::array kSurveyTranslationKeys{"overall_question"sv, "access_question"sv,
                                             "professionalism_question"sv, "privacy_question"sv,
                                             "waiting_question"sv, "scale_labels"sv};

// Every question and the five labels: a survey that switches language between questions is worse
// than one in Italian.
SurveyTranslation readSurveyTranslation(const toml::table& table, const TableName& name, const Reporter& report) {
    rejectUnknownKeys(table, kSurveyTranslationKeys, name, report);
    SurveyTranslation translation;
    translation.overallQuestion = requiredString(table, "overall_question", name, report);
    for (std::size_t i = 0; i < kDimensionQuestionKeys.size(); ++i)
        translation.dimensionQuestions[i] = requiredString(table, kDimensionQuestionKeys[i], name, report);
    const toml::node& node = requiredNode(table, "scale_labels", name, report);
    const std::string key = name.keyPrefix + "scale_labels";
    const std::vector<std::string> labels = readTextList(node, key, "[\"Not at all satisfied\", ...]", report);
    if (labels.size() != kScalePoints)
        report.fail(node, key + ": expected exactly 5 labels, from the lowest score to the highest, found " +
                              std::to_string(labels.size()));
    std::copy(labels.begin(), labels.end(), translation.scaleLabels.begin());
    return translation;
}

void readTargetPercent(const toml::table& table, SurveyConfig& survey, const Reporter& report) {
    const toml::node* node = table.get("target_percent");
    if (node == nullptr) return;
    std::optional<double> value;
    if (const auto* whole = node->as_integer()) value = static_cast<double>(whole->get());
    if (const auto* decimal = node->as_floating_point()) value = decimal->get();
    if (!value || !(*value >= 0 && *value <= 100))
        report.fail(*node, "survey.target_percent: expected a percentage from 0 to 100, like 70, found " +
                               (value ? numberText(*value) : describe(*node)));
    survey.targetPercent = *value;
}

void readSurvey(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[survey]", report);
    const TableName name{"[survey]", "survey."};
    rejectUnknownKeys(table, kSurveyKeys, name, report);
    SurveyConfig& survey = config.survey;
    readQuestion(table, "overall_question", name, survey.overallQuestion, report);
    for (std::size_t i = 0; i < kDimensionQuestionKeys.size(); ++i)
        readQuestion(table, kDimensionQuestionKeys[i], name, survey.dimensionQuestions[i], report);
    readScaleLabels(table, survey, report);
    survey.satisfiedFrom = optionalInt(table, "satisfied_from", name, 1, 5, report).value_or(survey.satisfiedFrom);
    readTargetPercent(table, survey, report);
    survey.minAnswersForFigures =
        optionalInt(table, "min_answers_for_figures", name, 1, 1000, report).value_or(survey.minAnswersForFigures);
    forEachTranslation(table, "survey", name, report,
                       [&](const std::string& code, const toml::table& translated, const TableName& translatedName) {
                           survey.translations[code] = readSurveyTranslation(translated, translatedName, report);
                       });
}

// ---- [printer] ----

constexpr std::array kPrinterKeys{"target"sv, "width_chars"sv};

// The target is only checked for its form here: whether the device or queue exists is known
// only when printing, and a missing printer must not stop the kiosk from giving numbers.
void readPrinterTarget(const toml::table& table, PrinterConfig& printer, const TableName& name,
                       const Reporter& report) {
    const std::optional<std::string> target = optionalString(table, "target", name, report);
    if (!target) return;
    if (!parsePrinterTarget(*target))
        report.fail(*table.get("target"), "printer.target: expected " + std::string(kPrinterTargetForms) +
                                              " (paths start with /), found " + quoted(*target));
    printer.target = *target;
}

void readPrinter(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[printer]", report);
    const TableName name{"[printer]", "printer."};
    rejectUnknownKeys(table, kPrinterKeys, name, report);
    PrinterConfig& printer = config.printer;
    readPrinterTarget(table, printer, name, report);
    // 32 characters on 58 mm paper, 48 on 80 mm; the range leaves room for other fonts and rolls.
    printer.widthChars = optionalInt(table, "width_chars", name, 24, 64, report).value_or(printer.widthChars);
}

// ---- [backup] ----

constexpr std::array kBackupKeys{"enabled"sv, "directory"sv, "keep"sv};

void readBackup(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[backup]", report);
    const TableName name{"[backup]", "backup."};
    rejectUnknownKeys(table, kBackupKeys, name, report);
    BackupConfig& backup = config.backup;
    if (table.get("enabled")) backup.enabled = optionalBool(table, "enabled", name, report);
    // Absolute: a relative path would depend on the folder each program happened to start in.
    if (const auto directory = optionalString(table, "directory", name, report)) {
        if (directory->empty() || directory->front() != '/')
            report.fail(*table.get("directory"),
                        "backup.directory: expected a full path starting with / (e.g. \"/var/backups/chiosco\"), "
                        "found " + quoted(*directory) + "; leave the key out for a \"backups\" folder next to the database");
        backup.directory = *directory;
    }
    backup.keep = optionalInt(table, "keep", name, 1, 365, report).value_or(backup.keep);
}

// ---- [kiosk] ----

constexpr std::array kKioskKeys{"inactivity_seconds"sv, "theme"sv, "click_sound"sv, "min_touch_px"sv, "store"sv};

// Only a PostgreSQL URL: the SQLite file is chosen with --db, and a typo must not silently fall
// back to a local file while the other PCs use the server.
void readStore(const toml::table& table, const TableName& name, Config& config, const Reporter& report) {
    const auto store = optionalString(table, "store", name, report);
    if (!store) return;
    if (store->rfind("postgresql://", 0) != 0 && store->rfind("postgres://", 0) != 0)
        report.fail(*table.get("store"), "kiosk.store: expected a PostgreSQL connection string like "
                                         "\"postgresql://kiosk@server/segretariato\", found " + quoted(*store) +
                                         "; leave the key out to keep the SQLite file of --db");
    config.kiosk.store = *store;
}

void readKiosk(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[kiosk]", report);
    const TableName name{"[kiosk]", "kiosk."};
    rejectUnknownKeys(table, kKioskKeys, name, report);
    // Under 15 s a slow reader is sent home mid-choice; over 10 minutes the next person may find
    // the previous one's survey code still on the screen.
    config.kiosk.inactivitySeconds =
        optionalInt(table, "inactivity_seconds", name, 15, 600, report).value_or(config.kiosk.inactivitySeconds);
    if (const auto theme = optionalString(table, "theme", name, report)) {
        if (std::find(kKioskThemes.begin(), kKioskThemes.end(), *theme) == kKioskThemes.end())
            report.fail(*table.get("theme"), "kiosk.theme: expected one of " + joined(kKioskThemes) + ", found " +
                                                 quoted(*theme));
        config.kiosk.theme = *theme;
    }
    if (table.get("click_sound")) config.kiosk.clickSound = optionalBool(table, "click_sound", name, report);
    // Under 44 px (about 11 mm on a 22-inch screen) a finger misses; over 160 the survey keypad
    // (100 px keys) could never comply.
    config.kiosk.minTouchPx =
        optionalInt(table, "min_touch_px", name, 44, 160, report).value_or(config.kiosk.minTouchPx);
    readStore(table, name, config, report);
}

// ---- [scheda] ----

constexpr std::array kSchedaKeys{"need_areas"sv, "answers"sv, "referral_services"sv, "min_cell_count"sv};
constexpr std::array kSchedaChoiceKeys{"id"sv, "label"sv, "short"sv};

// One list of the scheda: written as [[scheda.need_areas]] blocks or as an array of inline tables.
// A list left out keeps the built-in one; a list present replaces it entirely.
std::vector<SchedaChoice> readSchedaChoices(const toml::table& scheda, std::string_view key, const Reporter& report) {
    const std::string keyName = "scheda." + std::string(key);
    const toml::node& node = *scheda.get(key);
    const toml::array* array = node.as_array();
    if (array != nullptr && array->empty()) report.fail(node, keyName + ": at least one choice is required");
    expectArrayOfTables(node, keyName, "[[" + keyName + "]]", report);
    std::vector<SchedaChoice> choices;
    std::vector<Line> lines;
    for (const toml::node& element : *array) {
        const toml::table& table = *element.as_table();
        const TableName name = elementName(keyName, choices.size());
        rejectUnknownKeys(table, kSchedaChoiceKeys, name, report);
        // The id is stored in the counters: plain ASCII, like a category's.
        SchedaChoice choice{readCategoryId(table, name, report), requiredString(table, "label", name, report),
                            optionalString(table, "short", name, report).value_or("")};
        for (std::size_t i = 0; i < choices.size(); ++i)
            if (choices[i].id == choice.id)
                report.fail(*table.get("id"), name.keyPrefix + "id: " + quoted(choice.id) + " is already used by " +
                                                  elementName(keyName, i).shown + " at line " +
                                                  std::to_string(lines[i]) + "; each choice needs its own id");
        choices.push_back(std::move(choice));
        lines.push_back(lineOf(table));
    }
    return choices;
}

void readScheda(const toml::node& node, Config& config, const Reporter& report) {
    const toml::table& table = expectTable(node, "[scheda]", report);
    const TableName name{"[scheda]", "scheda."};
    rejectUnknownKeys(table, kSchedaKeys, name, report);
    SchedaConfig& scheda = config.scheda;
    if (table.get("need_areas")) scheda.needAreas = readSchedaChoices(table, "need_areas", report);
    if (table.get("answers")) scheda.answers = readSchedaChoices(table, "answers", report);
    if (table.get("referral_services"))
        scheda.referralServices = readSchedaChoices(table, "referral_services", report);
    // Under 3 a single person is recognisable in a small town's monthly figures; over 20 nothing shows.
    scheda.minCellCount = optionalInt(table, "min_cell_count", name, 3, 20, report).value_or(scheda.minCellCount);
    // Services to refer to are asked only after the referral answer: without it they could never be recorded.
    const bool hasReferral = std::any_of(scheda.answers.begin(), scheda.answers.end(),
                                         [](const SchedaChoice& c) { return c.id == kSchedaReferralAnswer; });
    if (!hasReferral)
        report.fail(table.get("answers") ? *table.get("answers") : node,
                    "scheda.answers: one answer must have id \"" + std::string(kSchedaReferralAnswer) +
                        "\" (the referral to another service, after which the services of "
                        "scheda.referral_services are asked)");
}

// ---- top level ----

// Each top-level section has one reader; adding [printer] means one more row here (and its
// reader with its own list of known keys). They run in this order, whatever the file's order.
struct Section {
    std::string_view key;
    std::string_view shown;  // as written in the file
    bool required;
    void (*read)(const toml::node&, Config&, const Reporter&);
};

constexpr std::array kSections{
    Section{"office"sv, "[office]"sv, true, readOffice},
    Section{"categories"sv, "[[categories]]"sv, true, readCategories},
    Section{"hours"sv, "[hours]"sv, false, readHours},
    Section{"tickets"sv, "[tickets]"sv, false, readTickets},
    Section{"charter"sv, "[charter]"sv, false, readCharter},
    // After [[categories]]: a card names categories, which must already be known.
    Section{"services"sv, "[[services]]"sv, false, readServices},
    Section{"staff"sv, "[staff]"sv, false, readStaff},
    Section{"board"sv, "[board]"sv, false, readBoard},
    Section{"survey"sv, "[survey]"sv, false, readSurvey},
    Section{"printer"sv, "[printer]"sv, false, readPrinter},
    Section{"backup"sv, "[backup]"sv, false, readBackup},
    Section{"kiosk"sv, "[kiosk]"sv, false, readKiosk},
    Section{"scheda"sv, "[scheda]"sv, false, readScheda},
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
