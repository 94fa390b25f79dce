#pragma once
// A helper program driven line by line over pipes: the crash and fault tests send it commands on
// stdin and read what it reports on stdout, so every step waits for the child's own answer
// instead of sleeping. stderr goes to a file, shown when a test fails.
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <sys/types.h>

namespace crash_support {

class ChildProcess {
public:
    // Starts program with args; extraEnv entries ("NAME=value") are added to, or replace in, our
    // environment (LD_PRELOAD for the fault shim), for this child only.
    ChildProcess(const std::string& program, const std::vector<std::string>& args,
                 const std::vector<std::string>& extraEnv = {});
    ~ChildProcess();  // kills (SIGKILL) and reaps a child still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The next complete line the child printed, without '\n'; nullopt once its stdout is closed.
    std::optional<std::string> readLine();
    // Sends one line (a '\n' is added); false if the child no longer reads.
    bool send(const std::string& line);
    // Sends a command and returns the child's one-line answer ("" if it closed stdout instead).
    std::string ask(const std::string& line);
    void closeStdin();
    void kill(int signal);
    // Waits for the child to end; the raw wait status (WIFEXITED, WTERMSIG ...).
    int wait();
    // What the child wrote on stderr so far.
    std::string errors() const;

private:
    pid_t m_pid = -1;
    int m_in = -1;   // our end of the child's stdin
    int m_out = -1;  // our end of the child's stdout
    std::string m_buffer;
    std::filesystem::path m_errPath;
};

// "exit 0", "killed by signal 9": a wait status in words, for failure messages.
std::string describeStatus(int status);

}  // namespace crash_support
