#include "textbook_dp.h"

#include <stdlib.h>

size_t textbook_edit_distance(const uint32_t *a, size_t n, const uint32_t *b, size_t m) {
    size_t *previous = malloc((m + 1) * sizeof *previous);
    size_t *current = malloc((m + 1) * sizeof *current);
    size_t result = SIZE_MAX;
    if (previous != NULL && current != NULL) {
        for (size_t j = 0; j <= m; ++j) previous[j] = j;
        for (size_t i = 1; i <= n; ++i) {
            current[0] = i;
            for (size_t j = 1; j <= m; ++j) {
                const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                const size_t deletion = previous[j] + 1;
                const size_t insertion = current[j - 1] + 1;
                size_t best = substitution < deletion ? substitution : deletion;
                current[j] = insertion < best ? insertion : best;
            }
            size_t *swap = previous;
            previous = current;
            current = swap;
        }
        result = previous[m];
    }
    free(previous);
    free(current);
    return result;
}
