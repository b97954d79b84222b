#pragma once
// A BSON ObjectId as the SDAM specification compares it: 12 bytes, ordered bytewise.

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wn::sdam {

struct ObjectId {
    std::array<std::uint8_t, 12> bytes{};

    // Parses exactly 24 hex digits (either case); nullopt otherwise.
    static std::optional<ObjectId> from_hex(std::string_view hex);
    std::string to_hex() const; // 24 lower-case hex digits

    friend auto operator<=>(const ObjectId&, const ObjectId&) = default;
};

// The specification's ordering for electionId and setVersion in the 6.0+ stale-primary check:
// null is less than any value and equal to null.
template <class T>
std::strong_ordering compare_nullable(const std::optional<T>& a, const std::optional<T>& b) {
    if (!a || !b)
        return a.has_value() <=> b.has_value();
    return *a <=> *b;
}

} // namespace wn::sdam
