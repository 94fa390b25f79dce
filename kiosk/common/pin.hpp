#pragma once
// The staff PIN: checked against an argon2id hash (libsodium); the PIN itself is never stored.
#include <cstddef>
#include <string>
#include <string_view>

namespace common {

// The setting under which the store keeps the hash.
inline constexpr const char* kPinSettingKey = "staff_pin_hash";

// Beside the hash: "yes" when the PIN has fewer than kRecommendedPinDigits, else "no". Nothing else
// about the PIN is kept; kioskctl doctor warns on "yes" without ever seeing the PIN.
inline constexpr const char* kPinShortSettingKey = "staff_pin_short";

// 4 to 8 digits: typed on the console's keypad.
bool isValidPin(std::string_view pin);

// A copy of the database holds the PIN's hash: a 4-digit PIN falls to an offline search in about
// 11 minutes on one processor core, 6 digits take some 18 hours, 8 about 2.5 months. Still valid
// from 4 digits; 6 or more are recommended.
inline constexpr std::size_t kRecommendedPinDigits = 6;
bool isShortPin(std::string_view pin);

// crypto_pwhash_str (argon2id, interactive limits); throws std::runtime_error if it cannot.
std::string hashPin(std::string_view pin);

// True when pin matches the hash; false for a wrong PIN or a malformed hash.
bool verifyPin(const std::string& hash, std::string_view pin);

}  // namespace common
