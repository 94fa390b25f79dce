#pragma once
// The kioskctl subcommands, each over an opened queue; main.cpp only parses and dispatches.
#include <iosfwd>
#include <optional>
#include <string>

#include "domain/queue.hpp"
#include "domain/reports.hpp"
#include "domain/staff.hpp"
#include "domain/survey_service.hpp"
#include "domain/texts.hpp"
#include "report_output.hpp"

namespace ctl {

// Exit codes are part of the interface scripts rely on.
enum ExitCode : int {
    kOk = 0,
    kUsage = 2,
    kConfigError = 3,
    kStoreError = 4,
    kUnknownCategory = 5,
    kTicketRefused = 6,       // closed, not yet open, after the cut-off, or numbers sold out
    kCharterNotMet = 7,       // check-config: the hours break a commitment of the charter
    kNobodyWaiting = 8,       // call: no ticket of the day is waiting
    kUnknownTicket = 9,       // no ticket with that code today, or not a code at all
    kTransitionRefused = 10,  // the ticket's state does not allow it (serving a served ticket)
    kSurveyRefused = 11,      // survey code unknown today, ticket not served yet, or already answered
    kPrintFailed = 12,        // no printer configured, printer fault, or the preview could not be written
    kTranslationsIncomplete = 13,  // i18n-check: a language lacks a citizen key or a {placeholder}
    kDoctorFailed = 14,            // doctor: at least one check failed (FAIL lines say what to fix)
};

// Prints the new ticket code alone on the first line, then what the citizen would read and the
// survey code; with json, one object (code, category, issued_at, people_ahead,
// estimated_wait_minutes, survey_code). Refused: the same sentence the kiosk shows, on stderr.
int takeTicket(domain::QueueService& queue, const domain::Texts& texts, const std::string& categoryId, bool json,
               std::ostream& out, std::ostream& err);

// Stores one survey answer: with the ticket's survey code, or as a paper form when code is nullopt.
// Prints "answer stored"; a refusal prints the citizen's sentence on stderr (kSurveyRefused), a
// score outside 1..5 is a usage error.
int submitSurvey(domain::SurveyService& survey, const std::optional<std::string>& code,
                 const domain::SurveyAnswer& answer, std::ostream& out, std::ostream& err);

// The charter's reports over the store: any period, or a calendar year. Satisfaction counts the
// days before `today` only (domain::periodReport), and the report says so when that cuts the range.
int printReport(domain::TicketStore& store, const domain::Config& config, const domain::LocalDate& from,
                const domain::LocalDate& to, const domain::LocalDate& today, const ReportStyle& style,
                std::ostream& out);
int printYearReport(domain::TicketStore& store, const domain::Config& config, int year, const domain::LocalDate& today,
                    const ReportStyle& style, std::ostream& out);

// The day's queue, as a table for people or as JSON for scripts.
int printStatus(const domain::QueueService& queue, bool json, std::ostream& out);

// A loaded config's figures against the charter's commitments on the hours.
int checkConfig(const domain::Config& config, std::ostream& out);

// The staff's actions. Each prints what happened on stdout ("A007 -> Stanza 2", "A007 served");
// a bad desk number, an unknown code or a refused change is reported on stderr with its exit code.
int callNext(domain::StaffService& staff, int desk, std::ostream& out, std::ostream& err);
int callTicket(domain::StaffService& staff, const std::string& code, int desk, std::ostream& out, std::ostream& err);
int recall(domain::StaffService& staff, int desk, std::ostream& out, std::ostream& err);
int serve(domain::StaffService& staff, const std::string& code, std::ostream& out, std::ostream& err);
int noShow(domain::StaffService& staff, const std::string& code, std::ostream& out, std::ostream& err);
int requeue(domain::StaffService& staff, const std::string& code, std::ostream& out, std::ostream& err);
int transfer(domain::StaffService& staff, const domain::Config& config, const std::string& code,
             const std::string& categoryId, std::ostream& out, std::ostream& err);

// The day at a glance (domain::DayFigures), for people or as JSON.
int printFigures(const domain::StaffService& staff, bool json, std::ostream& out);

// Stores the hash of a new staff PIN: `pin` if given, else one line read from `in`. Never echoes it.
int setPin(domain::TicketStore& store, const std::optional<std::string>& pin, std::istream& in, std::ostream& out,
           std::ostream& err);

}  // namespace ctl
