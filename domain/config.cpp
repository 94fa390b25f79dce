#include "config.hpp"

#include <algorithm>

namespace domain {

const Category* Config::findCategory(std::string_view id) const {
    const auto it = std::find_if(categories.begin(), categories.end(),
                                 [id](const Category& c) { return c.id == id; });
    return it == categories.end() ? nullptr : &*it;
}

const ServiceCard* Config::findService(std::string_view id) const {
    const auto it = std::find_if(services.begin(), services.end(),
                                 [id](const ServiceCard& s) { return s.id == id; });
    return it == services.end() ? nullptr : &*it;
}

std::vector<const ServiceCard*> Config::servicesOf(std::string_view categoryId) const {
    std::vector<const ServiceCard*> found;
    for (const ServiceCard& service : services) {
        const auto& ids = service.categoryIds;
        if (std::find(ids.begin(), ids.end(), categoryId) != ids.end()) found.push_back(&service);
    }
    return found;
}

}  // namespace domain
