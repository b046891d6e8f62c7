// The command line (DESIGN.md "Command line"). Exit codes: 0 ok, 1 a run or verdict failed,
// 2 usage or input error.
#pragma once

namespace evalpanel::cli {

int main(int argc, char** argv);

}  // namespace evalpanel::cli
