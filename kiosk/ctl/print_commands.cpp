#include "print_commands.hpp"

#include <algorithm>
#include <ostream>
#include <stdexcept>

#include "commands.hpp"
#include "domain/shown_text.hpp"
#include "domain/ticket_policy.hpp"
#include "domain/ticket_print.hpp"
#include "kiosk/common/escpos.hpp"
#include "kiosk/common/printer.hpp"
#include "kiosk/common/ticket_preview.hpp"

namespace ctl {
namespace {

using Style = domain::PrintLine::Style;

// A sample nobody can mistake for a real number: "A000", the survey code all zeros, and a banner.
domain::IssuedTicket sampleTicket(const domain::Config& config, const domain::Clock& clock) {
    domain::IssuedTicket issued;
    issued.category = config.categories.empty() ? nullptr : &config.categories.front();
    const char prefix = issued.category ? issued.category->prefix : 'A';
    issued.ticket.code = domain::formatTicketCode(prefix, 0);
    issued.ticket.categoryId = issued.category ? issued.category->id : "";
    issued.ticket.issuedAt = clock.now();
    issued.ticket.serviceDay = clock.now().date;
    issued.ticket.surveyCode = "000000";
    issued.peopleAhead = 2;
    issued.waitMinutes = 25;
    return issued;
}

domain::PrintedTicket ticketIn(const domain::Config& config, const domain::IssuedTicket& issued,
                               const TicketLanguage& language) {
    return common::ticketForPrinter(config, issued, language.catalog.texts(language.code), language.code,
                                    language.catalog.texts(domain::kBaseLanguage));
}

void addBanner(domain::PrintedTicket& ticket, const std::string& text) {
    ticket.lines.insert(ticket.lines.begin(), {text, Style::Bold, true});
    ticket.lines.push_back({text, Style::Bold, true});
}

int sendToPrinter(const domain::Config& config, const domain::PrintedTicket& ticket, const std::string& code,
                  std::ostream& out, std::ostream& err) {
    common::TicketPrinter printer(config.printer);
    const common::PrintResult result = printer.print(ticket);
    if (result.skipped) {
        err << "kioskctl: no printer configured ([printer] target = \"none\" in " << config.sourceName << ")\n";
        return kPrintFailed;
    }
    if (!result.ok) {
        err << "kioskctl: " << code << " not printed: " << result.error << '\n';
        return kPrintFailed;
    }
    out << code << " printed to " << config.printer.target << '\n';
    return kOk;
}

// The same words as the staff commands' refusals (domain/staff.cpp).
int unknownTicket(const domain::QueueService& queue, const std::string& code, std::ostream& err) {
    const auto parsed = domain::parseTicketCode(code);
    if (!parsed)
        err << "kioskctl: \"" << domain::escapedControls(code) << "\" is not a ticket code (like A007)\n";
    else
        err << "kioskctl: no ticket " << domain::formatTicketCode(parsed->prefix, parsed->number) << " today ("
            << queue.now().date.iso() << ")\n";
    return kUnknownTicket;
}

}  // namespace

std::optional<domain::IssuedTicket> todaysTicket(const domain::QueueService& queue, const std::string& code) {
    const auto parsed = domain::parseTicketCode(code);
    if (!parsed) return std::nullopt;
    const std::string wanted = domain::formatTicketCode(parsed->prefix, parsed->number);
    const domain::QueueSnapshot snapshot = queue.snapshot();
    const auto found = std::find_if(snapshot.tickets.begin(), snapshot.tickets.end(),
                                    [&](const domain::Ticket& t) { return t.code == wanted; });
    if (found == snapshot.tickets.end()) return std::nullopt;
    const int ahead = std::max(0, snapshot.positionOf(found->id) - 1);
    const domain::Category* category = queue.config().findCategory(found->categoryId);
    // A category since removed from the config: the ticket still reprints, without estimates.
    domain::IssuedTicket issued = category ? queue.describe(*found, *category, ahead)
                                           : domain::IssuedTicket{*found, nullptr, ahead, 0};
    if (found->state != domain::TicketState::Waiting) issued.waitMinutes = 0;
    return issued;
}

int printTest(const domain::Config& config, const domain::Clock& clock, const TicketLanguage& language,
              std::ostream& out, std::ostream& err) {
    const domain::IssuedTicket sample = sampleTicket(config, clock);
    domain::PrintedTicket ticket = ticketIn(config, sample, language);
    addBanner(ticket, "*** STAMPA DI PROVA ***");
    return sendToPrinter(config, ticket, "test ticket " + sample.ticket.code, out, err);
}

int reprint(const domain::QueueService& queue, const std::string& code, const TicketLanguage& language,
            std::ostream& out, std::ostream& err) {
    const auto issued = todaysTicket(queue, code);
    if (!issued) return unknownTicket(queue, code, err);
    domain::PrintedTicket ticket = ticketIn(queue.config(), *issued, language);
    ticket.lines.push_back({"Ristampa delle " + queue.now().hhmm(), Style::Normal, true});
    return sendToPrinter(queue.config(), ticket, issued->ticket.code, out, err);
}

int printPreview(const domain::QueueService& queue, const std::string& code, const TicketLanguage& language,
                 const std::string& assetsDir, const std::string& pngPath, std::ostream& out, std::ostream& err) {
    const auto issued = todaysTicket(queue, code);
    if (!issued) return unknownTicket(queue, code, err);
    try {
        common::writeTicketPreviewPng(ticketIn(queue.config(), *issued, language),
                                      queue.config().printer.widthChars, assetsDir, pngPath);
    } catch (const std::runtime_error& e) {
        err << "kioskctl: " << e.what() << '\n';
        return kPrintFailed;
    }
    out << issued->ticket.code << " preview written to " << pngPath << '\n';
    return kOk;
}

}  // namespace ctl
