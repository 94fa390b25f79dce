#pragma once
// The citizen screens and the intents they emit; applied by the app between frames.
#include <optional>
#include <string>
#include <string_view>

namespace screens {

enum class ScreenId {
    Home,
    Category,
    Ticket,
    Error,
    NoTicket,
    Hours,
    Services,
    ServiceList,
    Card,
    SurveyCode,
    SurveyQuestion,
    SurveyThanks,
    AdminPin,
    Admin,
    Language
};

std::string_view screenName(ScreenId id);
std::optional<ScreenId> screenFromName(std::string_view name);

// What a tap asked for; nothing changes while a frame is being drawn.
struct Intents {
    std::optional<ScreenId> goTo;
    std::optional<std::string> takeTicketCategory;
    std::optional<std::string> openServicesOf;  // a category id: its list of services
    std::optional<std::string> openCard;        // a service card id
    std::optional<char> pinKey;                 // the reserved area's keypad: '0'..'9', '<', '\n' (OK)
    bool exitKiosk = false;                     // staff closed the kiosk from the reserved area
    bool openLanguages = false;                 // the language button in the header
    std::optional<std::string> chooseLanguage;  // a language code picked on the language screen
    bool toggleLargeText = false;               // the A+ button in the header
    bool listenTicket = false;                  // "Ascolta il numero": read the ticket number aloud
};

}  // namespace screens
