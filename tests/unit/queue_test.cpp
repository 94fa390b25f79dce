#include "domain/queue.hpp"

#include <gtest/gtest.h>

#include "memory_store.hpp"

using namespace domain;

namespace {

// Gorgonzola's week: Monday 15:30-17:00, Wednesday 16:30-18:30, Friday 9:30-11:30.
Config twoCategories() {
    Config c;
    c.categories = {{"adulti", "Adulti", 'A', ""}, {"anziani", "Anziani", 'N', ""}};
    c.hours.weekly = {{1, 930, 1020, 1}, {3, 990, 1110, 1}, {5, 570, 690, 1}};
    c.tickets.defaultInterviewMinutes = 20;
    c.tickets.openBeforeMinutes = 15;
    c.tickets.cutoffMinutesBeforeClose = 15;
    return c;
}

struct QueueFixture : ::testing::Test {
    Config config = twoCategories();
    testing_support::MemoryStore store;
    FixedClock clock{*LocalDateTime::parse("2026-11-30T15:30")};
    QueueService queue{config, store, clock};
};

}  // namespace

TEST_F(QueueFixture, numbersFollowEachOtherWithinACategory) {
    EXPECT_EQ(queue.takeTicket("adulti").ticket.code, "A001");
    EXPECT_EQ(queue.takeTicket("adulti").ticket.code, "A002");
    EXPECT_EQ(queue.takeTicket("anziani").ticket.code, "N001");
}

TEST_F(QueueFixture, numbersRestartEachServiceDay) {
    queue.takeTicket("adulti");
    queue.takeTicket("adulti");
    clock.set(*LocalDateTime::parse("2026-12-02T16:30"));
    EXPECT_EQ(queue.takeTicket("adulti").ticket.code, "A001");
}

TEST_F(QueueFixture, peopleAheadCountsEveryoneWaitingBefore) {
    EXPECT_EQ(queue.takeTicket("adulti").peopleAhead, 0);
    clock.advanceSeconds(60);
    EXPECT_EQ(queue.takeTicket("anziani").peopleAhead, 1);
    clock.advanceSeconds(60);
    store.tickets()[0].state = TicketState::Served;
    EXPECT_EQ(queue.takeTicket("adulti").peopleAhead, 1);
}

TEST_F(QueueFixture, snapshotListsWaitingInArrivalOrder) {
    queue.takeTicket("anziani");
    clock.advanceSeconds(30);
    queue.takeTicket("adulti");
    QueueSnapshot s = queue.snapshot();
    ASSERT_EQ(s.waitingCount(), 2);
    EXPECT_EQ(s.waiting[0].ticket.code, "N001");
    EXPECT_EQ(s.waiting[0].position, 1);
    EXPECT_EQ(s.waiting[1].ticket.code, "A001");
    EXPECT_EQ(s.positionOf(s.waiting[1].ticket.id), 2);
}

TEST_F(QueueFixture, sameRequestTokenGivesTheSameTicket) {
    IssuedTicket first = queue.takeTicket("adulti", "visit-1");
    IssuedTicket again = queue.takeTicket("adulti", "visit-1");
    EXPECT_EQ(first.ticket.code, again.ticket.code);
    EXPECT_EQ(store.tickets().size(), 1u);
    EXPECT_EQ(queue.takeTicket("adulti", "visit-2").ticket.code, "A002");
}

TEST_F(QueueFixture, unknownCategoryIsRefusedAndNamesTheKnownOnes) {
    try {
        queue.takeTicket("giovani");
        FAIL() << "expected UnknownCategoryError";
    } catch (const UnknownCategoryError& e) {
        EXPECT_NE(std::string(e.what()).find("adulti, anziani"), std::string::npos);
    }
    EXPECT_TRUE(store.tickets().empty());
}

TEST_F(QueueFixture, previewStoresNothing) {
    queue.takeTicket("adulti");
    IssuedTicket preview = queue.previewTicket("adulti");
    EXPECT_EQ(preview.ticket.code, "A002");
    EXPECT_EQ(preview.peopleAhead, 1);
    EXPECT_EQ(store.tickets().size(), 1u);
}

TEST_F(QueueFixture, refusesOnADayWithoutOpeningAndNamesTheNextOne) {
    clock.set(*LocalDateTime::parse("2026-12-01T10:00"));  // a Tuesday
    try {
        queue.takeTicket("adulti");
        FAIL() << "expected TicketRefusedError";
    } catch (const TicketRefusedError& e) {
        EXPECT_EQ(e.decision().refusal, Refusal::ClosedToday);
        ASSERT_TRUE(e.decision().nextOpening);
        EXPECT_EQ(e.decision().nextOpening->start().iso(), "2026-12-02T16:30:00");
    }
    EXPECT_TRUE(store.tickets().empty());
}

TEST_F(QueueFixture, aRepeatedTapStillGetsItsTicketWhenTheQueueHasJustFilled) {
    clock.set(*LocalDateTime::parse("2026-11-30T16:20"));  // 40 minutes left: room for two interviews
    queue.takeTicket("adulti");
    IssuedTicket second = queue.takeTicket("adulti", "visit-9");
    EXPECT_THROW(queue.takeTicket("adulti"), TicketRefusedError);
    EXPECT_EQ(queue.takeTicket("adulti", "visit-9").ticket.code, second.ticket.code);
}

TEST_F(QueueFixture, waitCountsInterviewsAheadAndRoundsUp) {
    queue.takeTicket("adulti");
    queue.takeTicket("adulti");
    IssuedTicket third = queue.takeTicket("anziani");
    EXPECT_EQ(third.peopleAhead, 2);
    EXPECT_EQ(third.waitMinutes, 40);
}

TEST_F(QueueFixture, waitBeforeOpeningIncludesTheTimeUntilOpening) {
    clock.set(*LocalDateTime::parse("2026-11-30T15:18"));
    IssuedTicket first = queue.takeTicket("adulti");
    EXPECT_EQ(first.peopleAhead, 0);
    EXPECT_EQ(first.waitMinutes, 15);  // 12 minutes to the opening, rounded up to 15
}

TEST_F(QueueFixture, learnedInterviewLengthReplacesTheDefaultOnceThereAreEnoughSamples) {
    store.setInterviewStats({5, 30.0});
    EXPECT_DOUBLE_EQ(queue.interviewMinutes(), 20.0);
    store.setInterviewStats({25, 30.0});
    EXPECT_DOUBLE_EQ(queue.interviewMinutes(), 30.0);
    queue.takeTicket("adulti");
    EXPECT_EQ(queue.takeTicket("adulti").waitMinutes, 30);
}

TEST_F(QueueFixture, priorityCategoryIsAheadInTheQueueAsStaffWillCallIt) {
    config.staff.priorityCategoryIds = {"anziani"};
    queue.takeTicket("adulti");
    clock.advanceSeconds(60);
    IssuedTicket elderly = queue.takeTicket("anziani");
    EXPECT_EQ(elderly.peopleAhead, 0);
    QueueSnapshot s = queue.snapshot();
    EXPECT_EQ(s.waiting[0].ticket.code, "N001");
    EXPECT_EQ(s.waiting[1].ticket.code, "A001");
}

TEST(PeopleAheadOfNewTicket, everyoneWaitingIsAheadOfANewTicketOfAnOrdinaryCategory) {
    EXPECT_EQ(peopleAheadOfNewTicket("adulti", {}), 0);
    EXPECT_EQ(peopleAheadOfNewTicket("adulti", {"anziani", "adulti", "anziani"}, {"anziani"}), 3);
}

TEST(PeopleAheadOfNewTicket, onlyPriorityTicketsAreAheadOfANewPriorityTicket) {
    EXPECT_EQ(peopleAheadOfNewTicket("anziani", {"adulti", "anziani", "adulti"}, {"anziani"}), 1);
    EXPECT_EQ(peopleAheadOfNewTicket("anziani", {"adulti", "disabili", "anziani"}, {"anziani", "disabili"}), 2);
}

namespace {

// Counts how often the queue of a day is read.
class CountingStore : public testing_support::MemoryStore {
public:
    std::vector<Ticket> ticketsOfDay(const LocalDate& day) override {
        ++dayReads;
        return MemoryStore::ticketsOfDay(day);
    }
    int dayReads = 0;
};

struct CountedQueueFixture : ::testing::Test {
    Config config = twoCategories();
    CountingStore store;
    FixedClock clock{*LocalDateTime::parse("2026-11-30T15:30")};
    QueueService queue{config, store, clock};
};

}  // namespace

TEST_F(CountedQueueFixture, aNewTicketReadsTheQueueOnceForTheDecisionAndThePeopleAhead) {
    queue.takeTicket("adulti");
    store.dayReads = 0;
    EXPECT_EQ(queue.takeTicket("anziani", "visit-1").peopleAhead, 1);
    EXPECT_EQ(store.dayReads, 1);
}

TEST_F(CountedQueueFixture, aRefusedTicketStoresNothing) {
    clock.set(*LocalDateTime::parse("2026-11-30T16:20"));  // 40 minutes left: room for two interviews
    queue.takeTicket("adulti");
    queue.takeTicket("adulti");
    EXPECT_THROW(queue.takeTicket("anziani", "visit-3"), TicketRefusedError);
    EXPECT_EQ(store.tickets().size(), 2u);
    EXPECT_FALSE(store.findByRequestToken("visit-3"));
}
