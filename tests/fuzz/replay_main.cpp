// main() for a fuzz target built without libFuzzer (gcc, the normal test build): runs the target once
// on every file named or found in the folders named, so the corpus and every input a fuzzer ever crashed
// on stay a test. A crash, a sanitizer report or an uncaught exception fails it, as under libFuzzer.
//   fuzz_<target>_replay DIR_OR_FILE...
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

// The inputs of one argument: the file itself, or the regular files directly in the folder, sorted so a
// failure names the same input every time. Dot files (.gitkeep) are not inputs.
std::vector<fs::path> inputs_of(const fs::path& argument) {
    if (!fs::is_directory(argument)) return {argument};
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(argument)) {
        if (entry.is_regular_file() && !entry.path().filename().string().starts_with(".")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        if (!fs::exists(argv[i])) {
            std::fprintf(stderr, "%s: no such file or folder\n", argv[i]);
            return 2;
        }
        for (const fs::path& input : inputs_of(argv[i])) {
            std::ifstream stream(input, std::ios::binary);
            const std::vector<char> bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
            std::fprintf(stderr, "replaying %s\n", input.c_str());  // names the input a crash happened on
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            ++replayed;
        }
    }
    if (replayed == 0) {
        std::fprintf(stderr, "no inputs: name corpus folders or files\n");
        return 2;
    }
    std::printf("replayed %zu inputs, no failure\n", replayed);
    return 0;
}
