#pragma once
// The office's configuration as the domain sees it, filled from the TOML files in config/.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ticket.hpp"

namespace domain {

// Who runs the desk and where citizens find it (from the charter's service card).
struct Office {
    std::string comune;   // "Comune di Gorgonzola"
    std::string name;     // "Segretariato sociale"
    std::string service;  // "Servizio sociale - Uffici delle Assistenti sociali"
    std::string floor;    // "1° piano"
    std::string address;  // "Piazza Camillo Ripamonti, 1"
    std::string city;     // "Gorgonzola"
    std::vector<std::string> phones;
    std::string email;
};

struct Config {
    std::string sourceName;  // file the config came from, for messages
    Office office;
    std::vector<Category> categories;

    const Category* findCategory(std::string_view id) const;
};

// A config that cannot be used: says file:line and what is expected.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses the TOML text of a config; sourceName is used in error messages ("config/x.toml:12: ...").
Config parseConfig(std::string_view tomlText, const std::string& sourceName);

}  // namespace domain
