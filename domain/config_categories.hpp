#pragma once
// Internal to domain/'s config reader: [[categories]] with their translations, and the category id rule others share.
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "config.hpp"
#include "config_toml.hpp"

namespace domain::config_detail {

void readCategories(const toml::node& node, Config& config, const Reporter& report);

// The id travels into the database and kioskctl command lines, so it stays plain ASCII.
bool isValidCategoryId(std::string_view id);
std::string readCategoryId(const toml::table& table, const TableName& name, const Reporter& report);

// "adulti, anziani": the ids read so far, for messages about an unknown one.
std::string knownCategoryIds(const Config& config);

}  // namespace domain::config_detail
