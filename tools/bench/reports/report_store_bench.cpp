// report_store_bench: the store the report benchmarks read, and their baseline.
//
//   report_store_bench fill --db FILE [--cases N]   two runs (baseline and candidate) of N cases x 2 metrics
//                                                   through Store::write_batch; prints their run ids
//   report_store_bench scan --db FILE               the baseline: one bare `SELECT ... FROM scores` over
//                                                   every row (joined to its result for run and case id),
//                                                   summing the values
//
// Prints one JSON line (bench_clock.hpp).
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "bench_clock.hpp"
#include "synthetic_results.hpp"

namespace {

namespace fs = std::filesystem;
using namespace evalpanel;

constexpr std::int64_t kBatch = 1000;
const std::vector<std::string> kMetrics = {"cer", "exact_match"};

std::int64_t fill_run(store::Store& db, const std::string& tool, std::int64_t cases) {
    const std::int64_t run_id = db.begin_run(bench::synthetic_run(tool, "bench-ocr", cases, kMetrics));
    std::vector<store::ResultRecord> batch;
    for (std::int64_t first = 0; first < cases; first += kBatch) {
        batch.clear();
        for (std::int64_t i = first; i < std::min(first + kBatch, cases); ++i) {
            batch.push_back(bench::synthetic_result(run_id, i, kMetrics));
        }
        db.write_batch(batch);
    }
    db.finish_run(run_id, "finished");
    return run_id;
}

void fill(const fs::path& file, std::int64_t cases) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
    if (file.has_parent_path()) fs::create_directories(file.parent_path());
    store::Store db = store::Store::open(file);
    bench::Stopwatch filling;
    filling.start();
    const std::int64_t base = fill_run(db, "null", cases);
    const std::int64_t candidate = fill_run(db, "null", cases);
    filling.stop();
    bench::emit_measurement("report_store_fill", {{"base_run", base}, {"candidate_run", candidate}, {"cases_per_run", cases},
                                                  {"score_rows", 2 * cases * static_cast<std::int64_t>(kMetrics.size())},
                                                  {"seconds", filling.seconds()}});
}

void scan(const fs::path& file) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        throw std::runtime_error(file.string() + ": cannot open: " + sqlite3_errmsg(db));
    }
    bench::Stopwatch scanning;
    scanning.start();
    sqlite3_stmt* select = nullptr;
    // Every score row with the run and case it belongs to (schema 6 keys scores by the result's id).
    if (sqlite3_prepare_v2(db, "SELECT r.run_id, r.case_id, s.metric_id, s.value FROM scores s JOIN results r ON r.id = s.result_id",
                           -1, &select, nullptr) != SQLITE_OK) {
        throw std::runtime_error(file.string() + ": cannot read the scores: " + sqlite3_errmsg(db));
    }
    std::int64_t rows = 0;
    double sum = 0;
    std::size_t text_bytes = 0;      // reading every column keeps the scan from skipping any
    std::int64_t metric_id_sum = 0;
    while (sqlite3_step(select) == SQLITE_ROW) {
        ++rows;
        text_bytes += static_cast<std::size_t>(sqlite3_column_bytes(select, 1));
        metric_id_sum += sqlite3_column_int64(select, 2);
        sum += sqlite3_column_double(select, 3);
    }
    sqlite3_finalize(select);
    scanning.stop();
    sqlite3_close(db);
    bench::emit_measurement("bare_scores_scan", {{"score_rows", rows}, {"sum", sum}, {"text_bytes", text_bytes}, {"metric_id_sum", metric_id_sum},
                                                 {"seconds", scanning.seconds()}});
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc < 2) throw std::invalid_argument("name a command: fill or scan");
        const std::string command = argv[1];
        fs::path db;
        std::int64_t cases = 250'000;
        for (int i = 2; i + 1 < argc; i += 2) {
            const std::string key = argv[i];
            if (key == "--db") db = argv[i + 1];
            else if (key == "--cases") cases = std::stoll(argv[i + 1]);
            else throw std::invalid_argument("unknown option '" + key + "'");
        }
        if (db.empty()) throw std::invalid_argument("--db is required");
        if (command == "fill") fill(db, cases);
        else if (command == "scan") scan(db);
        else throw std::invalid_argument("unknown command '" + command + "' (known: fill, scan)");
    } catch (const std::exception& error) {
        std::cerr << "report_store_bench: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
