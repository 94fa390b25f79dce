#pragma once
// What a printed ticket says, independent of the printer: lines of Italian text with a style.
// The ESC/POS encoder and the PNG preview (kiosk/common) both lay out these same lines.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "queue.hpp"

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

// Builds the ticket's lines (Italian) from the config, the issued ticket and its category.
// The ticket must already be stored: nothing here stores or numbers anything. People ahead and
// the wait are printed only while the ticket is waiting (a reprint of a called one omits them).
PrintedTicket printedTicket(const Config& config, const IssuedTicket& issued);

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
