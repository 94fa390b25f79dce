#pragma once
// Internal to domain/'s config reader: typed TOML values and known-key checks that fail with "file:line: ".
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config.hpp"

namespace domain::config_detail {

using Line = std::uint32_t;

// toml++ leaves line 0 on nodes it made up itself; line 1 still points the reader into the file.
Line lineOf(const toml::source_region& where);
Line lineOf(const toml::node& node);
Line lineOf(const toml::key& key);

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

// ---- words of messages ----

std::string quoted(std::string_view text);
// A wrong string is shown as written: the reader spots "AB" faster than "a string".
std::string describe(const toml::node& node);
std::string joined(std::span<const std::string_view> words);
std::string trimmed(std::string_view text);
// "categories[2]" for the element at index 1 of the list keyName.
TableName elementName(std::string_view keyName, std::size_t index);

// ---- tables and keys ----

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
                       const TableName& name, const Reporter& report);

// A single-bracket section such as [office]: "[office]" in messages, "office." before its keys.
TableName sectionName(std::string_view key);
// The table of a section, all of whose keys are known.
const toml::table& expectSection(const toml::node& node, const TableName& name,
                                 std::span<const std::string_view> known, const Reporter& report);
// Blocks are written [[name]]; a single-bracket [name] is the usual slip, so it is explained.
const toml::array& expectArrayOfTables(const toml::node& node, std::string_view keyName,
                                       std::string_view shown, const Reporter& report);
const toml::node& requiredNode(const toml::table& table, std::string_view key,
                               const TableName& name, const Reporter& report);

// A later block of a list repeats what must be its own (an id, a letter): the message is on the
// later one and names the earlier one and its line, like "services[3].id: \"adulti\" is already
// used by services[1] at line 4; each service needs its own id".
[[noreturn]] void failTaken(const toml::node& at, std::string_view what, const TableName& earlier, Line earlierLine,
                            std::string_view rule, const Reporter& report);

// ---- typed values ----

std::optional<std::string> optionalString(const toml::table& table, std::string_view key,
                                          const TableName& name, const Reporter& report);
// A required key that is absent is reported on its table's header: that is where it belongs.
std::string requiredString(const toml::table& table, std::string_view key, const TableName& name,
                           const Reporter& report);
// Whole numbers within [min, max]: the bounds are part of the message, so the reader knows
// what to write instead.
std::optional<int> optionalInt(const toml::table& table, std::string_view key,
                               const TableName& name, int min, int max, const Reporter& report);
// A number from 0 to max, whole or decimal; expected says what in the caller's words
// ("a percentage from 0 to 100, like 70").
std::optional<double> optionalNumber(const toml::table& table, std::string_view key, const TableName& name,
                                     double max, std::string_view expected, const Reporter& report);
std::optional<bool> optionalBool(const toml::table& table, std::string_view key, const TableName& name,
                                 const Reporter& report);
// The required "id" of a block: it travels into the database and kioskctl command lines, so it
// stays plain ASCII. example is shown in the message, like "minori-famiglie".
std::string readId(const toml::table& table, const TableName& name, std::string_view example,
                   const Reporter& report);

// ---- translations: [categories.translations.en], [services.translations.en], [survey.translations.en] ----
// A clerk adds a language to a block by writing, right under it, a section named after the block
// with ".translations.<code>" and the same keys translated. A translation is all or nothing: a
// card or a survey half in Italian and half in English would be harder to read than either.

using TranslationReader =
    std::function<void(const std::string& code, const toml::table& translated, const TableName& translatedName)>;

// Calls readOne(code, table, name) for each [<header>.translations.<code>] of a block.
void forEachTranslation(const toml::table& block, std::string_view header, const TableName& blockName,
                        const Reporter& report, const TranslationReader& readOne);

// A translated key whose Italian counterpart is missing, or the other way round.
[[noreturn]] void failUnmatched(const toml::table& table, std::string_view key, bool italianHasIt,
                                const TableName& name, std::string_view what, const Reporter& report);

}  // namespace domain::config_detail
