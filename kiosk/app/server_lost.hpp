#pragma once
// What every screen shows while the site's PostgreSQL server cannot be reached (issue #11): the
// screen's own content needs the server, so the whole window says so instead, until it is back.
#include "ui/widgets.hpp"

namespace app {

void drawServerLost(ui::UiContext& ctx);

}  // namespace app
