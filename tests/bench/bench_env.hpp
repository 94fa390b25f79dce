#pragma once
// What every kiosk-bench benchmark shares: where its databases live, whether this is the quick
// smoke run, and the offices the benchmarks run against.
#include <benchmark/benchmark.h>

#include <exception>
#include <string>

#include "domain/civil_time.hpp"
#include "domain/config.hpp"
#include "domain/texts.hpp"

namespace bench {

struct BenchOptions {
    // The databases' directory: the bare commit and the store's commit must hit the same disk.
    std::string dataDir;
    // The smoke test: tiny data (20 tickets waiting instead of 1 000, 2 000 tickets instead of 1 million).
    bool small = false;
};

// Set once by main() before any benchmark runs.
BenchOptions& options();

// A directory of its own under options().dataDir for this process's throw-away databases,
// created on first use and removed at exit.
const std::string& scratchDir();
// A fresh database path inside scratchDir(); `name` keeps the files recognisable.
std::string scratchDatabase(const std::string& name);

// An office open around the clock that never finds its queue full: a take-ticket benchmark must
// measure the ticket, not a refusal.
domain::Config alwaysOpenOffice();
// Monday 30 November 2026 at noon.
domain::LocalDateTime benchNow();

// The demo office (config/gorgonzola.toml) and the Italian texts, as the kiosk loads them.
const domain::Config& demoOffice();
const domain::Texts& italianTexts();

// Tickets waiting for call-next: 1 000, or 20 in the smoke run.
int waitingForCallNext();

// A benchmark whose exceptions (a database error, a missing generator) mark it failed with the
// message, instead of ending the whole run.
template <typename Body>
auto guarded(Body body) {
    return [body](benchmark::State& state) {
        try {
            body(state);
        } catch (const std::exception& e) {
            state.SkipWithError(e.what());
        }
    };
}

}  // namespace bench
