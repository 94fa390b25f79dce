#pragma once
// How a survey answer and a ticket's survey code are written, shared by SqliteStore and the demo
// data generator so that generated answers keep every privacy property of real ones: a random
// 16-byte key, the day, the scores, nothing linking them to a ticket. Internal to kiosk/store/.
#include <string>

namespace store::detail {

constexpr int kAnswerKeyBytes = 16;

// Bound as ?1 key (kAnswerKeyBytes random bytes from randomBytes), ?2 day, ?3 overall,
// ?4..?7 the dimensions in domain::kSurveyDimensions order (NULL when skipped), ?8 paper.
constexpr const char* kInsertAnswerSql =
    "INSERT INTO survey_answers (key, day, overall, access, professionalism, privacy, waiting, paper) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

// SQLite's CSPRNG (ChaCha20, seeded from the OS), reseeded in a forked child.
void randomBytes(void* into, int count);

// Six digits from the CSPRNG: unguessable, and unrelated to the ticket's number.
std::string randomSurveyCode();

}  // namespace store::detail
