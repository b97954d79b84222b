#include "scenario/json_reader.h"

#include "scenario/printable.h"
#include "scenario/scenario_json.h"

#include <set>
#include <vector>

namespace wn {
namespace {

using nlohmann::json;

/// Where the parser is, so an error deep inside a value can name its field.
class JsonPath {
public:
    void open(bool object) { m_frames.push_back(Frame{object, false, {}, 0, {}}); }
    void close() {
        if (!m_frames.empty())
            m_frames.pop_back();
        element_done();
    }
    /// Returns false when the key is already in this object.
    bool key(const std::string& k) {
        if (m_frames.empty() || !m_frames.back().object)
            return true;
        m_frames.back().key = k;
        m_frames.back().has_key = true;
        return m_frames.back().keys.insert(k).second;
    }
    void element_done() {
        if (!m_frames.empty() && !m_frames.back().object)
            ++m_frames.back().index;
    }
    std::string str() const {
        std::string path;
        for (const Frame& f : m_frames) {
            if (f.object && f.has_key) {
                if (!path.empty())
                    path += '.';
                // An empty key is legal JSON; spell it so the message still points at it.
                path += f.key.empty() ? std::string("\"\"") : printable(f.key, 40);
            } else if (!f.object) {
                path += '[';
                path += std::to_string(f.index);
                path += ']';
            }
        }
        return path;
    }

private:
    struct Frame {
        bool object;
        bool has_key;
        std::string key;
        std::size_t index;
        std::set<std::string> keys;
    };
    std::vector<Frame> m_frames;
};

/// nlohmann's messages start with "[json.exception.parse_error.101] "; keep the rest, and
/// only one line of it.
std::string reason(const json::exception& e) {
    std::string what = e.what();
    if (auto pos = what.find("] "); pos != std::string::npos)
        what = what.substr(pos + 2);
    return printable(what, 160);
}

} // namespace

json read_json_document(const std::string& text, const std::string& source) {
    JsonPath path;
    std::string duplicate;
    bool is_duplicate = false;
    bool too_deep = false;
    const json::parser_callback_t track = [&](int depth, json::parse_event_t event, json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            if (depth >= kMaxJsonDepth) {
                too_deep = true;
                throw std::length_error("too deep");
            }
            path.open(event == json::parse_event_t::object_start);
            break;
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            path.close();
            break;
        case json::parse_event_t::key:
            if (!path.key(parsed.get<std::string>())) {
                duplicate = path.str();
                is_duplicate = true;
                throw std::invalid_argument("duplicate key");
            }
            break;
        case json::parse_event_t::value:
            path.element_done();
            break;
        }
        return true;
    };
    auto fail = [&](const std::string& why) -> ScenarioError {
        const std::string where = path.str();
        if (where.empty())
            return ScenarioError(source + ": malformed JSON: " + why);
        return ScenarioError(source + ": field '" + where + "': " + why);
    };
    try {
        return json::parse(text, track);
    } catch (const json::parse_error& e) {
        // Syntax: the line and column in the reason say where better than a field path.
        throw ScenarioError(source + ": malformed JSON: " + reason(e));
    } catch (const json::out_of_range& e) {
        throw fail("number out of range (" + reason(e) + ")");
    } catch (const json::exception& e) {
        throw fail(reason(e));
    } catch (const std::length_error&) {
        if (!too_deep)
            throw;
        throw ScenarioError(source + ": malformed JSON: nested deeper than " +
                            std::to_string(kMaxJsonDepth) + " levels at '" + path.str() + "'");
    } catch (const std::invalid_argument&) {
        if (!is_duplicate)
            throw;
        throw ScenarioError(source + ": field '" + duplicate + "': given twice");
    }
}

} // namespace wn
