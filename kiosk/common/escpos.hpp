#pragma once
// ESC/POS, the command language of 58/80 mm thermal receipt printers (Epson and compatibles).
#include <string>
#include <string_view>

#include "domain/ticket_print.hpp"

namespace common {

// The code page selected with ESC t: Epson's number for PC858 (PC850 with the euro sign), which
// has every Italian accented letter (à è é ì ò ù, À È É Ì Ò Ù) and €.
inline constexpr unsigned char kEscPosCodePage858 = 19;

// The bytes that print the ticket: ESC @ (reset), ESC t 19 (PC858), each line wrapped to the paper
// with its alignment and size (GS !, ESC E), some feed, then GS V (cut).
std::string encodeEscPos(const domain::PrintedTicket& ticket, int widthChars);

// UTF-8 to PC858, one byte per character: dashes and curly quotes become their ASCII forms, control
// characters (which the printer would take as commands) and anything else PC858 lacks become '?'.
std::string toCodePage858(std::string_view utf8);

// What the printer will print for the text, as Unicode: toCodePage858 read back. The preview
// draws this, so a character the printer lacks shows there as the '?' it will be on paper.
std::u32string printedCharacters(std::string_view utf8);

// Whether PC858 has every character of the text (typographic dashes and quotes count, as their
// ASCII stand-ins): false for Cyrillic, Romanian ă ș ț, Albanian is fine (ë ç).
bool printableOnPc858(std::string_view utf8);

// The ticket in the citizen's language (texts of `language`) when PC858 can print all of it,
// otherwise in Italian: what the kiosk and kioskctl send to the printer.
domain::PrintedTicket ticketForPrinter(const domain::Config& config, const domain::IssuedTicket& issued,
                                       const domain::Texts& chosen, std::string_view language,
                                       const domain::Texts& italian);

}  // namespace common
