#pragma once
// Numbers and dates in the words of the citizen's language, from the translation table.
#include <string>

#include "domain/civil_time.hpp"
#include "domain/texts.hpp"

namespace ui {

// "lunedì 30 novembre"
std::string longDate(const domain::Texts& texts, const domain::LocalDate& date);

// Picks base + "_none" / "_one" / "_many" and fills {n}: "3 persone in attesa".
std::string countText(const domain::Texts& texts, const std::string& baseKey, int n);

}  // namespace ui
