#pragma once
// The satisfaction survey on the kiosk: the code from the ticket, the faces, thanks.
#include <optional>
#include <string>

#include "domain/config.hpp"
#include "domain/survey.hpp"
#include "screen_id.hpp"
#include "../ui/widgets.hpp"

namespace screens {

// One citizen's way through the survey; forgotten when they go home.
struct SurveyState {
    std::string code;     // digits typed so far
    std::string message;  // why the code was not accepted (kind words), or the wait after many tries
    bool waiting = false;  // the message is that wait: too many wrong codes
    int question = 0;     // 0 = overall, 1..4 = the charter's dimensions
    domain::SurveyAnswer answer;
};

// What a survey screen asked for.
struct SurveyIntents {
    std::optional<char> key;  // '0'..'9' or '<'
    bool submitCode = false;
    std::optional<int> score;  // 1..5
    bool skip = false;
};

void drawSurveyCodeScreen(ui::UiContext& ctx, const SurveyState& state, SurveyIntents& intents, Intents& nav);
void drawSurveyQuestionScreen(ui::UiContext& ctx, const domain::SurveyConfig& config, const SurveyState& state,
                              SurveyIntents& intents, Intents& nav);
void drawSurveyThanksScreen(ui::UiContext& ctx, Intents& nav);

// A face from 1 (sad) to 5 (happy), drawn with shapes: no emoji font needed.
void drawFace(ImDrawList* dl, ImVec2 center, float radius, int score);

}  // namespace screens
