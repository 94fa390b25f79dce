#pragma once
// Which daily copies of the ticket database to write and which to delete: names in, names out,
// so the rule is tested without files. common::runDailyBackupIfDue does the file work.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "civil_time.hpp"

namespace domain {

// "segretariato-2026-11-30.db": sorts by date, and says which day it holds to a person.
std::string dailyBackupName(const LocalDate& day);

// The day of a daily copy's file name; nullopt for any other name (other files in the folder,
// "segretariato-2026-11-30.db.tmp", a date that does not exist), which are never touched.
std::optional<LocalDate> dailyBackupDay(std::string_view fileName);

struct DailyBackupPlan {
    std::optional<std::string> create;  // today's copy, when it is not there yet
    std::vector<std::string> remove;    // oldest first; to delete only once `create` is written
};

// keep >= 1 daily copies are kept, today's included: the newest by the date in their names.
// A copy dated after today (the PC's clock was ahead for a while) counts as one of the newest:
// it is never deleted in favour of older ones, and goes once `keep` newer days have followed.
DailyBackupPlan planDailyBackup(const std::vector<std::string>& existingNames, int keep, const LocalDate& today);

}  // namespace domain
