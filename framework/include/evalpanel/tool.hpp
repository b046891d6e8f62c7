// The public SDK: what crosses the plugin boundary.
//
// A plugin implements evalpanel::Tool and exports it with EVALPANEL_PLUGIN (plugin.hpp). Everything a
// Tool returns is a value: a Response or a ToolError. Exceptions never cross the boundary; the export
// macro catches what the factory throws, and the host treats anything thrown by call() as a fatal error
// of that one case.
//
// Threading: the host creates one Tool instance per worker and never calls one instance from two
// threads at once, so a Tool may hold an engine that is not thread-safe (Tesseract's is not).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace evalpanel {

// What a suite asks of a tool. A Tool lists the tasks it can do in ToolInfo::tasks.
enum class Task { ocr, vqa, research };

std::string_view to_string(Task task);
std::optional<Task> task_from_string(std::string_view name);

// One case, as the tool sees it. Images arrive encoded (PNG, JPEG, ... as stored in the suite or as
// generated), never decoded: the plugin decodes with what its engine wants.
struct Request {
    std::string case_id;
    Task task = Task::ocr;
    std::string prompt;                  // suite prompt; OCR engines ignore it
    std::string question;                // vqa
    std::string query;                   // research
    std::vector<std::uint8_t> image;     // encoded image bytes; empty when the case has no image
    std::string image_name;              // file name or "generated:<case>", for messages only
    nlohmann::json options = nlohmann::json::object();  // per-suite / per-case options for the tool
};

struct Citation {
    std::string url;
    std::string title;
    std::string date;
    std::string snippet;
};

// Token and search counts as the tool reported them; absent when it did not say.
struct Usage {
    std::optional<std::int64_t> input_tokens;
    std::optional<std::int64_t> output_tokens;
    std::optional<std::int64_t> reasoning_tokens;
    std::optional<std::int64_t> citation_tokens;
    std::optional<std::int64_t> search_queries;
};

struct Response {
    std::string text;
    std::optional<double> confidence;    // 0..100 where the engine reports one (Tesseract: mean word conf)
    std::vector<Citation> citations;
    Usage usage;
    std::optional<double> reported_cost_usd;  // what the API said it cost, if it did
    nlohmann::json raw;                  // the raw payload, or engine details worth keeping
};

enum class ErrorKind {
    retryable,     // transient: the host may try again
    rate_limited,  // transient, and the tool said when to come back (retry_after_s)
    bad_input,     // this case's input is unusable: do not retry, the other cases go on
    fatal,         // the tool cannot work at all (bad key, missing model): do not retry
};

std::string_view to_string(ErrorKind kind);

struct ToolError {
    ErrorKind kind = ErrorKind::fatal;
    std::string message;
    std::optional<double> retry_after_s;
};

// The result of one call: exactly one of Response or ToolError.
using Outcome = std::variant<Response, ToolError>;

enum class ToolKind { local, remote };
std::string_view to_string(ToolKind kind);

// Prices in US dollars. A free tool has every price at zero and free = true.
struct Pricing {
    bool free = true;
    double input_per_mtok = 0;
    double output_per_mtok = 0;
    double reasoning_per_mtok = 0;
    double citation_per_mtok = 0;
    double per_request = 0;
    double per_1k_searches = 0;
};

struct ToolInfo {
    std::string name;       // the plugin's name, e.g. "tesseract_ocr"
    std::string version;    // the plugin's version, and the engine's where it has one
    ToolKind kind = ToolKind::local;
    std::vector<Task> tasks;
    Pricing pricing;
    std::string description;
};

class Tool {
public:
    virtual ~Tool() = default;

    // Cheap and side-effect free: the host calls it before configure() to list plugins.
    virtual ToolInfo describe() const = 0;

    // Called once per instance, before any call(), with the tools-config keys the host does not own.
    // Reject a key you do not know, naming it. Expensive set-up (loading a model) belongs here.
    virtual std::optional<ToolError> configure(const nlohmann::json& options) = 0;

    // One case. Must not throw.
    virtual Outcome call(const Request& request) = 0;
};

}  // namespace evalpanel
