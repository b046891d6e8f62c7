// Server-sent events (WHATWG HTML, "Interpreting an event stream"), fed in whatever chunks the network
// delivers: a line, and even its "\r\n", may be split between two chunks.
#include <evalpanel/http.hpp>

namespace evalpanel::http {
namespace {

using EventSink = std::function<void(const std::string& event, const std::string& data)>;

// The parser's event state; the buffers live in SseParser (the header fixes its members).
struct EventState {
    std::string& event;
    std::string& data;  // every data line followed by '\n', as the spec builds it
    bool& has_data;

    void dispatch(const EventSink& on_event) {
        if (has_data) {
            data.pop_back();  // the '\n' after the last data line
            on_event(event.empty() ? std::string("message") : event, data);
        }
        event.clear();
        data.clear();
        has_data = false;
    }

    void process_line(std::string_view line, const EventSink& on_event) {
        if (line.empty()) return dispatch(on_event);
        if (line.front() == ':') return;  // a comment (keep-alive pings look like this)
        const std::size_t colon = line.find(':');
        const std::string_view field = line.substr(0, colon);
        std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
        if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        if (field == "event") {
            event.assign(value);
        } else if (field == "data") {
            data.append(value);
            data.push_back('\n');
            has_data = true;
        }
        // "id" and "retry" only matter to a reconnecting EventSource; other fields are ignored by the spec.
    }
};

// A line that ended in '\r' as the last byte of a chunk may be the first half of "\r\n". Complete lines
// are processed at once, so buffer_ otherwise holds only a partial line, which never contains '\r';
// a buffer_ of exactly "\r" therefore unambiguously means "skip one '\n' if the next chunk starts with it".
constexpr char kPendingCr = '\r';

}  // namespace

void SseParser::feed(std::string_view chunk, const EventSink& on_event) {
    if (chunk.empty()) return;
    EventState state{event_, data_, has_data_};
    std::size_t pos = 0;
    if (!buffer_.empty() && buffer_.front() == kPendingCr) {
        buffer_.clear();
        if (chunk.front() == '\n') pos = 1;
    }
    while (pos < chunk.size()) {
        std::size_t end = chunk.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) {
            buffer_.append(chunk.substr(pos));
            return;
        }
        if (buffer_.empty()) {
            state.process_line(chunk.substr(pos, end - pos), on_event);
        } else {
            buffer_.append(chunk.substr(pos, end - pos));
            state.process_line(buffer_, on_event);
            buffer_.clear();
        }
        if (chunk[end] == '\r') {
            if (end + 1 == chunk.size()) {
                buffer_.assign(1, kPendingCr);
                return;
            }
            if (chunk[end + 1] == '\n') ++end;
        }
        pos = end + 1;
    }
}

// The spec drops an unterminated event at the end of the stream; servers that close right after their
// last "data:" line are common enough that the contract delivers it instead.
void SseParser::finish(const EventSink& on_event) {
    EventState state{event_, data_, has_data_};
    if (!buffer_.empty() && buffer_.front() != kPendingCr) state.process_line(buffer_, on_event);
    buffer_.clear();
    state.dispatch(on_event);
}

}  // namespace evalpanel::http
