#pragma once
// A store's schema steps: both stores keep an append-only list, checked when the program is built.
#include <array>
#include <cstddef>

namespace store {

struct Migration {
    int version;
    const char* sql;
};

// Versions 1, 2, 3 ... in order, the last one being the store's kSchemaVersion.
template <std::size_t N>
constexpr bool migrationsAreNumberedOneByOne(const std::array<Migration, N>& migrations, int schemaVersion) {
    for (std::size_t i = 0; i < N; ++i)
        if (migrations[i].version != static_cast<int>(i) + 1) return false;
    return N > 0 && migrations[N - 1].version == schemaVersion;
}

}  // namespace store
