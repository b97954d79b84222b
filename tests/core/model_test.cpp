#include "model/member.h"
#include "model/rsstate.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace wn {
namespace {

IsMasterReply secondary_reply() {
    IsMasterReply r;
    r.secondary = true;
    r.set_name = "rs0";
    return r;
}

TEST(Member, PingIsAFiveSampleMovingAverageAndClonesLeaveTheOriginal) {
    const Member m(0, 1, secondary_reply(), 10);
    Member later = m;
    for (double ping : {20.0, 30.0, 40.0, 50.0, 60.0})
        later = later.clone_with_sample(ping);
    EXPECT_DOUBLE_EQ(m.avg_ping_ms(), 10); // immutable: the original did not change
    EXPECT_EQ(later.sample_count(), 5);
    EXPECT_DOUBLE_EQ(later.avg_ping_ms(), (20 + 30 + 40 + 50 + 60) / 5.0);
    EXPECT_EQ(later.pool_id(), m.pool_id());
}

TEST(Member, CloneWithANewReplyKeepsThePoolAndTakesTheRole) {
    const Member m(3, 7, secondary_reply(), 1);
    IsMasterReply primary = secondary_reply();
    primary.secondary = false;
    primary.ismaster = true;
    const Member promoted = m.clone_with(primary, 2);
    EXPECT_EQ(promoted.role(), Role::Primary);
    EXPECT_EQ(m.role(), Role::Secondary);
    EXPECT_EQ(promoted.pool_id(), 7);
    EXPECT_FALSE(m.clone_down().up());
}

RSState two_member_state() {
    IsMasterReply p = secondary_reply();
    p.secondary = false;
    p.ismaster = true;
    return RSState(4, {0, 1}, {Member(1, 2, secondary_reply(), 1), Member(0, 1, p, 1)}, {}, 0, "");
}

TEST(RSState, CloneWithHostDownOfTheWriterDropsItAndCarriesTheError) {
    const RSState s = two_member_state();
    const RSState down = s.clone_with_host_down(5, 0, "db1:27017: connection refused");
    EXPECT_EQ(down.version(), 5);
    EXPECT_FALSE(down.writer());
    EXPECT_EQ(down.error_message(), "db1:27017: connection refused");
    EXPECT_FALSE(down.get(0)->up());
    // The original is untouched: a thread holding v4 still sees db1 as primary.
    ASSERT_TRUE(s.primary_member());
    EXPECT_EQ(s.primary_member()->host(), 0);
    EXPECT_TRUE(s.get(0)->up());
}

TEST(RSState, CloneWithAnotherHostDownKeepsTheWriter) {
    const RSState s = two_member_state();
    const RSState down = s.clone_with_host_down(5, 1, "db2 down");
    EXPECT_EQ(down.writer(), 0);
    EXPECT_TRUE(down.error_message().empty());
    EXPECT_FALSE(down.get(1)->up());
    EXPECT_FALSE(s.clone_without_writer(6, "no primary").writer());
}

TEST(IsMasterReply, LooksLikeAMongoDB24Reply) {
    HostTable hosts;
    const HostId a = hosts.intern("db1:27017"), b = hosts.intern("db2:27017"),
                 c = hosts.intern("arb:27017");
    IsMasterReply r;
    r.ismaster = true;
    r.set_name = "rs0";
    r.hosts = {a, b};
    r.arbiters = {c};
    r.primary = a;
    r.me = a;
    const auto doc = r.to_json(hosts);
    EXPECT_EQ(doc["ismaster"], true);
    EXPECT_EQ(doc["secondary"], false);
    EXPECT_EQ(doc["setName"], "rs0");
    EXPECT_EQ(doc["hosts"], nlohmann::json({"db1:27017", "db2:27017"}));
    EXPECT_EQ(doc["arbiters"], nlohmann::json({"arb:27017"}));
    EXPECT_EQ(doc["primary"], "db1:27017");
    EXPECT_EQ(doc["me"], "db1:27017");
    EXPECT_FALSE(doc.contains("passives"));
}

} // namespace
} // namespace wn
