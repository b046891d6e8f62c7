#include "suite/sha256.hpp"

#include <gtest/gtest.h>

namespace evalpanel::suite {
namespace {

// FIPS 180-4 / NIST CAVP example messages.
TEST(Sha256, EmptyMessage) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, Abc) {
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, TwoBlockMessage448Bits) {
    // 56 bytes: the length no longer fits in the first block's padding.
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, Message896Bits) {
    EXPECT_EQ(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                         "mnopqrstnopqrstu"),
              "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, PaddingBoundaries) {
    EXPECT_EQ(sha256_hex(std::string(55, 'x')), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
    EXPECT_EQ(sha256_hex(std::string(64, 'x')), "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

TEST(Sha256, MillionAsFedInUnevenChunks) {
    Sha256 hasher;
    const std::string chunk(997, 'a');  // prime length: chunks straddle block boundaries
    std::size_t fed = 0;
    while (fed + chunk.size() <= 1'000'000) {
        hasher.update(chunk);
        fed += chunk.size();
    }
    hasher.update(std::string(1'000'000 - fed, 'a'));
    EXPECT_EQ(hasher.hex_digest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, BytesAboveAsciiAreHashedUnsigned) {
    // printf '\xff\x80' | sha256sum — a signed-char slip changes the message schedule.
    EXPECT_EQ(sha256_hex("\xff\x80"), "85c61621ebd04403f66d96fe300cf10b3844de7358184f1276cb08790fd135f1");
}

}  // namespace
}  // namespace evalpanel::suite
