// Reading the hand-edited files from disk (kiosk/common/config_files): regular files only, up to
// 1 MB, and a plain message naming the file for anything else. The kiosk, kioskctl and
// check-config all read through it.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/config.hpp"
#include "kiosk/common/config_files.hpp"
#include "minimal_config.hpp"
#include "support/process.hpp"

namespace {

const std::string kValidConfig = testing_support::kOffice + testing_support::kTwoCategories;

// The message of the ConfigError that reading `path` gives, or a failure when it is read.
std::string refusal(const std::string& path) {
    try {
        common::loadConfigFile(path);
    } catch (const domain::ConfigError& error) {
        return error.what();
    }
    ADD_FAILURE() << path << " was accepted";
    return {};
}

}  // namespace

TEST(ConfigFile, aRegularFileIsRead) {
    testing_support::TempDir dir;
    testing_support::writeFile(dir.file("ok.toml"), kValidConfig);
    EXPECT_EQ(common::loadConfigFile(dir.file("ok.toml")).categories.size(), 2u);
}

// Before, opening the pipe waited for a writer, and the writer below handed it a valid config.
// Now the pipe is refused without waiting: the writer is let go by the test's own reader.
TEST(ConfigFile, aNamedPipeIsRefusedAtOnceWithoutWaitingForAWriter) {
    std::signal(SIGPIPE, SIG_IGN);  // the writer may find the refusing reader already gone
    testing_support::TempDir dir;
    const std::string fifo = dir.file("kiosk.toml");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::thread writer([&] {
        const int fd = ::open(fifo.c_str(), O_WRONLY);  // waits for a reader
        if (fd < 0) return;
        const ssize_t written = ::write(fd, kValidConfig.data(), kValidConfig.size());
        static_cast<void>(written);
        ::close(fd);
    });
    const std::string message = refusal(fifo);
    // A reader of our own, so the writer's open returns whatever happened above.
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    writer.join();
    if (reader >= 0) ::close(reader);
    EXPECT_EQ(message, fifo + ": is a named pipe (FIFO), not a regular file: copy the text into a file");
}

TEST(ConfigFile, aFolderIsRefusedAsAFolderNotAsAConfigWithoutOffice) {
    testing_support::TempDir dir;
    EXPECT_EQ(refusal(dir.path().string()),
              dir.path().string() + ": is a folder, not a file: give the path of the .toml file in it");
}

TEST(ConfigFile, aDeviceIsRefusedBeforeAByteIsRead) {
    // /dev/zero never ends: read to the end, it filled the memory (3 GB in 6 s).
    EXPECT_EQ(refusal("/dev/zero"), "/dev/zero: is a device, not a regular file");
}

TEST(ConfigFile, aFileOverOneMegabyteIsRefusedAndOneOfExactlyOneMegabyteIsRead) {
    testing_support::TempDir dir;
    // Valid TOML padded with a comment to the size wanted.
    const auto padded = [&](std::size_t bytes) {
        std::string text = kValidConfig + "#";
        text.resize(bytes - 1, 'x');
        return text + "\n";
    };
    testing_support::writeFile(dir.file("limit.toml"), padded(1024 * 1024));
    EXPECT_EQ(common::loadConfigFile(dir.file("limit.toml")).categories.size(), 2u);
    testing_support::writeFile(dir.file("big.toml"), padded(1024 * 1024 + 1));
    EXPECT_EQ(refusal(dir.file("big.toml")),
              dir.file("big.toml") + ": 1048577 bytes, more than the 1 MB (1048576 bytes) a config or language "
                                     "file may have: is it the right file?");
}

TEST(ConfigFile, aMissingFileSaysSo) {
    EXPECT_EQ(refusal("/nonexistent/kiosk.toml"), "/nonexistent/kiosk.toml: cannot read the file (No such file or directory)");
}

// The language files go through the same reader: a pipe named it.toml is refused for what it is.
TEST(ConfigFile, aLanguageFileThatIsAPipeIsNamedAndRefused) {
    testing_support::TempDir dir;
    std::filesystem::copy(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n", dir.path() / "i18n");
    const std::string en = (dir.path() / "i18n" / "en.toml").string();
    std::filesystem::remove(en);
    ASSERT_EQ(::mkfifo(en.c_str(), 0600), 0);
    try {
        common::loadCatalog((dir.path() / "i18n").string());
        FAIL() << "accepted";
    } catch (const domain::ConfigError& error) {
        EXPECT_STREQ(error.what(), (en + ": is a named pipe (FIFO), not a regular file: copy the text into a file").c_str());
    }
}
