#include "test_support.h"
#include "world/replica_set.h"

#include <gtest/gtest.h>

namespace wn {
namespace {

using test::fault;

struct World {
    Scenario scenario = test::three_members();
    Scheduler scheduler;
    HostTable hosts;
    Trace trace{true};
    ReplicaSet set{scheduler, hosts, trace, scenario};

    HostId id(const std::string& name) { return *hosts.find(name); }
    void run_until(SimTime t) {
        while (!scheduler.empty() && scheduler.next_time() <= t)
            scheduler.run_one();
        scheduler.advance_to(t);
    }
};

TEST(ReplicaSet, StartsWithTheHighestPriorityMemberAsPrimary) {
    World w;
    EXPECT_EQ(w.set.primary(), w.id("db1:27017"));
    const IsMasterReply r = w.set.ismaster_reply(w.id("db2:27017"));
    EXPECT_TRUE(r.secondary);
    EXPECT_FALSE(r.ismaster);
    EXPECT_EQ(r.set_name, "rs0");
    EXPECT_EQ(r.hosts.size(), 3u);
    EXPECT_EQ(r.primary, w.id("db1:27017"));
}

TEST(ReplicaSet, KillingThePrimaryElectsTheBestReachableMemberAfterTheDelay) {
    World w;
    w.scenario.members[0].priority = 3;
    w.scenario.members[2].priority = 2; // db3 outranks db2
    ReplicaSet set(w.scheduler, w.hosts, w.trace, w.scenario);
    EXPECT_EQ(set.apply(fault(FaultKind::Kill, "db1:27017"), kActorUser), "");
    EXPECT_FALSE(set.primary());
    EXPECT_TRUE(set.election_pending());
    w.run_until(from_seconds(4.9));
    EXPECT_FALSE(set.primary());
    w.run_until(from_seconds(5));
    EXPECT_EQ(set.primary(), w.id("db3:27017"));
    EXPECT_FALSE(set.answers(w.id("db1:27017")));
}

TEST(ReplicaSet, WithoutAMajorityNobodyIsPrimary) {
    World w;
    EXPECT_EQ(w.set.apply(fault(FaultKind::Kill, "db2:27017"), kActorUser), "");
    EXPECT_EQ(w.set.primary(), w.id("db1:27017")); // 2 of 3 still up
    EXPECT_EQ(w.set.apply(fault(FaultKind::Kill, "db3:27017"), kActorUser), "");
    EXPECT_FALSE(w.set.primary()); // the primary steps down without a majority
    w.run_until(from_seconds(30));
    EXPECT_FALSE(w.set.primary());
    EXPECT_EQ(w.set.apply(fault(FaultKind::Revive, "db2:27017"), kActorUser), "");
    w.run_until(from_seconds(40));
    EXPECT_EQ(w.set.primary(), w.id("db1:27017"));
}

TEST(ReplicaSet, StepDownHandsOverAndTheOldPrimaryWaitsOut) {
    World w;
    EXPECT_EQ(w.set.apply(fault(FaultKind::StepDown, "db1:27017"), kActorUser), "");
    w.run_until(from_seconds(6));
    EXPECT_EQ(w.set.primary(), w.id("db2:27017"));
    const Server* old = w.set.server(w.id("db1:27017"));
    EXPECT_TRUE(old->up);
    EXPECT_EQ(old->role, ServerRole::Secondary);
}

TEST(ReplicaSet, RefusesImpossibleFaultsWithAReason) {
    World w;
    EXPECT_EQ(w.set.apply(fault(FaultKind::Kill, "nope:1"), kActorUser),
              "no member named 'nope:1'");
    EXPECT_EQ(w.set.apply(fault(FaultKind::Revive, "db1:27017"), kActorUser),
              "db1:27017 is already up");
    EXPECT_EQ(w.set.apply(fault(FaultKind::StepDown, "db2:27017"), kActorUser),
              "db2:27017 is not the primary");
    EXPECT_EQ(w.set.apply(fault(FaultKind::Restore, "db2:27017"), kActorUser),
              "db2:27017 is not cut off");
    EXPECT_EQ(w.set.apply(fault(FaultKind::Kill, "db2:27017"), kActorUser), "");
    EXPECT_EQ(w.set.apply(fault(FaultKind::Kill, "db2:27017"), kActorUser),
              "db2:27017 is already down");
}

TEST(ReplicaSet, AddedMembersSyncBeforeBecomingSecondaryAndRemovalReconfigures) {
    World w;
    Fault add = fault(FaultKind::AddMember, "");
    EXPECT_EQ(w.set.apply(add, kActorUser), "");
    const HostId db4 = w.id("db4:27017");
    EXPECT_EQ(w.set.server(db4)->role, ServerRole::Startup2);
    EXPECT_EQ(w.set.config_version(), 2);
    w.run_until(from_seconds(3));
    EXPECT_EQ(w.set.server(db4)->role, ServerRole::Secondary);
    EXPECT_EQ(w.set.ismaster_reply(db4).hosts.size(), 4u);

    EXPECT_EQ(w.set.apply(fault(FaultKind::RemoveMember, "db4:27017"), kActorUser), "");
    const IsMasterReply removed = w.set.ismaster_reply(db4);
    EXPECT_TRUE(removed.set_name.empty()); // no valid config any more
    EXPECT_EQ(w.set.ismaster_reply(w.id("db1:27017")).hosts.size(), 3u);
}

TEST(ReplicaSet, TheLastMemberCannotBeRemoved) {
    Scenario s;
    s.members = {MemberSpec{"solo:27017"}};
    Scheduler scheduler;
    HostTable hosts;
    Trace trace(false);
    ReplicaSet set(scheduler, hosts, trace, s);
    EXPECT_EQ(set.apply(fault(FaultKind::RemoveMember, "solo:27017"), kActorUser),
              "cannot remove the last member of the set");
}

TEST(ReplicaSet, CutOffMembersStayPrimaryButDoNotAnswerTheClient) {
    World w;
    EXPECT_EQ(w.set.apply(fault(FaultKind::CutOff, "db1:27017"), kActorUser), "");
    EXPECT_EQ(w.set.primary(), w.id("db1:27017"));
    EXPECT_FALSE(w.set.answers(w.id("db1:27017")));
    const NetPlan plan = w.set.plan_request(w.id("db1:27017"), 0, from_seconds(2));
    EXPECT_FALSE(plan.reachable);
    EXPECT_EQ(plan.reply_at, from_seconds(2)); // the client waits for its timeout
}

} // namespace
} // namespace wn
