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
    std::optional<LocalDate> newestAfterToday;  // the newest copy's day, when it is after today
};

// keep >= 1 daily copies are kept, today's included: today's, then the newest others by the
// date in their names. A copy dated after today (the PC's clock was ahead for a while, or is
// behind now) counts as one of the newest: it is never deleted in favour of older ones, and goes
// once `keep` newer days have followed. The copy `create` names is never in `remove`.
DailyBackupPlan planDailyBackup(const std::vector<std::string>& existingNames, int keep, const LocalDate& today);

}  // namespace domain
