// Reads [hours] (config_hours.hpp): the weekly openings, extra openings and closures, the patron
// saint's day, and the rules between them (no overlap on one day, no opening across midnight).
#include "config_hours.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace domain::config_detail {
namespace {

using namespace std::string_view_literals;

// ---- times and dates ----

bool allDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "15:30" -> 930. Also "9:30" and the "15.30" of printed timetables; "24:00" is midnight as an
// end time.
std::optional<int> parseClockTime(std::string_view text) {
    const std::size_t sep = text.find_first_of(":.");
    if (sep == std::string_view::npos || sep == 0 || sep > 2 || text.size() != sep + 3)
        return std::nullopt;
    const std::string_view hh = text.substr(0, sep);
    const std::string_view mm = text.substr(sep + 1);
    if (!allDigits(hh) || !allDigits(mm)) return std::nullopt;
    const int hours = std::stoi(std::string(hh));
    const int minutes = std::stoi(std::string(mm));
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
    return hours * 60 + minutes;
}

std::string clockText(int minuteOfDay) {
    const int hours = minuteOfDay / 60;
    const int minutes = minuteOfDay % 60;
    std::string out;
    out += static_cast<char>('0' + hours / 10);
    out += static_cast<char>('0' + hours % 10);
    out += ':';
    out += static_cast<char>('0' + minutes / 10);
    out += static_cast<char>('0' + minutes % 10);
    return out;
}

// A time of day: "HH:MM" in quotes, or a bare TOML time such as 15:30:00.
int readTime(const toml::table& table, std::string_view key, const TableName& name,
             const Reporter& report) {
    const toml::node& node = requiredNode(table, key, name, report);
    std::optional<int> minute;
    if (const auto* text = node.as_string()) {
        minute = parseClockTime(trimmed(text->get()));
    } else if (const auto* time = node.as_time()) {
        const toml::time& t = time->get();
        if (t.second == 0 && t.nanosecond == 0) minute = t.hour * 60 + t.minute;
    }
    if (!minute)
        report.fail(node, name.keyPrefix + std::string(key) +
                              ": expected a time \"HH:MM\" from \"00:00\" to \"24:00\", like "
                              "\"15:30\", found " + describe(node));
    return *minute;
}

// The opening must start before it ends: 17:00-15:30 is almost always two swapped values.
void rejectBackwardTimes(const toml::table& table, int from, int to, const TableName& name,
                         const Reporter& report) {
    if (from < to) return;
    report.fail(*table.get("from"), name.shown + ": from " + quoted(clockText(from)) +
                                        " must be before to " + quoted(clockText(to)));
}

// A calendar date: a bare TOML date such as 2026-12-24, or the same in quotes.
std::optional<LocalDate> optionalDate(const toml::table& table, std::string_view key,
                                      const TableName& name, const Reporter& report) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<LocalDate> date;
    if (const auto* value = node->as_date()) {
        const toml::date& d = value->get();
        date = LocalDate{d.year, d.month, d.day};
    } else if (const auto* text = node->as_string()) {
        date = LocalDate::parse(trimmed(text->get()));
    }
    if (!date || !date->valid())
        report.fail(*node, name.keyPrefix + std::string(key) +
                               ": expected a date year-month-day, like 2026-12-24, found " +
                               describe(*node));
    return date;
}

LocalDate requiredDate(const toml::table& table, std::string_view key, const TableName& name,
                       const Reporter& report) {
    requiredNode(table, key, name, report);
    return *optionalDate(table, key, name, report);
}

// ---- [hours] ----

constexpr std::array kHoursKeys{"example"sv, "patron"sv, "weekly"sv, "closures"sv, "extra"sv};
constexpr std::array kWeeklyKeys{"day"sv, "from"sv, "to"sv, "desks"sv};
constexpr std::array kClosureKeys{"from"sv, "to"sv, "reason"sv};
constexpr std::array kExtraKeys{"date"sv, "from"sv, "to"sv, "desks"sv, "note"sv};
constexpr std::array kPatronKeys{"month"sv, "day"sv, "name"sv};

constexpr int kMaxDesks = 50;

// ISO order: index 0 is Monday (1).
constexpr std::array kWeekdayNames{"lunedì"sv,  "martedì"sv, "mercoledì"sv, "giovedì"sv,
                                   "venerdì"sv, "sabato"sv,  "domenica"sv};

// "Lunedì", "lunedi", "LUNEDÌ" and "lunedi'" all become "lunedi".
std::string foldWeekday(std::string_view text) {
    const std::string trimmedText = trimmed(text);
    std::string out;
    for (std::size_t i = 0; i < trimmedText.size(); ++i) {
        const char c = trimmedText[i];
        const bool accentedI = c == '\xC3' && i + 1 < trimmedText.size() &&
                               (trimmedText[i + 1] == '\xAC' || trimmedText[i + 1] == '\x8C');
        if (accentedI) {
            out += 'i';
            ++i;
        } else {
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    if (!out.empty() && (out.back() == '\'' || out.back() == '`')) out.pop_back();
    return out;
}

int readWeekday(const toml::table& table, const TableName& name, const Reporter& report) {
    const toml::node& node = requiredNode(table, "day", name, report);
    if (const auto* text = node.as_string()) {
        const std::string folded = foldWeekday(text->get());
        for (std::size_t i = 0; i < kWeekdayNames.size(); ++i)
            if (foldWeekday(kWeekdayNames[i]) == folded) return static_cast<int>(i) + 1;
    }
    report.fail(node, name.keyPrefix + "day: unknown weekday " + describe(node) +
                          " (expected one of: " + joined(kWeekdayNames) + ")");
}

int readDesks(const toml::table& table, const TableName& name, const Reporter& report) {
    return optionalInt(table, "desks", name, 1, kMaxDesks, report).value_or(1);
}

WeeklySession readWeeklySession(const toml::table& table, const TableName& name,
                                const Reporter& report) {
    rejectUnknownKeys(table, kWeeklyKeys, name, report);
    WeeklySession session;
    session.weekday = readWeekday(table, name, report);
    session.fromMinute = readTime(table, "from", name, report);
    session.toMinute = readTime(table, "to", name, report);
    rejectBackwardTimes(table, session.fromMinute, session.toMinute, name, report);
    session.desks = readDesks(table, name, report);
    return session;
}

std::string lineText(const toml::node& node) { return "line " + std::to_string(lineOf(node)); }

bool overlap(int fromA, int toA, int fromB, int toB) { return fromA < toB && fromB < toA; }

// One opening read from the file, with what is needed to name it in a message.
struct Placed {
    std::string when;  // "lunedì 15:30-17:00"
    TableName name;
    const toml::table* table;
};

// Two openings of the same day that overlap would double the desks by mistake: the message
// names both blocks, by name and line, so both can be looked at.
[[noreturn]] void failOverlap(const Placed& later, const Placed& earlier, const Reporter& report) {
    report.fail(*later.table, later.name.shown + " (" + later.when + ") overlaps " +
                                  earlier.name.shown + " at " + lineText(*earlier.table) + " (" +
                                  earlier.when + "); openings on the same day must not overlap");
}

std::string sessionText(std::string_view day, int from, int to) {
    return std::string(day) + " " + clockText(from) + "-" + clockText(to);
}

// The day an opening belongs to: to tell which openings share one, and as messages write it.
int dayOf(const WeeklySession& session) { return session.weekday; }
const LocalDate& dayOf(const ExtraOpening& extra) { return extra.date; }
std::string dayText(int weekday) { return std::string(kWeekdayNames[static_cast<std::size_t>(weekday - 1)]); }
std::string dayText(const LocalDate& date) { return date.iso(); }

// The blocks of [[hours.weekly]] or [[hours.extra]], each placed for later messages; two on the
// same day must not overlap.
template <typename Opening, typename ReadOne>
void readOpenings(const toml::array& array, std::string_view keyName, ReadOne readOne,
                  std::vector<Opening>& openings, std::vector<Placed>& placed, const Reporter& report) {
    for (const toml::node& element : array) {
        const toml::table& table = *element.as_table();
        const TableName name = elementName(keyName, placed.size());
        const Opening opening = readOne(table, name, report);
        const Placed here{sessionText(dayText(dayOf(opening)), opening.fromMinute, opening.toMinute), name,
                          &table};
        for (std::size_t i = 0; i < openings.size(); ++i) {
            const Opening& other = openings[i];
            if (dayOf(other) == dayOf(opening) &&
                overlap(opening.fromMinute, opening.toMinute, other.fromMinute, other.toMinute))
                failOverlap(here, placed[i], report);
        }
        openings.push_back(opening);
        placed.push_back(here);
    }
}

void readWeeklySessions(const toml::node& node, HoursConfig& hours, std::vector<Placed>& placed,
                        const Reporter& report) {
    const toml::array& array = expectArrayOfTables(node, "hours.weekly", "[[hours.weekly]]", report);
    readOpenings(array, "hours.weekly", readWeeklySession, hours.weekly, placed, report);
}

DatedClosure readClosure(const toml::table& table, const TableName& name, const Reporter& report) {
    rejectUnknownKeys(table, kClosureKeys, name, report);
    DatedClosure closure;
    closure.from = requiredDate(table, "from", name, report);
    closure.to = optionalDate(table, "to", name, report).value_or(closure.from);
    if (closure.to < closure.from)
        report.fail(*table.get("to"), name.keyPrefix + "to: " + closure.to.iso() +
                                          " is before from " + closure.from.iso() +
                                          "; the last closed day must be on or after the first");
    closure.reason = requiredString(table, "reason", name, report);
    return closure;
}

void readClosures(const toml::node& node, HoursConfig& hours, const Reporter& report) {
    if (const toml::array* array = node.as_array(); array != nullptr && array->empty()) return;
    const toml::array& array =
        expectArrayOfTables(node, "hours.closures", "[[hours.closures]]", report);
    for (const toml::node& element : array)
        hours.closures.push_back(readClosure(*element.as_table(),
                                             elementName("hours.closures", hours.closures.size()),
                                             report));
}

ExtraOpening readExtraOpening(const toml::table& table, const TableName& name,
                              const Reporter& report) {
    rejectUnknownKeys(table, kExtraKeys, name, report);
    ExtraOpening extra;
    extra.date = requiredDate(table, "date", name, report);
    extra.fromMinute = readTime(table, "from", name, report);
    extra.toMinute = readTime(table, "to", name, report);
    rejectBackwardTimes(table, extra.fromMinute, extra.toMinute, name, report);
    extra.desks = readDesks(table, name, report);
    extra.note = trimmed(optionalString(table, "note", name, report).value_or(""));
    return extra;
}

void readExtraOpenings(const toml::node& node, HoursConfig& hours, std::vector<Placed>& placed,
                       const Reporter& report) {
    if (const toml::array* array = node.as_array(); array != nullptr && array->empty()) return;
    const toml::array& array = expectArrayOfTables(node, "hours.extra", "[[hours.extra]]", report);
    readOpenings(array, "hours.extra", readExtraOpening, hours.extraOpenings, placed, report);
}

constexpr int kMidnight = 24 * 60;

// An opening from 00:00 right after one that ends at 24:00 the day before would be one opening
// across midnight, but the queue belongs to a service day: at midnight those still waiting would
// drop out of the staff's list and the numbers start again, giving a second A001 to the same room.
[[noreturn]] void failPastMidnight(const Placed& next, const Placed& before, const Reporter& report) {
    report.fail(*next.table, next.name.shown + " (" + next.when + ") continues " + before.name.shown + " at " +
                                 lineText(*before.table) + " (" + before.when +
                                 ") past midnight; an opening must end by 24:00 of its day, because the queue "
                                 "starts again at midnight and those still waiting would be lost");
}

void rejectOpeningsPastMidnight(const HoursConfig& hours, const std::vector<Placed>& weeklyPlaced,
                                const std::vector<Placed>& extraPlaced, const Reporter& report) {
    const auto nextWeekday = [](int weekday) { return weekday % 7 + 1; };
    for (std::size_t i = 0; i < hours.weekly.size(); ++i) {
        if (hours.weekly[i].toMinute != kMidnight) continue;
        for (std::size_t j = 0; j < hours.weekly.size(); ++j)
            if (hours.weekly[j].fromMinute == 0 && hours.weekly[j].weekday == nextWeekday(hours.weekly[i].weekday))
                failPastMidnight(weeklyPlaced[j], weeklyPlaced[i], report);
        for (std::size_t j = 0; j < hours.extraOpenings.size(); ++j)
            if (hours.extraOpenings[j].fromMinute == 0 &&
                hours.extraOpenings[j].date.weekdayIso() == nextWeekday(hours.weekly[i].weekday))
                failPastMidnight(extraPlaced[j], weeklyPlaced[i], report);
    }
    for (std::size_t i = 0; i < hours.extraOpenings.size(); ++i) {
        if (hours.extraOpenings[i].toMinute != kMidnight) continue;
        const LocalDate nextDay = hours.extraOpenings[i].date.plusDays(1);
        for (std::size_t j = 0; j < hours.extraOpenings.size(); ++j)
            if (hours.extraOpenings[j].fromMinute == 0 && hours.extraOpenings[j].date == nextDay)
                failPastMidnight(extraPlaced[j], extraPlaced[i], report);
        // Whether the weekly opening is cancelled that day (a holiday, a closure) is a matter of the
        // calendar; the hours themselves are refused either way.
        for (std::size_t j = 0; j < hours.weekly.size(); ++j)
            if (hours.weekly[j].fromMinute == 0 && hours.weekly[j].weekday == nextDay.weekdayIso())
                failPastMidnight(weeklyPlaced[j], extraPlaced[i], report);
    }
}

// patron = { month = 6, day = 19, name = "..." }: closed that day every year.
PatronDay readPatron(const toml::node& node, const Reporter& report) {
    const TableName name{"hours.patron", "hours.patron."};
    const toml::table* table = node.as_table();
    if (table == nullptr)
        report.fail(node, "hours.patron: expected { month = 6, day = 19, name = \"...\" }, found " +
                              describe(node));
    rejectUnknownKeys(*table, kPatronKeys, name, report);
    requiredNode(*table, "month", name, report);
    requiredNode(*table, "day", name, report);
    PatronDay patron;
    patron.month = *optionalInt(*table, "month", name, 1, 12, report);
    patron.day = *optionalInt(*table, "day", name, 1, 31, report);
    // 2000 is a leap year, so 29 February is accepted.
    if (!LocalDate{2000, patron.month, patron.day}.valid())
        report.fail(*table->get("day"), "hours.patron.day: month " + std::to_string(patron.month) +
                                            " has no day " + std::to_string(patron.day));
    patron.name = trimmed(optionalString(*table, "name", name, report).value_or(""));
    return patron;
}

}  // namespace

void readHours(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("hours");
    const toml::table& table = expectSection(node, name, kHoursKeys, report);

    HoursConfig& hours = config.hours;
    hours.example = optionalBool(table, "example", name, report).value_or(false);
    if (const toml::node* patron = table.get("patron")) hours.patron = readPatron(*patron, report);

    const toml::node* weekly = table.get("weekly");
    const toml::array* weeklyArray = weekly == nullptr ? nullptr : weekly->as_array();
    if (weekly == nullptr || (weeklyArray != nullptr && weeklyArray->empty()))
        report.fail(weekly == nullptr ? static_cast<const toml::node&>(table) : *weekly,
                    "hours.weekly: at least one [[hours.weekly]] opening is required, like "
                    "day = \"lunedì\", from = \"15:30\", to = \"17:00\"");
    std::vector<Placed> weeklyPlaced, extraPlaced;
    readWeeklySessions(*weekly, hours, weeklyPlaced, report);
    if (const toml::node* closures = table.get("closures")) readClosures(*closures, hours, report);
    if (const toml::node* extra = table.get("extra")) readExtraOpenings(*extra, hours, extraPlaced, report);
    rejectOpeningsPastMidnight(hours, weeklyPlaced, extraPlaced, report);
}

}  // namespace domain::config_detail
