#pragma once
// What a printed ticket says, independent of the printer: lines of text with a style, in the
// citizen's language when the printer can print it ([print] in assets/i18n/<code>.toml).
// The ESC/POS encoder and the PNG preview (kiosk/common) both lay out these same lines.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "queue.hpp"
#include "texts.hpp"

namespace domain {

struct PrintLine {
    // Big is double width and double height: the ticket code, readable at arm's length.
    enum class Style { Normal, Bold, Big };
    std::string text;  // UTF-8; empty for a blank line
    Style style = Style::Normal;
    bool centered = true;
};

struct PrintedTicket {
    std::vector<PrintLine> lines;
};

// Builds the ticket's lines from the config, the issued ticket and its category, with the words
// of texts' [print] section and the category label in `language`. The ticket must already be
// stored: nothing here stores or numbers anything. People ahead and the wait are printed only
// while the ticket is waiting (a reprint of a called one omits them).
PrintedTicket printedTicket(const Config& config, const IssuedTicket& issued, const Texts& texts,
                            std::string_view language = "it");

// Whether the printer can print every character of a UTF-8 text (common::printableOnPc858).
using CanPrint = std::function<bool(std::string_view utf8)>;

// The ticket in the citizen's language when the printer can print every line of it; otherwise
// in Italian, which it always can (a thermal printer has no Cyrillic, nor Romanian ș ț): a
// ticket of question marks would be worse than one in Italian.
PrintedTicket printedTicketFor(const Config& config, const IssuedTicket& issued, const Texts& chosen,
                               std::string_view language, const Texts& italian, const CanPrint& canPrint);

// Characters per printed line for a style: Big letters are twice as wide.
int columnsFor(PrintLine::Style style, int widthChars);

// Splits UTF-8 text into lines of at most `columns` characters (code points), breaking at
// spaces; a word longer than a line is cut. Printer and preview share it, so they break alike.
std::vector<std::string> wrapText(std::string_view utf8, int columns);

// Where [printer] target sends the bytes.
struct PrinterTarget {
    enum class Kind { None, File, Device, Cups };
    Kind kind = Kind::None;
    std::string where;  // the path (File, Device) or the CUPS queue name (Cups)
};

// "none", "file:/abs/path", "device:/abs/path", "cups:QUEUE"; nullopt for anything else
// (a relative path would depend on the directory the kiosk happens to start in).
std::optional<PrinterTarget> parsePrinterTarget(std::string_view text);

// The accepted forms, for error messages.
inline constexpr std::string_view kPrinterTargetForms =
    R"("none", "file:/path/out.bin", "device:/dev/usb/lp0" or "cups:QUEUE_NAME")";

}  // namespace domain
