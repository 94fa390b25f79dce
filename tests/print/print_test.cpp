// The printer side of issue 6: the bytes a thermal printer receives, where they go, what fails.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "kiosk/common/config_files.hpp"
#include "kiosk/common/escpos.hpp"
#include "kiosk/common/printer.hpp"
#include "kiosk/common/ticket_preview.hpp"
#include "support/process.hpp"

using testing_support::readFile;
using testing_support::TempDir;

namespace {

namespace fs = std::filesystem;
using Style = domain::PrintLine::Style;

const std::string ESC = "\x1b";
const std::string GS = "\x1d";

domain::PrintedTicket sampleTicket() {
    return {{{"Comune di Gorgonzola", Style::Bold, true},
             {"Attività per la città", Style::Normal, true},
             {"N007", Style::Big, true},
             {"Dopo il colloquio valuta il servizio sul totem con il codice:", Style::Normal, true},
             {"482913", Style::Bold, false}}};
}

common::PrintResult printTo(const std::string& target, const domain::PrintedTicket& ticket = sampleTicket()) {
    common::TicketPrinter printer(domain::PrinterConfig{target, 32});
    return printer.print(ticket);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The GS ! size byte in force where `at` starts: the last one sent before it.
int sizeBefore(const std::string& bytes, std::size_t at) {
    const std::size_t command = bytes.rfind(GS + "!", at);
    return command == std::string::npos ? 0 : static_cast<unsigned char>(bytes[command + 2]);
}

// Puts a fake `lp` first on PATH for the test's lifetime; the real one is rarely installed.
class FakeLp {
public:
    FakeLp(const TempDir& dir, const std::string& script) : m_oldPath(std::getenv("PATH") ? std::getenv("PATH") : "") {
        const std::string path = dir.file("lp");
        std::ofstream(path) << "#!/bin/sh\n" << script;
        fs::permissions(path, fs::perms::owner_all);
        setenv("PATH", (dir.path().string() + ":" + m_oldPath).c_str(), 1);
    }
    ~FakeLp() { setenv("PATH", m_oldPath.c_str(), 1); }
    FakeLp(const FakeLp&) = delete;
    FakeLp& operator=(const FakeLp&) = delete;

private:
    std::string m_oldPath;
};

bool lpInstalled() { return std::system("command -v lp >/dev/null 2>&1") == 0; }

struct Image {
    int width = 0, height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};
    unsigned char at(int x, int y) const { return pixels.get()[y * width + x]; }
};

Image loadGrey(const std::string& path) {
    Image image;
    int channels = 0;
    image.pixels.reset(stbi_load(path.c_str(), &image.width, &image.height, &channels, 1));
    return image;
}

int darkPixelsInRows(const Image& image, int from, int to) {
    int dark = 0;
    for (int y = from; y < to; ++y)
        for (int x = 0; x < image.width; ++x) dark += image.at(x, y) < 128 ? 1 : 0;
    return dark;
}

}  // namespace

// ---- the code page ----

TEST(CodePage858, italianAccentsAndTheEuroHaveTheirBytes) {
    EXPECT_EQ(common::toCodePage858("àèéìòù"), "\x85\x8a\x82\x8d\x95\x97");
    EXPECT_EQ(common::toCodePage858("ÀÈÉÌÒÙ"), "\xb7\xd4\x90\xde\xe3\xeb");
    EXPECT_EQ(common::toCodePage858("€ 5,00"), "\xd5 5,00");
    EXPECT_EQ(common::toCodePage858("1° piano"), "1\xf8 piano");
    EXPECT_EQ(common::toCodePage858("Attività"), "Attivit\x85");
}

TEST(CodePage858, unknownCharactersBecomeAQuestionMark) {
    EXPECT_EQ(common::toCodePage858("Łódź"), "?\xa2" "d?");
    EXPECT_EQ(common::toCodePage858("Жук"), "???");
    EXPECT_EQ(common::toCodePage858("日本"), "??");
    EXPECT_EQ(common::toCodePage858("ok \xff\xfe."), "ok ??.");  // not UTF-8 at all
}

TEST(CodePage858, typographicPunctuationBecomesAscii) {
    EXPECT_EQ(common::toCodePage858("9:30 – 11:30"), "9:30 - 11:30");
    EXPECT_EQ(common::toCodePage858("l’ufficio “aperto”"), "l'ufficio \"aperto\"");
    EXPECT_EQ(common::toCodePage858("«sì»"), "\xaes\x8d\xaf");  // the guillemets are in PC858
}

TEST(CodePage858, controlCharactersCannotSmuggleCommands) {
    EXPECT_EQ(common::toCodePage858("a\x1b@b\x1dVc\x7f"), "a?@b?Vc?");
    EXPECT_EQ(common::toCodePage858("a\tb"), "a b");
}

TEST(CodePage858, printedCharactersShowWhatThePaperWillSay) {
    EXPECT_EQ(common::printedCharacters("Città – €"), U"Città - €");
    EXPECT_EQ(common::printedCharacters("Жук"), U"???");
}

// ---- the ESC/POS bytes ----

TEST(EscPos, aFileTargetReceivesTheWholeTicket) {
    TempDir dir;
    const std::string out = dir.file("ticket.bin");
    const common::PrintResult result = printTo("file:" + out);
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_FALSE(result.skipped);
    const std::string bytes = readFile(out);

    EXPECT_EQ(bytes.substr(0, 2), ESC + "@") << "starts by resetting the printer";
    EXPECT_EQ(bytes.substr(2, 3), ESC + "t\x13") << "then selects PC858";
    const std::size_t code = bytes.find("N007");
    ASSERT_NE(code, std::string::npos);
    EXPECT_EQ(sizeBefore(bytes, code), 0x11) << "the code in double width and height";
    EXPECT_EQ(sizeBefore(bytes, bytes.find("Comune di Gorgonzola")), 0x00);
    EXPECT_TRUE(contains(bytes, "Attivit\x85 per la citt\x85")) << "accents as PC858 bytes";
    EXPECT_FALSE(contains(bytes, "\xc3\xa0")) << "no UTF-8 left";
    EXPECT_TRUE(contains(bytes, "482913"));
    EXPECT_EQ(bytes.substr(bytes.size() - 3), GS + "V\x01") << "ends with the cut";
}

TEST(EscPos, boldAlignmentAndWrappingFollowTheLines) {
    const std::string bytes = common::encodeEscPos(sampleTicket(), 32);
    // The long invitation is wrapped at a space to 32 characters a line.
    EXPECT_TRUE(contains(bytes, "Dopo il colloquio valuta il\nservizio sul totem con il\ncodice:\n")) << bytes;
    // The survey code: left-aligned (ESC a 0) and bold (ESC E 1) just before it.
    const std::size_t survey = bytes.find("482913");
    using namespace std::string_literals;
    EXPECT_EQ(bytes.substr(survey - 9, 9), ESC + "a\x00"s + GS + "!\x00"s + ESC + "E\x01");
    // A big line holds half as many characters.
    const std::string big = common::encodeEscPos({{{"ABCDEFGHIJKLMNOPQRS", Style::Big, true}}}, 32);
    EXPECT_TRUE(contains(big, "ABCDEFGHIJKLMNOP\nQRS\n"));
    const std::string wide = common::encodeEscPos({{{"ABCDEFGHIJKLMNOPQRS", Style::Big, true}}}, 48);
    EXPECT_TRUE(contains(wide, "ABCDEFGHIJKLMNOPQRS\n"));
}

TEST(EscPos, theTicketFromTheConfigEncodes) {
    domain::Config config;
    config.office = {"Comune di Massa", "Segretariato sociale", "", "", "Via Porta Fabbrica, 1", "", {}, ""};
    config.categories = {{"minori", "Minori e Famiglie", 'M', ""}};
    domain::IssuedTicket issued;
    issued.ticket.code = "M012";
    issued.ticket.surveyCode = "123456";
    issued.ticket.issuedAt = *domain::LocalDateTime::parse("2026-12-02T16:45");
    issued.category = &config.categories.front();
    issued.peopleAhead = 2;
    issued.waitMinutes = 15;
    const std::string bytes = common::encodeEscPos(
        domain::printedTicket(config, issued, common::loadTextsFile(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n/it.toml")), 48);
    EXPECT_TRUE(contains(bytes, "M012"));
    EXPECT_TRUE(contains(bytes, "02/12/2026 ore 16:45"));
    EXPECT_TRUE(contains(bytes, "2 persone prima di te"));
    EXPECT_TRUE(contains(bytes, "Attesa stimata: circa 15 minuti"));
    EXPECT_TRUE(contains(bytes, "123456"));
}

// ---- targets ----

TEST(Printer, noneIsSkippedNotFailed) {
    common::TicketPrinter printer(domain::PrinterConfig{});
    EXPECT_FALSE(printer.enabled());
    const common::PrintResult result = printer.print(sampleTicket());
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.skipped);
    EXPECT_TRUE(result.error.empty());
}

TEST(Printer, anInvalidTargetFailsSayingWhatIsExpected) {
    common::TicketPrinter printer(domain::PrinterConfig{"usb", 32});
    EXPECT_TRUE(printer.enabled());
    const common::PrintResult result = printer.print(sampleTicket());
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.skipped);
    EXPECT_TRUE(contains(result.error, "printer usb: not a valid target")) << result.error;
}

TEST(Printer, aFileInAMissingDirectoryFailsNamingTheTarget) {
    TempDir dir;
    const std::string target = "file:" + dir.file("missing/ticket.bin");
    const common::PrintResult result = printTo(target);
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.skipped);
    EXPECT_TRUE(contains(result.error, "printer " + target + ": cannot open the file: No such file or directory"))
        << result.error;
}

TEST(Printer, aFileUnderARegularFileFails) {
    TempDir dir;
    std::ofstream(dir.file("plain")) << "x";
    const common::PrintResult result = printTo("file:" + dir.file("plain/ticket.bin"));
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(contains(result.error, "Not a directory")) << result.error;
}

TEST(Printer, aFileInAReadOnlyDirectoryFails) {
    if (geteuid() == 0) GTEST_SKIP() << "root writes into read-only directories";
    TempDir dir;
    fs::create_directory(dir.file("ro"));
    fs::permissions(dir.file("ro"), fs::perms::owner_read | fs::perms::owner_exec);
    const common::PrintResult result = printTo("file:" + dir.file("ro/ticket.bin"));
    fs::permissions(dir.file("ro"), fs::perms::owner_all);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(contains(result.error, "Permission denied")) << result.error;
}

TEST(Printer, aDeviceInAMissingDirectoryFailsNamingTheTarget) {
    TempDir dir;
    const std::string target = "device:" + dir.file("usb/lp0");
    const common::PrintResult result = printTo(target);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(contains(result.error, "printer " + target + ": cannot open the device")) << result.error;
}

TEST(Printer, aDeviceThatTakesDataPrints) {
    EXPECT_TRUE(printTo("device:/dev/null").ok);
}

// A FIFO nobody reads stands for a printer that is not there: it must fail at once, not hang.
TEST(Printer, aDeviceWithNobodyListeningFailsWithoutBlocking) {
    TempDir dir;
    ASSERT_EQ(mkfifo(dir.file("lp0").c_str(), 0600), 0);
    const auto start = std::chrono::steady_clock::now();
    const common::PrintResult result = printTo("device:" + dir.file("lp0"));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(contains(result.error, "cannot open the device")) << result.error;
}

TEST(Printer, cupsGetsTheRawBytesOnStdin) {
    TempDir dir;
    const std::string received = dir.file("received.bin");
    const std::string args = dir.file("args.txt");
    FakeLp lp(dir, "echo \"$@\" > '" + args + "'\ncat > '" + received + "'\necho 'request id is Q-1 (1 file(s))'\n");
    const common::PrintResult result = printTo("cups:Termica");
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_EQ(readFile(args), "-d Termica -o raw\n");
    EXPECT_EQ(readFile(received), common::encodeEscPos(sampleTicket(), 32));
}

TEST(Printer, cupsFailureReportsLpsExitStatusAndMessage) {
    TempDir dir;
    FakeLp lp(dir, "cat > /dev/null\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n");
    const common::PrintResult result = printTo("cups:Missing");
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.error,
              "printer cups:Missing: lp failed (exit status 1): lp: The printer or class does not exist.");
}

// lp may give up before reading: the kiosk must survive the broken pipe (no SIGPIPE death).
TEST(Printer, cupsExitingWithoutReadingDoesNotKillTheCaller) {
    TempDir dir;
    FakeLp lp(dir, "exit 2\n");
    domain::PrintedTicket large;
    for (int i = 0; i < 5000; ++i) large.lines.push_back({"riga lunga di prova per riempire il tubo", Style::Normal});
    const common::PrintResult result = printTo("cups:Q", large);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(contains(result.error, "printer cups:Q: lp failed (exit status 2)")) << result.error;
}

TEST(Printer, cupsWithoutLpSaysSo) {
    TempDir dir;
    const std::string oldPath = std::getenv("PATH");
    setenv("PATH", dir.path().c_str(), 1);
    const common::PrintResult result = printTo("cups:Termica");
    setenv("PATH", oldPath.c_str(), 1);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(contains(result.error, "printer cups:Termica: cannot run lp")) << result.error;
}

TEST(Printer, aCupsQueueThatDoesNotExistFails) {
    if (!lpInstalled()) GTEST_SKIP() << "lp (cups-client) is not installed";
    const common::PrintResult result = printTo("cups:no-such-queue-for-kiosk-tests");
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(contains(result.error, "printer cups:no-such-queue-for-kiosk-tests:")) << result.error;
}

// ---- the preview ----

TEST(Preview, isAWhitePaperStripWithTextInTheMiddle) {
    TempDir dir;
    for (const int width : {32, 48}) {
        const std::string png = dir.file("ticket" + std::to_string(width) + ".png");
        common::writeTicketPreviewPng(sampleTicket(), width, std::string(KIOSK_SOURCE_DIR) + "/assets", png);
        const Image image = loadGrey(png);
        ASSERT_NE(image.pixels, nullptr);
        EXPECT_EQ(image.width, width == 32 ? 384 : 576);
        EXPECT_GT(image.height, 200);
        EXPECT_EQ(image.at(0, 0), 255);
        EXPECT_EQ(image.at(image.width - 1, 0), 255);
        EXPECT_EQ(image.at(image.width - 1, image.height / 2), 255) << "text keeps off the right edge";
        EXPECT_GT(darkPixelsInRows(image, image.height / 3, 2 * image.height / 3), 100);
    }
}

TEST(Preview, theCodeIsTheLargestText) {
    TempDir dir;
    const std::string png = dir.file("t.png");
    common::writeTicketPreviewPng({{{"N007", Style::Big, true}, {"N007", Style::Normal, true}}}, 32, "/nonexistent",
                                  png);  // DejaVu then
    const Image image = loadGrey(png);
    ASSERT_NE(image.pixels, nullptr);
    // The big row spans 60 px from the top margin, the normal one the next 30.
    EXPECT_GT(darkPixelsInRows(image, 16, 76), 3 * darkPixelsInRows(image, 76, 106));
}

TEST(Preview, anUnwritablePathThrows) {
    EXPECT_THROW(common::writeTicketPreviewPng(sampleTicket(), 32, "", "/nonexistent-dir/t.png"), std::runtime_error);
}
