#include "process.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace testing_support {
namespace fs = std::filesystem;

void writeFile(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

RunningProcess::RunningProcess(const std::string& program, const std::vector<std::string>& args) {
    static int counter = 0;
    fs::path base = fs::temp_directory_path() / ("kiosk-proc-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    m_outPath = base.string() + ".out";
    m_errPath = base.string() + ".err";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, m_outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, m_errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + program);
    m_pid = pid;
}

ProcessResult RunningProcess::wait() {
    int status = 0;
    waitpid(m_pid, &status, 0);
    ProcessResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = readFile(m_outPath);
    r.err = readFile(m_errPath);
    std::error_code ec;
    fs::remove(m_outPath, ec);
    fs::remove(m_errPath, ec);
    return r;
}

ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args) {
    return RunningProcess(program, args).wait();
}

TempDir::TempDir() {
    std::random_device rd;
    m_path = fs::temp_directory_path() / ("kiosk-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

}  // namespace testing_support
