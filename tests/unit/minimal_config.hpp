#pragma once
// The smallest valid config, as text: config tests append their case to it and count lines.
#include <gtest/gtest.h>

#include <string>

#include "domain/config.hpp"

namespace testing_support {

// Line numbers in the tests below count from here: [office] is line 1.
inline const std::string kOffice =
    "[office]\n"                          // 1
    "comune = \"Comune di Prova\"\n"      // 2
    "name = \"Segretariato sociale\"\n"   // 3
    "address = \"Via Roma, 1\"\n";        // 4

inline const std::string kTwoCategories =
    "\n"                                  // 5
    "[[categories]]\n"                    // 6
    "id = \"adulti\"\n"                   // 7
    "label = \"Adulti\"\n"                // 8
    "prefix = \"A\"\n"                    // 9
    "\n"                                  // 10
    "[[categories]]\n"                    // 11
    "id = \"anziani\"\n"                  // 12
    "label = \"Anziani\"\n"               // 13
    "prefix = \"N\"\n";                   // 14

// [office] and one category (lines 1-9): a section appended to it starts on line 10.
inline const std::string kOfficeAndOneCategory = kOffice +
    "[[categories]]\n"                    // 5
    "id = \"adulti\"\n"                   // 6
    "label = \"Adulti\"\n"                // 7
    "prefix = \"A\"\n"                    // 8
    "\n";                                 // 9

// The error kOfficeAndOneCategory + section gives; a test failure when it is accepted.
inline std::string sectionError(const std::string& section) {
    try {
        domain::parseConfig(kOfficeAndOneCategory + section, "test.toml");
    } catch (const domain::ConfigError& e) {
        return e.what();
    }
    ADD_FAILURE() << "accepted:\n" << section;
    return {};
}

}  // namespace testing_support
