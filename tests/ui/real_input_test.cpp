// The real kiosk driven with real input: each test starts its own X server, runs the kiosk on it
// full screen without a UI script, and taps it through XTest as a hand on a mouse or a touchscreen
// does (move, press, hold, release, then nothing). Every step is checked from what is on screen:
// the kiosk's "on screen" log line, written after the swap, and the X server's own picture, within
// 500 ms of the release and with no further input. A kiosk that changes its state after a tap but
// draws nothing until the pointer moves again fails here, as it failed a citizen.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "kiosk/store/sqlite_store.hpp"
#include "real_input/watched_kiosk.hpp"
#include "real_input/x_hand.hpp"
#include "support/process.hpp"

using namespace std::chrono_literals;
using real_input::Hand;
using real_input::Picture;
using real_input::PrivateXServer;
using real_input::Rect;
using real_input::ShownScreen;
using real_input::WatchedKiosk;
using testing_support::runProcess;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config/gorgonzola.toml";
const std::string kNow = "2026-11-30T15:45";
const domain::LocalDate kDay{2026, 11, 30};
constexpr const char* kPin = "2468";
// What a person takes for "at once".
constexpr auto kShownWithin = 500ms;
// Start-up: Mesa, the fonts, the database.
constexpr auto kStartsWithin = 20s;
// How long a person looks at a new screen, or the next question, before tapping.
constexpr auto kReadingTime = 700ms;

class RealInput : public ::testing::Test {
protected:
    void startKiosk(const std::string& role, int width, int height) {
        m_x = std::make_unique<PrivateXServer>(width, height);
        m_hand = std::make_unique<Hand>(m_x->display());
        m_kiosk = std::make_unique<WatchedKiosk>(
            KIOSK_BIN, std::vector<std::string>{"--config", kConfig, "--db", db(), "--now", kNow, "--role", role},
            m_x->display());
    }

    ShownScreen firstScreen(const std::string& name) {
        auto shown = m_kiosk->waitForScreen(0, name, Clock::now() + kStartsWithin);
        if (!shown) throw std::runtime_error("the kiosk never showed " + name + ":\n" + m_kiosk->log());
        return *shown;
    }

    // A person reads a new screen before tapping it: a tap in its first 500 ms is taken for the
    // second touch of a double tap and counts for nothing.
    static void readFirst(const ShownScreen& on) { std::this_thread::sleep_until(on.loggedAt + kReadingTime); }

    // Taps a target of the screen shown and returns the first screen after the tap that `wanted`
    // accepts, logged within kShownWithin of the release; fails the test otherwise.
    std::optional<ShownScreen> tapAndSee(const ShownScreen& on, const std::string& target,
                                         const std::function<bool(const ShownScreen&)>& wanted, const std::string& what) {
        readFirst(on);
        const size_t mark = m_kiosk->mark();
        m_hand->tap(on.at(target));
        const auto released = Clock::now();
        auto shown = m_kiosk->waitForShown(mark, wanted, released + kShownWithin);
        if (!shown)
            ADD_FAILURE() << "after a tap on " << target << " on " << on.name << ", " << what << " was not on screen within "
                          << kShownWithin.count() << " ms; the kiosk logged:\n"
                          << m_kiosk->log();
        return shown;
    }

    std::optional<ShownScreen> tapAndSeeScreen(const ShownScreen& on, const std::string& target, const std::string& screen) {
        return tapAndSee(on, target, [&](const ShownScreen& s) { return s.name == screen; }, "screen " + screen);
    }

    // Waits, up to kShownWithin after `since`, until the X screen differs from `before` in more
    // than `share` of `area`; the picture then.
    Picture waitForPictureChange(const Picture& before, const Rect& area, double share, Clock::time_point since) {
        Picture now = m_hand->look();
        while (now.changedShare(before, area) <= share && Clock::now() < since + kShownWithin) now = m_hand->look();
        EXPECT_GT(now.changedShare(before, area), share) << "the X screen did not change there";
        return now;
    }

    // Types digits on a keypad whose keys are `prefix` + digit; each digit must show in `field`
    // at once (a dot for the PIN, the digit for the survey code), with no further input.
    void typeDigits(const ShownScreen& on, const std::string& prefix, const std::string& digits, const std::string& field) {
        readFirst(on);
        for (char digit : digits) {
            const Picture before = m_hand->look();
            m_hand->tap(on.at(prefix + digit));
            waitForPictureChange(before, on.at(field), 0.01, Clock::now());
        }
    }

    std::vector<domain::Ticket> storedTickets() const {
        store::SqliteStore store(db());
        return store.ticketsOfDay(kDay);
    }

    std::string kioskctl(const std::vector<std::string>& args, const std::string& now = kNow) const {
        std::vector<std::string> all{"--config", kConfig, "--db", db(), "--now", now};
        all.insert(all.end(), args.begin(), args.end());
        auto r = runProcess(KIOSKCTL_BIN, all);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.out;
    }

    std::string db() const { return m_dir.file("kiosk.db"); }

    testing_support::TempDir m_dir;
    std::unique_ptr<PrivateXServer> m_x;
    std::unique_ptr<Hand> m_hand;
    std::unique_ptr<WatchedKiosk> m_kiosk;
};

// A hovered tile's border is the Comune's blue (0x0066CC); an untouched one is grey. The border
// lies on fractional pixels, so a few columns around the left edge are looked at.
bool hasBlueBorder(const Picture& picture, const Rect& tile) {
    for (int x = tile.x0 - 2; x <= tile.x0 + 4; ++x) {
        const std::uint32_t p = picture.at(x, tile.cy());
        if ((p & 0xFF) > ((p >> 16) & 0xFF) + 80) return true;
    }
    return false;
}

// The second tap of a person who taps again on the same spot, this long after the first.
class RepeatedTap : public RealInput, public ::testing::WithParamInterface<std::chrono::milliseconds> {};

}  // namespace

// Home, categories, ticket: each tap shows the next screen at once, and a second tap on the same
// spot 300 ms to 2 s later neither chooses a category nor takes a second ticket.
TEST_P(RepeatedTap, aCitizenTakesOneTicketOfTheCategoryChosen) {
    const auto repeatAfter = GetParam();
    startKiosk("citizen", 1920, 1080);
    const ShownScreen home = firstScreen("home");

    const Picture homePicture = m_hand->look();
    const auto category = tapAndSeeScreen(home, "take_ticket", "category");
    ASSERT_TRUE(category);
    const auto tapped = Clock::now();
    const Picture categoryPicture = waitForPictureChange(homePicture, {0, 0, 1920, 1080}, 0.2, tapped);
    // Touch has no hover: the tile that came to lie under the finger is drawn like the others.
    const Rect under = category->at("category:adulti");
    ASSERT_TRUE(under.x0 <= home.at("take_ticket").cx() && home.at("take_ticket").cx() < under.x1 &&
                under.y0 <= home.at("take_ticket").cy() && home.at("take_ticket").cy() < under.y1)
        << "the layout changed: which tile lies under Prendi il numero?";
    EXPECT_FALSE(hasBlueBorder(categoryPicture, under)) << "the tile under the pointer arrived highlighted";

    std::this_thread::sleep_until(tapped + repeatAfter);
    const size_t afterRepeat = m_kiosk->mark();
    m_hand->tap(home.at("take_ticket"));
    EXPECT_FALSE(m_kiosk->waitForScreen(afterRepeat, "ticket", Clock::now() + kShownWithin))
        << "the repeated tap chose a category";
    EXPECT_TRUE(storedTickets().empty());

    const auto ticket = tapAndSeeScreen(*category, "category:anziani", "ticket");
    ASSERT_TRUE(ticket);
    waitForPictureChange(categoryPicture, {0, 0, 1920, 1080}, 0.2, Clock::now());
    std::this_thread::sleep_for(repeatAfter);
    const size_t onTicket = m_kiosk->mark();
    m_hand->tap(category->at("category:anziani"));
    EXPECT_FALSE(m_kiosk->waitForShown(onTicket, [](const ShownScreen& s) { return s.name != "ticket"; },
                                       Clock::now() + kShownWithin))
        << "the repeated tap left the ticket screen";

    const auto tickets = storedTickets();
    ASSERT_EQ(tickets.size(), 1u) << m_kiosk->log();
    EXPECT_EQ(tickets[0].code, "N001");
    EXPECT_EQ(tickets[0].categoryId, "anziani");
}

INSTANTIATE_TEST_SUITE_P(After, RepeatedTap, ::testing::Values(300ms, 1000ms, 2000ms),
                         [](const auto& p) { return std::to_string(p.param.count()) + "ms"; });

// Valuta il servizio, the six digits of a served ticket's code, the five faces, thanks: each
// digit appears and each question follows at once (1280x800, a 10-inch touchscreen).
TEST_F(RealInput, aCitizenAnswersTheSurvey) {
    const auto taken = nlohmann::json::parse(kioskctl({"take", "adulti", "--json"}));
    kioskctl({"call", "--desk", "1"});
    kioskctl({"serve", taken["code"].get<std::string>()});
    startKiosk("citizen", 1280, 800);
    const ShownScreen home = firstScreen("home");

    const auto code = tapAndSeeScreen(home, "survey", "survey-code");
    ASSERT_TRUE(code);
    typeDigits(*code, "key:", taken["survey_code"].get<std::string>(), "survey_code");
    auto question = tapAndSee(*code, "key:ok", [](const ShownScreen& s) { return s.has("question:1"); }, "question 1");
    ASSERT_TRUE(question);
    for (int next = 2; next <= 5; ++next) {
        const std::string marker = "question:" + std::to_string(next);
        question = tapAndSee(*question, "score:4", [&](const ShownScreen& s) { return s.has(marker); }, marker);
        ASSERT_TRUE(question);
    }
    ASSERT_TRUE(tapAndSeeScreen(*question, "score:5", "survey-thanks"));

    store::SqliteStore store(db());
    const auto answers = store.surveyAnswers(kDay, kDay);
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].answer.overall, 4);
}

// The reserved area: a five-second press on the office name, the PIN dot by dot, Chiudi il chiosco.
TEST_F(RealInput, staffCloseTheKioskFromTheReservedArea) {
    kioskctl({"set-pin", "--pin", kPin});
    startKiosk("citizen", 1920, 1080);
    const ShownScreen home = firstScreen("home");

    const size_t mark = m_kiosk->mark();
    m_hand->moveTo(home.at("admin_corner").cx(), home.at("admin_corner").cy());
    m_hand->press();
    const auto pressed = Clock::now();
    const auto pin = m_kiosk->waitForScreen(mark, "admin-pin", pressed + 5s + kShownWithin);
    m_hand->release();
    ASSERT_TRUE(pin) << "no PIN pad within 5.5 s of the press:\n" << m_kiosk->log();

    typeDigits(*pin, "pin:", kPin, "pin_dots");
    const auto admin = tapAndSeeScreen(*pin, "pin:ok", "admin");
    ASSERT_TRUE(admin);
    readFirst(*admin);
    m_hand->tap(admin->at("admin:exit"));
    EXPECT_EQ(m_kiosk->waitForExit(Clock::now() + kShownWithin), std::optional<int>(0)) << m_kiosk->log();
    EXPECT_NE(m_kiosk->log().find("closed by staff"), std::string::npos);
}

// The staff console: each PIN digit's dot at once, Chiama il prossimo, Servito, the scheda panel.
TEST_F(RealInput, aWorkerCallsAndServesFromTheConsole) {
    kioskctl({"set-pin", "--pin", kPin});
    kioskctl({"take", "adulti"});
    startKiosk("staff", 1920, 1080);
    const ShownScreen pin = firstScreen("staff-pin");

    typeDigits(pin, "pin:", kPin, "pin_dots");
    const auto console = tapAndSeeScreen(pin, "pin:ok", "staff-console");
    ASSERT_TRUE(console);
    ASSERT_FALSE(console->has("serve"));
    const Picture before = m_hand->look();
    const auto called = tapAndSee(*console, "call_next", [](const ShownScreen& s) { return s.has("serve"); },
                                  "the called ticket with its actions");
    ASSERT_TRUE(called);
    waitForPictureChange(before, called->at("ticket:A001"), 0.01, Clock::now());
    ASSERT_EQ(storedTickets().at(0).state, domain::TicketState::Called);

    const auto scheda = tapAndSeeScreen(*called, "serve", "staff-scheda");
    ASSERT_TRUE(scheda);
    EXPECT_EQ(storedTickets().at(0).state, domain::TicketState::Served);
    EXPECT_TRUE(tapAndSeeScreen(*scheda, "scheda:skip", "staff-console"));
}

// The hall display: a call made elsewhere (kioskctl, another PC) shows with nobody touching it.
TEST_F(RealInput, theBoardShowsACallWithNoInput) {
    kioskctl({"take", "anziani"});
    startKiosk("board", 1920, 1080);
    const ShownScreen board = firstScreen("board");
    ASSERT_FALSE(board.has("called:N001"));

    const Picture before = m_hand->look();
    const size_t mark = m_kiosk->mark();
    kioskctl({"call", "--desk", "2"});
    const auto committed = Clock::now();
    EXPECT_TRUE(m_kiosk->waitForShown(mark, [](const ShownScreen& s) { return s.has("called:N001"); },
                                      committed + kShownWithin))
        << m_kiosk->log();
    waitForPictureChange(before, {0, 0, 1920, 1080}, 0.05, committed);
}
