#include <cstdlib>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
    // evalpanel runs one engine per worker and schedules the parallelism itself. An OpenMP pool inside
    // an engine (libtesseract has one) would put N workers x M threads on the cores: on 2 cores the
    // shipped OCR suites took 7.3 s instead of 1.7 s, with identical output. The variable must be set
    // before a plugin loads libgomp, which reads it once; a user's own setting wins.
    setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
    return evalpanel::cli::main(argc, argv);
}
