#pragma once
// Where the kiosk keeps its data and finds its assets, the same for every program.
#include <string>

namespace common {

// $XDG_DATA_HOME/segretariato-kiosk/kiosk.db, or ~/.local/share/... when unset.
std::string defaultDatabasePath();

// The assets/ folder: $KIOSK_ASSETS, next to the build tree, or the source tree it was built from.
std::string assetsDir();

}  // namespace common
