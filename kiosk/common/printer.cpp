#include "printer.hpp"

#include <fcntl.h>
#include <linux/lp.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <thread>
#include <utility>

#include "escpos.hpp"

extern char** environ;

namespace common {
namespace {

using Clock = std::chrono::steady_clock;
using Target = domain::PrinterTarget;

// The kiosk waits for the printer on its UI thread: a stuck printer may freeze it this long.
constexpr auto kDeviceTimeout = std::chrono::seconds(3);
// lp only hands the job to the CUPS scheduler, which answers at once when it is running.
constexpr auto kCupsTimeout = std::chrono::seconds(10);

std::string errnoText(int error) { return std::strerror(error); }

// Closes the descriptor when the scope ends, on every path.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd = -1) : m_fd(fd) {}
    ~FileDescriptor() { reset(); }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    FileDescriptor(FileDescriptor&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    FileDescriptor& operator=(FileDescriptor&& other) noexcept {
        if (this != &other) {
            reset();
            m_fd = std::exchange(other.m_fd, -1);
        }
        return *this;
    }
    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    // Closes now and reports close's own error: on some devices it is the last word on the write.
    int reset() {
        const int rc = m_fd >= 0 ? ::close(m_fd) : 0;
        m_fd = -1;
        return rc;
    }

private:
    int m_fd;
};

// Writing to a pipe or FIFO whose reader has gone raises SIGPIPE, which would kill the kiosk.
// While this lives, SIGPIPE is held back and write() fails with EPIPE instead; a SIGPIPE raised
// meanwhile is consumed before the old mask comes back.
class SigpipeHeld {
public:
    SigpipeHeld() {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_previous);
    }
    ~SigpipeHeld() {
        sigset_t pending;
        sigpending(&pending);
        if (sigismember(&pending, SIGPIPE) == 1 && sigismember(&m_previous, SIGPIPE) == 0) {
            const timespec now{0, 0};
            sigtimedwait(&m_pipe, nullptr, &now);
        }
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    SigpipeHeld(const SigpipeHeld&) = delete;
    SigpipeHeld& operator=(const SigpipeHeld&) = delete;

private:
    sigset_t m_pipe{};
    sigset_t m_previous{};
};

int millisecondsLeft(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

// Waits until fd takes more data or the deadline passes. Some drivers (the parallel port's) say
// "ready" without being so; the short sleep keeps that from becoming a busy loop.
bool waitWritable(int fd, Clock::time_point deadline) {
    pollfd entry{fd, POLLOUT, 0};
    const int ready = ::poll(&entry, 1, std::min(millisecondsLeft(deadline), 100));
    if (ready > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return Clock::now() < deadline;
}

// Writes everything to a descriptor that may be non-blocking; nullopt on success, else why not.
std::optional<std::string> writeAll(int fd, std::string_view bytes, Clock::time_point deadline) {
    const SigpipeHeld held;
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written > 0) {
            bytes.remove_prefix(static_cast<std::size_t>(written));
            continue;
        }
        if (written < 0 && errno == EINTR) continue;
        if (written < 0 && errno != EAGAIN) return "write failed: " + errnoText(errno);
        if (!waitWritable(fd, deadline)) return std::string("timed out: the printer took no data");
    }
    return std::nullopt;
}

PrintResult failure(const std::string& target, const std::string& what) {
    return {false, false, "printer " + target + ": " + what};
}

PrintResult success() { return {true, false, {}}; }

// ---- file: ----

PrintResult printToFile(const std::string& target, const std::string& path, const std::string& bytes) {
    FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!fd.valid()) return failure(target, "cannot open the file: " + errnoText(errno));
    if (auto error = writeAll(fd.get(), bytes, Clock::now() + kDeviceTimeout)) return failure(target, *error);
    if (fd.reset() != 0) return failure(target, "cannot close the file: " + errnoText(errno));
    return success();
}

// ---- device: ----

// The IEEE 1284 status lines through LPGETSTATUS, read as the kernel's usblp driver reads them:
// paper out only with the error line active. Only "paper out" stops the job here: cheap USB
// printers often answer 0 to everything, which would read as "offline" although they print fine;
// a printer really offline shows up as a write that times out. Devices that do not answer the
// ioctl (serial adapters, /dev/null) are not asked.
std::optional<std::string> statusProblem(int fd) {
    int status = 0;
    if (::ioctl(fd, LPGETSTATUS, &status) != 0) return std::nullopt;
    const bool errorLine = (status & LP_PERRORP) == 0;  // active low
    if (errorLine && (status & LP_POUTPA) != 0) return std::string("paper out");
    return std::nullopt;
}

std::string deviceWriteError(const std::string& error) {
    // usblp gives up a blocked write with ENOSPC when the paper has run out.
    if (error.find(std::strerror(ENOSPC)) != std::string::npos) return "paper out (" + error + ")";
    return error;
}

// Non-blocking, so a printer that stopped taking data costs at most kDeviceTimeout.
PrintResult printToDevice(const std::string& target, const std::string& path, const std::string& bytes) {
    FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid()) return failure(target, "cannot open the device: " + errnoText(errno));
    if (auto problem = statusProblem(fd.get())) return failure(target, *problem);
    const auto deadline = Clock::now() + kDeviceTimeout;
    if (auto error = writeAll(fd.get(), bytes, deadline)) return failure(target, deviceWriteError(*error));
    // The USB printer driver cancels a transfer still in flight on close: wait until it is done.
    waitWritable(fd.get(), deadline);
    if (fd.reset() != 0) return failure(target, "write not completed: " + errnoText(errno));
    return success();
}

// ---- cups: ----

struct Pipe {
    FileDescriptor read;
    FileDescriptor write;
};

std::optional<Pipe> makePipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
    return Pipe{FileDescriptor(fds[0]), FileDescriptor(fds[1])};
}

// lp with its stdin, stdout and stderr on our pipes, with the default signal state (the kiosk
// may hold SIGPIPE back or ignore it). Returns the pid, or the errno of a failed start.
struct Spawned {
    pid_t pid = -1;
    int error = 0;
};

Spawned spawnLp(const std::string& queue, int stdinFd, int outputFd) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, stdinFd, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, outputFd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, outputFd, STDERR_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    sigset_t pipeSignal;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &pipeSignal);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::string program = "lp", d = "-d", o = "-o", raw = "raw", queueName = queue;
    char* argv[] = {program.data(), d.data(), queueName.data(), o.data(), raw.data(), nullptr};
    Spawned spawned;
    spawned.error = posix_spawnp(&spawned.pid, "lp", &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return spawned;
}

// What lp printed, until it closes its output or the deadline passes.
std::string readOutput(int fd, Clock::time_point deadline) {
    std::string text;
    char buffer[512];
    for (;;) {
        pollfd entry{fd, POLLIN, 0};
        const int ready = ::poll(&entry, 1, millisecondsLeft(deadline));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) break;
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        text.append(buffer, static_cast<std::size_t>(got));
    }
    return text;
}

// The child's exit status, killing it if it outlives the deadline; nullopt when it had to be killed.
std::optional<int> reap(pid_t pid, Clock::time_point deadline) {
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (done < 0 && errno != EINTR) return -1;
        if (Clock::now() >= deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return std::nullopt;
}

std::string oneLine(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

// Raw: CUPS passes the ESC/POS bytes through untouched, without a driver of its own.
PrintResult printToCups(const std::string& target, const std::string& queue, const std::string& bytes) {
    std::optional<Pipe> input = makePipe();
    std::optional<Pipe> output = makePipe();
    if (!input || !output) return failure(target, "cannot create a pipe: " + errnoText(errno));
    const Spawned lp = spawnLp(queue, input->read.get(), output->write.get());
    if (lp.error != 0) return failure(target, "cannot run lp (is CUPS installed?): " + errnoText(lp.error));
    input->read.reset();
    output->write.reset();

    const auto deadline = Clock::now() + kCupsTimeout;
    const std::optional<std::string> writeError = writeAll(input->write.get(), bytes, deadline);
    input->write.reset();  // end of file: lp submits the job
    const std::string said = oneLine(readOutput(output->read.get(), deadline));
    const std::optional<int> exitCode = reap(lp.pid, deadline);
    if (!exitCode) return failure(target, "lp did not finish within 10 s");
    if (*exitCode != 0)
        return failure(target, "lp failed (exit status " + std::to_string(*exitCode) + ")" +
                                   (said.empty() ? std::string() : ": " + said));
    if (writeError) return failure(target, "lp did not take the whole ticket: " + *writeError);
    return success();
}

}  // namespace

TicketPrinter::TicketPrinter(const domain::PrinterConfig& config) : m_config(config) {}

bool TicketPrinter::enabled() const {
    const auto target = domain::parsePrinterTarget(m_config.target);
    return !target || target->kind != Target::Kind::None;
}

PrintResult TicketPrinter::print(const domain::PrintedTicket& ticket) {
    return send(encodeEscPos(ticket, m_config.widthChars));
}

PrintResult TicketPrinter::send(const std::string& bytes) {
    const std::string& name = m_config.target;
    const auto target = domain::parsePrinterTarget(name);
    if (!target)
        return failure(name, std::string("not a valid target; expected ") + std::string(domain::kPrinterTargetForms));
    switch (target->kind) {
        case Target::Kind::None: return {false, true, {}};
        case Target::Kind::File: return printToFile(name, target->where, bytes);
        case Target::Kind::Device: return printToDevice(name, target->where, bytes);
        case Target::Kind::Cups: return printToCups(name, target->where, bytes);
    }
    return failure(name, "unknown target kind");
}

}  // namespace common
