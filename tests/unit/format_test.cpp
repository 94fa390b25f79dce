// Texts the screens compose: a line that starts with a weekday starts with a capital letter in
// every language of the kiosk.
#include <gtest/gtest.h>

#include "domain/format.hpp"

TEST(CapitalizedFirst, raisesTheFirstLetterOfEveryScriptTheKioskSpeaks) {
    EXPECT_EQ(domain::capitalizedFirst("lunedì 30 novembre"), "Lunedì 30 novembre");
    EXPECT_EQ(domain::capitalizedFirst("понеділок 30 листопада"), "Понеділок 30 листопада");
    EXPECT_EQ(domain::capitalizedFirst("ïжак"), "Ïжак");
    EXPECT_EQ(domain::capitalizedFirst("і"), "І");
    EXPECT_EQ(domain::capitalizedFirst("ґанок"), "Ґанок");
    EXPECT_EQ(domain::capitalizedFirst("été"), "Été");
}

TEST(CapitalizedFirst, leavesCapitalsDigitsAndOtherScriptsAlone) {
    EXPECT_EQ(domain::capitalizedFirst("Monday"), "Monday");
    EXPECT_EQ(domain::capitalizedFirst("30 novembre"), "30 novembre");
    EXPECT_EQ(domain::capitalizedFirst("÷"), "÷");
    EXPECT_EQ(domain::capitalizedFirst("€ 5"), "€ 5");
    EXPECT_EQ(domain::capitalizedFirst(""), "");
    EXPECT_EQ(domain::capitalizedFirst("\xD0"), "\xD0") << "a cut UTF-8 sequence is not touched";
}
