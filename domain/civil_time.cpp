#include "civil_time.hpp"

#include <charconv>
#include <cstdio>

namespace domain {
namespace {

bool parseInt(std::string_view s, int& out) {
    if (s.empty()) return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && ptr == s.data() + s.size();
}

constexpr int kSecondsPerDay = 24 * 3600;

}  // namespace

std::optional<LocalDate> LocalDate::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    LocalDate d;
    if (!parseInt(s.substr(0, 4), d.year) || !parseInt(s.substr(5, 2), d.month) ||
        !parseInt(s.substr(8, 2), d.day) || !d.valid())
        return std::nullopt;
    return d;
}

std::string LocalDate::iso() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::chrono::sys_days LocalDate::days() const {
    using namespace std::chrono;
    return sys_days{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                    std::chrono::day{static_cast<unsigned>(day)}};
}

LocalDate LocalDate::fromDays(std::chrono::sys_days d) {
    std::chrono::year_month_day ymd{d};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int LocalDate::weekdayIso() const { return static_cast<int>(std::chrono::weekday{days()}.iso_encoding()); }

LocalDate LocalDate::plusDays(int n) const { return fromDays(days() + std::chrono::days{n}); }

bool LocalDate::valid() const {
    using namespace std::chrono;
    // Checked before std::chrono sees them: it keeps the year in a short and month and day in an
    // unsigned char, so 99999 or day 257 would wrap to a "valid" date. Years 1-9999 are the ones
    // iso() writes as four digits and parse() reads back; year 0 or -1 is a typo, not a date.
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
    return year_month_day{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                          std::chrono::day{static_cast<unsigned>(day)}}
        .ok();
}

std::optional<LocalDateTime> LocalDateTime::parse(std::string_view s) {
    if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
    auto date = LocalDate::parse(s.substr(0, 10));
    int h = 0, m = 0, sec = 0;
    if (!date || !parseInt(s.substr(11, 2), h) || !parseInt(s.substr(14, 2), m)) return std::nullopt;
    if (s.size() == 19) {
        if (s[16] != ':' || !parseInt(s.substr(17, 2), sec)) return std::nullopt;
    } else if (s.size() != 16) {
        return std::nullopt;
    }
    if (h > 23 || m > 59 || sec > 59 || h < 0 || m < 0 || sec < 0) return std::nullopt;
    return LocalDateTime{*date, h * 3600 + m * 60 + sec};
}

std::string LocalDateTime::iso() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60,
                  secondOfDay % 60);
    return date.iso() + buf;
}

std::string LocalDateTime::hhmm() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60);
    return buf;
}

LocalDateTime LocalDateTime::plusSeconds(long long s) const {
    long long total = static_cast<long long>(date.days().time_since_epoch().count()) * kSecondsPerDay +
                      secondOfDay + s;
    long long dayCount = total >= 0 ? total / kSecondsPerDay : (total - kSecondsPerDay + 1) / kSecondsPerDay;
    return {LocalDate::fromDays(std::chrono::sys_days{std::chrono::days{dayCount}}),
            static_cast<int>(total - dayCount * kSecondsPerDay)};
}

long long LocalDateTime::secondsSince(const LocalDateTime& earlier) const {
    long long dayDiff = (date.days() - earlier.date.days()).count();
    return dayDiff * kSecondsPerDay + secondOfDay - earlier.secondOfDay;
}

}  // namespace domain
