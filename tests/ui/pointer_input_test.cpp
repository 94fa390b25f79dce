// The pointer as ImGui gets it: what a screen change does to the taps that follow and to the
// mouse pointer left where the last tap was (no window needed: positions stay in pixels).
#include <gtest/gtest.h>
#include <imgui.h>

#include "kiosk/app/platform/pointer_input.hpp"

namespace {

class PointerInputTest : public ::testing::Test {
protected:
    PointerInputTest() : m_context(ImGui::CreateContext()) {}
    ~PointerInputTest() override { ImGui::DestroyContext(m_context); }

    void mouse(Uint32 type, int x, int y) {
        SDL_Event e{};
        e.type = type;
        if (type == SDL_MOUSEMOTION) {
            e.motion.x = x;
            e.motion.y = y;
        } else {
            e.button.button = SDL_BUTTON_LEFT;
            e.button.x = x;
            e.button.y = y;
        }
        pointer.handle(e, nullptr);
    }
    void click(int x, int y) {
        mouse(SDL_MOUSEBUTTONDOWN, x, y);
        mouse(SDL_MOUSEBUTTONUP, x, y);
    }
    // Feeds ImGui every queued step, a frame each, as the loop does; the pointer's position then.
    ImVec2 drainedPosition() {
        ImGuiIO& io = ImGui::GetIO();
        do pointer.applyTo(io);
        while (pointer.hasPending());
        return io.MousePos;
    }

    ImGuiContext* m_context;
    platform::PointerInput pointer;
};

TEST_F(PointerInputTest, aTapRepeatedOnTheSameSpotIsIgnoredUntilTheGuardEnds) {
    click(600, 450);
    drainedPosition();
    const Uint32 now = SDL_GetTicks();
    pointer.ignoreRepeatsUntil(now + 60000, 100);
    EXPECT_FALSE(pointer.acceptsPressAt(ImVec2(650, 480)));
    EXPECT_TRUE(pointer.acceptsPressAt(ImVec2(760, 450))) << "a tap elsewhere counts";
    click(640, 440);
    EXPECT_FALSE(pointer.hasPending()) << "the repeated tap was queued";
    click(900, 450);
    EXPECT_TRUE(pointer.hasPending());
}

TEST_F(PointerInputTest, theRepeatGuardEndsWhenItsTimeIsOver) {
    click(600, 450);
    drainedPosition();
    pointer.ignoreRepeatsUntil(SDL_GetTicks() - 1, 100);
    EXPECT_TRUE(pointer.acceptsPressAt(ImVec2(600, 450)));
}

TEST_F(PointerInputTest, aLiftedMousePointerHoversNothingUntilItMoves) {
    mouse(SDL_MOUSEMOTION, 600, 450);
    click(600, 450);
    EXPECT_EQ(drainedPosition().x, 600);
    pointer.liftUntilMoved();
    EXPECT_EQ(drainedPosition().x, -FLT_MAX);
    mouse(SDL_MOUSEMOTION, 610, 455);
    EXPECT_EQ(drainedPosition().x, 610);
}

TEST_F(PointerInputTest, aLiftDoesNotDropAPressStillHeld) {
    mouse(SDL_MOUSEMOTION, 600, 450);
    mouse(SDL_MOUSEBUTTONDOWN, 600, 450);
    EXPECT_EQ(drainedPosition().x, 600);
    pointer.liftUntilMoved();
    EXPECT_EQ(drainedPosition().x, 600) << "a finger still on the glass is where it is";
    EXPECT_TRUE(pointer.holding());
}

}  // namespace
