#pragma once
// How the kiosk tells the staff console that its printer failed: a setting in the shared store.

namespace app {

// The last print's error, "" when printing works.
inline constexpr const char* kPrinterStatusKey = "printer_status";

}  // namespace app
