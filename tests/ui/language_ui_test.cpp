// The citizen's language and large text: chosen from the header on any screen, used for the
// screens and the printed ticket, forgotten when the kiosk goes home by itself for the next person.
#include "kiosk_fixture.hpp"

using testing_support::ProcessResult;
using testing_support::readFile;
using testing_support::runProcess;

namespace {

class KioskLanguage : public ui_tests::KioskFixture {
protected:
    // Printing into a file, and a short inactivity so the walk-away case runs in seconds.
    std::string quickPrintingConfig() const {
        std::string config = readFile(printingConfig());
        const std::string key = "inactivity_seconds = 90";
        config.replace(config.find(key), key.size(), "inactivity_seconds = 15");
        return write("quick-printing.toml", config);
    }
};

const std::string kChooseUkrainianWithLargeText =
    "tap language\nexpect-screen language\ntap language:uk\nexpect-screen home\nexpect-target in-use:uk\n"
    "tap large_text\nexpect-target large-text-on\n";

}  // namespace

// Ukrainian and A+ chosen on home stay on for the whole visit; the ticket is printed in Italian
// (the printer's code page has no Cyrillic) and, once the ticket screen has gone home by itself,
// the next person finds Italian.
TEST_F(KioskLanguage, choicesLastTheVisitAndTheNextPersonStartsInItalian) {
    ProcessResult r = runProcess(
        KIOSK_BIN, kioskArgs(quickPrintingConfig(),
                             write("visit.txt", kChooseUkrainianWithLargeText +
                                                    "tap take_ticket\nexpect-screen category\nexpect-target in-use:uk\n"
                                                    "expect-target large-text-on\ntap category:adulti\n"
                                                    "expect-screen ticket\nexpect-target in-use:uk\n"
                                                    "timeout 40\nexpect-target in-use:it\nexpect-screen home\nquit\n")));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    ASSERT_EQ(storedTickets().size(), 1u);
    std::string paper = readFile(printed());
    EXPECT_NE(paper.find("Il tuo numero"), std::string::npos);
    EXPECT_EQ(paper.find("\xD0"), std::string::npos) << "no UTF-8 Cyrillic bytes reach the printer";
}

// A citizen who reads English gets the ticket printed in English.
TEST_F(KioskLanguage, anEnglishTicketIsPrintedInEnglish) {
    ProcessResult r = runProcess(
        KIOSK_BIN, kioskArgs(printingConfig(),
                             write("en.txt", "tap language\nexpect-screen language\ntap language:en\n"
                                             "expect-target in-use:en\ntap take_ticket\ntap category:anziani\n"
                                             "expect-screen ticket\nquit\n")));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::string paper = readFile(printed());
    EXPECT_NE(paper.find("Your number"), std::string::npos);
    EXPECT_EQ(paper.find("Il tuo numero"), std::string::npos);
}

// The language screen's back button keeps the language in use and returns where the citizen was.
TEST_F(KioskLanguage, backOnTheLanguageScreenReturnsToTheScreenBefore) {
    ProcessResult r = runProcess(
        KIOSK_BIN, kioskArgs(ui_tests::kConfig,
                             write("back.txt", "tap hours\nexpect-screen hours\ntap language\nexpect-screen language\n"
                                               "tap language:ro\nexpect-screen hours\nexpect-target in-use:ro\n"
                                               "tap language\nexpect-screen language\ntap back\nexpect-screen hours\n"
                                               "expect-target in-use:ro\nquit\n")));
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

// Someone picks a language and A+ on the home screen and walks away: after the inactivity time
// the home screen is Italian again, in normal text.
TEST_F(KioskLanguage, aChoiceLeftOnTheHomeScreenIsForgottenAfterInactivity) {
    ProcessResult r = runProcess(KIOSK_BIN, kioskArgs(quickPrintingConfig(),
                                                      write("walk-away.txt", kChooseUkrainianWithLargeText +
                                                                                 "timeout 30\nexpect-target in-use:it\n"
                                                                                 "expect-screen home\nquit\n")));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(storedTickets().empty());
}
