// FUZZ_CHECK(condition, message): a property every input must keep. Aborts, which libFuzzer and the replay
// main both report as a failure on that input, in any build type (assert would vanish under NDEBUG).
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, message)                                                     \
    do {                                                                                   \
        if (!(condition)) {                                                                \
            std::fprintf(stderr, "%s:%d: fuzz property broken: %s\n", __FILE__, __LINE__, message); \
            std::abort();                                                                  \
        }                                                                                  \
    } while (false)
