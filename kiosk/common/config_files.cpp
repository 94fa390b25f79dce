#include "config_files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace common {
namespace {

// A config of the largest office is some tens of kilobytes, a language file fewer; a megabyte is
// far above both and still parsed in a blink.
constexpr std::size_t kMaxFileBytes = 1024 * 1024;

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

[[noreturn]] void failReading(const std::string& path, int error) {
    throw domain::ConfigError(path + ": cannot read the file (" + std::strerror(error) + ")");
}

// What the path is instead of a file, as the office's IT person would say it.
std::string notAFile(mode_t mode) {
    if (S_ISDIR(mode)) return "is a folder, not a file: give the path of the .toml file in it";
    if (S_ISFIFO(mode)) return "is a named pipe (FIFO), not a regular file: copy the text into a file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    return "is not a regular file";
}

[[noreturn]] void failTooLarge(const std::string& path, const std::string& size) {
    throw domain::ConfigError(path + ": " + size + ", more than the 1 MB (" + std::to_string(kMaxFileBytes) +
                              " bytes) a config or language file may have: is it the right file?");
}

// Regular files only, up to kMaxFileBytes: a FIFO would wait for a writer for ever, /dev/zero
// would fill the memory, and a folder would read as an empty config.
std::string readWholeFile(const std::string& path) {
    // O_NONBLOCK: opening a FIFO waits for a writer without it. The type and the size are those of
    // the open descriptor, so the file checked is the file read.
    const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (file.get() < 0) failReading(path, errno);
    struct stat status {};
    if (::fstat(file.get(), &status) != 0) failReading(path, errno);
    if (!S_ISREG(status.st_mode)) throw domain::ConfigError(path + ": " + notAFile(status.st_mode));
    if (static_cast<std::uintmax_t>(status.st_size) > kMaxFileBytes)
        failTooLarge(path, std::to_string(status.st_size) + " bytes");
    // One byte more than the limit is asked for: a file growing while it is read is caught too.
    std::string text(kMaxFileBytes + 1, '\0');
    std::size_t length = 0;
    while (length < text.size()) {
        const ssize_t got = ::read(file.get(), text.data() + length, text.size() - length);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) failReading(path, errno);
        if (got == 0) break;
        length += static_cast<std::size_t>(got);
    }
    if (length > kMaxFileBytes) failTooLarge(path, "over " + std::to_string(kMaxFileBytes) + " bytes");
    text.resize(length);
    return text;
}

}  // namespace

domain::Config loadConfigFile(const std::string& path) { return domain::parseConfig(readWholeFile(path), path); }

domain::Texts loadTextsFile(const std::string& path) { return domain::parseTexts(readWholeFile(path), path); }

std::vector<domain::LanguageFile> loadLanguageFiles(const std::string& i18nDir) {
    namespace fs = std::filesystem;
    std::error_code error;
    std::vector<std::string> codes;
    for (fs::directory_iterator it(i18nDir, error), end; !error && it != end; it.increment(error))
        // Anything else named *.toml is read, and refused with what it is (a pipe, a device).
        if (it->path().extension() == ".toml" && !it->is_directory()) codes.push_back(it->path().stem().string());
    if (error) throw domain::ConfigError(i18nDir + ": cannot list the language files (" + error.message() + ")");
    if (std::find(codes.begin(), codes.end(), domain::kBaseLanguage) == codes.end())
        throw domain::ConfigError(i18nDir + "/it.toml: missing: the Italian texts are required");
    std::vector<domain::LanguageFile> files;
    for (const std::string& code : domain::orderedLanguageCodes(codes)) {
        const std::string path = (fs::path(i18nDir) / (code + ".toml")).string();
        files.push_back({code, path, loadTextsFile(path)});
    }
    return files;
}

domain::Catalog loadCatalog(const std::string& i18nDir) { return domain::Catalog(loadLanguageFiles(i18nDir)); }

}  // namespace common
