// Every file of the SDAM test directory, replayed through the reducer, must reach each phase's
// outcome. The directory is a CMake cache variable (WN_SDAM_TEST_DIR).

#include "sdam/hello.h"
#include "sdam/spec_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::vector<std::string> spec_files() {
    std::vector<std::string> out;
    std::error_code ec;
    if (!fs::is_directory(WN_SDAM_TEST_DIR, ec))
        return out;
    for (const auto& entry : fs::directory_iterator(WN_SDAM_TEST_DIR))
        if (entry.path().extension() == ".json")
            out.push_back(entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

class SdamSpecFile : public ::testing::TestWithParam<std::string> {};

TEST_P(SdamSpecFile, EveryPhaseReachesItsOutcome) {
    std::ifstream in(fs::path(WN_SDAM_TEST_DIR) / GetParam());
    ASSERT_TRUE(in) << GetParam();
    wn::sdam::SpecFile file;
    try {
        file = wn::sdam::load_spec_file(nlohmann::json::parse(in));
    } catch (const wn::sdam::FormatError& e) {
        FAIL() << GetParam() << ": " << e.what();
    }
    ASSERT_FALSE(file.phases.empty());
    const wn::sdam::Replay r = wn::sdam::replay(file, true);
    EXPECT_FALSE(r.mismatch.has_value())
        << GetParam() << ": " << r.mismatch->field << ": expected " << r.mismatch->expected
        << ", actual " << r.mismatch->actual;
    EXPECT_EQ(r.after_phase.size(), file.phases.size());
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
    std::string name = fs::path(info.param).stem().string();
    std::replace_if(
        name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
    return name;
}

INSTANTIATE_TEST_SUITE_P(Files, SdamSpecFile, ::testing::ValuesIn(spec_files()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SdamSpecFile);

TEST(SdamSpecFiles, DirectoryHoldsTheReplicaSetFiles) {
    std::error_code ec;
    if (!fs::is_directory(WN_SDAM_TEST_DIR, ec))
        GTEST_SKIP() << "no SDAM test directory at " << WN_SDAM_TEST_DIR
                     << " (set the CMake cache variable WN_SDAM_TEST_DIR)";
    const auto files = spec_files();
    // The 36 files shipped in tests/data/sdam/rs; a directory given instead may hold more.
    EXPECT_GE(files.size(), 36u);
    for (const char* name : {"new_primary_new_electionid.json", "null_election_id-pre-6.0.json",
                             "normalize_case_me.json", "primary_disconnect_electionid.json"})
        EXPECT_NE(std::find(files.begin(), files.end(), name), files.end()) << name;
}

} // namespace
