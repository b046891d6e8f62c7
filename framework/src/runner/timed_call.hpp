// Calls a Tool with a deadline. In process, a call that hangs cannot be interrupted: it is abandoned
// on its own thread (which keeps the Tool, and so its library, alive) and the caller gets a timeout.
// The abandoned Tool must not be used again; the runner makes a fresh one. Isolated worker processes
// (a later step) replace this with a kill.
#pragma once

#include <chrono>
#include <memory>
#include <optional>

#include <evalpanel/tool.hpp>

namespace evalpanel::runner {

struct TimedOutcome {
    std::optional<Outcome> outcome;  // nullopt = timed out, or the Tool threw (see `exception`)
    std::string exception;           // what the Tool threw, when it broke the no-throw contract
    double latency_ms = 0;
};

// Never throws: an exception thrown by the Tool is reported in TimedOutcome::exception. It costs that one
// case (a plugin bug on that input), not the run.
TimedOutcome call_with_deadline(const std::shared_ptr<Tool>& tool, const Request& request, double timeout_s);

// Whether any call has been abandoned in this process (the process must then leave with _exit, since a
// hung plugin thread may still be running inside unloaded code at static destruction).
bool any_call_abandoned();

}  // namespace evalpanel::runner
