#pragma once
// Typing the staff PIN on a touch keypad: the digits typed, the verdict and the slow-down after
// wrong guesses. Shared by the staff console's lock and the citizen kiosk's reserved area.
#include <SDL.h>

#include <string>

#include "domain/pin_guard.hpp"
#include "domain/texts.hpp"
#include "domain/ticket_store.hpp"

namespace app {

class PinEntry {
public:
    PinEntry(domain::TicketStore& store, const domain::Texts& texts) : m_store(store), m_texts(texts) {}

    // '0'..'9' adds a digit (at most 8), '<' deletes the last one.
    void type(char key);
    // Checks the typed PIN against the stored argon2id hash; the digits are forgotten either way.
    bool submit(Uint32 nowTicks);
    // Forgets the digits and the message (a new person may be at the screen).
    void clear();
    // Keeps the lock-out countdown message current; true when it changed.
    bool tick(Uint32 nowTicks);

    std::size_t digits() const { return m_pin.size(); }
    const std::string& message() const { return m_message; }

private:
    std::string waitMessage(Uint32 nowTicks) const;

    domain::TicketStore& m_store;
    const domain::Texts& m_texts;
    std::string m_pin;
    std::string m_message;
    domain::PinGuard m_guard;
    bool m_countingDown = false;
};

}  // namespace app
