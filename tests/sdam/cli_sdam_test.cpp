// `waspsnest-cli sdam` as a user runs it: one line per file, the exit status, malformed files.

#include "cli_runner.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace {

namespace fs = std::filesystem;

using Result = wn::test::CliResult;
using wn::test::count_lines;

Result cli(const std::string& args) {
    return wn::test::run_command(std::string(WN_CLI_PATH) + " sdam " + args);
}

std::string quoted(const fs::path& p) {
    std::string out(1, '\'');
    out.append(p.string());
    out.push_back('\'');
    return out;
}

const fs::path kSpecDir = WN_SDAM_TEST_DIR;
const fs::path kNewPrimary = kSpecDir / "new_primary_new_electionid.json";

// A copy of new_primary_new_electionid.json with one edit, in the test's temporary directory.
fs::path edited_copy(const std::string& name, void (*edit)(nlohmann::json&)) {
    std::ifstream in(kNewPrimary);
    nlohmann::json doc = nlohmann::json::parse(in);
    edit(doc);
    const fs::path out = fs::temp_directory_path() / ("wn_sdam_" + name + ".json");
    std::ofstream(out) << doc.dump(2);
    return out;
}

class SdamCli : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kNewPrimary))
            GTEST_SKIP() << "no SDAM test files at " << kSpecDir;
    }
};

TEST_F(SdamCli, CheckPassesEveryShippedFileWithOneLineEach) {
    std::string args = "--check";
    int files = 0;
    for (const auto& entry : fs::directory_iterator(kSpecDir))
        if (entry.path().extension() == ".json") {
            args.append(" ").append(quoted(entry.path()));
            ++files;
        }
    const Result r = cli(args);
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_EQ(count_lines(r.out), files + 1) << r.out;
    EXPECT_NE(r.out.find(std::to_string(files) + " passed, 0 failed\n"), std::string::npos)
        << r.out;
}

TEST_F(SdamCli, MismatchPrintsTheFieldWithExpectedAndActualAndExitsOne) {
    const fs::path file = edited_copy("mismatch", [](nlohmann::json& doc) {
        doc["phases"][1]["outcome"]["servers"]["a:27017"]["type"] = "RSSecondary";
    });
    const Result r =
        cli(std::string("--check ").append(quoted(file)).append(" ").append(quoted(kNewPrimary)));
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find("FAIL phases[1].outcome.servers[\"a:27017\"].type: expected "
                         "\"RSSecondary\", actual \"Unknown\""),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("1 passed, 1 failed"), std::string::npos) << r.out;
    fs::remove(file);
}

TEST_F(SdamCli, MalformedElectionIdNamesTheFileAndJsonPathAndExitsTwo) {
    const fs::path file = edited_copy("malformed", [](nlohmann::json& doc) {
        doc["phases"][1]["responses"][0][1]["electionId"] = {{"$oid", "not-hex"}};
    });
    const Result r = cli(std::string("--check ").append(quoted(file)));
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_NE(r.out.find(file.string() + ": phases[1].responses[0][1].electionId: "),
              std::string::npos)
        << r.out;
    fs::remove(file);
}

TEST_F(SdamCli, WithoutCheckPrintsTheTopologyAfterEachPhase) {
    const Result r = cli(quoted(kNewPrimary));
    ASSERT_EQ(r.status, 0) << r.out;
    const auto at = r.out.find("  phases[2]: ");
    ASSERT_NE(at, std::string::npos) << r.out;
    const auto eol = r.out.find('\n', at);
    ASSERT_NE(eol, std::string::npos);
    const std::string prefix = "  phases[2]: ";
    const auto last = nlohmann::json::parse(r.out.begin() + static_cast<long>(at + prefix.size()),
                                            r.out.begin() + static_cast<long>(eol));
    EXPECT_EQ(last["topologyType"], "ReplicaSetWithPrimary");
    EXPECT_EQ(last["servers"]["b:27017"]["type"], "RSPrimary");
    EXPECT_EQ(last["servers"]["a:27017"]["type"], "Unknown");
    EXPECT_EQ(last["maxElectionId"]["$oid"], "000000000000000000000002");
}

TEST(SdamCliUsage, NoFilesOrAnUnknownOptionExitsTwo) {
    EXPECT_EQ(cli("").status, 2);
    EXPECT_EQ(cli("--frobnicate x.json").status, 2);
    EXPECT_EQ(cli("--check /nonexistent/wn_sdam.json").status, 2);
}

} // namespace
