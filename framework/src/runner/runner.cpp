#include "runner/runner.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "runner/cache_key.hpp"
#include "runner/cost.hpp"
#include "runner/result_writer.hpp"
#include "runner/scoring.hpp"
#include "worker/in_process_slot.hpp"
#include "worker/isolated_slot.hpp"
#include "worker/worker_messages.hpp"

namespace evalpanel::runner {

namespace {

using Clock = std::chrono::steady_clock;

struct PreparedTool {
    const tool_config::ToolConfig* config;
    plugin_host::LoadedPlugin plugin;
    ToolInfo info;
};

// "120" / "0.5": a time-out as the user wrote it.
std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", seconds);
    return text;
}

bool does_task(const ToolInfo& info, Task task) {
    return std::find(info.tasks.begin(), info.tasks.end(), task) != info.tasks.end();
}

std::string task_list(const ToolInfo& info) {
    std::string out;
    for (Task t : info.tasks) out += (out.empty() ? "" : ", ") + std::string(to_string(t));
    return out;
}

Request make_request(const suite::Suite& s, const suite::Case& c, std::int64_t run_id) {
    Request request;
    // One key per run and case, the same on every attempt and after a resume: an API that honours
    // idempotency keys (Perplexity's async jobs) then never charges twice for one case.
    request.options["idempotency_key"] = "evalpanel-run" + std::to_string(run_id) + "-" + c.id;
    request.case_id = c.id;
    request.task = s.task;
    request.prompt = s.prompt;
    request.question = c.question;
    request.query = c.query;
    if (c.image) {
        request.image = suite::load_image_bytes(c);
        request.image_name = c.image->path.empty() ? "generated:" + c.id : c.image->path.string();
    }
    return request;
}

nlohmann::json expected_of(const suite::Case& c) {
    if (!c.answers.empty()) return c.answers;
    if (!c.facts.empty() || !c.sources.empty()) return {{"facts", c.facts}, {"sources", c.sources}};
    return c.expected;
}

nlohmann::json citations_json(const std::vector<Citation>& citations) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : citations) out.push_back({{"url", c.url}, {"title", c.title}, {"date", c.date}, {"snippet", c.snippet}});
    return out;
}

nlohmann::json usage_json(const Usage& usage) {
    nlohmann::json out = nlohmann::json::object();
    auto put = [&](const char* key, const std::optional<std::int64_t>& v) {
        if (v) out[key] = *v;
    };
    put("input_tokens", usage.input_tokens);
    put("output_tokens", usage.output_tokens);
    put("reasoning_tokens", usage.reasoning_tokens);
    put("citation_tokens", usage.citation_tokens);
    put("search_queries", usage.search_queries);
    return out;
}

// Spaces requests evenly when a tool has a requests-per-minute limit; shared by its workers.
class RateLimiter {
public:
    explicit RateLimiter(double per_minute) : interval_(per_minute > 0 ? 60.0 / per_minute : 0) {}
    void wait() {
        if (interval_ <= 0) return;
        Clock::time_point slot;
        {
            std::lock_guard lock(mutex_);
            slot = std::max(Clock::now(), next_);
            next_ = slot + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(interval_));
        }
        std::this_thread::sleep_until(slot);
    }

private:
    double interval_;
    std::mutex mutex_;
    Clock::time_point next_{};
};

// Backoff before retry `attempt` (1-based): the tool's Retry-After when it gave one, else exponential
// with full jitter, capped.
double backoff_seconds(int attempt, const ToolError& error, std::mt19937& rng) {
    if (error.retry_after_s && *error.retry_after_s >= 0) return *error.retry_after_s;
    const double cap = std::min(30.0, 0.25 * std::pow(2.0, attempt - 1));
    return std::uniform_real_distribution<double>(0, cap)(rng);
}

// The batch's spend, shared by its runs, against an optional limit (--max-cost).
class SpendTracker {
public:
    explicit SpendTracker(std::optional<double> limit) : limit_(limit) {}
    void add(double usd) {
        std::lock_guard lock(mutex_);
        spent_ += usd;
    }
    double spent() const {
        std::lock_guard lock(mutex_);
        return spent_;
    }
    bool limit_reached() const {
        std::lock_guard lock(mutex_);
        return limit_ && spent_ >= *limit_;
    }
    std::optional<double> limit() const { return limit_; }

private:
    std::optional<double> limit_;
    mutable std::mutex mutex_;
    double spent_ = 0;
};

struct CaseResult {
    std::string status;
    std::string output;
    std::optional<double> confidence;
    std::vector<Citation> citations;
    Usage usage;
    std::optional<double> reported_cost_usd;
    bool cached = false;
    std::string cache_key;            // set when the answer may be cached
    nlohmann::json raw;
    std::string error;
    double latency_ms = 0;
    int attempts = 0;
    bool fatal = false;
    bool needs_restart = false;       // the instance hung or crashed: the slot must make a new one
    std::size_t case_index = 0;
};

class PairRun {
public:
    PairRun(store::Store& store, std::mutex& store_mutex, ProgressSink& progress, const suite::Suite& s,
            const PreparedTool& tool, const RunOptions& options, SpendTracker& spend, nlohmann::json pricing,
            const std::set<std::string>& already_stored = {})
        : store_(store), store_mutex_(store_mutex), progress_(progress), suite_(s), tool_(tool), spend_(spend),
          pricing_(std::move(pricing)), paid_(!(pricing_.contains("free") && pricing_["free"] == true) && !pricing_.empty()),
          limiter_(tool.config->host.requests_per_minute), stop_requested_(options.stop_requested),
          in_process_(options.in_process),
          worker_executable_(options.worker_executable.empty() ? worker::default_worker_executable()
                                                               : options.worker_executable) {
        timeout_s_ = options.timeout_s.value_or(
            tool.config->host.timeout_s.value_or(tool.info.kind == ToolKind::remote ? 1800.0 : 120.0));
        use_cache_ = options.use_cache &&
                     tool.config->host.cache.value_or(deterministic_by_default(tool.config->plugin_options));
        redacted_options_ = tool_config::redacted(*tool.config)["options"];
        total_ = std::min(options.limit.value_or(s.cases.size()), s.cases.size());
        // A resumed run does only what is not stored yet: every case exactly once, no request repeated.
        std::size_t in_shard = 0;
        for (std::size_t i = 0; i < total_; ++i) {
            if (options.shard && !options.shard->contains(i)) continue;
            ++in_shard;
            if (!already_stored.contains(s.cases[i].id)) todo_.push_back(i);
        }
        total_ = in_shard;
        workers_ = static_cast<std::size_t>(std::max(1, options.concurrency.value_or(tool.config->host.concurrency)));
        workers_ = std::max<std::size_t>(1, std::min(workers_, todo_.size()));
    }

    std::size_t cases_total() const { return total_; }

    // The first slot is made before any case runs: a tool that cannot start fails the run at once with
    // its own message instead of failing every case. Returns that message, or "". The other workers make
    // their own slots when they start, side by side, while the first is already answering: starting 64
    // worker processes one after another would cost a slow API's run seconds of its ideal wall time.
    std::string prepare() {
        if (todo_.empty()) return {};
        std::string why;
        auto slot = make_slot(why);
        if (!slot) return why;
        slots_.resize(workers_);
        slots_.front() = std::move(slot);
        return {};
    }

    // What a configured instance says it is: a plugin may only know after configure() (a vision server
    // on localhost is local, the same plugin pointed at a hosted API is remote).
    std::optional<ToolInfo> configured_info() const {
        if (slots_.empty()) return std::nullopt;
        return slots_.front()->describe();
    }

    RunOutcome execute(std::int64_t run_id, const std::string& prepare_error) {
        run_id_ = run_id;
        RunOutcome outcome;
        outcome.run_id = run_id;
        outcome.tool = tool_.config->name;
        outcome.suite = suite_.name;
        outcome.cases = total_;
        if (!prepare_error.empty()) {
            outcome.status = "failed";
            outcome.message = prepare_error;
            return outcome;
        }
        progress_.begin(tool_.config->name + " × " + suite_.name, todo_.size());
        {
            ResultWriter writer(
                store_, store_mutex_, [this](const std::vector<store::ResultRecord>& stored) { count_stored(stored); },
                [this](const std::string& message) { stop_with("cannot store results: " + message); });
            writer_ = &writer;
            std::vector<std::thread> threads;
            for (auto& slot : slots_) {
                threads.emplace_back([this, &slot] {
                    if (!slot) {
                        std::string why;
                        slot = make_slot(why);
                        if (!slot) {
                            stop_with(why);
                            return;
                        }
                    }
                    work(*slot);
                    // Each thread ends its own slot, so 64 workers shut down side by side, not in turn.
                    slot.reset();
                });
            }
            for (auto& t : threads) t.join();
            writer.flush();
            writer_ = nullptr;
        }

        outcome.ok = ok_;
        outcome.failed = failed_;
        const bool incomplete = ok_ + failed_ < todo_.size();
        const bool out_of_budget = incomplete && paid_ && spend_.limit_reached();
        outcome.status = stop_ ? "failed" : (incomplete && (interrupted() || out_of_budget)) ? "interrupted" : "finished";
        if (outcome.status == "interrupted") {
            char spent[96];
            std::snprintf(spent, sizeof spent, "$%.4f spent of the $%.4f allowed by --max-cost", spend_.spent(),
                          spend_.limit().value_or(0));
            fatal_message_ = "interrupted after " + std::to_string(ok_ + failed_) + " cases" +
                             (out_of_budget ? std::string(": ") + spent : std::string());
        }
        outcome.cost_usd = run_cost_;
        outcome.message = fatal_message_;
        progress_.end(std::to_string(ok_.load()) + " ok, " + std::to_string(failed_.load()) + " failed" +
                      (fatal_message_.empty() ? "" : " — " + fatal_message_));
        return outcome;
    }

private:
    std::unique_ptr<worker::ToolSlot> make_slot(std::string& why) {
        const worker::SlotSpec spec{tool_.plugin.entry().path, tool_.config->name, tool_.config->source,
                                    tool_.config->plugin_options};
        if (in_process_) return worker::make_in_process_slot(tool_.plugin, spec, why);
        return worker::make_isolated_slot(spec, worker_executable_, why);
    }

    bool interrupted() const { return stop_requested_ != nullptr && stop_requested_->load(); }

    void work(worker::ToolSlot& slot) {
        std::mt19937 rng(std::random_device{}());
        while (!stop_ && !interrupted() && !(paid_ && spend_.limit_reached())) {
            const std::size_t next = next_++;
            if (next >= todo_.size()) break;
            const std::size_t index = todo_[next];
            const suite::Case& c = suite_.cases[index];
            CaseResult result = run_case(slot, c, rng);
            result.case_index = index;
            if (result.needs_restart) {
                if (std::string why = slot.restart(); !why.empty()) stop_with(why);
            }
            if (result.fatal) stop_with(result.error);
            persist(c, result);
        }
    }

    CaseResult run_case(worker::ToolSlot& slot, const suite::Case& c, std::mt19937& rng) {
        CaseResult result;
        Request request;
        try {
            request = make_request(suite_, c, run_id_);
        } catch (const std::exception& e) {
            result.status = "error";
            result.error = std::string("bad_input: ") + e.what();
            return result;
        }
        if (use_cache_) {
            result.cache_key = cache_key(tool_.config->plugin, tool_.info.version, redacted_options_, request);
            std::optional<nlohmann::json> hit;
            {
                std::lock_guard lock(store_mutex_);
                hit = store_.cache_get(result.cache_key);
            }
            if (hit && from_cache(*hit, result)) return result;
        }
        const int max_attempts = 1 + std::max(0, tool_.config->host.retries);
        for (int attempt = 1; attempt <= max_attempts; ++attempt) {
            limiter_.wait();
            result.attempts = attempt;
            worker::SlotCall call = slot.call(request, timeout_s_);
            result.latency_ms = call.latency_ms;
            switch (call.end) {
                case worker::CallEnd::answered: break;
                case worker::CallEnd::threw:
                    result.status = "error";
                    result.error = "exception: the plugin threw an exception: " + call.detail;
                    return result;
                case worker::CallEnd::timed_out:
                    result.status = "timeout";
                    result.error = "timeout: no answer within " + seconds_text(timeout_s_) + " s";
                    result.needs_restart = true;
                    return result;
                case worker::CallEnd::crashed:
                    // A crash is the plugin's bug on this input: retrying would crash again. One case lost.
                    result.status = "crash";
                    result.error = "crash: the worker " + call.detail;
                    result.needs_restart = true;
                    return result;
            }
            if (auto* response = std::get_if<Response>(&*call.outcome)) {
                result.status = "ok";
                result.error.clear();
                result.output = std::move(response->text);
                result.confidence = response->confidence;
                result.citations = std::move(response->citations);
                result.usage = response->usage;
                result.reported_cost_usd = response->reported_cost_usd;
                result.raw = std::move(response->raw);
                return result;
            }
            const ToolError& error = std::get<ToolError>(*call.outcome);
            result.status = "error";
            result.error = std::string(to_string(error.kind)) + ": " + error.message;
            const bool transient = error.kind == ErrorKind::retryable || error.kind == ErrorKind::rate_limited;
            if (error.kind == ErrorKind::fatal) result.fatal = true;
            if (!transient || attempt == max_attempts) return result;
            std::this_thread::sleep_for(std::chrono::duration<double>(backoff_seconds(attempt, error, rng)));
        }
        return result;
    }

    // A cached answer, as stored by to_cache; false when the entry lacks what a result needs.
    static bool from_cache(const nlohmann::json& entry, CaseResult& result) {
        if (!entry.contains("text") || !entry["text"].is_string()) return false;
        result.status = "ok";
        result.cached = true;
        result.attempts = 0;
        result.output = entry["text"].get<std::string>();
        if (entry.contains("confidence") && entry["confidence"].is_number()) result.confidence = entry["confidence"].get<double>();
        if (entry.contains("latency_ms") && entry["latency_ms"].is_number()) result.latency_ms = entry["latency_ms"].get<double>();
        for (const auto& c : entry.value("citations", nlohmann::json::array())) {
            result.citations.push_back({c.value("url", ""), c.value("title", ""), c.value("date", ""), c.value("snippet", "")});
        }
        const nlohmann::json usage = entry.value("usage", nlohmann::json::object());
        auto read = [&](const char* key) -> std::optional<std::int64_t> {
            if (usage.contains(key) && usage[key].is_number_integer()) return usage[key].get<std::int64_t>();
            return std::nullopt;
        };
        result.usage = Usage{read("input_tokens"), read("output_tokens"), read("reasoning_tokens"),
                             read("citation_tokens"), read("search_queries")};
        if (entry.contains("reported_cost_usd") && entry["reported_cost_usd"].is_number()) {
            result.reported_cost_usd = entry["reported_cost_usd"].get<double>();
        }
        return true;
    }

    static nlohmann::json to_cache(const CaseResult& result) {
        nlohmann::json entry = {{"text", result.output},
                                {"latency_ms", result.latency_ms},
                                {"citations", citations_json(result.citations)},
                                {"usage", usage_json(result.usage)}};
        if (result.confidence) entry["confidence"] = *result.confidence;
        if (result.reported_cost_usd) entry["reported_cost_usd"] = *result.reported_cost_usd;
        return entry;
    }

    void persist(const suite::Case& c, const CaseResult& result) {
        store::ResultRecord record;
        record.run_id = run_id_;
        record.case_id = c.id;
        record.case_index = static_cast<std::int64_t>(result.case_index);
        record.tags = c.tags;
        record.expected = expected_of(c);
        record.status = result.status;
        record.output = result.output;
        record.confidence = result.confidence;
        record.citations = citations_json(result.citations);
        record.usage = usage_json(result.usage);
        if (result.reported_cost_usd) record.usage["reported_cost_usd"] = *result.reported_cost_usd;
        if (result.status == "ok") {
            record.cost_usd = case_cost_usd(pricing_, result.usage);
            if (record.cost_usd && !result.cached) {  // a cached answer is not new spend
                spend_.add(*record.cost_usd);
                std::lock_guard lock(cost_mutex_);
                run_cost_ += *record.cost_usd;
            }
        }
        record.latency_ms = result.latency_ms;
        record.attempts = result.attempts;
        record.error = result.error;
        record.cached = result.cached;
        // A tool's raw payload can be a whole report; keep it when it is small enough to be worth reading.
        if (result.raw.is_object() && result.raw.dump().size() <= 16384) record.details = result.raw;
        record.scores = result.status == "ok" ? score_case(suite_, c, result.output, sources_of(result.citations, c))
                                              : score_case(suite_, c, std::string());
        std::optional<store::CacheEntry> cache_entry;
        if (result.status == "ok" && !result.cached && !result.cache_key.empty()) {
            cache_entry = store::CacheEntry{result.cache_key, to_cache(result)};
        }
        writer_->submit(std::move(record), std::move(cache_entry));
    }

    // On the writer thread, after each commit: a case counts once it is stored.
    void count_stored(const std::vector<store::ResultRecord>& stored) {
        for (const auto& record : stored) {
            if (record.status == "ok") ++ok_;
            else ++failed_;
        }
        progress_.advance(ok_ + failed_, failed_);
    }

    void stop_with(const std::string& message) {
        std::lock_guard lock(fatal_mutex_);
        if (!stop_) fatal_message_ = message;
        stop_ = true;
    }

    store::Store& store_;
    std::mutex& store_mutex_;
    ProgressSink& progress_;
    const suite::Suite& suite_;
    const PreparedTool& tool_;
    SpendTracker& spend_;
    nlohmann::json pricing_;
    bool paid_ = false;
    std::mutex cost_mutex_;
    double run_cost_ = 0;
    RateLimiter limiter_;
    std::vector<std::unique_ptr<worker::ToolSlot>> slots_;
    ResultWriter* writer_ = nullptr;   // set while execute() runs
    std::size_t total_ = 0;            // cases in the run (after --limit)
    std::vector<std::size_t> todo_;    // indices into suite_.cases still to do
    std::size_t workers_ = 1;
    double timeout_s_ = 0;
    bool use_cache_ = false;
    nlohmann::json redacted_options_;
    std::int64_t run_id_ = 0;
    std::atomic<std::size_t> next_{0}, ok_{0}, failed_{0};
    std::atomic<bool> stop_{false};
    const std::atomic<bool>* stop_requested_ = nullptr;
    bool in_process_ = false;
    std::filesystem::path worker_executable_;
    std::mutex fatal_mutex_;
    std::string fatal_message_;
};

}  // namespace

std::string new_batch_id() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    std::mt19937 rng(std::random_device{}());
    char suffix[8];
    std::snprintf(suffix, sizeof suffix, "%06x", static_cast<unsigned>(rng() & 0xffffff));
    return std::string(stamp) + "-" + suffix;
}

Runner::Runner(store::Store& store, const plugin_host::PluginHost& plugins, const tool_config::ToolsConfig& tools,
               ProgressSink& progress)
    : store_(store), plugins_(plugins), tools_(tools), progress_(progress) {}

RunOutcome Runner::resume(const store::RunRecord& run, const suite::Suite& s, const RunOptions& options) {
    const tool_config::ToolConfig& config = tools_.get(run.tool);
    plugin_host::LoadedPlugin plugin = plugins_.load(config.plugin);
    ToolInfo info = plugin.entry().info.value_or(ToolInfo{});
    const PreparedTool tool{&config, std::move(plugin), std::move(info)};

    std::set<std::string> stored;
    // Only the ids: a resumed 100,000-case run must not read every stored answer back.
    store_.for_each_case(run.id, [&](const store::CaseRow& row) { stored.emplace(row.case_id); });
    RunOptions resumed = options;
    resumed.shard = run.shard.empty() ? std::nullopt : std::optional<Shard>(parse_shard(run.shard));
    // The same cases as the run began with: cases_total counted the shard's cases of the first `limit`.
    resumed.limit = std::nullopt;
    if (!resumed.shard) resumed.limit = static_cast<std::size_t>(run.cases_total);
    std::mutex store_mutex;
    SpendTracker spend(options.max_cost_usd);
    // The run's own prices, not today's config: one run, one price table.
    PairRun pair(store_, store_mutex, progress_, s, tool, resumed, spend, run.pricing, stored);
    const std::string prepare_error = pair.prepare();
    store_.reopen_run(run.id);
    RunOutcome outcome = pair.execute(run.id, prepare_error);
    store_.finish_run(run.id, outcome.status);
    return outcome;
}

std::vector<RunOutcome> Runner::run(const std::vector<suite::Suite>& suites, const RunOptions& options) {
    // Resolve every tool before running anything: a typo must not surface after an hour of work.
    std::vector<PreparedTool> prepared;
    for (const std::string& name : options.tools) {
        const tool_config::ToolConfig& config = tools_.get(name);
        plugin_host::LoadedPlugin plugin = plugins_.load(config.plugin);
        ToolInfo info = plugin.entry().info.value_or(ToolInfo{});
        prepared.push_back(PreparedTool{&config, std::move(plugin), std::move(info)});
    }

    const std::string batch = new_batch_id();
    std::mutex store_mutex;
    SpendTracker spend(options.max_cost_usd);
    std::vector<RunOutcome> outcomes;
    for (const suite::Suite& s : suites) {
        for (const PreparedTool& tool : prepared) {
            if (options.stop_requested && options.stop_requested->load()) break;
            if (!does_task(tool.info, s.task)) {
                RunOutcome skipped;
                skipped.tool = tool.config->name;
                skipped.suite = s.name;
                skipped.status = "skipped";
                skipped.message = "tool '" + tool.config->name + "' does " + task_list(tool.info) + ", not " +
                                  std::string(to_string(s.task));
                progress_.note("skipped " + s.name + ": " + skipped.message);
                outcomes.push_back(skipped);
                continue;
            }
            store::RunRecord record;
            record.batch = batch;
            record.status = "running";
            record.suite_name = s.name;
            record.suite_path = s.file.string();
            record.suite_hash = s.content_hash;
            record.task = std::string(to_string(s.task));
            record.tool = tool.config->name;
            record.plugin = tool.config->plugin;
            record.plugin_version = tool.info.version;
            record.tool_config = tool_config::redacted(*tool.config);
            record.evalpanel_version = options.evalpanel_version;
            record.tool_kind = std::string(to_string(tool.info.kind));
            record.pricing = tool_config::effective_pricing(*tool.config, worker::pricing_json(tool.info.pricing));
            for (const std::string& metric : s.metrics) {
                const auto params = s.metric_params.find(metric);
                record.metrics[metric] = params != s.metric_params.end() ? *params : nlohmann::json::object();
            }
            PairRun pair(store_, store_mutex, progress_, s, tool, options, spend, record.pricing);
            record.cases_total = static_cast<std::int64_t>(pair.cases_total());
            record.shard = options.shard ? options.shard->to_string() : "";
            const std::string prepare_error = pair.prepare();
            if (const auto info = pair.configured_info()) record.tool_kind = std::string(to_string(info->kind));
            std::int64_t run_id = 0;
            {
                std::lock_guard lock(store_mutex);
                run_id = store_.begin_run(record);
            }
            RunOutcome outcome = pair.execute(run_id, prepare_error);
            {
                std::lock_guard lock(store_mutex);
                store_.finish_run(run_id, outcome.status);
            }
            if (outcome.status == "failed") progress_.note("run " + std::to_string(run_id) + " failed: " + outcome.message);
            outcomes.push_back(std::move(outcome));
        }
    }
    return outcomes;
}

}  // namespace evalpanel::runner
