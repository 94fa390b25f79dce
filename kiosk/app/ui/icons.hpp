#pragma once
// Simple pictograms drawn with the draw list: no emoji font, crisp at any size.
#include <imgui.h>

namespace ui {

enum class Icon { None, Ticket, Adult, Elderly, Disability, Family, Back, Check, Clock, Info, Document, Globe, Speaker };

void drawIcon(ImDrawList* dl, Icon icon, ImVec2 center, float size, ImU32 color);

}  // namespace ui
