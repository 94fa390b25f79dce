#include "icons.hpp"

#include <initializer_list>

namespace ui {
namespace {

ImVec2 at(ImVec2 c, float s, float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); }

// A standing person: head and rounded body, in a box of height s centred at c.
void person(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    dl->AddCircleFilled(at(c, s, 0, -0.30f), 0.14f * s, col, 24);
    dl->AddRectFilled(at(c, s, -0.20f, -0.10f), at(c, s, 0.20f, 0.42f), col, 0.12f * s,
                      ImDrawFlags_RoundCornersTop);
}

void ticket(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    // An outlined ticket with a tear-off line and two lines of "print": reads as a ticket, not a card.
    float t = 0.06f * s;
    dl->AddRect(at(c, s, -0.44f, -0.28f), at(c, s, 0.44f, 0.28f), col, 0.06f * s, 0, t);
    for (float y = -0.22f; y < 0.24f; y += 0.11f)
        dl->AddLine(at(c, s, 0.18f, y), at(c, s, 0.18f, y + 0.05f), col, t * 0.6f);
    dl->AddRectFilled(at(c, s, -0.32f, -0.12f), at(c, s, 0.06f, -0.04f), col);
    dl->AddRectFilled(at(c, s, -0.32f, 0.04f), at(c, s, -0.06f, 0.12f), col);
}

void elderly(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    person(dl, at(c, s, -0.08f, 0), s, col);
    // The walking stick.
    dl->AddLine(at(c, s, 0.26f, -0.02f), at(c, s, 0.26f, 0.42f), col, 0.06f * s);
    dl->AddBezierCubic(at(c, s, 0.26f, -0.02f), at(c, s, 0.26f, -0.12f), at(c, s, 0.14f, -0.12f),
                       at(c, s, 0.14f, -0.04f), col, 0.06f * s);
}

void disability(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    // The international symbol of access, simplified: head, seated body, wheel.
    float t = 0.07f * s;
    dl->AddCircleFilled(at(c, s, -0.04f, -0.36f), 0.10f * s, col, 24);
    dl->AddLine(at(c, s, -0.06f, -0.22f), at(c, s, -0.06f, 0.06f), col, t);
    dl->AddLine(at(c, s, -0.06f, 0.06f), at(c, s, 0.18f, 0.06f), col, t);
    dl->AddLine(at(c, s, 0.18f, 0.06f), at(c, s, 0.28f, 0.30f), col, t);
    dl->AddLine(at(c, s, -0.06f, -0.10f), at(c, s, 0.14f, -0.10f), col, t);
    dl->PathArcTo(at(c, s, -0.06f, 0.18f), 0.24f * s, 3.6f, 8.6f, 32);
    dl->PathStroke(col, 0, t);
}

void family(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    person(dl, at(c, s, -0.20f, 0), s * 0.9f, col);
    person(dl, at(c, s, 0.24f, 0.12f), s * 0.62f, col);
}

void back(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    float t = 0.12f * s;
    dl->AddLine(at(c, s, 0.30f, 0), at(c, s, -0.26f, 0), col, t);
    dl->AddLine(at(c, s, -0.30f, 0.03f), at(c, s, 0.0f, -0.28f), col, t);
    dl->AddLine(at(c, s, -0.30f, -0.03f), at(c, s, 0.0f, 0.28f), col, t);
}

void check(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    float t = 0.12f * s;
    dl->AddLine(at(c, s, -0.32f, 0.0f), at(c, s, -0.08f, 0.24f), col, t);
    dl->AddLine(at(c, s, -0.12f, 0.26f), at(c, s, 0.34f, -0.24f), col, t);
}

void clock(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    float t = 0.08f * s;
    dl->AddCircle(c, 0.40f * s, col, 48, t);
    dl->AddLine(c, at(c, s, 0, -0.26f), col, t);
    dl->AddLine(c, at(c, s, 0.18f, 0.08f), col, t);
}

void info(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    float t = 0.08f * s;
    dl->AddCircle(c, 0.40f * s, col, 48, t);
    dl->AddCircleFilled(at(c, s, 0, -0.20f), 0.06f * s, col, 16);
    dl->AddLine(at(c, s, 0, -0.06f), at(c, s, 0, 0.24f), col, 0.10f * s);
}

void document(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    float t = 0.07f * s;
    dl->AddRect(at(c, s, -0.30f, -0.40f), at(c, s, 0.30f, 0.40f), col, 0.06f * s, 0, t);
    for (float y = -0.20f; y <= 0.21f; y += 0.13f) dl->AddLine(at(c, s, -0.17f, y), at(c, s, 0.17f, y), col, t * 0.8f);
}

// A globe with a meridian ellipse and two parallels: the usual sign for "language".
void globe(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    float t = 0.07f * s;
    dl->AddCircle(c, 0.40f * s, col, 48, t);
    // The meridian: two half-ellipses, each one cubic (control points at 4/3 of the half-width).
    for (float side : {-1.0f, 1.0f})
        dl->AddBezierCubic(at(c, s, 0, -0.40f), at(c, s, side * 0.23f, -0.40f), at(c, s, side * 0.23f, 0.40f),
                           at(c, s, 0, 0.40f), col, t);
    dl->AddLine(at(c, s, -0.40f, 0), at(c, s, 0.40f, 0), col, t);
    dl->AddLine(at(c, s, -0.33f, -0.20f), at(c, s, 0.33f, -0.20f), col, t * 0.8f);
    dl->AddLine(at(c, s, -0.33f, 0.20f), at(c, s, 0.33f, 0.20f), col, t * 0.8f);
}

// A loudspeaker with two sound waves: "listen".
void speaker(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    float t = 0.07f * s;
    dl->AddRectFilled(at(c, s, -0.38f, -0.12f), at(c, s, -0.22f, 0.12f), col);
    dl->AddQuadFilled(at(c, s, -0.22f, -0.12f), at(c, s, 0.02f, -0.32f), at(c, s, 0.02f, 0.32f),
                      at(c, s, -0.22f, 0.12f), col);
    dl->PathArcTo(at(c, s, 0.02f, 0), 0.18f * s, -0.9f, 0.9f, 12);
    dl->PathStroke(col, 0, t);
    dl->PathArcTo(at(c, s, 0.02f, 0), 0.34f * s, -0.9f, 0.9f, 16);
    dl->PathStroke(col, 0, t);
}

}  // namespace

void drawIcon(ImDrawList* dl, Icon icon, ImVec2 c, float s, ImU32 col) {
    switch (icon) {
        case Icon::None: return;
        case Icon::Ticket: return ticket(dl, c, s, col);
        case Icon::Adult: return person(dl, c, s, col);
        case Icon::Elderly: return elderly(dl, c, s, col);
        case Icon::Disability: return disability(dl, c, s, col);
        case Icon::Family: return family(dl, c, s, col);
        case Icon::Back: return back(dl, c, s, col);
        case Icon::Check: return check(dl, c, s, col);
        case Icon::Clock: return clock(dl, c, s, col);
        case Icon::Info: return info(dl, c, s, col);
        case Icon::Document: return document(dl, c, s, col);
        case Icon::Globe: return globe(dl, c, s, col);
        case Icon::Speaker: return speaker(dl, c, s, col);
    }
}

}  // namespace ui
