#pragma once
// The office's configuration as the domain sees it, filled from the TOML files in config/.
#include <array>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "civil_time.hpp"
#include "shown_text.hpp"
#include "ticket.hpp"

namespace domain {

// Who runs the desk and where citizens find it (from the charter's service card).
struct Office {
    std::string comune;   // "Comune di Gorgonzola"
    std::string name;     // "Segretariato sociale"
    std::string service;  // "Servizio sociale - Uffici delle Assistenti sociali"
    std::string floor;    // "1° piano"
    std::string address;  // "Piazza Camillo Ripamonti, 1"
    std::string city;     // "Gorgonzola"
    std::vector<std::string> phones;
    std::string email;
};

// One weekly opening: e.g. Monday 15:30-17:00 with one interview room.
struct WeeklySession {
    int weekday = 1;       // ISO: 1 = Monday ... 7 = Sunday
    int fromMinute = 0;    // minutes after midnight, local time: 15:30 -> 930
    int toMinute = 0;
    int desks = 1;         // rooms/desks interviewing at the same time
};

// Days the office is shut although the week says open (holidays of the office, works ...).
struct DatedClosure {
    LocalDate from;
    LocalDate to;        // inclusive; equal to `from` for one day
    std::string reason;  // shown to citizens: "Chiusura per lavori"
};

// An opening outside the weekly timetable, on one date.
struct ExtraOpening {
    LocalDate date;
    int fromMinute = 0;
    int toMinute = 0;
    int desks = 1;
    std::string note;
};

// The local patron saint's day: closed like a national holiday.
struct PatronDay {
    int month = 0;  // 0 = none configured
    int day = 0;
    std::string name;  // "Santi Gervaso e Protaso"
};

struct HoursConfig {
    std::vector<WeeklySession> weekly;
    std::vector<DatedClosure> closures;
    std::vector<ExtraOpening> extraOpenings;
    PatronDay patron;
    bool example = false;  // the timetable is a placeholder to replace (shown as such to staff)
};

// When the kiosk hands out numbers, and how it estimates the wait.
struct TicketRules {
    int openBeforeMinutes = 15;         // numbers from this long before opening
    int cutoffMinutesBeforeClose = 15;  // no numbers in the last minutes of a session
    int defaultInterviewMinutes = 20;   // until enough served tickets teach a better figure
    int learnFromWeeks = 8;             // served tickets of these last weeks give the average
    int minSamplesToLearn = 20;
};

// What the charter promises about the opening hours, checked by `kioskctl check-config`.
struct CharterCommitments {
    double minWeeklyHours = 0;      // "aperto non meno di 4 ore alla settimana"
    int minAfternoonOpenings = 0;   // "2 aperture pomeridiane"
};

// One section of a charter service card: key is one of kCardSectionKeys.
struct CardSection {
    std::string key;
    std::string text;
};

// The section keys of a charter card, in the order the charter prints them.
inline const std::vector<std::string> kCardSectionKeys = {
    "what", "activities", "where", "hours", "for_whom", "responsible",
    "how_to_access", "forms", "documents", "cost", "quality"};

// A card in another language: the title and every section the Italian card has, in the same
// order (the loader refuses a partial one, so a card is never shown half translated).
struct CardTranslation {
    std::string title;
    std::vector<CardSection> sections;
};

// A service as the municipal charter describes it.
struct ServiceCard {
    std::string id;
    std::string title;
    std::vector<std::string> categoryIds;  // the categories whose list shows this card
    bool example = false;                  // not from the charter: shown with an "esempio" mark
    std::vector<CardSection> sections;     // in kCardSectionKeys order, absent ones left out
    std::map<std::string, CardTranslation, std::less<>> translations{};  // by language code ("en")
};

// The staff console: rooms it calls to, who goes first, when it locks.
struct StaffConfig {
    std::vector<std::string> rooms = {"Stanza 1"};  // "--desk N" is rooms[N-1]; spoken on the board
    std::vector<std::string> priorityCategoryIds;   // called before the others, oldest first
    int lockAfterMinutes = 5;                        // the console asks the PIN again after this idle time
};

// The hall display.
struct BoardConfig {
    bool chime = true;     // a chime before each call
    bool speak = true;     // the call spoken in Italian ("Numero A 12, stanza 2")
    int recentCalls = 5;   // earlier calls listed under the current one
};

// The survey's citizen texts in another language: all of them, or the language shows Italian.
struct SurveyTranslation {
    std::string overallQuestion;
    std::array<std::string, 4> dimensionQuestions;
    std::array<std::string, 5> scaleLabels;
};

// The satisfaction survey: its questions, the words under the faces, and the target.
struct SurveyConfig {
    std::string overallQuestion = "Nel complesso, quanto è soddisfatto del servizio ricevuto oggi?";
    // In domain::kSurveyDimensions order: access, professionalism, privacy, waiting.
    std::array<std::string, 4> dimensionQuestions = {
        "È stato facile accedere al servizio?",
        "Quanto è soddisfatto della professionalità degli operatori?",
        "Gli spazi erano riservati e confortevoli?",
        "Quanto è soddisfatto del tempo di attesa?"};
    std::array<std::string, 5> scaleLabels = {"Per niente soddisfatto", "Poco soddisfatto", "Abbastanza soddisfatto",
                                              "Soddisfatto", "Molto soddisfatto"};
    int satisfiedFrom = 4;        // overall score that counts as satisfied
    double targetPercent = 70;    // "soddisfare non meno del 70% dei fruitori"
    int minAnswersForFigures = 5; // fewer: no percentages and no breakdown are shown
    std::map<std::string, SurveyTranslation, std::less<>> translations{};  // by language code ("en")
};

// The ticket printer. target is "none", "file:/path/out.bin", "device:/dev/usb/lp0" or
// "cups:QUEUE_NAME" (checked by the loader with parsePrinterTarget, domain/ticket_print.hpp).
struct PrinterConfig {
    std::string target = "none";
    int widthChars = 32;  // characters per line in normal type: 32 on 58 mm paper, 48 on 80 mm
};

// The daily copy of the ticket database (common::runDailyBackupIfDue).
struct BackupConfig {
    bool enabled = true;
    std::string directory;  // absolute; empty: a "backups" folder next to the database
    int keep = 14;          // daily copies kept, today's included; older ones are deleted
};

// The citizen's kiosk.
struct KioskConfig {
    // After this long without a touch every citizen screen goes back home and forgets what was
    // typed (a survey code half entered, a chosen category), so the next person starts afresh.
    int inactivitySeconds = 90;
    // Accessibility: "standard" or "high-contrast" (white and yellow on black; see kKioskThemes).
    std::string theme = "standard";
    // A short soft click on each tap of a button, so a touch that registered is heard.
    bool clickSound = true;
    // The smallest touch target, in pixels of the 1920x1080 design (scaled with the window);
    // the touch-size test checks every citizen button against it.
    int minTouchPx = 88;
    // Where the tickets are kept: empty for the SQLite file (--db), or a PostgreSQL server's
    // connection string ("postgresql://kiosk@server/segretariato") shared by every PC of the site.
    std::string store;
};

// One choice of the scheda di Segretariato as the Comune names it: the id is stored in the
// counters (so relabelling never splits a figure), the Italian label is what staff tap and read.
struct SchedaChoice {
    std::string id;
    std::string label;
    std::string shortLabel = {};  // for the console's tables when the label is long; empty: the label

    const std::string& tableLabel() const { return shortLabel.empty() ? label : shortLabel; }
};

// The scheda di Segretariato staff fill in after an interview (charter card 2: "Le Assistenti sociali
// raccolgono le informazioni in una scheda di Segretariato"): the Comune's own lists, from [scheda].
struct SchedaConfig {
    std::vector<SchedaChoice> needAreas = {
        {"economic", "Difficoltà economiche"},
        {"housing", "Casa e abitazione"},
        {"work", "Lavoro"},
        {"health-disability", "Salute e disabilità"},
        {"family-minors", "Famiglia e minori"},
        {"elderly-care", "Assistenza agli anziani"},
        {"immigration", "Immigrazione e documenti"},
        {"loneliness", "Solitudine"},
        {"other", "Altro"}};
    // The answer whose id is kSchedaReferralAnswer asks which service the person was sent to.
    std::vector<SchedaChoice> answers = {
        {"information", "Solo informazioni"},
        {"forms", "Consegna della modulistica"},
        {"referral", "Invio ad altro servizio"},
        {"social-worker", "Ulteriore colloquio con l'Assistente sociale (Scheda 3)", "Ulteriore colloquio (Scheda 3)"}};
    std::vector<SchedaChoice> referralServices = {
        {"centro-impiego", "Centro per l'impiego"},
        {"asst", "ASST – servizi sanitari e consultorio"},
        {"caf-patronato", "CAF e patronati"},
        {"terzo-settore", "Associazioni e terzo settore"},
        {"altro-servizio", "Altro servizio"}};
    // Counts below this are not shown in reports (nor the cells that would give them away).
    int minCellCount = 5;
};

inline constexpr std::string_view kSchedaReferralAnswer = "referral";

// The themes [kiosk] theme accepts (kiosk/app/ui/theme.hpp has a palette for each).
inline constexpr std::array<std::string_view, 2> kKioskThemes{"standard", "high-contrast"};

// The most [[categories]] a config may list: the category and services screens show them as two
// columns of big tiles, and three rows is what stays readable with large text (A+) at 1920x1080,
// buttons at least [kiosk] min_touch_px (tests/ui/touch_size_test.cpp draws it). Past that the
// descriptions were cut and the tiles shrank under the touch minimum, to 4 px bars at 26.
inline constexpr std::size_t kMaxCategories = 6;

struct Config {
    std::string sourceName;  // file the config came from, for messages
    Office office;
    std::vector<Category> categories;
    HoursConfig hours;
    TicketRules tickets;
    CharterCommitments charter;
    std::vector<ServiceCard> services;
    StaffConfig staff;
    BoardConfig board;
    SurveyConfig survey;
    PrinterConfig printer;
    BackupConfig backup;
    KioskConfig kiosk;
    SchedaConfig scheda;

    const Category* findCategory(std::string_view id) const;
    const ServiceCard* findService(std::string_view id) const;
    std::vector<const ServiceCard*> servicesOf(std::string_view categoryId) const;
};

// A config that cannot be used: says file:line and what is expected. The message repeats file
// names and values as written, so its control characters are escaped (escapedControls).
class ConfigError : public std::runtime_error {
public:
    explicit ConfigError(std::string_view message) : std::runtime_error(escapedControls(message)) {}
};

// Parses the TOML text of a config; sourceName is used in error messages ("config/x.toml:12: ...").
Config parseConfig(std::string_view tomlText, const std::string& sourceName);

}  // namespace domain
