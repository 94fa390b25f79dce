#include "backup_policy.hpp"

#include <algorithm>
#include <utility>

namespace domain {
namespace {

constexpr std::string_view kPrefix = "segretariato-";
constexpr std::string_view kSuffix = ".db";
constexpr std::size_t kIsoDateLength = 10;  // 2026-11-30

}  // namespace

std::string dailyBackupName(const LocalDate& day) {
    return std::string(kPrefix) + day.iso() + std::string(kSuffix);
}

std::optional<LocalDate> dailyBackupDay(std::string_view fileName) {
    if (fileName.size() != kPrefix.size() + kIsoDateLength + kSuffix.size()) return std::nullopt;
    if (!fileName.starts_with(kPrefix) || !fileName.ends_with(kSuffix)) return std::nullopt;
    const auto day = LocalDate::parse(fileName.substr(kPrefix.size(), kIsoDateLength));
    // Only the name this program writes for that day: "2026-1-30" or a lookalike is not ours.
    if (!day || dailyBackupName(*day) != fileName) return std::nullopt;
    return day;
}

DailyBackupPlan planDailyBackup(const std::vector<std::string>& existingNames, int keep, const LocalDate& today) {
    std::vector<std::pair<LocalDate, std::string>> copies;
    for (const auto& name : existingNames)
        if (const auto day = dailyBackupDay(name)) copies.emplace_back(*day, name);

    DailyBackupPlan plan;
    const std::string todays = dailyBackupName(today);
    const auto todaysCopy =
        std::find_if(copies.begin(), copies.end(), [&](const auto& copy) { return copy.second == todays; });
    if (todaysCopy == copies.end())
        plan.create = todays;
    else
        copies.erase(todaysCopy);
    // Today's copy stays, whatever the others' dates: with the PC's clock behind the newest copy
    // it would be the "oldest" and go as soon as written, though it holds the latest data. The
    // others are aged by the dates in their names: newest first, those past `keep` go, oldest first.
    std::sort(copies.begin(), copies.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (!copies.empty() && today < copies.front().first) plan.newestAfterToday = copies.front().first;
    const std::size_t keptBesideToday = static_cast<std::size_t>(std::max(keep, 1)) - 1;
    for (std::size_t i = copies.size(); i > keptBesideToday; --i) plan.remove.push_back(copies[i - 1].second);
    return plan;
}

}  // namespace domain
