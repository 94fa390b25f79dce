#include "domain/queue.hpp"

#include <gtest/gtest.h>

#include "memory_store.hpp"

using namespace domain;

namespace {

Config twoCategories() {
    Config c;
    c.categories = {{"adulti", "Adulti", 'A', ""}, {"anziani", "Anziani", 'N', ""}};
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
