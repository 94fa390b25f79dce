// kiosk_faultshim: an LD_PRELOAD library that makes writes and syncs of chosen files fail, so
// tests can watch the kiosk, kioskctl and SqliteStore meet a full or failing disk.
//
// HOW TO USE
//   Build target: kiosk_faultshim (CMake, tests/fault/). A test finds the library through the
//   compile definition KIOSK_FAULTSHIM="$<TARGET_FILE:kiosk_faultshim>" (add
//   add_dependencies(<your test> kiosk_faultshim) so it is built first), and starts the program
//   under test with two environment variables:
//       LD_PRELOAD=<KIOSK_FAULTSHIM>
//       KIOSK_FAULT_CONTROL=/some/dir/fault      (the control file; it need not exist)
//   The control file is looked at on every intercepted call (one stat(); read again only when its
//   inode, size or mtime changed), so a test switches faults on and off while the program runs.
//   Replace it atomically (write "fault.tmp", then rename it over "fault"), so the shim never reads
//   half a file. Missing or empty file: no faults, every call goes straight to libc.
//
// CONTROL FILE SYNTAX: one directive per line, '#' starts a comment, unknown lines are ignored.
//   fail-writes ENOSPC|EIO   write(), pwrite(), pwrite64() fail with that errno
//   fail-fsync  ENOSPC|EIO   fsync(), fdatasync() fail with that errno
//   match SUBSTRING          only files whose path contains SUBSTRING (default ".db", which covers
//                            "tickets.db", "tickets.db-wal" and "tickets.db-journal")
//   after N                  the first N matching calls of the failing kinds still succeed, the
//                            (N+1)-th and later fail (default 0: fail from the first one)
//   times M                  fail only M calls, then succeed again (default: fail until changed)
//   kill-at K                the K-th write or sync of a matching file (any kind) kills the
//                            process with SIGKILL before it happens: a power cut at that exact call
//   Counting restarts whenever the control file changes.
//   Example, "the disk fills up after three writes":   fail-writes ENOSPC
//                                                       after 3
//
// WHAT SQLITE MAKES OF IT (libsqlite3 3.40 on Debian 12 calls pwrite64, write and fdatasync, which
// is why exactly those and their plain siblings are intercepted; see `nm -D libsqlite3.so.0`):
//   a write failing with ENOSPC -> SQLITE_FULL ("database or disk is full"),
//   a write failing with EIO    -> SQLITE_IOERR_WRITE,
//   any failing fsync/fdatasync -> SQLITE_IOERR_FSYNC, whatever the errno.
//   The -shm file is written through mmap and never fails here.
//
// EVIDENCE: each injected failure appends one line "<call> <errno name> <path>" to the file
// "<control file>.log", so a test can check that the fault really happened.
//
// Not intercepted: writev/pwritev/fwrite-internal paths other than write(), ftruncate, mmap stores.
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

using WriteFn = ssize_t (*)(int, const void*, size_t);
using PwriteFn = ssize_t (*)(int, const void*, size_t, off_t);
using Pwrite64Fn = ssize_t (*)(int, const void*, size_t, off64_t);
using SyncFn = int (*)(int);

enum class Kind { Write, Sync };

// What the control file asks for; plain data so the shim needs no constructors at load time.
struct Faults {
    int writeErrno = 0;  // 0: writes pass
    int syncErrno = 0;   // 0: syncs pass
    char match[PATH_MAX] = ".db";
    long after = 0;
    long times = -1;     // -1: unlimited
    long killAt = 0;     // 0: never
};

struct State {
    bool controlKnown = false;  // controlPath was read from the environment
    char controlPath[PATH_MAX] = {};
    // The control file as last seen: a change of any of these means "read it again".
    bool present = false;
    ino_t inode = 0;
    off_t size = 0;
    timespec mtime = {};
    Faults faults;
    long matchingCalls = 0;  // calls of the failing kinds on matching files since the last change
    long failed = 0;         // of which failed
    long killCounted = 0;  // writes and syncs on matching files since the last change (kill-at)
};

pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
State g_state;

template <typename Fn>
Fn real(const char* name) {
    // dlsym is thread-safe; a race only looks the symbol up twice.
    return reinterpret_cast<Fn>(dlsym(RTLD_NEXT, name));
}

WriteFn realWrite() {
    static WriteFn fn = real<WriteFn>("write");
    return fn;
}

int errnoByName(const char* name) {
    if (std::strncmp(name, "ENOSPC", 6) == 0) return ENOSPC;
    if (std::strncmp(name, "EIO", 3) == 0) return EIO;
    return 0;
}

const char* errnoName(int error) { return error == ENOSPC ? "ENOSPC" : "EIO"; }

// Cuts the line at '#', then trailing blanks.
void trimLine(char* line) {
    if (char* hash = std::strchr(line, '#')) *hash = '\0';
    std::size_t n = std::strlen(line);
    while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r')) line[--n] = '\0';
}

void parseLine(char* line, Faults& faults) {
    trimLine(line);
    char* word = line;
    while (*word == ' ' || *word == '\t') ++word;
    char* value = word;
    while (*value && *value != ' ' && *value != '\t') ++value;
    if (*value) *value++ = '\0';
    while (*value == ' ' || *value == '\t') ++value;
    if (std::strcmp(word, "fail-writes") == 0) faults.writeErrno = errnoByName(value);
    else if (std::strcmp(word, "fail-fsync") == 0) faults.syncErrno = errnoByName(value);
    else if (std::strcmp(word, "match") == 0) std::snprintf(faults.match, sizeof faults.match, "%s", value);
    else if (std::strcmp(word, "after") == 0) faults.after = std::strtol(value, nullptr, 10);
    else if (std::strcmp(word, "times") == 0) faults.times = std::strtol(value, nullptr, 10);
    else if (std::strcmp(word, "kill-at") == 0) faults.killAt = std::strtol(value, nullptr, 10);
}

// Reads the control file (at most 4 KiB: a few directives) with open/read, which are not intercepted.
Faults readControl(const char* path) {
    Faults faults;
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return faults;
    char text[4096];
    std::size_t used = 0;
    ssize_t got = 0;
    while (used < sizeof text - 1 && (got = read(fd, text + used, sizeof text - 1 - used)) > 0)
        used += static_cast<std::size_t>(got);
    close(fd);
    text[used] = '\0';
    char* save = nullptr;
    for (char* line = strtok_r(text, "\n", &save); line; line = strtok_r(nullptr, "\n", &save))
        parseLine(line, faults);
    return faults;
}

// Brings g_state up to date with the control file; called with g_lock held.
void refresh() {
    if (!g_state.controlKnown) {
        const char* path = std::getenv("KIOSK_FAULT_CONTROL");
        if (path) std::snprintf(g_state.controlPath, sizeof g_state.controlPath, "%s", path);
        g_state.controlKnown = true;
    }
    struct stat st {};
    const bool present = g_state.controlPath[0] && stat(g_state.controlPath, &st) == 0;
    const bool same = present == g_state.present &&
                      (!present || (st.st_ino == g_state.inode && st.st_size == g_state.size &&
                                    st.st_mtim.tv_sec == g_state.mtime.tv_sec &&
                                    st.st_mtim.tv_nsec == g_state.mtime.tv_nsec));
    if (same) return;
    g_state.present = present;
    g_state.inode = present ? st.st_ino : 0;
    g_state.size = present ? st.st_size : 0;
    g_state.mtime = present ? st.st_mtim : timespec{};
    g_state.faults = present ? readControl(g_state.controlPath) : Faults{};
    g_state.matchingCalls = 0;
    g_state.failed = 0;
    g_state.killCounted = 0;
}

bool pathMatches(int fd, const char* match, char* path, std::size_t size) {
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = readlink(link, path, size - 1);
    if (n <= 0) return false;
    path[n] = '\0';
    return std::strstr(path, match) != nullptr;
}

void logFailure(const char* call, int error, const char* path) {
    char logPath[PATH_MAX + 8];
    std::snprintf(logPath, sizeof logPath, "%s.log", g_state.controlPath);
    const int fd = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return;
    char line[PATH_MAX + 64];
    const int n = std::snprintf(line, sizeof line, "%s %s %s\n", call, errnoName(error), path);
    if (n > 0) realWrite()(fd, line, static_cast<std::size_t>(n) < sizeof line ? static_cast<std::size_t>(n) : sizeof line - 1);
    close(fd);
}

// The errno to fail this call with, or 0 to let it through.
int injectedError(const char* call, int fd, Kind kind) {
    const int savedErrno = errno;  // stat/readlink must not disturb what the caller sees on success
    pthread_mutex_lock(&g_lock);
    refresh();
    char path[PATH_MAX];
    if (g_state.faults.killAt > 0 && pathMatches(fd, g_state.faults.match, path, sizeof path) &&
        ++g_state.killCounted == g_state.faults.killAt)
        raise(SIGKILL);
    int error = kind == Kind::Write ? g_state.faults.writeErrno : g_state.faults.syncErrno;
    if (error != 0 && pathMatches(fd, g_state.faults.match, path, sizeof path)) {
        const long call_number = ++g_state.matchingCalls;
        const bool inWindow = call_number > g_state.faults.after &&
                              (g_state.faults.times < 0 || g_state.failed < g_state.faults.times);
        if (inWindow) {
            ++g_state.failed;
            logFailure(call, error, path);
        } else {
            error = 0;
        }
    } else {
        error = 0;
    }
    pthread_mutex_unlock(&g_lock);
    errno = savedErrno;
    return error;
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buffer, size_t count) {
    if (const int error = injectedError("write", fd, Kind::Write)) {
        errno = error;
        return -1;
    }
    return realWrite()(fd, buffer, count);
}

ssize_t pwrite(int fd, const void* buffer, size_t count, off_t offset) {
    static PwriteFn fn = real<PwriteFn>("pwrite");
    if (const int error = injectedError("pwrite", fd, Kind::Write)) {
        errno = error;
        return -1;
    }
    return fn(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t count, off64_t offset) {
    static Pwrite64Fn fn = real<Pwrite64Fn>("pwrite64");
    if (const int error = injectedError("pwrite64", fd, Kind::Write)) {
        errno = error;
        return -1;
    }
    return fn(fd, buffer, count, offset);
}

int fsync(int fd) {
    static SyncFn fn = real<SyncFn>("fsync");
    if (const int error = injectedError("fsync", fd, Kind::Sync)) {
        errno = error;
        return -1;
    }
    return fn(fd);
}

int fdatasync(int fd) {
    static SyncFn fn = real<SyncFn>("fdatasync");
    if (const int error = injectedError("fdatasync", fd, Kind::Sync)) {
        errno = error;
        return -1;
    }
    return fn(fd);
}

}  // extern "C"
