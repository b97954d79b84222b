// The reducer's rules one at a time, each in the smallest topology that shows it.

#include "sdam/spec_file.h"
#include "sdam_test_support.h"

#include <gtest/gtest.h>

namespace wn::sdam {
namespace {

using nlohmann::json;
using test::feed;
using test::primary_reply;
using test::three_seeds;

ServerType type_of(const TopologyDescription& td, const std::string& address) {
    const ServerDescription* s = td.find(address);
    return s ? s->type : ServerType::Unknown;
}

TEST(SdamReducer, ApplyLeavesItsInputUnchanged) {
    const TopologyDescription before = three_seeds();
    const TopologyDescription copy = before;
    const TopologyDescription after = feed(before, "a:27017", primary_reply(1, 1, 21));
    EXPECT_EQ(before, copy);
    EXPECT_NE(after, before);
    EXPECT_EQ(after.type, TopologyType::ReplicaSetWithPrimary);
}

TEST(SdamReducer, StaleElectionIdFromSixPointZeroIsMarkedUnknownWithAnError) {
    TopologyDescription td = feed(three_seeds(), "a:27017", primary_reply(2, 1, 21));
    td = feed(td, "b:27017", primary_reply(1, 1, 21));
    EXPECT_EQ(type_of(td, "a:27017"), ServerType::RSPrimary);
    const ServerDescription* b = td.find("b:27017");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->type, ServerType::Unknown);
    ASSERT_TRUE(b->error.has_value());
    EXPECT_NE(b->error->find(kStalePrimaryMismatch), std::string::npos) << *b->error;
    EXPECT_EQ(td.max_election_id->to_hex(), test::oid(2));
    EXPECT_EQ(td.type, TopologyType::ReplicaSetWithPrimary);
}

TEST(SdamReducer, NewerElectionIdInvalidatesTheOldPrimary) {
    TopologyDescription td = feed(three_seeds(), "a:27017", primary_reply(1, 1, 21));
    td = feed(td, "b:27017", primary_reply(2, 1, 21));
    EXPECT_EQ(type_of(td, "b:27017"), ServerType::RSPrimary);
    const ServerDescription* a = td.find("a:27017");
    EXPECT_EQ(a->type, ServerType::Unknown);
    ASSERT_TRUE(a->error.has_value());
    EXPECT_NE(a->error->find(kStalePrimaryNewer), std::string::npos);
}

// Primary a has the newer term but the older config; b the newer config from an older term.
// Before 6.0 drivers order by setVersion first (b wins); from 6.0 by electionId first (a wins).
TEST(SdamReducer, WireVersionSeventeenSwitchesTheStalePrimaryOrdering) {
    for (const int wire : {16, 17}) {
        TopologyDescription td = feed(three_seeds(), "a:27017", primary_reply(2, 1, wire));
        td = feed(td, "b:27017", primary_reply(1, 2, wire));
        const bool pre_six = wire < 17;
        EXPECT_EQ(type_of(td, "b:27017"), pre_six ? ServerType::RSPrimary : ServerType::Unknown)
            << "maxWireVersion " << wire;
        EXPECT_EQ(type_of(td, "a:27017"), pre_six ? ServerType::Unknown : ServerType::RSPrimary)
            << "maxWireVersion " << wire;
        EXPECT_EQ(td.max_set_version, pre_six ? 2 : 1) << "maxWireVersion " << wire;
    }
}

TEST(SdamReducer, SixPointZeroTreatsAMissingElectionIdAsOlderThanAnyElectionId) {
    TopologyDescription td = feed(three_seeds(), "a:27017", primary_reply(1, 1, 21));
    json no_election = test::member_reply(true, 21);
    no_election["setVersion"] = 5;
    td = feed(td, "b:27017", no_election);
    EXPECT_EQ(type_of(td, "b:27017"), ServerType::Unknown);
    EXPECT_EQ(type_of(td, "a:27017"), ServerType::RSPrimary);
}

TEST(SdamReducer, SeedNamesInUpperCaseMeetTheLowerCasedMembers) {
    TopologyDescription td = initial_topology({"A"}, std::string("rs"));
    json r = test::member_reply(true);
    r["hosts"] = {"A:27017", "B:27017"};
    r["me"] = "A:27017";
    td = feed(td, "A:27017", r);
    EXPECT_EQ(td.type, TopologyType::ReplicaSetWithPrimary);
    ASSERT_EQ(td.servers.size(), 2u);
    EXPECT_EQ(type_of(td, "a:27017"), ServerType::RSPrimary);
    EXPECT_NE(td.find("b:27017"), nullptr);
}

TEST(SdamReducer, SecondaryWithMismatchedMeIsRemovedButItsHostsAreAdded) {
    TopologyDescription td = initial_topology({"a:27017"}, std::string("rs"));
    json r = test::member_reply(false);
    r["hosts"] = {"b:27017", "c:27017"};
    r["me"] = "c:27017";
    r["primary"] = "b:27017";
    td = feed(td, "a:27017", r);
    EXPECT_EQ(td.find("a:27017"), nullptr);
    EXPECT_EQ(type_of(td, "b:27017"), ServerType::PossiblePrimary);
    EXPECT_EQ(type_of(td, "c:27017"), ServerType::Unknown);
    EXPECT_EQ(td.type, TopologyType::ReplicaSetNoPrimary);
}

TEST(SdamReducer, MemberWithMismatchedMeIsRemovedWhileThereIsAPrimary) {
    TopologyDescription td = feed(three_seeds(), "a:27017", primary_reply(1, 1, 21));
    json r = test::member_reply(false);
    r["me"] = "elsewhere:27017";
    td = feed(td, "b:27017", r);
    EXPECT_EQ(td.find("b:27017"), nullptr);
    EXPECT_EQ(td.type, TopologyType::ReplicaSetWithPrimary);
}

TEST(SdamReducer, PrimaryWithMismatchedMeStaysWhileItsHostListNamesIt) {
    json r = test::member_reply(true);
    r["me"] = "other:27017";
    const TopologyDescription td = feed(three_seeds(), "a:27017", r);
    EXPECT_EQ(type_of(td, "a:27017"), ServerType::RSPrimary);
    EXPECT_EQ(td.type, TopologyType::ReplicaSetWithPrimary);
}

TEST(SdamReducer, NetworkErrorOnThePrimaryLeavesNoPrimaryAndKeepsTheError) {
    TopologyDescription td = feed(three_seeds(), "a:27017", primary_reply(1, 1, 21));
    td = feed(td, "a:27017", json::object());
    EXPECT_EQ(td.type, TopologyType::ReplicaSetNoPrimary);
    const ServerDescription* a = td.find("a:27017");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->type, ServerType::Unknown);
    EXPECT_EQ(a->error, std::string(kNetworkError));
    // The stale-primary memory outlives the primary.
    EXPECT_EQ(td.max_election_id->to_hex(), test::oid(1));
}

TEST(SdamReducer, PrimaryRemovesServersItsHostListDoesNotName) {
    TopologyDescription td = initial_topology({"a:27017", "x:27017"}, std::string("rs"));
    td = feed(td, "a:27017", primary_reply(1, 1, 21));
    EXPECT_EQ(td.find("x:27017"), nullptr);
    EXPECT_EQ(td.servers.size(), 3u);
    // A reply from a server no longer in the topology is ignored.
    const TopologyDescription again = feed(td, "x:27017", test::member_reply(false));
    EXPECT_EQ(again, td);
}

TEST(SdamReducer, WrongSetNameRemovesTheServer) {
    TopologyDescription td = feed(three_seeds(), "a:27017", primary_reply(1, 1, 21));
    json other = test::member_reply(false);
    other["setName"] = "other";
    td = feed(td, "b:27017", other);
    EXPECT_EQ(td.find("b:27017"), nullptr);
    EXPECT_EQ(td.set_name, "rs");
}

TEST(SdamReducer, StandaloneIsRemovedFromAReplicaSetAndThePrimaryLossNoticed) {
    TopologyDescription td = feed(three_seeds(), "a:27017", primary_reply(1, 1, 21));
    td = feed(td, "a:27017", json{{"ok", 1}, {"isWritablePrimary", true}, {"maxWireVersion", 21}});
    EXPECT_EQ(td.find("a:27017"), nullptr);
    EXPECT_EQ(td.type, TopologyType::ReplicaSetNoPrimary);
}

TEST(SdamReducer, LogicalSessionTimeoutIsTheMinimumOverDataBearingServersOrNull) {
    json a = primary_reply(1, 1, 21);
    a["logicalSessionTimeoutMinutes"] = 30;
    TopologyDescription td = feed(three_seeds(), "a:27017", a);
    EXPECT_EQ(td.logical_session_timeout_minutes, 30);
    json b = test::member_reply(false);
    b["logicalSessionTimeoutMinutes"] = 10;
    td = feed(td, "b:27017", b);
    EXPECT_EQ(td.logical_session_timeout_minutes, 10);
    json arbiter = test::member_reply(false);
    arbiter.erase("secondary");
    arbiter["arbiterOnly"] = true; // not data-bearing: its missing value does not count
    td = feed(td, "c:27017", arbiter);
    EXPECT_EQ(td.logical_session_timeout_minutes, 10);
    b.erase("logicalSessionTimeoutMinutes");
    td = feed(td, "b:27017", b);
    EXPECT_FALSE(td.logical_session_timeout_minutes.has_value());
}

TEST(SdamReducer, OlderTopologyVersionFromTheSameProcessIsIgnored) {
    json newer = test::member_reply(false);
    newer["topologyVersion"] = {{"processId", {{"$oid", test::oid(9)}}}, {"counter", 5}};
    TopologyDescription td = feed(three_seeds(), "b:27017", newer);
    json older = test::member_reply(true);
    older["topologyVersion"] = {{"processId", {{"$oid", test::oid(9)}}}, {"counter", 4}};
    const TopologyDescription after = feed(td, "b:27017", older);
    EXPECT_EQ(type_of(after, "b:27017"), ServerType::RSSecondary);
    older["topologyVersion"]["counter"] = 6;
    EXPECT_EQ(type_of(feed(td, "b:27017", older), "b:27017"), ServerType::RSPrimary);
}

TEST(SdamCompare, FirstDifferenceNamesTheFieldWithBothValues) {
    Outcome want;
    want.type = TopologyType::ReplicaSetWithPrimary;
    want.set_name = "rs";
    for (const char* address : {"a:27017", "b:27017", "c:27017"})
        want.servers[address] = ExpectedServer{};
    want.servers["a:27017"].type = ServerType::RSPrimary;
    want.servers["a:27017"].set_name = "rs";
    want.servers["a:27017"].set_version = 1;
    const TopologyDescription td = feed(three_seeds(), "a:27017", test::member_reply(true));
    const auto m = compare_outcome(want, td, "phases[0].outcome");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->field, "phases[0].outcome.servers[\"a:27017\"].setVersion");
    EXPECT_EQ(m->expected, "1");
    EXPECT_EQ(m->actual, "null");
    // Absent is not compared; an explicit null is.
    want.servers["a:27017"].set_version.reset();
    EXPECT_FALSE(compare_outcome(want, td, "x").has_value());
    want.servers["a:27017"].set_name = std::optional<std::string>{};
    const auto null_name = compare_outcome(want, td, "x");
    ASSERT_TRUE(null_name.has_value());
    EXPECT_EQ(null_name->field, "x.servers[\"a:27017\"].setName");
    EXPECT_EQ(null_name->actual, "\"rs\"");
}

} // namespace
} // namespace wn::sdam
