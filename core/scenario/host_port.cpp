#include "scenario/host_port.h"

#include <algorithm>

namespace wn {

HostPort parse_host_port(std::string_view text) {
    HostPort r;
    const auto colon = text.find(':');
    const std::string_view host = text.substr(0, colon);
    if (host.empty()) {
        r.error = "has no host name before the port";
        return r;
    }
    if (host.size() > kMaxHostLength) {
        r.error = "has a host name longer than 253 characters";
        return r;
    }
    const bool host_ok = std::all_of(host.begin(), host.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-' || c == '_';
    });
    if (!host_ok) {
        r.error = "is not a host name (letters, digits, '.', '-' and '_' only)";
        return r;
    }
    if (colon == std::string_view::npos) {
        r.normalized = std::string(host) + ":27017";
        return r;
    }
    const std::string_view port = text.substr(colon + 1);
    long value = 0;
    const bool digits =
        !port.empty() && port.size() <= 5 &&
        std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits)
        for (const char c : port)
            value = value * 10 + (c - '0');
    if (!digits || value < 1 || value > 65535) {
        r.error = "has no valid port (host:port, the port 1 to 65535)";
        return r;
    }
    r.normalized = std::string(host) + ":" + std::to_string(value);
    return r;
}

} // namespace wn
