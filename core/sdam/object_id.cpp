#include "sdam/object_id.h"

namespace wn::sdam {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<ObjectId> ObjectId::from_hex(std::string_view hex) {
    if (hex.size() != 24)
        return std::nullopt;
    ObjectId id;
    for (std::size_t i = 0; i < 12; ++i) {
        const int hi = hex_value(hex[2 * i]);
        const int lo = hex_value(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        id.bytes[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return id;
}

std::string ObjectId::to_hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(24);
    for (const std::uint8_t b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 0xf];
    }
    return out;
}

} // namespace wn::sdam
