// kioskctl i18n-check (issue #9): what each language lacks, and its exit code.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/process.hpp"

namespace {

using testing_support::ProcessResult;
using testing_support::runProcess;
using testing_support::TempDir;
using testing_support::writeFile;

const std::string kSource = KIOSK_SOURCE_DIR;
constexpr int kTranslationsIncomplete = 13;
constexpr int kConfigError = 3;

ProcessResult kioskctl(const std::vector<std::string>& args) { return runProcess(KIOSKCTL_BIN, args); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kItalian =
    "[language]\nname = \"Italiano\"\nvoice = \"it\"\n"
    "[home]\ntake_ticket = \"Prendi il numero\"\nhours = \"Orari\"\n"
    "[staff]\ncall = \"Chiama\"\n";

TEST(I18nCheckCli, theShippedLanguagesAreCompleteExitZero) {
    const ProcessResult run = kioskctl({"i18n-check"});
    EXPECT_EQ(run.exitCode, 0) << run.out << run.err;
    for (const char* line : {"en English: complete", "fr Français: complete", "es Español: complete",
                             "ro Română: complete", "sq Shqip: complete", "uk Українська: complete",
                             "all languages complete"})
        EXPECT_TRUE(contains(run.out, line)) << line << "\n" << run.out;
}

TEST(I18nCheckCli, aMissingKeyIsListedAndExitsThirteen) {
    TempDir dir;
    writeFile(dir.file("it.toml"), kItalian);
    writeFile(dir.file("en.toml"),
              "[language]\nname = \"English\"\nvoice = \"en\"\n[home]\nhours = \"Opening hours\"\nhour = \"x\"\n");
    const ProcessResult run = kioskctl({"i18n-check", "--dir", dir.path().string()});
    EXPECT_EQ(run.exitCode, kTranslationsIncomplete) << run.out << run.err;
    EXPECT_TRUE(contains(run.out, "en English: 1 missing key, 1 unused key\n"
                                  "  missing: home.take_ticket\n"
                                  "  unused: home.hour\n"))
        << run.out;
    EXPECT_FALSE(contains(run.out, "staff.call")) << run.out;  // staff texts are not asked for
}

TEST(I18nCheckCli, unusedKeysAloneStillExitZero) {
    TempDir dir;
    writeFile(dir.file("it.toml"), kItalian);
    writeFile(dir.file("en.toml"), "[language]\nname = \"English\"\nvoice = \"en\"\n[home]\ntake_ticket = \"Take\"\n"
                                   "hours = \"Hours\"\n[staff]\ncall = \"Call\"\n");
    const ProcessResult run = kioskctl({"i18n-check", "--dir", dir.path().string()});
    EXPECT_EQ(run.exitCode, 0) << run.out << run.err;
    EXPECT_TRUE(contains(run.out, "en English: 1 unused key\n  unused: staff.call\n")) << run.out;
}

TEST(I18nCheckCli, theConfigsUntranslatedBlocksAreListedForInformation) {
    const ProcessResult run = kioskctl({"i18n-check", "--config", kSource + "/config/gorgonzola.toml"});
    EXPECT_EQ(run.exitCode, 0) << run.out << run.err;
    EXPECT_TRUE(contains(run.out, "config " + kSource + "/config/gorgonzola.toml: translations in en fr es ro sq uk\n")) << run.out;
    EXPECT_TRUE(contains(run.out, "  en: 4 blocks shown in Italian\n"
                                  "    services[2] (colloquio-assistente-sociale)\n"))
        << run.out;
    EXPECT_FALSE(contains(run.out, "(segretariato-sociale)")) << run.out;
    EXPECT_FALSE(contains(run.out, "[survey]")) << run.out;
}

TEST(I18nCheckCli, aBrokenFileIsAConfigErrorWithFileAndLine) {
    TempDir dir;
    writeFile(dir.file("it.toml"), kItalian);
    writeFile(dir.file("fr.toml"), "[language]\nname = \"Français\"\nvoice = \"fr\"\n[home]\ntake_ticket = Prendre\n");
    const ProcessResult run = kioskctl({"i18n-check", "--dir", dir.path().string()});
    EXPECT_EQ(run.exitCode, kConfigError) << run.out << run.err;
    EXPECT_TRUE(contains(run.err, dir.file("fr.toml") + ":5: ")) << run.err;
}

}  // namespace
