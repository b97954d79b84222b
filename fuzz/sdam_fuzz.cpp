// Any bytes as an SDAM test file: read, loaded and replayed through the reducer, or refused
// with ScenarioError (bad JSON) or sdam::FormatError (bad content). Nothing else may escape.

#include "scenario/json_reader.h"
#include "scenario/scenario_json.h"
#include "sdam/hello.h"
#include "sdam/spec_file.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const nlohmann::json doc = wn::read_json_document(text, "fuzz.json");
        const wn::sdam::SpecFile file = wn::sdam::load_spec_file(doc);
        wn::sdam::replay(file, true);
    } catch (const wn::ScenarioError&) {
    } catch (const wn::sdam::FormatError&) {
    }
    return 0;
}
