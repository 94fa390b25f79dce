#pragma once
// What every screen shows while the site's PostgreSQL server cannot be reached (issue #11): the
// screen's own content needs the server, so the whole window says so instead, until it is back.
// And the same kind of screen, for good, once the SQLite file's -wal was deleted (issue #19).
#include <string>

#include "ui/widgets.hpp"

namespace app {

// In ctx's language; `italianAlso` (the Italian texts, when ctx's are another language) adds the
// Italian message below, smaller, for staff and anyone else in the room.
void drawServerLost(ui::UiContext& ctx, const domain::Texts* italianAlso);

// "Servizio momentaneamente non disponibile", what a citizen holding a number does now (in ctx's
// language, the Italian below as above), and at the bottom a line for the staff, in Italian:
// the file deleted, whether the tickets given are saved (`saved`), and what to do.
void drawDatabaseLost(ui::UiContext& ctx, const domain::Texts* italianAlso, const domain::Texts& italian, bool saved,
                      const std::string& dbPath);

}  // namespace app
