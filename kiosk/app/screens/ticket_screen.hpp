#pragma once
#include "domain/queue.hpp"
#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

enum class PrintOutcome { NoPrinter, Printed, Failed };

// The ticket just taken, shown until the citizen confirms or the timeout brings them home.
struct TicketScreenState {
    domain::IssuedTicket issued;
    int secondsLeft = 0;
    PrintOutcome print = PrintOutcome::NoPrinter;
    bool canListen = false;  // the kiosk can read the number aloud: "Ascolta il numero" is shown
};

void drawTicketScreen(ui::UiContext& ctx, const TicketScreenState& state, Intents& intents);

}  // namespace screens
