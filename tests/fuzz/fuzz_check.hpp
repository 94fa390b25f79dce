#pragma once
// A broken property stops the fuzzer like a crash: libFuzzer then saves the input that did it.
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace fuzz {

inline void require(bool holds, const char* property, std::string_view input) {
    if (holds) return;
    std::fprintf(stderr, "fuzz property broken: %s\ninput (%zu bytes): %.*s\n", property, input.size(),
                 static_cast<int>(input.size()), input.data());
    std::abort();
}

inline std::string_view asText(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace fuzz
