#include "format.hpp"

namespace domain {

std::string longDate(const Texts& texts, const LocalDate& date) {
    return texts.get("calendar.weekday_" + std::to_string(date.weekdayIso())) + " " + std::to_string(date.day) + " " +
           texts.get("calendar.month_" + std::to_string(date.month));
}

std::string countText(const Texts& texts, const std::string& baseKey, int n) {
    if (n == 0) return texts.get(baseKey + "_none");
    if (n == 1) return texts.get(baseKey + "_one");
    return texts.format(baseKey + "_many", {{"n", std::to_string(n)}});
}

}  // namespace domain
