// Parsing hello replies and test-file values: types, lower-cased names, extended JSON, and
// malformed input reported with its JSON path.

#include "sdam/spec_file.h"
#include "sdam_test_support.h"

#include <gtest/gtest.h>

namespace wn::sdam {
namespace {

using nlohmann::json;

TEST(SdamHello, EmptyReplyIsANetworkErrorThatLeavesTheServerUnknownWithItsError) {
    const ServerDescription sd = parse_hello("a:27017", json::object());
    EXPECT_EQ(sd.type, ServerType::Unknown);
    ASSERT_TRUE(sd.error.has_value());
    EXPECT_NE(sd.error->find("network error"), std::string::npos);
}

TEST(SdamHello, OkZeroIsUnknownEvenWithReplicaSetFields) {
    json r = test::member_reply(false);
    r["ok"] = 0;
    const ServerDescription sd = parse_hello("a:27017", r);
    EXPECT_EQ(sd.type, ServerType::Unknown);
    EXPECT_FALSE(sd.set_name.has_value());
    EXPECT_TRUE(sd.hosts.empty());
}

TEST(SdamHello, IsWritablePrimaryTakesPrecedenceOverLegacyIsmaster) {
    json r = test::member_reply(false);
    r.erase("secondary");
    r["ismaster"] = true;
    EXPECT_EQ(parse_hello("a:27017", r).type, ServerType::RSOther);
    r.erase("isWritablePrimary");
    EXPECT_EQ(parse_hello("a:27017", r).type, ServerType::RSPrimary);
}

TEST(SdamHello, ServerTypesFollowTheSpecificationsTable) {
    EXPECT_EQ(parse_hello("a", json{{"ok", 1}, {"isreplicaset", true}}).type, ServerType::RSGhost);
    EXPECT_EQ(parse_hello("a", json{{"ok", 1}, {"msg", "isdbgrid"}}).type, ServerType::Mongos);
    EXPECT_EQ(parse_hello("a", json{{"ok", 1}, {"isWritablePrimary", true}}).type,
              ServerType::Standalone);
    json hidden = test::member_reply(false);
    hidden["hidden"] = true;
    EXPECT_EQ(parse_hello("a", hidden).type, ServerType::RSOther);
    json arbiter = test::member_reply(false);
    arbiter.erase("secondary");
    arbiter["arbiterOnly"] = true;
    EXPECT_EQ(parse_hello("a", arbiter).type, ServerType::RSArbiter);
}

TEST(SdamHello, HostNamesAreLowerCasedAndGetTheDefaultPort) {
    json r = test::member_reply(true);
    r["hosts"] = {"A:27017", "Db2.Example.COM"};
    r["passives"] = {"P:27018"};
    r["me"] = "A:27017";
    const ServerDescription sd = parse_hello("A", r);
    EXPECT_EQ(sd.address, "a:27017");
    EXPECT_EQ(sd.me, "a:27017");
    EXPECT_EQ(sd.hosts, (std::vector<std::string>{"a:27017", "db2.example.com:27017"}));
    EXPECT_EQ(sd.passives, (std::vector<std::string>{"p:27018"}));
}

TEST(SdamHello, ElectionIdIsParsedFromExtendedJsonAndOrderedAsTwelveBytes) {
    json r = test::member_reply(true);
    r["electionId"] = {{"$oid", "FF0000000000000000000000"}};
    const auto high = parse_hello("a", r).election_id;
    r["electionId"] = {{"$oid", "fe00000000000000000000ff"}};
    const auto low = parse_hello("a", r).election_id;
    ASSERT_TRUE(high && low);
    EXPECT_EQ(high->bytes[0], 0xff);
    // As text "FF..." sorts before "fe..."; as bytes 0xff > 0xfe.
    EXPECT_GT(*high, *low);
    EXPECT_EQ(high->to_hex(), "ff0000000000000000000000");
}

TEST(SdamHello, MalformedValuesNameTheirJsonPath) {
    json r = test::member_reply(true);
    r["electionId"] = {{"$oid", "1234"}};
    try {
        parse_hello("a", r, "phases[1].responses[0][1]");
        FAIL() << "a short $oid was accepted";
    } catch (const FormatError& e) {
        EXPECT_EQ(e.path(), "phases[1].responses[0][1].electionId");
    }
    r = test::member_reply(true);
    r["hosts"] = {"a:27017", 7};
    try {
        parse_hello("a", r, "reply");
        FAIL() << "a numeric host was accepted";
    } catch (const FormatError& e) {
        EXPECT_EQ(e.path(), "reply.hosts[1]");
    }
}

TEST(SdamUri, ReplicaSetOptionStartsReplicaSetNoPrimaryWithNormalisedSeeds) {
    const TopologyDescription td = topology_from_uri("mongodb://A,b:27018/?replicaSet=rs");
    EXPECT_EQ(td.type, TopologyType::ReplicaSetNoPrimary);
    EXPECT_EQ(td.set_name, "rs");
    ASSERT_EQ(td.servers.size(), 2u);
    EXPECT_NE(td.find("a:27017"), nullptr);
    EXPECT_NE(td.find("b:27018"), nullptr);
    EXPECT_EQ(topology_from_uri("mongodb://a,b").type, TopologyType::Unknown);
    EXPECT_EQ(topology_from_uri("mongodb://a/?directConnection=true").type, TopologyType::Single);
    EXPECT_THROW(topology_from_uri("http://a"), FormatError);
}

} // namespace
} // namespace wn::sdam
