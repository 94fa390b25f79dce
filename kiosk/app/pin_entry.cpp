#include "pin_entry.hpp"

#include "kiosk/common/pin.hpp"

namespace app {

void PinEntry::type(char key) {
    if (key == '<') {
        if (!m_pin.empty()) m_pin.pop_back();
    } else if (m_pin.size() < 8) {
        m_pin += key;
    }
}

std::string PinEntry::waitMessage(Uint32 nowTicks) const {
    return m_texts.format("staff.wait_seconds", {{"s", std::to_string(m_guard.secondsLeft(nowTicks))}});
}

bool PinEntry::submit(Uint32 nowTicks) {
    if (m_guard.lockedOut(nowTicks)) return false;
    std::optional<std::string> hash = m_store.setting(common::kPinSettingKey);
    bool ok = hash && common::verifyPin(*hash, m_pin);
    m_pin.clear();
    if (!hash) {
        m_message = m_texts.get("staff.no_pin");
    } else if (ok) {
        m_guard.recordSuccess();
        m_message.clear();
    } else {
        m_guard.recordFailure(nowTicks);
        m_message = m_guard.lockedOut(nowTicks) ? waitMessage(nowTicks) : m_texts.get("staff.wrong_pin");
    }
    return ok;
}

void PinEntry::clear() {
    m_pin.clear();
    m_message.clear();
}

bool PinEntry::tick(Uint32 nowTicks) {
    if (!m_guard.lockedOut(nowTicks)) {
        if (!m_countingDown) return false;
        m_countingDown = false;
        m_message.clear();
        return true;
    }
    m_countingDown = true;
    m_message = waitMessage(nowTicks);
    return true;
}

}  // namespace app
