#pragma once
// Internal to domain/'s config reader: [hours], the weekly and extra openings, closures and patron saint's day.
#include <toml++/toml.h>

#include "config.hpp"
#include "config_toml.hpp"

namespace domain::config_detail {

void readHours(const toml::node& node, Config& config, const Reporter& report);

}  // namespace domain::config_detail
