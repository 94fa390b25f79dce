#include "kiosk/common/pin.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace {

TEST(Pin, HashIsArgon2idAndNotThePin) {
    const std::string hash = common::hashPin("1234");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("1234$"), std::string::npos);
    EXPECT_NE(hash, "1234");
}

TEST(Pin, VerifiesTheRightPinOnly) {
    const std::string hash = common::hashPin("60412");
    EXPECT_TRUE(common::verifyPin(hash, "60412"));
    EXPECT_FALSE(common::verifyPin(hash, "60413"));
    EXPECT_FALSE(common::verifyPin(hash, "6041"));
    EXPECT_FALSE(common::verifyPin(hash, ""));
}

TEST(Pin, MalformedHashIsRejected) {
    EXPECT_FALSE(common::verifyPin("", "1234"));
    EXPECT_FALSE(common::verifyPin("1234", "1234"));
    EXPECT_FALSE(common::verifyPin("$argon2id$v=19$m=65536,t=2,p=1$garbage", "1234"));
    EXPECT_FALSE(common::verifyPin(std::string(500, 'x'), "1234"));
    std::string truncated = common::hashPin("1234");
    truncated.resize(truncated.size() - 5);
    EXPECT_FALSE(common::verifyPin(truncated, "1234"));
}

TEST(Pin, SamePinHashesDifferentlyEachTime) {
    const std::string a = common::hashPin("0000");
    const std::string b = common::hashPin("0000");
    EXPECT_NE(a, b);  // random salt
    EXPECT_TRUE(common::verifyPin(a, "0000"));
    EXPECT_TRUE(common::verifyPin(b, "0000"));
}

TEST(Pin, ValidPinsAreFourToEightAsciiDigits) {
    EXPECT_TRUE(common::isValidPin("0000"));
    EXPECT_TRUE(common::isValidPin("12345678"));
    EXPECT_FALSE(common::isValidPin(""));
    EXPECT_FALSE(common::isValidPin("123"));
    EXPECT_FALSE(common::isValidPin("123456789"));
    EXPECT_FALSE(common::isValidPin("12a4"));
    EXPECT_FALSE(common::isValidPin(" 1234"));
    EXPECT_FALSE(common::isValidPin("12-34"));
    EXPECT_FALSE(common::isValidPin("\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4"));  // Arabic-Indic digits
    EXPECT_FALSE(common::isValidPin(std::string_view("12\0" "34", 5)));
}

TEST(Pin, HashingAnInvalidPinThrows) {
    EXPECT_THROW(common::hashPin("12"), std::runtime_error);
    EXPECT_THROW(common::hashPin("abcd"), std::runtime_error);
}

}  // namespace
