#pragma once
// The smallest valid config, as text: config tests append their case to it and count lines.
#include <string>

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

}  // namespace testing_support
