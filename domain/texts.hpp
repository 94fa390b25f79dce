#pragma once
// Translation table: every text a citizen reads, looked up by key ("home.take_ticket").
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace domain {

class Texts {
public:
    // The text for key; a missing key shows as "[key]" so it is noticed, never as a blank.
    std::string get(std::string_view key) const;
    // Same, with "{name}" placeholders replaced: format("ticket.ahead", {{"n", "3"}}).
    std::string format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& args) const;
    bool has(std::string_view key) const;
    const std::map<std::string, std::string, std::less<>>& all() const { return m_texts; }
    void set(std::string key, std::string text) { m_texts[std::move(key)] = std::move(text); }

private:
    std::map<std::string, std::string, std::less<>> m_texts;
};

// Parses a language file: TOML tables of strings, nested tables become dotted keys.
// Throws ConfigError ("assets/i18n/it.toml:12: ...") on bad input.
Texts parseTexts(std::string_view tomlText, const std::string& sourceName);

}  // namespace domain
