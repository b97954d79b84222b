#include "scenario/printable.h"

namespace wn {

std::string printable(std::string_view text, std::size_t max_chars) {
    bool cut = false;
    if (text.size() > max_chars) {
        std::size_t end = max_chars;
        // Back up over UTF-8 continuation bytes so no character is split.
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            --end;
        text = text.substr(0, end);
        cut = true;
    }
    std::string out;
    out.reserve(text.size() + 8);
    static constexpr char kHex[] = "0123456789abcdef";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        } else {
            out += ch;
        }
    }
    if (cut)
        out += "\u2026";
    return out;
}

} // namespace wn
