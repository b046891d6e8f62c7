#include "report/markdown.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

namespace evalpanel::report {

namespace {

// Markdown table cells: a pipe or a newline in a name would break the table.
std::string cell(std::string text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

std::string ms(const std::optional<double>& value) {
    if (!value) return "—";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", *value);
    return buffer;
}

std::vector<std::string> metric_columns(const std::vector<RunSummary>& runs) {
    std::vector<std::string> columns;
    for (const auto& run : runs) {
        for (const auto& m : run.metrics) {
            if (std::find(columns.begin(), columns.end(), m.metric) == columns.end()) columns.push_back(m.metric);
        }
    }
    return columns;
}

const MetricSummary* find(const std::vector<MetricSummary>& metrics, const std::string& id) {
    for (const auto& m : metrics) {
        if (m.metric == id) return &m;
    }
    return nullptr;
}

// "0.0993 [0.051, 0.150] (2 n/a)": the mean, its 95% interval when asked for, the undefined count.
std::string metric_cell(const std::vector<MetricSummary>& metrics, const std::string& id, bool with_interval) {
    const MetricSummary* m = find(metrics, id);
    if (!m) return "—";
    std::string text = format_value(m->mean);
    if (with_interval && m->ci95) text += " [" + format_value(m->ci95->low, 3) + ", " + format_value(m->ci95->high, 3) + "]";
    if (m->undefined) text += " (" + std::to_string(m->undefined) + " n/a)";
    return text;
}

}  // namespace

std::string format_value(const std::optional<double>& value, int decimals) {
    if (!value) return "—";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *value);
    return buffer;
}

std::string render_markdown(const std::vector<RunSummary>& runs) {
    std::ostringstream md;
    md << "# evalpanel report\n\n";
    if (runs.empty()) {
        md << "No runs.\n";
        return md.str();
    }
    const std::vector<std::string> columns = metric_columns(runs);
    md << "## Results per tool and suite\n\n";
    md << "| run | tool | suite | cases | ok | errors | timeouts |";
    for (const auto& c : columns) md << " " << cell(c) << " |";
    md << " p50 ms | p95 ms |\n|---|---|---|---:|---:|---:|---:|";
    for (std::size_t i = 0; i < columns.size(); ++i) md << "---:|";
    md << "---:|---:|\n";
    for (const auto& run : runs) {
        md << "| " << run.run.id << " | " << cell(run.run.tool) << " | " << cell(run.run.suite_name) << " | "
           << run.cases << " | " << run.count("ok") << " | " << run.count("error") + run.count("crash") << " | "
           << run.count("timeout") << " |";
        for (const auto& c : columns) md << " " << metric_cell(run.metrics, c, true) << " |";
        md << " " << ms(run.latency_p50_ms) << " | " << ms(run.latency_p95_ms) << " |\n";
    }
    md << "\nMeans are over the cases where a metric is defined, with a 95% bootstrap interval in brackets; "
          "\"n/a\" counts the cases where a metric is not defined. A case without an answer (error, timeout) "
          "is scored as an empty answer.\n";

    md << "\n## Per tag\n";
    for (const auto& run : runs) {
        if (run.by_tag.empty()) continue;
        md << "\n### " << cell(run.run.tool) << " × " << cell(run.run.suite_name) << " (run " << run.run.id << ")\n\n";
        md << "| tag | cases |";
        for (const auto& m : run.metrics) md << " " << cell(m.metric) << " |";
        md << "\n|---|---:|";
        for (std::size_t i = 0; i < run.metrics.size(); ++i) md << "---:|";
        md << "\n";
        for (const auto& [tag, metrics] : run.by_tag) {
            md << "| " << cell(tag) << " | " << run.tag_cases.at(tag) << " |";
            for (const auto& m : run.metrics) md << " " << metric_cell(metrics, m.metric, false) << " |";
            md << "\n";
        }
    }

    bool any_error = false;
    for (const auto& run : runs) any_error = any_error || run.failed() > 0;
    if (any_error) {
        md << "\n## Errors\n\n| run | status | cases |\n|---|---|---:|\n";
        for (const auto& run : runs) {
            for (const auto& [status, n] : run.by_status) {
                if (status != "ok") md << "| " << run.run.id << " | " << cell(status) << " | " << n << " |\n";
            }
        }
    }
    md << "\n<sub>suite hashes: ";
    std::set<std::string> seen;
    for (const auto& run : runs) {
        if (seen.insert(run.run.suite_name).second) {
            md << cell(run.run.suite_name) << " " << run.run.suite_hash.substr(0, 12) << "; ";
        }
    }
    md << "evalpanel " << cell(runs.front().run.evalpanel_version) << "</sub>\n";
    return md.str();
}

std::string render_summary_table(const std::vector<RunSummary>& runs) {
    const std::vector<std::string> columns = metric_columns(runs);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header = {"run", "tool", "suite", "cases", "ok", "failed"};
    header.insert(header.end(), columns.begin(), columns.end());
    header.push_back("p50 ms");
    rows.push_back(header);
    for (const auto& run : runs) {
        std::vector<std::string> row = {std::to_string(run.run.id), run.run.tool, run.run.suite_name,
                                        std::to_string(run.cases), std::to_string(run.count("ok")),
                                        std::to_string(run.failed())};
        for (const auto& c : columns) {
            const MetricSummary* m = find(run.metrics, c);
            row.push_back(m ? format_value(m->mean) : "—");
        }
        row.push_back(ms(run.latency_p50_ms));
        rows.push_back(row);
    }
    std::vector<std::size_t> width(header.size(), 0);
    auto display_width = [](const std::string& s) {  // count code points, not bytes ("—", "×")
        std::size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
    };
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], display_width(row[i]));
    }
    std::ostringstream out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            const std::string& v = rows[r][i];
            const std::string pad(width[i] - display_width(v), ' ');
            const bool left = i == 1 || i == 2;
            out << (i ? "  " : "") << (left ? v + pad : pad + v);
        }
        out << "\n";
        if (r == 0) {
            for (std::size_t i = 0; i < width.size(); ++i) out << (i ? "  " : "") << std::string(width[i], '-');
            out << "\n";
        }
    }
    return out.str();
}

}  // namespace evalpanel::report
