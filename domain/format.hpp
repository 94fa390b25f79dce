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

// The text with its first letter in upper case, for a line that starts with a weekday
// ("lunedì" -> "Lunedì", "понеділок" -> "Понеділок"). Knows ASCII, Latin-1 and Cyrillic, the
// scripts of the kiosk's languages; any other first character is left as it is.
std::string capitalizedFirst(std::string text);

}  // namespace domain
