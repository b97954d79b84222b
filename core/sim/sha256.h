#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace wn {

/// Streaming SHA-256 (FIPS 180-4); the trace fingerprint that makes determinism checkable.
class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    /// Finishes the digest; the object must not be updated afterwards.
    std::array<std::uint8_t, 32> finish();
    /// Lower-case hex of finish().
    std::string hex_digest();

private:
    void compress(const std::uint8_t* block);
    std::uint32_t m_h[8];
    std::uint8_t m_buffer[64];
    std::size_t m_buffered = 0;
    std::uint64_t m_total = 0;
};

} // namespace wn
