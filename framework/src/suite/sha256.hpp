// SHA-256 (FIPS 180-4), so a suite's content hash needs no crypto library.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace evalpanel::suite {

// Incremental hasher: update() any number of times, then hex_digest() once.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::string hex_digest();  // lower-case, 64 characters; the hasher is spent afterwards

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

// The SHA-256 of `bytes` as lower-case hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace evalpanel::suite
