#pragma once
// Numbers and dates in the words of the citizen's language, from the translation table.
#include <string>

#include "civil_time.hpp"
#include "texts.hpp"

namespace domain {

// "lunedì 30 novembre"
std::string longDate(const Texts& texts, const LocalDate& date);

// Picks base + "_none" / "_one" / "_many" and fills {n}: "3 persone in attesa".
std::string countText(const Texts& texts, const std::string& baseKey, int n);

}  // namespace domain
