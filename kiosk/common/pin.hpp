#pragma once
// The staff PIN: checked against an argon2id hash (libsodium); the PIN itself is never stored.
#include <string>
#include <string_view>

namespace common {

// The setting under which the store keeps the hash.
inline constexpr const char* kPinSettingKey = "staff_pin_hash";

// 4 to 8 digits: typed on the console's keypad.
bool isValidPin(std::string_view pin);

// crypto_pwhash_str (argon2id, interactive limits); throws std::runtime_error if it cannot.
std::string hashPin(std::string_view pin);

// True when pin matches the hash; false for a wrong PIN or a malformed hash.
bool verifyPin(const std::string& hash, std::string_view pin);

}  // namespace common
