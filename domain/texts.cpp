#include "texts.hpp"

#include <toml++/toml.h>

#include "config.hpp"

namespace domain {

std::string Texts::get(std::string_view key) const {
    auto it = m_texts.find(key);
    return it != m_texts.end() ? it->second : "[" + std::string(key) + "]";
}

std::string Texts::format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& args) const {
    std::string text = get(key);
    for (const auto& [name, value] : args) {
        const std::string placeholder = "{" + name + "}";
        for (size_t pos = text.find(placeholder); pos != std::string::npos;
             pos = text.find(placeholder, pos + value.size()))
            text.replace(pos, placeholder.size(), value);
    }
    return text;
}

bool Texts::has(std::string_view key) const { return m_texts.find(key) != m_texts.end(); }

namespace {

std::string lineOf(const toml::node& node, const std::string& sourceName) {
    return sourceName + ":" + std::to_string(node.source().begin.line);
}

void collectStrings(const toml::table& table, const std::string& prefix, const std::string& sourceName,
                    Texts& out) {
    for (const auto& [key, node] : table) {
        std::string fullKey = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const auto* sub = node.as_table()) {
            collectStrings(*sub, fullKey, sourceName, out);
        } else if (const auto* str = node.as_string()) {
            out.set(fullKey, str->get());
        } else {
            throw ConfigError(lineOf(node, sourceName) + ": " + fullKey + ": expected a text in quotes");
        }
    }
}

}  // namespace

Texts parseTexts(std::string_view tomlText, const std::string& sourceName) {
    try {
        toml::table root = toml::parse(tomlText, sourceName);
        Texts texts;
        collectStrings(root, "", sourceName, texts);
        return texts;
    } catch (const toml::parse_error& e) {
        throw ConfigError(sourceName + ":" + std::to_string(e.source().begin.line) + ": " +
                          std::string(e.description()));
    }
}

}  // namespace domain
