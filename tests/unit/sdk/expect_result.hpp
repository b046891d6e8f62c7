// Unwrapping an http::Result in a test, with the other alternative reported as a failure.
#pragma once

#include <evalpanel/http.hpp>

#include <gtest/gtest.h>

namespace evalpanel::http::testing {

inline Response expect_response(const Result& result) {
    if (const auto* error = std::get_if<TransportError>(&result)) {
        ADD_FAILURE() << "transport error " << to_string(error->kind) << ": " << error->message;
        return {};
    }
    return std::get<Response>(result);
}

inline TransportError expect_error(const Result& result) {
    if (const auto* response = std::get_if<Response>(&result)) {
        ADD_FAILURE() << "expected a transport error, got HTTP " << response->status;
        return {};
    }
    return std::get<TransportError>(result);
}

}  // namespace evalpanel::http::testing
