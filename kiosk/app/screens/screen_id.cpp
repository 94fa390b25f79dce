#include "screen_id.hpp"

#include <array>
#include <utility>

namespace screens {
namespace {
constexpr std::array<std::pair<ScreenId, std::string_view>, 15> kNames{{{ScreenId::Home, "home"},
                                                                      {ScreenId::Category, "category"},
                                                                      {ScreenId::Ticket, "ticket"},
                                                                      {ScreenId::Error, "error"},
                                                                      {ScreenId::NoTicket, "no-ticket"},
                                                                      {ScreenId::Hours, "hours"},
                                                                      {ScreenId::Services, "services"},
                                                                      {ScreenId::ServiceList, "service-list"},
                                                                      {ScreenId::Card, "card"},
                                                                      {ScreenId::SurveyCode, "survey-code"},
                                                                      {ScreenId::SurveyQuestion, "survey-question"},
                                                                      {ScreenId::SurveyThanks, "survey-thanks"},
                                                                      {ScreenId::AdminPin, "admin-pin"},
                                                                      {ScreenId::Admin, "admin"},
                                                                      {ScreenId::Language, "language"}}};
}

std::string_view screenName(ScreenId id) {
    for (const auto& [k, name] : kNames)
        if (k == id) return name;
    return "home";
}

std::optional<ScreenId> screenFromName(std::string_view name) {
    for (const auto& [k, n] : kNames)
        if (n == name) return k;
    return std::nullopt;
}

}  // namespace screens
