#pragma once
// Internal to domain/'s config reader: [[services]], the charter's service cards, with their translations.
#include <toml++/toml.h>

#include "config.hpp"
#include "config_toml.hpp"

namespace domain::config_detail {

// After readCategories: a card names the categories it belongs to.
void readServices(const toml::node& node, Config& config, const Reporter& report);

}  // namespace domain::config_detail
