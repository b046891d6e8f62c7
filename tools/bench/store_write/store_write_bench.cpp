// store_write_bench: score rows written per second through Store::write_batch (the runner's group
// commit), against a bare SQLite prepared-insert loop into the same schema in one transaction.
//
//   store_write_bench --dir DIR [--results N] [--metrics K] [--batch B]
//
// Both sides write N result rows and N*K score rows; only the writing is timed (generating the records
// is not). Prints one JSON line per side (bench_clock.hpp).
#include <cstdlib>
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

const std::vector<std::string> kMetricPool = {"cer", "wer", "exact_match", "anls"};

struct Options {
    fs::path dir;
    std::int64_t results = 250'000;
    std::size_t metrics = 4;
    std::int64_t batch = 1000;  // a group commit under load holds about this many cases
};

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const std::string value = argv[i + 1];
        if (key == "--dir") options.dir = value;
        else if (key == "--results") options.results = std::stoll(value);
        else if (key == "--metrics") options.metrics = std::stoul(value);
        else if (key == "--batch") options.batch = std::stoll(value);
        else throw std::invalid_argument("unknown option '" + key + "'");
    }
    if (options.dir.empty()) throw std::invalid_argument("--dir is required");
    if (options.metrics < 1 || options.metrics > kMetricPool.size()) throw std::invalid_argument("--metrics must be 1 to 4");
    if (options.results < 1 || options.batch < 1) throw std::invalid_argument("--results and --batch must be at least 1");
    return options;
}

fs::path fresh_file(const fs::path& dir, const std::string& name) {
    fs::create_directories(dir);
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(dir / (name + suffix));
    return dir / name;
}

double time_store(const Options& options, const std::vector<std::string>& metrics) {
    store::Store db = store::Store::open(fresh_file(options.dir, "store_write.db"));
    const std::int64_t run_id = db.begin_run(bench::synthetic_run("null", "bench", options.results, metrics));
    bench::Stopwatch writing;
    std::vector<store::ResultRecord> batch;
    for (std::int64_t first = 0; first < options.results; first += options.batch) {
        batch.clear();
        for (std::int64_t i = first; i < std::min(first + options.batch, options.results); ++i) {
            batch.push_back(bench::synthetic_result(run_id, i, metrics));
        }
        writing.start();
        db.write_batch(batch);
        writing.stop();
    }
    return writing.seconds();
}

// The baseline's rows: every column already text or number, so the loop times SQLite alone.
struct BareRow {
    store::ResultRecord record;
    std::string tags, expected, citations, usage, details;
};

void check(int code, sqlite3* db, const char* what) {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
        throw std::runtime_error(std::string("bare SQLite ") + what + " failed: " + sqlite3_errmsg(db));
    }
}

double time_bare_sqlite(const Options& options, const std::vector<std::string>& metrics) {
    const fs::path file = fresh_file(options.dir, "bare_sqlite.db");
    // The Store creates the very schema the baseline writes into, then steps aside.
    const std::int64_t run_id = store::Store::open(file).begin_run(bench::synthetic_run("null", "bench", options.results, metrics));
    sqlite3* db = nullptr;
    check(sqlite3_open(file.c_str(), &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON", nullptr,
                       nullptr, nullptr), db, "pragmas");
    sqlite3_stmt* insert_result = nullptr;
    sqlite3_stmt* insert_score = nullptr;
    check(sqlite3_prepare_v2(db,
                             "INSERT INTO results (run_id, case_id, case_index, tags, expected, status, output, confidence, "
                             "citations, usage, cost_usd, latency_ms, attempts, error, finished_at, cached, details) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             -1, &insert_result, nullptr), db, "prepare");
    check(sqlite3_prepare_v2(db, "INSERT INTO scores (result_id, position, metric_id, value) VALUES (?, ?, ?, ?)", -1,
                             &insert_score, nullptr), db, "prepare");
    // The metric dictionary (schema 6) holds the metrics before the loop: ids 1..K in kMetricPool order.
    for (const std::string& metric : metrics) {
        const std::string sql = "INSERT INTO metric_names (name) VALUES ('" + metric + "')";  // fixed names, no input
        check(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), db, "insert metric name");
    }
    bench::Stopwatch writing;
    writing.start();
    check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    writing.stop();
    std::vector<BareRow> rows;
    for (std::int64_t first = 0; first < options.results; first += options.batch) {
        rows.clear();
        for (std::int64_t i = first; i < std::min(first + options.batch, options.results); ++i) {
            store::ResultRecord r = bench::synthetic_result(run_id, i, metrics);
            rows.push_back({r, nlohmann::json(r.tags).dump(), r.expected.dump(), r.citations.dump(), r.usage.dump(),
                            r.details.dump()});
        }
        writing.start();
        for (const BareRow& row : rows) {
            const store::ResultRecord& r = row.record;
            sqlite3_bind_int64(insert_result, 1, r.run_id);
            sqlite3_bind_text(insert_result, 2, r.case_id.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_int64(insert_result, 3, r.case_index);
            sqlite3_bind_text(insert_result, 4, row.tags.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_text(insert_result, 5, row.expected.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_text(insert_result, 6, r.status.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_text(insert_result, 7, r.output.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_double(insert_result, 8, r.confidence.value_or(0));
            sqlite3_bind_text(insert_result, 9, row.citations.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_text(insert_result, 10, row.usage.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_double(insert_result, 11, r.cost_usd.value_or(0));
            sqlite3_bind_double(insert_result, 12, r.latency_ms);
            sqlite3_bind_int(insert_result, 13, r.attempts);
            sqlite3_bind_text(insert_result, 14, r.error.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_text(insert_result, 15, "2026-01-01T00:00:00.000Z", -1, SQLITE_STATIC);
            sqlite3_bind_int(insert_result, 16, 0);
            sqlite3_bind_text(insert_result, 17, row.details.c_str(), -1, SQLITE_STATIC);
            check(sqlite3_step(insert_result), db, "insert result");
            sqlite3_reset(insert_result);
            const sqlite3_int64 result_id = sqlite3_last_insert_rowid(db);
            for (std::size_t position = 0; position < r.scores.size(); ++position) {
                const store::ScoreRecord& score = r.scores[position];
                sqlite3_bind_int64(insert_score, 1, result_id);
                sqlite3_bind_int64(insert_score, 2, static_cast<sqlite3_int64>(position));
                sqlite3_bind_int64(insert_score, 3, static_cast<sqlite3_int64>(position + 1));  // metrics[position]
                if (score.value) sqlite3_bind_double(insert_score, 4, *score.value);
                else sqlite3_bind_null(insert_score, 4);
                check(sqlite3_step(insert_score), db, "insert score");
                sqlite3_reset(insert_score);
            }
        }
        writing.stop();
    }
    writing.start();
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    writing.stop();
    sqlite3_finalize(insert_result);
    sqlite3_finalize(insert_score);
    sqlite3_close(db);
    return writing.seconds();
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options options = parse_options(argc, argv);
        const std::vector<std::string> metrics(kMetricPool.begin(), kMetricPool.begin() + static_cast<long>(options.metrics));
        const auto score_rows = options.results * static_cast<std::int64_t>(options.metrics);
        const nlohmann::json shape = {{"results", options.results}, {"score_rows", score_rows}, {"batch", options.batch}};
        nlohmann::json store_side = shape;
        store_side["seconds"] = time_store(options, metrics);
        bench::emit_measurement("store_write_batch", store_side);
        nlohmann::json bare_side = shape;
        bare_side["seconds"] = time_bare_sqlite(options, metrics);
        bench::emit_measurement("bare_sqlite_insert", bare_side);
    } catch (const std::exception& error) {
        std::cerr << "store_write_bench: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
