#pragma once
// What every screen shows while the site's PostgreSQL server cannot be reached (issue #11): the
// screen's own content needs the server, so the whole window says so instead, until it is back.
#include "ui/widgets.hpp"

namespace app {

// In ctx's language; `italianAlso` (the Italian texts, when ctx's are another language) adds the
// Italian message below, smaller, for staff and anyone else in the room.
void drawServerLost(ui::UiContext& ctx, const domain::Texts* italianAlso);

}  // namespace app
