#pragma once
// The years of tickets and answers the report benchmarks read, generated as
// `kioskctl generate-demo-data` does and cached in the benchmark's data directory.
#include <string>

#include "domain/civil_time.hpp"

namespace bench {

struct DemoDatabase {
    std::string path;
    domain::LocalDate firstDay;   // the first service day with tickets
    domain::LocalDate lastDay;    // the last one
    int lastFullYear = 0;         // the latest calendar year the data covers from January to December
    long long tickets = 0;
    long long answers = 0;
};

// 5 years (one year of a tiny office in the smoke run) in options().dataDir; generated only when the file is missing.
DemoDatabase demoDatabase();

}  // namespace bench
