#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "support/process.hpp"

extern char** environ;

namespace crash_support {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> environmentWith(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const auto name = entry.substr(0, entry.find('=') + 1);
        bool replaced = false;
        for (const auto& x : extra) replaced = replaced || x.rfind(name, 0) == 0;
        if (!replaced) env.push_back(entry);
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

std::vector<char*> pointersTo(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (auto& s : strings) pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

void closeFd(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
}

}  // namespace

ChildProcess::ChildProcess(const std::string& program, const std::vector<std::string>& args,
                           const std::vector<std::string>& extraEnv) {
    static int counter = 0;
    m_errPath = fs::temp_directory_path() /
                ("kiosk-child-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + ".err");
    int toChild[2];
    int fromChild[2];
    if (pipe2(toChild, O_CLOEXEC) != 0 || pipe2(fromChild, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0);
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, m_errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> argv{program};
    argv.insert(argv.end(), args.begin(), args.end());
    auto env = environmentWith(extraEnv);
    auto argvPointers = pointersTo(argv);
    auto envPointers = pointersTo(env);
    const int rc = posix_spawn(&m_pid, program.c_str(), &actions, nullptr, argvPointers.data(), envPointers.data());
    posix_spawn_file_actions_destroy(&actions);
    close(toChild[0]);
    close(fromChild[1]);
    m_in = toChild[1];
    m_out = fromChild[0];
    if (rc != 0) {
        m_pid = -1;
        closeFd(m_in);
        closeFd(m_out);
        throw std::runtime_error("cannot start " + program + ": " + std::strerror(rc));
    }
}

ChildProcess::~ChildProcess() {
    closeFd(m_in);
    closeFd(m_out);
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
    std::error_code ignored;
    fs::remove(m_errPath, ignored);
}

std::optional<std::string> ChildProcess::readLine() {
    for (;;) {
        const auto newline = m_buffer.find('\n');
        if (newline != std::string::npos) {
            std::string line = m_buffer.substr(0, newline);
            m_buffer.erase(0, newline + 1);
            return line;
        }
        if (m_out < 0) return std::nullopt;
        char chunk[4096];
        const ssize_t got = read(m_out, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            closeFd(m_out);
            return std::nullopt;  // a partial last line is dropped: the child never finished saying it
        }
        m_buffer.append(chunk, static_cast<std::size_t>(got));
    }
}

bool ChildProcess::send(const std::string& line) {
    if (m_in < 0) return false;
    const std::string text = line + '\n';
    // Ignoring SIGPIPE here would be global; MSG_NOSIGNAL works on sockets only. A child that
    // died makes write() raise SIGPIPE, which gtest reports as a crash naming this test: acceptable.
    return write(m_in, text.data(), text.size()) == static_cast<ssize_t>(text.size());
}

std::string ChildProcess::ask(const std::string& line) {
    if (!send(line)) return "";
    return readLine().value_or("");
}

void ChildProcess::closeStdin() { closeFd(m_in); }

void ChildProcess::kill(int signal) {
    if (m_pid > 0) ::kill(m_pid, signal);
}

int ChildProcess::wait() {
    int status = 0;
    if (m_pid > 0) {
        while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        m_pid = -1;
    }
    return status;
}

std::string ChildProcess::errors() const { return testing_support::readFile(m_errPath); }

std::string describeStatus(int status) {
    if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
    return "wait status " + std::to_string(status);
}

}  // namespace crash_support
