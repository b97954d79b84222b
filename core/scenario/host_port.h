#pragma once

#include <string>
#include <string_view>

namespace wn {

/// The longest host name DNS allows; a member's address is this plus ":port".
inline constexpr std::size_t kMaxHostLength = 253;

/// A member's address as scenario files write it: "host" or "host:port".
struct HostPort {
    std::string normalized; ///< "host:port", the port 27017 when none was given
    std::string error;      ///< empty when valid, else why not (to follow the quoted text)
};

/// Checks an address: a host of 1 to 253 letters, digits, '.', '-' or '_', then an optional
/// port from 1 to 65535. Everything else (":", "db1:abc", "db1:99999", spaces, a 1 MB
/// name) is refused, so no later stage has to cope with it.
HostPort parse_host_port(std::string_view text);

} // namespace wn
