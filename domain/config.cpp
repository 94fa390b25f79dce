#include "config.hpp"

#include <algorithm>

namespace domain {

const Category* Config::findCategory(std::string_view id) const {
    const auto it = std::find_if(categories.begin(), categories.end(),
                                 [id](const Category& c) { return c.id == id; });
    return it == categories.end() ? nullptr : &*it;
}

}  // namespace domain
