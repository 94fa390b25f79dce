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
    const bool haveToday =
        std::any_of(copies.begin(), copies.end(), [&](const auto& copy) { return copy.second == todays; });
    if (!haveToday) {
        plan.create = todays;
        copies.emplace_back(today, todays);
    }
    // Newest first; the ones past `keep` go, the oldest of them first.
    std::sort(copies.begin(), copies.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const std::size_t kept = static_cast<std::size_t>(std::max(keep, 1));
    for (std::size_t i = copies.size(); i > kept; --i) plan.remove.push_back(copies[i - 1].second);
    return plan;
}

}  // namespace domain
