#include "domain/ticket.hpp"

#include <gtest/gtest.h>

using namespace domain;

TEST(TicketCode, padsNumbersToThreeDigits) {
    EXPECT_EQ(formatTicketCode('A', 7), "A007");
    EXPECT_EQ(formatTicketCode('M', 123), "M123");
    EXPECT_EQ(formatTicketCode('D', 1000), "D1000");
}

TEST(TicketCode, parsesWhatPeopleType) {
    auto c = parseTicketCode(" a 7 ");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->prefix, 'A');
    EXPECT_EQ(c->number, 7);
    EXPECT_EQ(parseTicketCode("N012")->number, 12);
    EXPECT_FALSE(parseTicketCode("007"));
    EXPECT_FALSE(parseTicketCode("A"));
    EXPECT_FALSE(parseTicketCode("A0"));
    EXPECT_FALSE(parseTicketCode("AB12"));
}

TEST(TicketState, roundTripsThroughText) {
    for (auto s : {TicketState::Waiting, TicketState::Called, TicketState::Served, TicketState::NoShow})
        EXPECT_EQ(ticketStateFromString(toString(s)), s);
    EXPECT_EQ(toString(TicketState::NoShow), "no-show");
    EXPECT_FALSE(ticketStateFromString("lost"));
}
