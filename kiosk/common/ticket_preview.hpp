#pragma once
// A picture of a printed ticket: what the thermal printer would produce, for staff and docs.
#include <string>

#include "domain/ticket_print.hpp"

namespace common {

// Writes a greyscale PNG of the ticket as printed on paper widthChars characters wide: 12 dots a
// character (384 px for 58 mm, 576 px for 80 mm), black on white, the same line breaks as the
// printer, a dashed cut line at the bottom. Fonts: the kiosk's Titillium Web from assetsDir if
// installed, else DejaVu Sans. Throws std::runtime_error when no font loads or the file cannot
// be written.
void writeTicketPreviewPng(const domain::PrintedTicket& ticket, int widthChars, const std::string& assetsDir,
                           const std::string& pngPath);

}  // namespace common
