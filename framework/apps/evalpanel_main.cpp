#include "cli/cli.hpp"

int main(int argc, char** argv) { return evalpanel::cli::main(argc, argv); }
