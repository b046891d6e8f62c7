#include "chat_response.hpp"

#include <cmath>

#include "think_strip.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

using nlohmann::json;

ToolError wrong_shape(std::string_view what, const std::string& problem) {
    return {ErrorKind::bad_input, std::string(what) + " answered JSON of the wrong shape: " + problem, std::nullopt};
}

std::string kind_of(const json& value) {
    if (value.is_null()) return "null";
    if (value.is_string()) return "a string";
    if (value.is_number()) return "a number";
    if (value.is_boolean()) return "a boolean";
    if (value.is_array()) return "a list";
    return "a map";
}

std::string string_field(const json& object, const char* key) {
    if (!object.is_object()) return "";
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::optional<std::int64_t> count(const json& usage, const char* key) {
    if (!usage.is_object()) return std::nullopt;
    const auto it = usage.find(key);
    if (it == usage.end()) return std::nullopt;
    if (it->is_number_integer()) return it->get<std::int64_t>();
    if (it->is_number_float()) {  // 12.0 from a JSON encoder that writes every number as a float
        const double value = it->get<double>();
        if (std::isfinite(value) && value == std::floor(value)) return static_cast<std::int64_t>(value);
    }
    return std::nullopt;
}

// The key two URLs share when they name the same page: no scheme, no "www.", no trailing '/'.
std::string url_key(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    if (url.rfind("www.", 0) == 0) url.remove_prefix(4);
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    return std::string(url);
}

Citation from_search_result(const json& result) {
    Citation c;
    c.url = string_field(result, "url");
    c.title = string_field(result, "title");
    c.date = string_field(result, "date");
    if (c.date.empty()) c.date = string_field(result, "last_updated");
    c.snippet = string_field(result, "snippet");
    return c;
}

const json* find_search_result(const json& results, const std::string& url) {
    if (!results.is_array()) return nullptr;
    for (const json& r : results)
        if (string_field(r, "url") == url) return &r;
    const std::string key = url_key(url);
    for (const json& r : results)
        if (r.is_object() && url_key(string_field(r, "url")) == key) return &r;
    return nullptr;
}

// message.content: a string, or a list of parts whose text parts are joined.
std::optional<std::string> read_content(const json& content) {
    if (content.is_string()) return content.get<std::string>();
    if (!content.is_array()) return std::nullopt;
    std::string text;
    for (const json& part : content)
        if (part.is_object() && string_field(part, "type") == "text") text += string_field(part, "text");
    return text;
}

// What is worth keeping of the payload besides what the Response already holds: identity, how the
// answer ended, the reasoning's size, usage exactly as reported, and each source's own dates.
json compact_raw(const json& completion, const json& choice, std::size_t think_chars, int think_blocks,
                 bool think_unclosed) {
    json raw = json::object();
    for (const char* key : {"id", "model", "object", "created"})
        if (completion.contains(key)) raw[key] = completion[key];
    raw["finish_reason"] = choice.value("finish_reason", json());
    raw["think_chars"] = think_chars;
    raw["think_blocks"] = think_blocks;
    if (think_unclosed) raw["think_unclosed"] = true;
    if (completion.contains("usage")) raw["usage"] = completion["usage"];
    if (completion.contains("search_results") && completion["search_results"].is_array()) {
        json sources = json::array();
        for (const json& r : completion["search_results"]) {
            if (!r.is_object()) continue;
            json source = {{"url", string_field(r, "url")}};
            for (const char* key : {"date", "last_updated", "source"})
                if (r.contains(key) && !r[key].is_null()) source[key] = r[key];
            sources.push_back(std::move(source));
        }
        raw["search_results"] = std::move(sources);
    }
    return raw;
}

}  // namespace

std::vector<Citation> read_citations(const json& completion) {
    std::vector<Citation> out;
    const json results = completion.value("search_results", json());
    const json citations = completion.value("citations", json());
    if (citations.is_array() && !citations.empty()) {
        for (const json& url : citations) {
            // Keep the position even for an odd entry: markers count by position ([n] = n-th entry).
            Citation c;
            if (url.is_string()) c.url = url.get<std::string>();
            else if (url.is_object()) c.url = string_field(url, "url");
            if (const json* match = find_search_result(results, c.url)) {
                const Citation found = from_search_result(*match);
                c.title = found.title;
                c.date = found.date;
                c.snippet = found.snippet;
            }
            out.push_back(std::move(c));
        }
        return out;
    }
    if (results.is_array())
        for (const json& r : results)
            if (r.is_object()) out.push_back(from_search_result(r));
    return out;
}

Usage read_usage(const json& usage) {
    Usage u;
    u.input_tokens = count(usage, "prompt_tokens");
    u.output_tokens = count(usage, "completion_tokens");
    u.reasoning_tokens = count(usage, "reasoning_tokens");
    u.citation_tokens = count(usage, "citation_tokens");
    u.search_queries = count(usage, "num_search_queries");
    return u;
}

std::optional<double> read_reported_cost(const json& usage) {
    if (!usage.is_object() || !usage.contains("cost") || !usage["cost"].is_object()) return std::nullopt;
    const json& total = usage["cost"].value("total_cost", json());
    if (!total.is_number()) return std::nullopt;
    return total.get<double>();
}

std::variant<Response, ToolError> parse_completion(const json& completion, std::string_view what) {
    if (!completion.is_object()) return wrong_shape(what, "expected a chat completion object, got " + kind_of(completion));
    if (!completion.contains("choices"))
        return wrong_shape(what, "no `choices` (keys: " + [&] {
            std::string keys;
            for (const auto& [key, value] : completion.items()) keys += (keys.empty() ? "" : ", ") + key;
            return keys.empty() ? std::string("none") : keys;
        }() + ")");
    const json& choices = completion["choices"];
    if (!choices.is_array() || choices.empty())
        return wrong_shape(what, "`choices` must be a non-empty list, got " +
                                     (choices.is_array() ? std::string("an empty list") : kind_of(choices)));
    const json& choice = choices.front();
    if (!choice.is_object() || !choice.contains("message") || !choice["message"].is_object())
        return wrong_shape(what, "`choices[0].message` is missing");
    const json& message = choice["message"];
    if (!message.contains("content")) return wrong_shape(what, "`choices[0].message.content` is missing");
    const std::optional<std::string> content = read_content(message["content"]);
    if (!content)
        return wrong_shape(what, "`choices[0].message.content` must be text, got " + kind_of(message["content"]));

    StrippedAnswer stripped = strip_think(*content);
    Response response;
    response.text = std::move(stripped.answer);
    response.citations = read_citations(completion);
    const json usage = completion.value("usage", json());
    response.usage = read_usage(usage);
    response.reported_cost_usd = read_reported_cost(usage);
    response.raw = compact_raw(completion, choice, stripped.think_chars, stripped.think_blocks, stripped.think_unclosed);
    return response;
}

std::variant<Response, ToolError> parse_completion_body(std::string_view body, std::string_view what) {
    const json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded()) {
        const std::string kind = body.empty() ? "an empty body" : "a body that is not JSON";
        return ToolError{ErrorKind::retryable,
                         std::string(what) + " answered " + kind + " (" + std::to_string(body.size()) +
                             " bytes, cut short or from a proxy)",
                         std::nullopt};
    }
    return parse_completion(parsed, what);
}

}  // namespace evalpanel::plugins::perplexity
