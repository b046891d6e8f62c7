// Any text given as a suite loads, or is refused with SuiteError diagnostics that name the file and say
// what is wrong. Any other exception, a crash, a hang or a sanitizer report is a bug.
#include <cstdint>
#include <filesystem>
#include <string>

#include "fuzz_check.hpp"
#include "suite/suite.hpp"

namespace {

// Image paths in the input resolve against this folder; it must exist and stays empty.
const std::filesystem::path& suite_file() {
    static const std::filesystem::path file = [] {
        const std::filesystem::path dir = std::filesystem::temp_directory_path() / "evalpanel_fuzz_suite_loader";
        std::filesystem::create_directories(dir);
        return dir / "suite.yaml";
    }();
    return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const evalpanel::suite::Suite suite = evalpanel::suite::load_suite_text(text, suite_file());
        FUZZ_CHECK(!suite.name.empty(), "a suite that loaded has a name");
        FUZZ_CHECK(!suite.metrics.empty(), "a suite that loaded has metrics");
    } catch (const evalpanel::suite::SuiteError& error) {
        FUZZ_CHECK(!error.diagnostics().empty(), "a SuiteError holds at least one diagnostic");
        for (const evalpanel::suite::Diagnostic& diagnostic : error.diagnostics()) {
            FUZZ_CHECK(diagnostic.file == suite_file().string(), "a diagnostic names the suite file");
            FUZZ_CHECK(!diagnostic.message.empty(), "a diagnostic says what is wrong");
            FUZZ_CHECK(diagnostic.line >= 0 && diagnostic.column >= 0, "a diagnostic's position is not negative");
        }
    }
    return 0;
}
