#include "pin.hpp"

#include <sodium.h>

#include <stdexcept>

namespace common {

namespace {

// libsodium must be initialised before hashing (it picks the fastest implementation and seeds its
// RNG); a function-local static makes that happen exactly once even with concurrent callers.
bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool isValidPin(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 8) return false;
    for (char c : pin)
        if (!isAsciiDigit(c)) return false;
    return true;
}

bool isShortPin(std::string_view pin) { return pin.size() < kRecommendedPinDigits; }

std::string hashPin(std::string_view pin) {
    if (!isValidPin(pin)) throw std::runtime_error("the PIN must be 4 to 8 digits");
    if (!sodiumReady()) throw std::runtime_error("cannot initialise libsodium");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("cannot hash the PIN (out of memory?)");
    return out;
}

bool verifyPin(const std::string& hash, std::string_view pin) {
    // libsodium reads the hash as a C string of at most crypto_pwhash_STRBYTES bytes, terminator
    // included: anything longer cannot be one of ours and must not be read past that bound.
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    if (!sodiumReady()) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace common
