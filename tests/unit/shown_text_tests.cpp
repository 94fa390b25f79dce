// Text from outside repeated in a message: control characters escaped, everything else as written.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "domain/config.hpp"
#include "domain/queue.hpp"
#include "domain/shown_text.hpp"
#include "memory_store.hpp"
#include "minimal_config.hpp"

using domain::escapedControls;
using namespace std::string_view_literals;

TEST(EscapedControls, escEndsUpAsTextAndNulNoLongerCutsTheMessage) {
    EXPECT_EQ(escapedControls("gio\x1b[31mvani"sv), "gio\\x1b[31mvani");
    EXPECT_EQ(escapedControls("A\0" "12"sv), "A\\x0012");
    EXPECT_EQ(escapedControls("\a\b\r\x7f"sv), "\\x07\\x08\\x0d\\x7f");
}

TEST(EscapedControls, lineBreaksAreEscapedUnlessTheMessageMaySpanLines) {
    EXPECT_EQ(escapedControls("a\nb\tc"sv), "a\\x0ab\\x09c");
    EXPECT_EQ(escapedControls("a\nb\tc\x1b"sv, true), "a\nb\tc\\x1b");
}

TEST(EscapedControls, printableTextOfEveryScriptIsKept) {
    for (const std::string_view text : {"Adulti 100% \"ok\" \\ ~"sv, "lunedì"sv, "Дорослі"sv, "Të moshuar"sv,
                                        "\xc2\xa0" "espace insécable"sv, "\xf0\x9f\x98\x80"sv /* emoji */})
        EXPECT_EQ(escapedControls(text), text);
}

TEST(EscapedControls, c1ControlsAndBytesThatAreNotUtf8AreEscaped) {
    EXPECT_EQ(escapedControls("\xc2\x9b" "2J"sv), "\\xc2\\x9b2J");  // U+009B, a CSI to many terminals
    EXPECT_EQ(escapedControls("caf\xe9"sv), "caf\\xe9");             // Latin-1, not UTF-8
    EXPECT_EQ(escapedControls("\x9b" "2J"sv), "\\x9b2J");            // a lone continuation byte
    EXPECT_EQ(escapedControls("\xc3"sv), "\\xc3");                   // cut in the middle of a letter
    EXPECT_EQ(escapedControls("\xc0\xaf"sv), "\\xc0\\xaf");          // overlong '/'
    EXPECT_EQ(escapedControls("\xed\xa0\x80"sv), "\\xed\\xa0\\x80");  // a UTF-16 surrogate
}

TEST(EscapedControls, escapingTwiceChangesNothing) {
    const std::string once = escapedControls("x\x1b\0y\xff\xc2\x85"sv);
    EXPECT_EQ(escapedControls(once), once);
}

// What the kiosk, check-config and doctor print: the whole message, with the value escaped.
TEST(EscapedControls, aConfigErrorQuotingAValueWithNulAndEscIsWholeAndEscaped) {
    const std::string toml = testing_support::kOffice +
                             "[[categories]]\nid = \"adulti\"\nlabel = \"Adulti\"\nprefix = \"\\u0000\\u001b[2J\"\n";
    try {
        domain::parseConfig(toml, "bad\x1b.toml");
        FAIL() << "accepted";
    } catch (const domain::ConfigError& error) {
        EXPECT_STREQ(error.what(),
                     "bad\\x1b.toml:8: categories[1].prefix: expected one letter A-Z, found \"\\x00\\x1b[2J\"");
    }
}

TEST(EscapedControls, anUnknownCategoryIsRepeatedEscaped) {
    const domain::Config config = domain::parseConfig(testing_support::kOffice + testing_support::kTwoCategories, "x.toml");
    testing_support::MemoryStore store;
    const domain::FixedClock clock{*domain::LocalDateTime::parse("2026-11-30T15:30")};
    domain::QueueService queue{config, store, clock};
    try {
        queue.takeTicket("gio\x1b[31mvani\0x"sv);
        FAIL() << "accepted";
    } catch (const domain::UnknownCategoryError& error) {
        EXPECT_STREQ(error.what(), "unknown category \"gio\\x1b[31mvani\\x00x\" (known: adulti, anziani)");
    }
}
