#pragma once
// Internal to domain/'s config reader: [[categories]] and their translations; their ids for other sections.
#include <string>

#include <toml++/toml.h>

#include "config.hpp"
#include "config_toml.hpp"

namespace domain::config_detail {

void readCategories(const toml::node& node, Config& config, const Reporter& report);

// readId, with a category's id as the example.
std::string readCategoryId(const toml::table& table, const TableName& name, const Reporter& report);

// "adulti, anziani": the ids read so far, for messages about an unknown one.
std::string knownCategoryIds(const Config& config);

}  // namespace domain::config_detail
