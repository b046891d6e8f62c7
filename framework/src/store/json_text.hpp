// JSON columns as the write path stores them: valid UTF-8 JSON text.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace evalpanel::store {

// A model may emit a stray invalid byte into a citation title; that byte becomes U+FFFD rather than
// costing the case. The common shapes (empty list or object, a plain ASCII string) are written without
// the serializer, which otherwise is a good part of the cost of storing a result.
std::string to_json_text(const nlohmann::json& value);
// The same for a list of strings (a case's tags), without building a JSON value first.
std::string to_json_text(const std::vector<std::string>& strings);

}  // namespace evalpanel::store
