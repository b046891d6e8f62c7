#include "worker/worker_messages.hpp"

#include <utility>

namespace evalpanel::worker {

using nlohmann::json;

namespace {

template <class T>
void put_optional(json& object, const char* key, const std::optional<T>& value) {
    if (value) object[key] = *value;  // absent means "not said": smaller frames than explicit nulls
}

template <class T>
std::optional<T> get_optional(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    return it->get<T>();
}

// Runs a decoder, turning what nlohmann throws on a wrong shape (missing key, wrong type) into one
// sentence naming the message.
template <class Decode>
auto decoding(std::string_view what, Decode decode) {
    try {
        return decode();
    } catch (const json::exception& e) {
        throw ProtocolError("the worker protocol's " + std::string(what) + " message is malformed: " + e.what());
    }
}

Task task_named(const std::string& name) {
    if (auto task = task_from_string(name)) return *task;
    throw ProtocolError("the worker protocol names an unknown task '" + name + "'");
}

ErrorKind error_kind_named(const std::string& name) {
    for (ErrorKind kind : {ErrorKind::retryable, ErrorKind::rate_limited, ErrorKind::bad_input, ErrorKind::fatal}) {
        if (to_string(kind) == name) return kind;
    }
    throw ProtocolError("the worker protocol names an unknown error kind '" + name + "'");
}

json tool_error_json(const ToolError& error) {
    json out = {{"kind", to_string(error.kind)}, {"message", error.message}};
    put_optional(out, "retry_after_s", error.retry_after_s);
    return out;
}

ToolError tool_error_from(const json& in) {
    return ToolError{error_kind_named(in.at("kind").get<std::string>()), in.at("message").get<std::string>(),
                     get_optional<double>(in, "retry_after_s")};
}

json usage_json(const Usage& usage) {
    json out = json::object();
    put_optional(out, "input_tokens", usage.input_tokens);
    put_optional(out, "output_tokens", usage.output_tokens);
    put_optional(out, "reasoning_tokens", usage.reasoning_tokens);
    put_optional(out, "citation_tokens", usage.citation_tokens);
    put_optional(out, "search_queries", usage.search_queries);
    return out;
}

Usage usage_from(const json& in) {
    return Usage{get_optional<std::int64_t>(in, "input_tokens"), get_optional<std::int64_t>(in, "output_tokens"),
                 get_optional<std::int64_t>(in, "reasoning_tokens"), get_optional<std::int64_t>(in, "citation_tokens"),
                 get_optional<std::int64_t>(in, "search_queries")};
}

json response_json(const Response& response) {
    json citations = json::array();
    for (const Citation& c : response.citations) {
        citations.push_back({{"url", c.url}, {"title", c.title}, {"date", c.date}, {"snippet", c.snippet}});
    }
    json out = {{"text", response.text}, {"citations", std::move(citations)}, {"usage", usage_json(response.usage)},
                {"raw", response.raw}};
    put_optional(out, "confidence", response.confidence);
    put_optional(out, "reported_cost_usd", response.reported_cost_usd);
    return out;
}

Response response_from(const json& in) {
    Response response;
    response.text = in.at("text").get<std::string>();
    response.confidence = get_optional<double>(in, "confidence");
    for (const json& c : in.at("citations")) {
        response.citations.push_back(Citation{c.at("url").get<std::string>(), c.at("title").get<std::string>(),
                                              c.at("date").get<std::string>(), c.at("snippet").get<std::string>()});
    }
    response.usage = usage_from(in.at("usage"));
    response.reported_cost_usd = get_optional<double>(in, "reported_cost_usd");
    response.raw = in.at("raw");
    return response;
}

Pricing pricing_from(const json& in) {
    Pricing p;
    p.free = in.at("free").get<bool>();
    p.input_per_mtok = in.at("input_per_mtok").get<double>();
    p.output_per_mtok = in.at("output_per_mtok").get<double>();
    p.reasoning_per_mtok = in.at("reasoning_per_mtok").get<double>();
    p.citation_per_mtok = in.at("citation_per_mtok").get<double>();
    p.per_request = in.at("per_request").get<double>();
    p.per_1k_searches = in.at("per_1k_searches").get<double>();
    return p;
}

}  // namespace

nlohmann::json pricing_json(const Pricing& p) {
    return nlohmann::json{{"free", p.free},
            {"input_per_mtok", p.input_per_mtok},
            {"output_per_mtok", p.output_per_mtok},
            {"reasoning_per_mtok", p.reasoning_per_mtok},
            {"citation_per_mtok", p.citation_per_mtok},
            {"per_request", p.per_request},
            {"per_1k_searches", p.per_1k_searches}};
}

std::string encode_header(const json& value) {
    std::string out;
    json::to_cbor(value, out);
    return out;
}

json decode_header(std::string_view header, std::string_view what) {
    json value = json::from_cbor(header, /*strict=*/true, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
        throw ProtocolError("the worker protocol's " + std::string(what) + " message is not valid CBOR");
    }
    return value;
}

std::string encode_request_header(const Request& request) {
    return encode_header({{"case_id", request.case_id},
                          {"task", to_string(request.task)},
                          {"prompt", request.prompt},
                          {"question", request.question},
                          {"query", request.query},
                          {"image_name", request.image_name},
                          {"options", request.options}});
}

Request decode_request(Frame&& frame) {
    const json in = decode_header(frame.header, "call");
    return decoding("call", [&] {
        Request request;
        request.case_id = in.at("case_id").get<std::string>();
        request.task = task_named(in.at("task").get<std::string>());
        request.prompt = in.at("prompt").get<std::string>();
        request.question = in.at("question").get<std::string>();
        request.query = in.at("query").get<std::string>();
        request.image_name = in.at("image_name").get<std::string>();
        request.options = in.at("options");
        request.image = std::move(frame.binary);
        return request;
    });
}

std::string encode_outcome(const Outcome& outcome) {
    if (const auto* response = std::get_if<Response>(&outcome)) return encode_header({{"response", response_json(*response)}});
    return encode_header({{"error", tool_error_json(std::get<ToolError>(outcome))}});
}

Outcome decode_outcome(std::string_view header) {
    const json in = decode_header(header, "answer");
    return decoding("answer", [&]() -> Outcome {
        if (in.contains("response")) return response_from(in.at("response"));
        return tool_error_from(in.at("error"));
    });
}

std::string encode_tool_info(const ToolInfo& info) {
    json tasks = json::array();
    for (Task task : info.tasks) tasks.push_back(to_string(task));
    return encode_header({{"name", info.name},
                          {"version", info.version},
                          {"kind", to_string(info.kind)},
                          {"tasks", std::move(tasks)},
                          {"pricing", pricing_json(info.pricing)},
                          {"description", info.description}});
}

ToolInfo decode_tool_info(std::string_view header) {
    const json in = decode_header(header, "described");
    return decoding("described", [&] {
        ToolInfo info;
        info.name = in.at("name").get<std::string>();
        info.version = in.at("version").get<std::string>();
        const std::string kind = in.at("kind").get<std::string>();
        if (kind != to_string(ToolKind::local) && kind != to_string(ToolKind::remote)) {
            throw ProtocolError("the worker protocol names an unknown tool kind '" + kind + "'");
        }
        info.kind = kind == to_string(ToolKind::local) ? ToolKind::local : ToolKind::remote;
        for (const json& task : in.at("tasks")) info.tasks.push_back(task_named(task.get<std::string>()));
        info.pricing = pricing_from(in.at("pricing"));
        info.description = in.at("description").get<std::string>();
        return info;
    });
}

std::string encode_hello(const WorkerHello& hello) {
    return encode_header({{"name", hello.plugin_name}, {"version", hello.plugin_version}});
}

WorkerHello decode_hello(std::string_view header) {
    const json in = decode_header(header, "hello");
    return decoding("hello", [&] {
        return WorkerHello{in.at("name").get<std::string>(), in.at("version").get<std::string>()};
    });
}

std::string encode_configure_result(const ConfigureResult& result) {
    json out = json::object();
    if (result.rejection) out["rejection"] = tool_error_json(*result.rejection);
    if (!result.failure.empty()) out["failure"] = result.failure;
    return encode_header(out);
}

ConfigureResult decode_configure_result(std::string_view header) {
    const json in = decode_header(header, "configured");
    return decoding("configured", [&] {
        ConfigureResult result;
        if (in.contains("rejection")) result.rejection = tool_error_from(in.at("rejection"));
        result.failure = in.value("failure", std::string());
        return result;
    });
}

}  // namespace evalpanel::worker
