// Fuzzes domain::parseConfig, the reader of the hand-edited office TOML.
// Properties: it either returns a config that keeps the loader's promises or throws ConfigError
// shaped "fuzz.toml:LINE: what" with LINE inside the text; anything else (another exception,
// a crash, ASan/UBSan reports) is a bug.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/config.hpp"
#include "fuzz_check.hpp"

namespace {

const std::string kSource = "fuzz.toml";

// "fuzz.toml:12: something": the line is a number from 1 to the text's last line.
void checkMessage(const std::string& message, std::string_view text) {
    fuzz::require(message.rfind(kSource + ":", 0) == 0, "error names the file", text);
    const std::size_t digitsAt = kSource.size() + 1;
    std::size_t end = digitsAt;
    while (end < message.size() && message[end] >= '0' && message[end] <= '9') ++end;
    fuzz::require(end > digitsAt && end - digitsAt <= 9, "error names a line number", text);
    const long line = std::stol(message.substr(digitsAt, end - digitsAt));
    const long lastLine = static_cast<long>(std::count(text.begin(), text.end(), '\n')) + 1;
    fuzz::require(line >= 1 && line <= lastLine, "error line lies within the text", text);
    fuzz::require(message.compare(end, 2, ": ") == 0 && message.size() > end + 2,
                  "error says what is wrong after the line", text);
}

// What the rest of the program relies on once a config is accepted.
void checkAccepted(const domain::Config& config, std::string_view text) {
    fuzz::require(!config.categories.empty(), "at least one category", text);
    for (std::size_t i = 0; i < config.categories.size(); ++i) {
        const domain::Category& category = config.categories[i];
        fuzz::require(category.prefix >= 'A' && category.prefix <= 'Z', "prefix is one letter A-Z", text);
        fuzz::require(!category.id.empty() && !category.label.empty(), "category has id and label", text);
        for (std::size_t j = 0; j < i; ++j) {
            fuzz::require(config.categories[j].prefix != category.prefix, "prefixes are unique", text);
            fuzz::require(config.categories[j].id != category.id, "category ids are unique", text);
        }
    }
    for (const domain::WeeklySession& session : config.hours.weekly) {
        fuzz::require(session.weekday >= 1 && session.weekday <= 7, "weekday 1..7", text);
        fuzz::require(session.fromMinute >= 0 && session.fromMinute < session.toMinute &&
                          session.toMinute <= 24 * 60,
                      "weekly opening runs forward within the day", text);
        fuzz::require(session.desks >= 1, "at least one desk", text);
    }
    for (const domain::DatedClosure& closure : config.hours.closures)
        fuzz::require(closure.from.valid() && closure.to.valid() && !(closure.to < closure.from),
                      "closure dates are valid and in order", text);
    for (const domain::ExtraOpening& extra : config.hours.extraOpenings)
        fuzz::require(extra.date.valid() && extra.fromMinute < extra.toMinute, "extra opening is valid", text);
    for (const domain::ServiceCard& card : config.services)
        for (const std::string& id : card.categoryIds)
            fuzz::require(config.findCategory(id) != nullptr, "service names known categories", text);
    fuzz::require(!config.staff.rooms.empty(), "at least one room", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::asText(data, size);
    try {
        checkAccepted(domain::parseConfig(text, kSource), text);
    } catch (const domain::ConfigError& error) {
        checkMessage(error.what(), text);
    }
    return 0;
}
