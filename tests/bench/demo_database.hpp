#pragma once
// The years of tickets and answers the report benchmarks read, generated as
// `kioskctl generate-demo-data` does (the 5 years cached in the benchmark's data directory).
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

// 5 years in options().dataDir, generated only when the file is missing; in the smoke run one
// year of a tiny office, generated in the scratch directory every time.
DemoDatabase demoDatabase();

}  // namespace bench
