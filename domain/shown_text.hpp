#pragma once
// Text from outside (a command-line argument, a config value, a typed code, a file name) as a
// message may repeat it. Raw, an ESC would drive the terminal that shows the message, a NUL would
// end what() before the explanation and a line break would forge a line of the log.
#include <string>
#include <string_view>

namespace domain {

// The text with every control character written as \xNN (ESC as \x1b, NUL as \x00): the C0
// controls and DEL, the C1 controls (U+0080-U+009F, shown as their two UTF-8 bytes) and any byte
// that is not part of valid UTF-8. Printable text in any script is kept as it is, and so is the
// backslash, so escaping twice changes nothing. Line breaks and tabs are escaped too unless
// keepLineBreaks (for messages of several lines, such as a server's error text).
std::string escapedControls(std::string_view text, bool keepLineBreaks = false);

}  // namespace domain
