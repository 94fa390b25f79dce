#include "domain/staff.hpp"

#include <gtest/gtest.h>

#include "domain/queue.hpp"
#include "memory_store.hpp"

using namespace domain;

namespace {

LocalDateTime at(const char* iso) {
    return *LocalDateTime::parse(iso);
}

Config twoRoomsOffice() {
    Config c;
    c.categories = {{"adulti", "Adulti", 'A', ""}, {"anziani", "Anziani", 'N', ""}, {"disabili", "Disabili", 'D', ""}};
    c.staff.rooms = {"Stanza 1", "Stanza 2"};
    return c;
}

struct StaffFixture : ::testing::Test {
    Config config = twoRoomsOffice();
    testing_support::MemoryStore store;
    FixedClock clock{at("2026-11-30T15:30")};
    StaffService staff{config, store, clock};

    // Issues a ticket at the given time of Monday 30 November and leaves the clock there.
    Ticket take(const char* category, char prefix, const char* hhmm) {
        clock.set(at((std::string("2026-11-30T") + hhmm).c_str()));
        return store.issueTicket({category, prefix, clock.now(), {}});
    }
    Ticket ticket(const std::string& code) {
        for (const auto& t : store.ticketsOfDay(clock.now().date))
            if (t.code == code) return t;
        throw std::runtime_error("no ticket " + code + " in the test store");
    }
};

std::string transitionErrorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const TransitionError& e) {
        return e.what();
    }
    return "no TransitionError";
}

}  // namespace

TEST(StatesAllowing, eachActionAcceptsOnlyTheStatesWhereItMakesSense) {
    using S = TicketState;
    EXPECT_EQ(statesAllowing(StaffAction::Call), (std::vector<S>{S::Waiting}));
    EXPECT_EQ(statesAllowing(StaffAction::Recall), (std::vector<S>{S::Called}));
    EXPECT_EQ(statesAllowing(StaffAction::Serve), (std::vector<S>{S::Called}));
    EXPECT_EQ(statesAllowing(StaffAction::NoShow), (std::vector<S>{S::Called}));
    EXPECT_EQ(statesAllowing(StaffAction::Requeue), (std::vector<S>{S::Called, S::NoShow}));
    EXPECT_EQ(statesAllowing(StaffAction::Transfer), (std::vector<S>{S::Waiting, S::Called}));
}

TEST(NormalizeTicketCode, acceptsWhatStaffTypeAndRejectsTheRest) {
    EXPECT_EQ(normalizeTicketCode("a7"), "A007");
    EXPECT_EQ(normalizeTicketCode(" A 012 "), "A012");
    try {
        normalizeTicketCode("xyz");
        FAIL() << "\"xyz\" was taken for a code";
    } catch (const UnknownTicketError& e) {
        EXPECT_STREQ(e.what(), "\"xyz\" is not a ticket code (like A007)");
    }
}

TEST_F(StaffFixture, deskNumbersAreOneBasedRoomsAndOthersNameTheRooms) {
    EXPECT_EQ(staff.room(1), "Stanza 1");
    EXPECT_EQ(staff.room(2), "Stanza 2");
    try {
        staff.room(3);
        FAIL() << "desk 3 accepted";
    } catch (const std::out_of_range& e) {
        EXPECT_STREQ(e.what(), "desk 3: this office has 2 rooms: Stanza 1, Stanza 2");
    }
    EXPECT_THROW(staff.room(0), std::out_of_range);
}

TEST_F(StaffFixture, callNextTakesTheOldestWaitingTicket) {
    take("anziani", 'N', "15:31");
    take("adulti", 'A', "15:32");
    clock.set(at("2026-11-30T15:40"));

    auto first = staff.callNext(2);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->code, "N001");
    EXPECT_EQ(first->state, TicketState::Called);
    EXPECT_EQ(first->desk, "Stanza 2");
    EXPECT_EQ(first->calledAt, at("2026-11-30T15:40"));
    EXPECT_EQ(staff.callNext(1)->code, "A001");
    EXPECT_FALSE(staff.callNext(1).has_value());
}

TEST_F(StaffFixture, callNextServesAConfiguredPriorityCategoryFirst) {
    config.staff.priorityCategoryIds = {"disabili"};
    take("adulti", 'A', "15:31");
    take("disabili", 'D', "15:35");

    EXPECT_EQ(staff.callNext(1)->code, "D001");
    EXPECT_EQ(staff.callNext(1)->code, "A001");
}

TEST_F(StaffFixture, callNextOnADeskThatDoesNotExistCallsNobody) {
    take("adulti", 'A', "15:31");
    EXPECT_THROW(staff.callNext(3), std::out_of_range);
    EXPECT_EQ(ticket("A001").state, TicketState::Waiting);
}

TEST_F(StaffFixture, callByCodeSkipsTheQueueAndLogsTheCall) {
    take("adulti", 'A', "15:31");
    take("adulti", 'A', "15:32");
    clock.set(at("2026-11-30T15:45"));

    Ticket called = staff.call("a2", 2);

    EXPECT_EQ(called.code, "A002");
    EXPECT_EQ(called.state, TicketState::Called);
    EXPECT_EQ(called.desk, "Stanza 2");
    EXPECT_EQ(ticket("A001").state, TicketState::Waiting);
    auto calls = staff.recentCalls(5);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].code, "A002");
    EXPECT_EQ(calls[0].desk, "Stanza 2");
}

TEST_F(StaffFixture, recallCallsAgainTheLastTicketOfThatDeskKeepingTheFirstCallTime) {
    take("adulti", 'A', "15:31");
    take("adulti", 'A', "15:32");
    clock.set(at("2026-11-30T15:40"));
    staff.callNext(1);  // A001 at Stanza 1
    staff.callNext(2);  // A002 at Stanza 2
    clock.set(at("2026-11-30T15:43"));

    Ticket recalled = staff.recall(1);

    EXPECT_EQ(recalled.code, "A001");
    EXPECT_EQ(recalled.calledAt, at("2026-11-30T15:40"));
    auto calls = staff.recentCalls(1);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].code, "A001");
    EXPECT_EQ(calls[0].desk, "Stanza 1");
    EXPECT_EQ(calls[0].calledAt, at("2026-11-30T15:43"));
}

TEST_F(StaffFixture, recallPrefersTheTicketCalledLastWhenADeskHasTwo) {
    take("adulti", 'A', "15:31");
    take("adulti", 'A', "15:32");
    clock.set(at("2026-11-30T15:40"));
    staff.call("A002", 1);
    clock.set(at("2026-11-30T15:41"));
    staff.call("A001", 1);

    EXPECT_EQ(staff.recall(1).code, "A001");
}

TEST_F(StaffFixture, recallWithNobodyCalledAtThatDeskSaysSo) {
    take("adulti", 'A', "15:31");
    staff.callNext(1);
    EXPECT_EQ(transitionErrorOf([&] { staff.recall(2); }), "no ticket is called at Stanza 2");
}

TEST_F(StaffFixture, serveAndNoShowEndTheTicketAtTheCurrentTime) {
    take("adulti", 'A', "15:31");
    take("adulti", 'A', "15:32");
    staff.callNext(1);
    staff.callNext(2);
    clock.set(at("2026-11-30T16:00"));

    Ticket served = staff.serve("A001");
    Ticket missed = staff.noShow("A002");

    EXPECT_EQ(served.state, TicketState::Served);
    EXPECT_EQ(served.finishedAt, at("2026-11-30T16:00"));
    EXPECT_EQ(missed.state, TicketState::NoShow);
    EXPECT_EQ(missed.finishedAt, at("2026-11-30T16:00"));
}

TEST_F(StaffFixture, requeueSendsANoShowBackToWaitingWithoutItsCall) {
    take("adulti", 'A', "15:31");
    staff.callNext(1);
    staff.noShow("A001");

    Ticket back = staff.requeue("A001");

    EXPECT_EQ(back.state, TicketState::Waiting);
    EXPECT_FALSE(back.desk.has_value());
    EXPECT_FALSE(back.calledAt.has_value());
    EXPECT_FALSE(back.finishedAt.has_value());
    EXPECT_EQ(staff.callNext(2)->code, "A001");
}

TEST_F(StaffFixture, transferMovesTheTicketKeepingItsCodeAndPlace) {
    take("adulti", 'A', "15:31");
    take("anziani", 'N', "15:32");
    staff.callNext(1);

    Ticket moved = staff.transfer("A001", "anziani");

    EXPECT_EQ(moved.code, "A001");
    EXPECT_EQ(moved.categoryId, "anziani");
    EXPECT_EQ(moved.state, TicketState::Waiting);
    EXPECT_FALSE(moved.desk.has_value());
    EXPECT_EQ(staff.callNext(1)->code, "A001");  // still issued before N001
    EXPECT_EQ(store.nextNumber("adulti", clock.now().date), 2);
}

TEST_F(StaffFixture, transferToAnUnknownCategoryNamesTheKnownOnesAndChangesNothing) {
    take("adulti", 'A', "15:31");
    try {
        staff.transfer("A001", "giovani");
        FAIL() << "transfer to an unknown category accepted";
    } catch (const UnknownCategoryError& e) {
        EXPECT_NE(std::string(e.what()).find("known: adulti, anziani, disabili"), std::string::npos) << e.what();
    }
    EXPECT_EQ(ticket("A001").categoryId, "adulti");
}

TEST_F(StaffFixture, servingANoShowIsRefused) {
    take("adulti", 'A', "15:31");
    staff.callNext(1);
    staff.noShow("A001");

    EXPECT_THROW(staff.serve("A001"), TransitionError);
    EXPECT_EQ(ticket("A001").state, TicketState::NoShow);
}

TEST_F(StaffFixture, callingAServedTicketIsRefused) {
    take("adulti", 'A', "15:31");
    staff.callNext(1);
    staff.serve("A001");

    EXPECT_THROW(staff.call("A001", 2), TransitionError);
    EXPECT_EQ(ticket("A001").desk, "Stanza 1");
}

TEST_F(StaffFixture, anUnknownCodeIsAnUnknownTicket) {
    take("adulti", 'A', "15:31");
    EXPECT_THROW(staff.serve("A009"), UnknownTicketError);
    EXPECT_THROW(staff.serve("not a code"), UnknownTicketError);
}

TEST_F(StaffFixture, ticketsOfAnotherDayAreUnknownToday) {
    take("adulti", 'A', "15:31");
    clock.set(at("2026-12-02T16:30"));
    EXPECT_THROW(staff.call("A001", 1), UnknownTicketError);
    EXPECT_FALSE(staff.callNext(1).has_value());
}

TEST(DayFigures, countTicketsPerStateAndMeasureWaitsUntilTheFirstCall) {
    auto ticketAt = [](const char* issued, TicketState state, std::optional<const char*> called) {
        Ticket t;
        t.issuedAt = at(issued);
        t.state = state;
        if (called) t.calledAt = at(*called);
        return t;
    };
    const std::vector<Ticket> tickets = {
        ticketAt("2026-11-30T15:20", TicketState::Served, "2026-11-30T15:30"),  // 10 min
        ticketAt("2026-11-30T15:25", TicketState::NoShow, "2026-11-30T15:50"),  // 25 min
        ticketAt("2026-11-30T15:30", TicketState::Called, "2026-11-30T15:45"),  // 15 min
        ticketAt("2026-11-30T15:40", TicketState::Waiting, std::nullopt),       // 30 min so far
    };

    DayFigures f = dayFigures(tickets, at("2026-11-30T16:10"));

    EXPECT_EQ(f.taken, 4);
    EXPECT_EQ(f.waiting, 1);
    EXPECT_EQ(f.called, 1);
    EXPECT_EQ(f.served, 1);
    EXPECT_EQ(f.noShow, 1);
    EXPECT_DOUBLE_EQ(f.averageWaitMinutes, 50.0 / 3.0);
    EXPECT_EQ(f.longestWaitMinutes, 30);
}

TEST(DayFigures, anEmptyDayHasNoWaits) {
    DayFigures f = dayFigures({}, at("2026-11-30T16:10"));
    EXPECT_EQ(f.taken, 0);
    EXPECT_EQ(f.averageWaitMinutes, 0);
    EXPECT_EQ(f.longestWaitMinutes, 0);
}

TEST_F(StaffFixture, figuresCoverOnlyToday) {
    take("adulti", 'A', "15:31");
    staff.callNext(1);
    clock.set(at("2026-11-30T15:51"));
    staff.serve("A001");
    take("adulti", 'A', "16:00");
    clock.set(at("2026-12-02T16:31"));
    store.issueTicket({"adulti", 'A', clock.now(), {}});

    DayFigures f = staff.figures();

    EXPECT_EQ(f.taken, 1);
    EXPECT_EQ(f.waiting, 1);
    EXPECT_EQ(f.served, 0);
}
