// Turns the TOML text of an office configuration into a domain::Config.
// The file is edited by hand by municipal staff, not developers: every rejection says
// "file:line:", what is wrong and what would be accepted, because that message is all they get.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "config.hpp"
#include "config_categories.hpp"
#include "config_hours.hpp"
#include "config_services.hpp"
#include "config_toml.hpp"
#include "ticket_print.hpp"

namespace domain {
namespace {

using namespace std::string_view_literals;
using namespace config_detail;

// ---- [office] ----

constexpr std::array kOfficeKeys{"comune"sv, "name"sv,  "service"sv, "floor"sv,
                                 "address"sv, "city"sv, "phones"sv,  "email"sv};

std::vector<std::string> readPhones(const toml::table& office, const TableName& name,
                                    const Reporter& report) {
    const toml::node* node = office.get("phones");
    if (node == nullptr) return {};
    const std::string expected = name.keyPrefix + "phones: expected an array of strings";
    const toml::array* array = node->as_array();
    if (array == nullptr)
        report.fail(*node, expected + " like [\"02 1234567\"], found " + describe(*node));
    std::vector<std::string> phones;
    for (const toml::node& element : *array) {
        const auto* phone = element.as_string();
        if (phone == nullptr)
            report.fail(element, expected + ", found " + describe(element) + " in it");
        phones.push_back(phone->get());
    }
    return phones;
}

void readOffice(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("office");
    const toml::table& table = expectSection(node, name, kOfficeKeys, report);

    Office& office = config.office;
    office.comune = requiredString(table, "comune", name, report);
    office.name = requiredString(table, "name", name, report);
    office.service = optionalString(table, "service", name, report).value_or("");
    office.floor = optionalString(table, "floor", name, report).value_or("");
    office.address = requiredString(table, "address", name, report);
    office.city = optionalString(table, "city", name, report).value_or("");
    office.phones = readPhones(table, name, report);
    office.email = optionalString(table, "email", name, report).value_or("");
}

// ---- [tickets] ----

constexpr std::array kTicketKeys{"open_before_minutes"sv, "cutoff_minutes_before_close"sv,
                                 "default_interview_minutes"sv, "learn_from_weeks"sv,
                                 "min_samples_to_learn"sv};

constexpr int kMinutesPerDay = 24 * 60;

void readTickets(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("tickets");
    const toml::table& table = expectSection(node, name, kTicketKeys, report);

    TicketRules& rules = config.tickets;
    const auto read = [&](std::string_view key, int min, int max, int& field) {
        field = optionalInt(table, key, name, min, max, report).value_or(field);
    };
    read("open_before_minutes", 0, kMinutesPerDay, rules.openBeforeMinutes);
    read("cutoff_minutes_before_close", 0, kMinutesPerDay, rules.cutoffMinutesBeforeClose);
    read("default_interview_minutes", 1, kMinutesPerDay, rules.defaultInterviewMinutes);
    read("learn_from_weeks", 0, 520, rules.learnFromWeeks);
    read("min_samples_to_learn", 0, 100000, rules.minSamplesToLearn);
}

// ---- [charter] ----

constexpr std::array kCharterKeys{"min_weekly_hours"sv, "min_afternoon_openings"sv};

void readCharter(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("charter");
    const toml::table& table = expectSection(node, name, kCharterKeys, report);

    CharterCommitments& charter = config.charter;
    charter.minWeeklyHours =
        optionalNumber(table, "min_weekly_hours", name, 168, "a number of hours from 0 to 168, like 4 or 4.5", report)
            .value_or(charter.minWeeklyHours);
    charter.minAfternoonOpenings =
        optionalInt(table, "min_afternoon_openings", name, 0, 7 * 4, report).value_or(0);
}

// ---- [staff] ----

constexpr std::array kStaffKeys{"rooms"sv, "priority_categories"sv, "lock_after_minutes"sv};

// A list of non-empty texts in double quotes: rooms, category ids.
std::vector<std::string> readTextList(const toml::node& node, const std::string& key, const std::string& example,
                                      const Reporter& report) {
    const toml::array* array = node.as_array();
    if (array == nullptr)
        report.fail(node, key + ": expected a list in square brackets, like " + example + ", found " + describe(node));
    std::vector<std::string> items;
    for (const toml::node& element : *array) {
        const auto* text = element.as_string();
        if (text == nullptr || trimmed(text->get()).empty())
            report.fail(element, key + ": expected texts in double quotes, like " + example + ", found " +
                                     describe(element) + " in the list");
        items.push_back(trimmed(text->get()));
    }
    return items;
}

void readStaff(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("staff");
    const toml::table& table = expectSection(node, name, kStaffKeys, report);
    StaffConfig& staff = config.staff;
    if (const toml::node* rooms = table.get("rooms")) {
        staff.rooms = readTextList(*rooms, "staff.rooms", "[\"Stanza 1\", \"Stanza 2\"]", report);
        if (staff.rooms.empty()) report.fail(*rooms, "staff.rooms: expected at least one room");
    }
    if (const toml::node* priority = table.get("priority_categories")) {
        staff.priorityCategoryIds = readTextList(*priority, "staff.priority_categories", "[\"disabili\"]", report);
        for (const std::string& id : staff.priorityCategoryIds)
            if (config.findCategory(id) == nullptr)
                report.fail(*priority, "staff.priority_categories: unknown category " + quoted(id) +
                                           " (known categories: " + knownCategoryIds(config) + ")");
    }
    staff.lockAfterMinutes =
        optionalInt(table, "lock_after_minutes", name, 1, 24 * 60, report).value_or(staff.lockAfterMinutes);
}

// ---- [board] ----

constexpr std::array kBoardKeys{"chime"sv, "speak"sv, "recent_calls"sv};

void readBoard(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("board");
    const toml::table& table = expectSection(node, name, kBoardKeys, report);
    BoardConfig& board = config.board;
    board.chime = optionalBool(table, "chime", name, report).value_or(board.chime);
    board.speak = optionalBool(table, "speak", name, report).value_or(board.speak);
    board.recentCalls = optionalInt(table, "recent_calls", name, 0, 10, report).value_or(board.recentCalls);
}

// ---- [survey] ----

constexpr std::array kSurveyKeys{"overall_question"sv,  "access_question"sv,         "professionalism_question"sv,
                                 "privacy_question"sv,  "waiting_question"sv,        "scale_labels"sv,
                                 "satisfied_from"sv,    "target_percent"sv,          "min_answers_for_figures"sv,
                                 "translations"sv};

// In domain::kSurveyDimensions order, like SurveyConfig::dimensionQuestions.
constexpr std::array kDimensionQuestionKeys{"access_question"sv, "professionalism_question"sv, "privacy_question"sv,
                                            "waiting_question"sv};

constexpr std::size_t kScalePoints = 5;

// A question left blank would show citizens an empty screen: present means written.
void readQuestion(const toml::table& table, std::string_view key, const TableName& name, std::string& question,
                  const Reporter& report) {
    if (table.get(key) == nullptr) return;
    question = requiredString(table, key, name, report);
}

// One label under each of the five faces, from "not at all" to "very": fewer or more would
// leave a face without words or words without a face.
void readScaleLabels(const toml::table& table, SurveyConfig& survey, const Reporter& report) {
    const toml::node* node = table.get("scale_labels");
    if (node == nullptr) return;
    const std::vector<std::string> labels =
        readTextList(*node, "survey.scale_labels", "[\"Per niente soddisfatto\", ...]", report);
    if (labels.size() != kScalePoints)
        report.fail(*node, "survey.scale_labels: expected exactly 5 labels, from the lowest score to the highest, "
                           "found " + std::to_string(labels.size()));
    std::copy(labels.begin(), labels.end(), survey.scaleLabels.begin());
}

constexpr std::array kSurveyTranslationKeys{"overall_question"sv, "access_question"sv,
                                             "professionalism_question"sv, "privacy_question"sv,
                                             "waiting_question"sv, "scale_labels"sv};

// Every question and the five labels: a survey that switches language between questions is worse
// than one in Italian.
SurveyTranslation readSurveyTranslation(const toml::table& table, const TableName& name, const Reporter& report) {
    rejectUnknownKeys(table, kSurveyTranslationKeys, name, report);
    SurveyTranslation translation;
    translation.overallQuestion = requiredString(table, "overall_question", name, report);
    for (std::size_t i = 0; i < kDimensionQuestionKeys.size(); ++i)
        translation.dimensionQuestions[i] = requiredString(table, kDimensionQuestionKeys[i], name, report);
    const toml::node& node = requiredNode(table, "scale_labels", name, report);
    const std::string key = name.keyPrefix + "scale_labels";
    const std::vector<std::string> labels = readTextList(node, key, "[\"Not at all satisfied\", ...]", report);
    if (labels.size() != kScalePoints)
        report.fail(node, key + ": expected exactly 5 labels, from the lowest score to the highest, found " +
                              std::to_string(labels.size()));
    std::copy(labels.begin(), labels.end(), translation.scaleLabels.begin());
    return translation;
}

void readSurvey(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("survey");
    const toml::table& table = expectSection(node, name, kSurveyKeys, report);
    SurveyConfig& survey = config.survey;
    readQuestion(table, "overall_question", name, survey.overallQuestion, report);
    for (std::size_t i = 0; i < kDimensionQuestionKeys.size(); ++i)
        readQuestion(table, kDimensionQuestionKeys[i], name, survey.dimensionQuestions[i], report);
    readScaleLabels(table, survey, report);
    survey.satisfiedFrom = optionalInt(table, "satisfied_from", name, 1, 5, report).value_or(survey.satisfiedFrom);
    survey.targetPercent =
        optionalNumber(table, "target_percent", name, 100, "a percentage from 0 to 100, like 70", report)
            .value_or(survey.targetPercent);
    survey.minAnswersForFigures =
        optionalInt(table, "min_answers_for_figures", name, 1, 1000, report).value_or(survey.minAnswersForFigures);
    forEachTranslation(table, "survey", name, report,
                       [&](const std::string& code, const toml::table& translated, const TableName& translatedName) {
                           survey.translations[code] = readSurveyTranslation(translated, translatedName, report);
                       });
}

// ---- [printer] ----

constexpr std::array kPrinterKeys{"target"sv, "width_chars"sv};

// The target is only checked for its form here: whether the device or queue exists is known
// only when printing, and a missing printer must not stop the kiosk from giving numbers.
void readPrinterTarget(const toml::table& table, PrinterConfig& printer, const TableName& name,
                       const Reporter& report) {
    const std::optional<std::string> target = optionalString(table, "target", name, report);
    if (!target) return;
    if (!parsePrinterTarget(*target))
        report.fail(*table.get("target"), "printer.target: expected " + std::string(kPrinterTargetForms) +
                                              " (paths start with /), found " + quoted(*target));
    printer.target = *target;
}

void readPrinter(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("printer");
    const toml::table& table = expectSection(node, name, kPrinterKeys, report);
    PrinterConfig& printer = config.printer;
    readPrinterTarget(table, printer, name, report);
    // 32 characters on 58 mm paper, 48 on 80 mm; the range leaves room for other fonts and rolls.
    printer.widthChars = optionalInt(table, "width_chars", name, 24, 64, report).value_or(printer.widthChars);
}

// ---- [backup] ----

constexpr std::array kBackupKeys{"enabled"sv, "directory"sv, "keep"sv};

void readBackup(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("backup");
    const toml::table& table = expectSection(node, name, kBackupKeys, report);
    BackupConfig& backup = config.backup;
    backup.enabled = optionalBool(table, "enabled", name, report).value_or(backup.enabled);
    // Absolute: a relative path would depend on the folder each program happened to start in.
    if (const auto directory = optionalString(table, "directory", name, report)) {
        if (directory->empty() || directory->front() != '/')
            report.fail(*table.get("directory"),
                        "backup.directory: expected a full path starting with / (e.g. \"/var/backups/chiosco\"), "
                        "found " + quoted(*directory) + "; leave the key out for a \"backups\" folder next to the database");
        backup.directory = *directory;
    }
    backup.keep = optionalInt(table, "keep", name, 1, 365, report).value_or(backup.keep);
}

// ---- [kiosk] ----

constexpr std::array kKioskKeys{"inactivity_seconds"sv, "theme"sv, "click_sound"sv, "min_touch_px"sv, "store"sv};

// Only a PostgreSQL URL: the SQLite file is chosen with --db, and a typo must not silently fall
// back to a local file while the other PCs use the server.
void readStore(const toml::table& table, const TableName& name, Config& config, const Reporter& report) {
    const auto store = optionalString(table, "store", name, report);
    if (!store) return;
    if (store->rfind("postgresql://", 0) != 0 && store->rfind("postgres://", 0) != 0)
        report.fail(*table.get("store"), "kiosk.store: expected a PostgreSQL connection string like "
                                         "\"postgresql://kiosk@server/segretariato\", found " + quoted(*store) +
                                         "; leave the key out to keep the SQLite file of --db");
    config.kiosk.store = *store;
}

void readKiosk(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("kiosk");
    const toml::table& table = expectSection(node, name, kKioskKeys, report);
    // Under 15 s a slow reader is sent home mid-choice; over 10 minutes the next person may find
    // the previous one's survey code still on the screen.
    config.kiosk.inactivitySeconds =
        optionalInt(table, "inactivity_seconds", name, 15, 600, report).value_or(config.kiosk.inactivitySeconds);
    if (const auto theme = optionalString(table, "theme", name, report)) {
        if (std::find(kKioskThemes.begin(), kKioskThemes.end(), *theme) == kKioskThemes.end())
            report.fail(*table.get("theme"), "kiosk.theme: expected one of " + joined(kKioskThemes) + ", found " +
                                                 quoted(*theme));
        config.kiosk.theme = *theme;
    }
    config.kiosk.clickSound = optionalBool(table, "click_sound", name, report).value_or(config.kiosk.clickSound);
    // Under 44 px (about 11 mm on a 22-inch screen) a finger misses; over 160 the survey keypad
    // (100 px keys) could never comply.
    config.kiosk.minTouchPx =
        optionalInt(table, "min_touch_px", name, 44, 160, report).value_or(config.kiosk.minTouchPx);
    readStore(table, name, config, report);
}

// ---- [scheda] ----

constexpr std::array kSchedaKeys{"need_areas"sv, "answers"sv, "referral_services"sv, "min_cell_count"sv};
constexpr std::array kSchedaChoiceKeys{"id"sv, "label"sv, "short"sv};

// One list of the scheda: written as [[scheda.need_areas]] blocks or as an array of inline tables.
// A list left out keeps the built-in one; a list present replaces it entirely.
std::vector<SchedaChoice> readSchedaChoices(const toml::table& scheda, std::string_view key, const Reporter& report) {
    const std::string keyName = "scheda." + std::string(key);
    const toml::node& node = *scheda.get(key);
    const toml::array* array = node.as_array();
    if (array != nullptr && array->empty()) report.fail(node, keyName + ": at least one choice is required");
    expectArrayOfTables(node, keyName, "[[" + keyName + "]]", report);
    std::vector<SchedaChoice> choices;
    std::vector<Line> lines;
    for (const toml::node& element : *array) {
        const toml::table& table = *element.as_table();
        const TableName name = elementName(keyName, choices.size());
        rejectUnknownKeys(table, kSchedaChoiceKeys, name, report);
        // The id is stored in the counters: plain ASCII, like a category's.
        SchedaChoice choice{readCategoryId(table, name, report), requiredString(table, "label", name, report),
                            optionalString(table, "short", name, report).value_or("")};
        for (std::size_t i = 0; i < choices.size(); ++i)
            if (choices[i].id == choice.id)
                failTaken(*table.get("id"), name.keyPrefix + "id: " + quoted(choice.id), elementName(keyName, i),
                          lines[i], "each choice needs its own id", report);
        choices.push_back(std::move(choice));
        lines.push_back(lineOf(table));
    }
    return choices;
}

void readScheda(const toml::node& node, Config& config, const Reporter& report) {
    const TableName name = sectionName("scheda");
    const toml::table& table = expectSection(node, name, kSchedaKeys, report);
    SchedaConfig& scheda = config.scheda;
    if (table.get("need_areas")) scheda.needAreas = readSchedaChoices(table, "need_areas", report);
    if (table.get("answers")) scheda.answers = readSchedaChoices(table, "answers", report);
    if (table.get("referral_services"))
        scheda.referralServices = readSchedaChoices(table, "referral_services", report);
    // Under 3 a single person is recognisable in a small town's monthly figures; over 20 nothing shows.
    scheda.minCellCount = optionalInt(table, "min_cell_count", name, 3, 20, report).value_or(scheda.minCellCount);
    // Services to refer to are asked only after the referral answer: without it they could never be recorded.
    const bool hasReferral = std::any_of(scheda.answers.begin(), scheda.answers.end(),
                                         [](const SchedaChoice& c) { return c.id == kSchedaReferralAnswer; });
    if (!hasReferral)
        report.fail(table.get("answers") ? *table.get("answers") : node,
                    "scheda.answers: one answer must have id \"" + std::string(kSchedaReferralAnswer) +
                        "\" (the referral to another service, after which the services of "
                        "scheda.referral_services are asked)");
}

// ---- top level ----

// Each top-level section has one reader; adding [printer] means one more row here (and its
// reader with its own list of known keys). They run in this order, whatever the file's order.
struct Section {
    std::string_view key;
    std::string_view shown;  // as written in the file
    bool required;
    void (*read)(const toml::node&, Config&, const Reporter&);
};

constexpr std::array kSections{
    Section{"office"sv, "[office]"sv, true, readOffice},
    Section{"categories"sv, "[[categories]]"sv, true, readCategories},
    Section{"hours"sv, "[hours]"sv, false, readHours},
    Section{"tickets"sv, "[tickets]"sv, false, readTickets},
    Section{"charter"sv, "[charter]"sv, false, readCharter},
    // After [[categories]]: a card names categories, which must already be known.
    Section{"services"sv, "[[services]]"sv, false, readServices},
    Section{"staff"sv, "[staff]"sv, false, readStaff},
    Section{"board"sv, "[board]"sv, false, readBoard},
    Section{"survey"sv, "[survey]"sv, false, readSurvey},
    Section{"printer"sv, "[printer]"sv, false, readPrinter},
    Section{"backup"sv, "[backup]"sv, false, readBackup},
    Section{"kiosk"sv, "[kiosk]"sv, false, readKiosk},
    Section{"scheda"sv, "[scheda]"sv, false, readScheda},
};

std::string expectedSections() {
    std::array<std::string_view, kSections.size()> shown{};
    std::transform(kSections.begin(), kSections.end(), shown.begin(),
                   [](const Section& s) { return s.shown; });
    return joined(shown);
}

void rejectUnknownSections(const toml::table& root, const Reporter& report) {
    const auto isKnown = [](std::string_view key) {
        return std::any_of(kSections.begin(), kSections.end(),
                           [key](const Section& s) { return s.key == key; });
    };
    const toml::key* key = firstUnknownKey(root, isKnown);
    if (key == nullptr) return;
    const toml::node& value = *root.get(key->str());
    const std::string what =
        value.is_table()              ? "unknown section [" + std::string(key->str()) + "]"
        : value.is_array_of_tables() ? "unknown section [[" + std::string(key->str()) + "]]"
                                      : "key " + quoted(key->str()) +
                                            " is outside any section; move it under its header";
    report.fail(lineOf(*key), what + " (expected sections: " + expectedSections() + ")");
}

void readSection(const toml::table& root, const Section& section, Config& config,
                 const Reporter& report) {
    const toml::node* node = root.get(section.key);
    if (node != nullptr)
        section.read(*node, config, report);
    else if (section.required)
        report.fail(lineOf(root), "missing required section " + std::string(section.shown));
}

toml::table parseToml(std::string_view text, const std::string& sourceName,
                      const Reporter& report) {
    try {
        return toml::parse(text, std::string_view(sourceName));
    } catch (const toml::parse_error& err) {
        report.fail(lineOf(err.source()), "not valid TOML: " + std::string(err.description()));
    }
}

}  // namespace

Config parseConfig(std::string_view tomlText, const std::string& sourceName) {
    const Reporter report(sourceName);
    const toml::table root = parseToml(tomlText, sourceName, report);
    rejectUnknownSections(root, report);

    Config config;
    config.sourceName = sourceName;
    for (const Section& section : kSections) readSection(root, section, config, report);
    return config;
}

}  // namespace domain
