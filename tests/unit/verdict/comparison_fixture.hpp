// A hand-built comparison shared by the verdict tests (every number chosen so the expected figures can be
// worked out by hand; comparison_fixture.cpp shows the sums).
#pragma once

#include <string>
#include <vector>

#include "verdict/verdict.hpp"

namespace evalpanel::verdict::testing {

// alpha: local, free, two OCR runs (ids 1 and 2), run 1 has a previous run, votes 3 up / 1 down, no cases given.
// beta: remote, paid, one OCR run (id 3) with its ten cases (latency 1000..10000 ms, cost 0.01 or 0.03).
ComparisonInput two_tool_comparison();

// One Tesseract-like run (id 7): local, free, OCR, latency in its summary, no previous run, no votes.
ComparisonInput single_tool_comparison();

// The numbers written in `text`: runs of digits (with , and .) not glued to a word ("p95" is not one).
std::vector<std::string> numbers_in(const std::string& text);

}  // namespace evalpanel::verdict::testing
