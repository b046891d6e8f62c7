/* The baseline the benchmark measures evalpanel against: the textbook Wagner–Fischer dynamic programme for
 * unit-cost Levenshtein distance, two rows, written in plain C as anyone would write it first. */
#ifndef EVALPANEL_BENCH_TEXTBOOK_DP_H
#define EVALPANEL_BENCH_TEXTBOOK_DP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Distance between a[0..n) and b[0..m); SIZE_MAX if the two rows cannot be allocated. */
size_t textbook_edit_distance(const uint32_t *a, size_t n, const uint32_t *b, size_t m);

#ifdef __cplusplus
}
#endif

#endif
