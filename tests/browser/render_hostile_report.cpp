// Writes the hostile sample report (tests/unit/report/report_sample.hpp) as HTML, JSON and JUnit XML into a
// folder, for the browser check (check_report_page.sh) and for a person to open.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "report/html.hpp"
#include "report/json_report.hpp"
#include "report/junit.hpp"
#include "report_sample.hpp"

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary);
    file << text;
    if (!file) throw std::runtime_error(path.string() + ": cannot write");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: render_hostile_report OUT_DIR\n";
        return 2;
    }
    using namespace evalpanel::report;
    try {
        const std::filesystem::path dir(argv[1]);
        std::filesystem::create_directories(dir);
        const ReportData data = sample::hostile_report();
        write(dir / "report.html", render_html(data));
        write(dir / "report.json", render_json(data));
        write(dir / "report.xml", render_junit(data, {parse_pass_rule("cer<=0.2")}));
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
