#include "worker/worker_messages.hpp"

#include <gtest/gtest.h>

namespace evalpanel::worker {
namespace {

Request full_request() {
    Request request;
    request.case_id = "receipt-001";
    request.task = Task::vqa;
    request.prompt = "Transcribe.";
    request.question = "What is the total?";
    request.query = "unused here";
    request.image = {0x89, 'P', 'N', 'G', 0x00, 0xFF, 0x0A};
    request.image_name = "assets/receipt-001.png";
    request.options = {{"temperature", 0.5}, {"nested", {{"list", {1, 2, 3}}}}};
    return request;
}

Response full_response() {
    Response response;
    response.text = "TOTAL $12.50";
    response.confidence = 87.25;
    response.citations = {{"https://a.example/x", "A", "2024-05-01", "snippet a"}, {"https://b.example", "", "", ""}};
    response.usage = Usage{10, 20, 30, 40, 5};
    response.reported_cost_usd = 0.0123456789;
    response.raw = {{"id", "resp-1"}, {"choices", nlohmann::json::array({{{"index", 0}}})}};
    return response;
}

TEST(WorkerMessages, RequestRoundTripsEveryField) {
    const Request sent = full_request();
    Frame frame{MessageKind::call, encode_request_header(sent), sent.image};
    const Request got = decode_request(std::move(frame));
    EXPECT_EQ(got.case_id, sent.case_id);
    EXPECT_EQ(got.task, sent.task);
    EXPECT_EQ(got.prompt, sent.prompt);
    EXPECT_EQ(got.question, sent.question);
    EXPECT_EQ(got.query, sent.query);
    EXPECT_EQ(got.image, sent.image);
    EXPECT_EQ(got.image_name, sent.image_name);
    EXPECT_EQ(got.options, sent.options);
}

TEST(WorkerMessages, ResponseRoundTripsEveryField) {
    const Response sent = full_response();
    const Outcome outcome = decode_outcome(encode_outcome(sent));
    ASSERT_TRUE(std::holds_alternative<Response>(outcome));
    const Response& got = std::get<Response>(outcome);
    EXPECT_EQ(got.text, sent.text);
    EXPECT_EQ(got.confidence, sent.confidence);
    ASSERT_EQ(got.citations.size(), 2u);
    EXPECT_EQ(got.citations[0].url, "https://a.example/x");
    EXPECT_EQ(got.citations[0].title, "A");
    EXPECT_EQ(got.citations[0].date, "2024-05-01");
    EXPECT_EQ(got.citations[0].snippet, "snippet a");
    EXPECT_EQ(got.citations[1].url, "https://b.example");
    EXPECT_EQ(got.usage.input_tokens, 10);
    EXPECT_EQ(got.usage.output_tokens, 20);
    EXPECT_EQ(got.usage.reasoning_tokens, 30);
    EXPECT_EQ(got.usage.citation_tokens, 40);
    EXPECT_EQ(got.usage.search_queries, 5);
    EXPECT_EQ(got.reported_cost_usd, sent.reported_cost_usd);  // exactly: CBOR carries the double's bits
    EXPECT_EQ(got.raw, sent.raw);
}

TEST(WorkerMessages, AbsentOptionalsStayAbsent) {
    Response sent;
    sent.text = "";
    const Response got = std::get<Response>(decode_outcome(encode_outcome(sent)));
    EXPECT_FALSE(got.confidence);
    EXPECT_FALSE(got.reported_cost_usd);
    EXPECT_FALSE(got.usage.input_tokens);
    EXPECT_FALSE(got.usage.search_queries);
    EXPECT_TRUE(got.citations.empty());
    EXPECT_TRUE(got.raw.is_null());
}

TEST(WorkerMessages, TextThatIsNotUtf8CrossesUnchanged) {
    Response sent;
    sent.text = std::string("\x89PNG\r\n\x1a\n\xff\xfe\x00z", 13);
    const Response got = std::get<Response>(decode_outcome(encode_outcome(sent)));
    EXPECT_EQ(got.text, sent.text);
}

TEST(WorkerMessages, ToolErrorRoundTripsEveryKind) {
    for (ErrorKind kind : {ErrorKind::retryable, ErrorKind::rate_limited, ErrorKind::bad_input, ErrorKind::fatal}) {
        const ToolError sent{kind, "why " + std::string(to_string(kind)), kind == ErrorKind::rate_limited ? std::optional(12.5) : std::nullopt};
        const Outcome outcome = decode_outcome(encode_outcome(sent));
        ASSERT_TRUE(std::holds_alternative<ToolError>(outcome));
        const ToolError& got = std::get<ToolError>(outcome);
        EXPECT_EQ(got.kind, sent.kind);
        EXPECT_EQ(got.message, sent.message);
        EXPECT_EQ(got.retry_after_s, sent.retry_after_s);
    }
}

TEST(WorkerMessages, ToolInfoRoundTripsEveryField) {
    ToolInfo sent;
    sent.name = "perplexity";
    sent.version = "1.2.3";
    sent.kind = ToolKind::remote;
    sent.tasks = {Task::research, Task::vqa, Task::ocr};
    sent.pricing = Pricing{false, 2, 8, 3, 1, 0.005, 5};
    sent.description = "deep research";
    const ToolInfo got = decode_tool_info(encode_tool_info(sent));
    EXPECT_EQ(got.name, sent.name);
    EXPECT_EQ(got.version, sent.version);
    EXPECT_EQ(got.kind, ToolKind::remote);
    EXPECT_EQ(got.tasks, sent.tasks);
    EXPECT_FALSE(got.pricing.free);
    EXPECT_EQ(got.pricing.input_per_mtok, 2);
    EXPECT_EQ(got.pricing.output_per_mtok, 8);
    EXPECT_EQ(got.pricing.reasoning_per_mtok, 3);
    EXPECT_EQ(got.pricing.citation_per_mtok, 1);
    EXPECT_EQ(got.pricing.per_request, 0.005);
    EXPECT_EQ(got.pricing.per_1k_searches, 5);
    EXPECT_EQ(got.description, sent.description);
}

TEST(WorkerMessages, HelloAndConfigureResultRoundTrip) {
    const WorkerHello hello = decode_hello(encode_hello({"echo", "1.0.0"}));
    EXPECT_EQ(hello.plugin_name, "echo");
    EXPECT_EQ(hello.plugin_version, "1.0.0");

    EXPECT_TRUE(decode_configure_result(encode_configure_result({})).ok());
    const ConfigureResult rejected =
        decode_configure_result(encode_configure_result({ToolError{ErrorKind::fatal, "unknown option 'x'", {}}, {}}));
    ASSERT_TRUE(rejected.rejection);
    EXPECT_EQ(rejected.rejection->message, "unknown option 'x'");
    const ConfigureResult failed = decode_configure_result(encode_configure_result({std::nullopt, "model file missing"}));
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(failed.failure, "model file missing");
}

void expect_protocol_error(const std::function<void()>& decode, const std::string& fragment) {
    try {
        decode();
        ADD_FAILURE() << "no ProtocolError; expected one containing: " << fragment;
    } catch (const ProtocolError& e) {
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
}

TEST(WorkerMessages, MalformedHeadersAreProtocolErrors) {
    expect_protocol_error([] { decode_outcome("not cbor at all \xff"); }, "answer message is not valid CBOR");
    expect_protocol_error([] { decode_outcome(encode_header({{"response", {{"text", 3}}}})); }, "answer message is malformed");
    expect_protocol_error([] { decode_outcome(encode_header({{"error", {{"kind", "odd"}, {"message", ""}}}})); },
                          "unknown error kind 'odd'");
    expect_protocol_error([] { decode_tool_info(encode_header({{"name", "x"}})); }, "described message is malformed");
    expect_protocol_error([] { decode_hello(encode_header(nlohmann::json::array())); }, "hello message is malformed");
    Request request = full_request();
    nlohmann::json header = nlohmann::json::from_cbor(encode_request_header(request));
    header["task"] = "paint";
    expect_protocol_error([&] { decode_request(Frame{MessageKind::call, encode_header(header), {}}); }, "unknown task 'paint'");
}

}  // namespace
}  // namespace evalpanel::worker
