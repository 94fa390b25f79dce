#pragma once
// Running the project's programs from tests: exit code and captured output, no shell quoting.
#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace testing_support {

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// A program started in the background; wait() collects it like runProcess does.
class RunningProcess {
public:
    RunningProcess(const std::string& program, const std::vector<std::string>& args);
    ProcessResult wait();

private:
    std::filesystem::path m_outPath, m_errPath;
    int m_pid = -1;
};

// Runs program with args, waits for it, returns its exit code and what it printed.
ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args);

// The whole content of a file, byte for byte ("" when it cannot be read).
std::string readFile(const std::filesystem::path& path);
// Replaces a file's content with these bytes.
void writeFile(const std::filesystem::path& path, const std::string& bytes);

// A fresh directory under the system temp dir, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

}  // namespace testing_support
