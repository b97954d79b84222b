#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wn {

/// `text` made safe for a one-line error message: control characters (newlines, CR, ESC
/// and the rest of C0, and DEL) are escaped as \n, \r or \xHH, so a message stays one line
/// and no terminal escape passes through; longer than `max_chars` bytes, it is cut at a
/// UTF-8 character boundary and ends with "…".
std::string printable(std::string_view text, std::size_t max_chars = 80);

} // namespace wn
