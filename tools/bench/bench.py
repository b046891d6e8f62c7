#!/usr/bin/env python3
"""evalpanel's benchmarks (issue 8): builds what they need, runs them, prints one table.

    tools/bench/run.sh [--quick] [--only NAME]... [--build-dir DIR]

Every figure stands next to a baseline measured in the same run, because ratios survive a noisy machine
and absolute times do not. docs/performance.md says what each benchmark measures and what limits it.
"""
import argparse
import dataclasses
import json
import os
import pathlib
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

SOURCE = pathlib.Path(__file__).resolve().parents[2]
BENCH = SOURCE / "tools" / "bench"
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclasses.dataclass
class Sizes:
    """How much work each benchmark does: the issue's sizes, or --quick's, which only prove the benches run."""
    host_cases: tuple
    cache_cases: int
    latency_cases: int
    latency_concurrency: tuple
    tesseract_images: int
    store_results: int
    report_cases: int

    @staticmethod
    def for_mode(quick):
        if quick:
            return Sizes(host_cases=(500, 2000), cache_cases=500, latency_cases=32, latency_concurrency=(4, 8), tesseract_images=3,
                         store_results=5000, report_cases=5000)
        return Sizes(host_cases=(10_000, 100_000), cache_cases=10_000, latency_cases=2000, latency_concurrency=(16, 64),
                     tesseract_images=100,
                     store_results=250_000, report_cases=250_000)


@dataclasses.dataclass
class Row:
    benchmark: str
    figure: str
    value: float
    unit: str
    baseline: str          # what the figure is compared with, measured in this run, as text
    ratio: float | None    # figure / baseline in the direction the row's text says
    target: str
    met: bool | None       # None: the row has no target of its own
    commands: list


@dataclasses.dataclass
class Measured:
    """One child process: wall time, CPU of it and every descendant it reaped, and memory."""
    wall_s: float
    cpu_s: float
    maxrss_mb: float       # the largest single process of the tree (wait4's ru_maxrss)
    tree_rss_mb: float     # the largest sum over the live tree, sampled every 20 ms
    stdout: str
    command: list = dataclasses.field(default_factory=list)


def tree_rss_kb(pid):
    """Resident set of a process and all its descendants, from /proc."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            total += int(pathlib.Path(f"/proc/{current}/statm").read_text().split()[1]) * PAGE_KB
            for task in pathlib.Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue  # it ended between two reads
    return total


def measure(command, env=None, cwd=None):
    """Runs `command` to the end; raises with its stderr when it fails."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd, text=True)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.wait(0.02):
            peak[0] = max(peak[0], tree_rss_kb(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # Read both pipes while the child runs (a full pipe would stall it), then reap it with wait4 so its
    # rusage is its own (and its reaped workers'), not every child this script ever had.
    outputs = {}
    readers = [threading.Thread(target=lambda name, pipe: outputs.__setitem__(name, pipe.read()), args=(name, pipe))
               for name, pipe in (("out", child.stdout), ("err", child.stderr))]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    for reader in readers:
        reader.join()
    if child.returncode != 0:
        raise RuntimeError(f"{shlex.join(map(str, command))} exited {child.returncode}: {outputs['err'].strip()[-2000:]}")
    return Measured(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024, outputs["out"])


def json_lines(text):
    return {line["measure"]: line for line in map(json.loads, filter(None, text.splitlines()))}


def fresh(path):
    """`path` gone, its folder there: every benchmark writes into a clean place."""
    path = pathlib.Path(path)
    if path.is_dir():
        shutil.rmtree(path)
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def require_answered(db, expected):
    """A benchmark of failed cases measures nothing: every case must be stored, and answered."""
    with sqlite3.connect(db) as connection:
        ok, stored = connection.execute("SELECT count(*) FILTER (WHERE status = 'ok'), count(*) FROM results").fetchone()
        if ok != expected:
            error = connection.execute("SELECT error FROM results WHERE status != 'ok' LIMIT 1").fetchone()
            raise RuntimeError(f"{db}: {ok} of {stored} stored cases answered, expected {expected}"
                               + (f"; e.g. {error[0]}" if error else ""))


def fmt(value, digits=0):
    return f"{value:,.{digits}f}"


class Benchmarks:
    def __init__(self, build_dir, sizes):
        self.build = build_dir
        self.bin = build_dir / "bin"
        self.work = build_dir / "bench-work"
        self.sizes = sizes
        self.evalpanel = self.bin / "evalpanel"
        self.null_plugin = build_dir / "bench-plugins"
        self.host_runs = {}  # (cases, mode, cache) -> Measured: the memory benchmark reuses host_overhead's runs

    # --- shared steps -------------------------------------------------------------------------------
    def host_suite(self, cases, layout="jsonl"):
        """The generated suite: cases in a JSON Lines cases_file (how a large suite is kept), or inline YAML."""
        suite = self.work / "suites" / (f"host-{cases}.yaml" if layout == "jsonl" else f"host-{cases}-yaml.yaml")
        if not suite.exists():
            subprocess.run([sys.executable, BENCH / "host_overhead" / "make_suite.py", "--cases", str(cases),
                            "--out", suite.parent, "--layout", layout], check=True)
        return suite

    def null_config(self):
        config = self.work / "null-tools.yaml"
        config.parent.mkdir(parents=True, exist_ok=True)
        # Two tool instances: one per core of the 2-core machine.
        # "null" quoted: bare, YAML reads it as no value at all.
        config.write_text('tools:\n  "null":\n    plugin: "null"\n    concurrency: 2\n')
        return config

    def null_run_command(self, cases, mode, cache, db):
        command = [self.evalpanel, "run", self.host_suite(cases), "--tool", "null", "--config", self.null_config(),
                   "--plugin-path", self.null_plugin, "-q", "--db", db]
        if cache == "off":
            command.append("--no-cache")
        if mode == "in-process":
            command.append("--in-process")
        return command

    def null_run(self, cases, mode, cache="off"):
        """One `evalpanel run` of the null plugin; cache 'warm' reruns against the store 'cold' filled."""
        key = (cases, mode, cache)
        if key not in self.host_runs:
            db = self.work / "host" / f"{cases}-{mode}-{'cache' if cache != 'off' else 'nocache'}.db"
            if cache != "warm":
                fresh(db)
            command = self.null_run_command(cases, mode, cache, db)
            measured = measure(command)
            measured.command = command
            require_answered(db, cases * (2 if cache == "warm" else 1))
            self.host_runs[key] = measured
        return self.host_runs[key]

    def bare_loop(self, cases, layout="jsonl"):
        command = [self.bin / "null_loop_bench", "--suite", self.host_suite(cases, layout), "--plugin",
                   self.null_plugin / "evalpanel_plugin_null.so"]
        return json_lines(measure(command).stdout), command

    # --- the benchmarks -----------------------------------------------------------------------------
    def host_overhead(self):
        rows = []
        for cases in self.sizes.host_cases:
            loop, loop_command = self.bare_loop(cases)
            loop_rate = cases / loop["null_bare_loop"]["seconds"]
            loop_us = 1e6 * loop["null_bare_loop"]["seconds"] / cases
            for mode, target in (("in-process", 20_000), ("isolated", 5_000)):
                run = self.null_run(cases, mode)
                rate = cases / run.wall_s
                commands = [shlex.join(map(str, run.command)), shlex.join(map(str, loop_command))]
                rows.append(Row("host_overhead", f"{mode}, {cases:,} cases: {fmt(rate)} cases/s", rate, "cases/s",
                                f"bare loop {fmt(loop_rate)} cases/s", rate / loop_rate, f">= {target:,} cases/s",
                                rate >= target, commands))
                cpu_us = 1e6 * run.cpu_s / cases
                rows.append(Row("host_overhead", f"{mode}, {cases:,} cases: {fmt(cpu_us, 1)} CPU us/case", cpu_us,
                                "us/case", f"bare loop {fmt(loop_us, 2)} us/case", cpu_us / loop_us, "-", None, commands))
            suite_load = loop["suite_load"]["seconds"]
            yaml_loop, yaml_command = self.bare_loop(cases, "yaml")
            yaml_load = yaml_loop["suite_load"]["seconds"]
            rows.append(Row("host_overhead", f"suite load alone, {cases:,} cases from a cases_file: {fmt(suite_load, 2)} s "
                            f"({fmt(cases / suite_load)} cases/s)", suite_load, "s",
                            f"the same cases inline in YAML {fmt(yaml_load, 2)} s", suite_load / yaml_load, "-", None,
                            [shlex.join(map(str, loop_command)), shlex.join(map(str, yaml_command))]))
        cases = self.sizes.cache_cases
        cold = self.null_run(cases, "isolated", "cold")
        warm = self.null_run(cases, "isolated", "warm")
        for name, run in (("cache on, first run", cold), ("cache on, every answer cached", warm)):
            rate = cases / run.wall_s
            nocache = cases / self.null_run(cases, "isolated").wall_s
            rows.append(Row("host_overhead", f"isolated, {cases:,} cases, {name}: {fmt(rate)} cases/s", rate, "cases/s",
                            f"same run --no-cache {fmt(nocache)} cases/s", rate / nocache, ">= 5,000 cases/s",
                            rate >= 5000, [shlex.join(map(str, run.command))]))
        return rows

    def memory(self):
        small, large = self.sizes.host_cases
        rows = []
        for mode in ("in-process", "isolated"):
            base, run = self.null_run(small, mode), self.null_run(large, mode)
            # In process the host is the only process; isolated, the sampled sum over host and workers
            # is the memory the run needs (each worker's own peak is in maxrss).
            figure, baseline = (run.maxrss_mb, base.maxrss_mb) if mode == "in-process" else (run.tree_rss_mb, base.tree_rss_mb)
            how = "peak RSS" if mode == "in-process" else f"peak RSS host+workers summed (largest one process {fmt(run.maxrss_mb)} MB)"
            rows.append(Row("memory", f"{mode}, {large:,} cases: {how} {fmt(figure)} MB", figure, "MB",
                            f"{small:,} cases {fmt(baseline)} MB", figure / baseline, "< 200 MB", figure < 200,
                            [shlex.join(map(str, run.command))]))
        return rows

    def latency(self):
        cases, delay = self.sizes.latency_cases, 0.2
        suite = self.host_suite(cases)
        server = subprocess.Popen([self.bin / "delay_server", "--delay-ms", "200", "--threads", "128"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        rows = []
        try:
            base_url = server.stdout.readline().strip()
            config = self.work / "latency-tools.yaml"
            config.write_text(f"tools:\n  slow:\n    plugin: openai_vision\n    base_url: {base_url}\n    timeout_s: 60\n")
            for concurrency in self.sizes.latency_concurrency:
                for mode in ("isolated", "in-process"):
                    db = fresh(self.work / "latency" / f"c{concurrency}-{mode}.db")
                    command = [self.evalpanel, "run", suite, "--tool", "slow", "--config", config, "--concurrency",
                               str(concurrency), "--no-cache", "-q", "--db", db] + (["--in-process"] if mode == "in-process" else [])
                    run = measure(command)
                    require_answered(db, cases)
                    ideal = cases * delay / concurrency
                    efficiency = ideal / run.wall_s
                    rows.append(Row("latency", f"{mode}, {cases:,} cases x 200 ms at -j {concurrency}: {fmt(run.wall_s, 2)} s "
                                    f"wall, {fmt(100 * efficiency, 1)}% of ideal", efficiency, "ideal/actual",
                                    f"ideal N*0.2/C = {fmt(ideal, 2)} s", efficiency, ">= 95%", efficiency >= 0.95,
                                    [f"{self.bin / 'delay_server'} --delay-ms 200 --threads 128   # prints BASE_URL for {config}",
                                     shlex.join(map(str, command))]))
        finally:
            server.stdin.close()
            server.wait(timeout=30)
        return rows

    def tesseract(self):
        out = self.work / "tesseract"
        export = [self.bin / "export_ocr_images", "--out", out, "--limit", str(self.sizes.tesseract_images),
                  SOURCE / "suites" / "ocr", SOURCE / "suites" / "vqa" / "receipts-signs.yaml",
                  SOURCE / "suites" / "vqa" / "documents.yaml"]
        measure(export)
        suite = out / "ocr-images.yaml"
        image_of_case = dict(re.findall(r'- id: "([^"]+)"\n    image: (\S+)', suite.read_text()))
        images = sorted((out / "images").iterdir())
        env = dict(os.environ, OMP_THREAD_LIMIT="1")

        # The baseline: the command a person would script, one engine start per image, one after another.
        loop_out = fresh(out / "loop")
        loop_out.mkdir()
        loop_script = f'for f in {shlex.quote(str(out / "images"))}/*; do tesseract "$f" stdout --psm 3 ' \
                      f'> {shlex.quote(str(loop_out))}/"$(basename "$f")".txt 2>/dev/null; done'
        loop = measure(["bash", "-c", loop_script], env=env)
        loop_rate = len(images) / loop.wall_s

        rows = []
        for label, concurrency in (("default concurrency (2)", None), ("--concurrency 1", 1)):
            db = fresh(out / f"evalpanel-{concurrency or 'default'}.db")
            command = [self.evalpanel, "run", suite, "--tool", "tesseract", "--no-cache", "-q", "--db", db]
            if concurrency:
                command += ["--concurrency", str(concurrency)]
            run = measure(command, env=env)
            rate = len(images) / run.wall_s
            rows.append(Row("tesseract", f"plugin via evalpanel, {label}: {fmt(rate, 2)} images/s", rate, "images/s",
                            f"serial `tesseract` loop {fmt(loop_rate, 2)} images/s", rate / loop_rate, ">= 1.5x the loop",
                            rate / loop_rate >= 1.5,
                            [f"OMP_THREAD_LIMIT=1 {shlex.join(map(str, command))}", f"OMP_THREAD_LIMIT=1 bash -c {shlex.quote(loop_script)}"]))
            with sqlite3.connect(db) as connection:
                stored = dict(connection.execute("SELECT case_id, output FROM results"))
        # Identical output: the last run's stored text against the command's, both without trailing white
        # space (the command ends a page with a form feed).
        identical = sum(stored.get(case, "").rstrip() == (loop_out / (pathlib.Path(image).name + ".txt")).read_text().rstrip()
                        for case, image in image_of_case.items())
        rows.append(Row("tesseract", f"identical output: {identical}/{len(image_of_case)} images", identical, "images",
                        "the `tesseract` command's text", identical / len(image_of_case), "all identical",
                        identical == len(image_of_case), [shlex.join(map(str, export))]))
        return rows

    def store_write(self):
        command = [self.bin / "store_write_bench", "--dir", self.work / "store_write", "--results",
                   str(self.sizes.store_results), "--metrics", "4", "--batch", "1000"]
        lines = json_lines(measure(command).stdout)
        store, bare = lines["store_write_batch"], lines["bare_sqlite_insert"]
        rate, bare_rate = store["score_rows"] / store["seconds"], bare["score_rows"] / bare["seconds"]
        return [Row("store_write", f"{store['score_rows']:,} score rows (+{store['results']:,} results) via write_batch: "
                    f"{fmt(rate)} rows/s", rate, "rows/s", f"bare SQLite insert loop {fmt(bare_rate)} rows/s",
                    rate / bare_rate, ">= 500,000 rows/s", rate >= 500_000, [shlex.join(map(str, command))])]

    def reports(self):
        db = fresh(self.work / "reports" / "reports.db")
        fill = [self.bin / "report_store_bench", "fill", "--db", db, "--cases", str(self.sizes.report_cases)]
        filled = json_lines(measure(fill).stdout)["report_store_fill"]
        scan_command = [self.bin / "report_store_bench", "scan", "--db", db]
        scan = json_lines(measure(scan_command).stdout)["bare_scores_scan"]["seconds"]
        runs = [str(filled["base_run"]), str(filled["candidate_run"])]
        panel = SOURCE / "reports" / "panel.yaml"
        rows = []
        for name, arguments in (("report --format md", ["report", "--run", *runs, "--format", "md", "--panel", panel]),
                                ("report --format json", ["report", "--run", *runs, "--format", "json", "--panel", panel]),
                                ("compare", ["compare", *runs])):
            command = [self.evalpanel, *arguments, "--db", db]
            try:
                run = measure(command)
            except RuntimeError as failure:  # compare exits 1 when it finds a regression: still a timing
                if "compare" not in name or "exited 1" not in str(failure):
                    raise
                run = measure(["bash", "-c", shlex.join(map(str, command)) + " || test $? -eq 1"])
            rows.append(Row("reports", f"{name} over {filled['score_rows']:,} scores: {fmt(run.wall_s, 2)} s", run.wall_s, "s",
                            f"bare SELECT over scores {fmt(scan, 2)} s", run.wall_s / scan, "< 2 s", run.wall_s < 2,
                            [shlex.join(map(str, fill)), shlex.join(map(str, command)), shlex.join(map(str, scan_command))]))
        return rows


# Each benchmark: the build targets it needs.
TARGETS = {
    "host_overhead": ["evalpanel", "evalpanel-worker", "null_loop_bench", "evalpanel_plugin_null"],
    "memory": ["evalpanel", "evalpanel-worker", "evalpanel_plugin_null"],
    "latency": ["evalpanel", "evalpanel-worker", "evalpanel_plugin_openai_vision", "delay_server"],
    "tesseract": ["evalpanel", "evalpanel-worker", "evalpanel_plugin_tesseract_ocr", "export_ocr_images"],
    "store_write": ["store_write_bench"],
    "reports": ["evalpanel", "report_store_bench"],
}


def build(build_dir, names):
    if not (build_dir / "build.ninja").exists() and not (build_dir / "Makefile").exists():
        subprocess.run(["cmake", "-S", SOURCE, "-B", build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                        "-DEVALPANEL_BUILD_TESTS=OFF"], check=True, stdout=subprocess.DEVNULL)
    targets = sorted({target for name in names for target in TARGETS[name]})
    subprocess.run(["cmake", "--build", build_dir, "--target", *targets], check=True, stdout=subprocess.DEVNULL)


def print_table(rows):
    headers = ["benchmark", "figure", "baseline (same run)", "ratio", "target", "met?", "cmd"]
    cells = [[r.benchmark, r.figure, r.baseline, "-" if r.ratio is None else f"{r.ratio:.3g}", r.target,
              {True: "yes", False: "NO", None: "-"}[r.met], f"[{i + 1}]"] for i, r in enumerate(rows)]
    widths = [max(len(str(row[c])) for row in [headers] + cells) for c in range(len(headers))]
    for row in [headers, ["-" * w for w in widths]] + cells:
        print(" | ".join(str(cell).ljust(width) for cell, width in zip(row, widths)))
    print("\ncommands to reproduce:")
    for i, row in enumerate(rows):
        for command in row.commands:
            print(f"[{i + 1}] {command}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: proves every benchmark runs (ctest)")
    parser.add_argument("--only", action="append", choices=list(TARGETS), help="run only this benchmark (repeatable)")
    parser.add_argument("--build-dir", type=pathlib.Path, default=SOURCE / "build-bench",
                        help="Release build tree to use (configured when missing; default build-bench/)")
    parser.add_argument("--no-build", action="store_true", help="use the binaries already built")
    args = parser.parse_args()
    names = args.only or list(TARGETS)
    build_dir = args.build_dir.resolve()
    if not args.no_build:
        build(build_dir, names)

    benchmarks = Benchmarks(build_dir, Sizes.for_mode(args.quick))
    rows, failures = [], []
    for name in names:
        started = time.perf_counter()
        try:
            rows += getattr(benchmarks, name)()
        except (RuntimeError, OSError, subprocess.SubprocessError, KeyError) as failure:
            failures.append(f"{name}: {failure}")
        print(f"# {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    print_table(rows)
    report = build_dir / ("bench-quick.json" if args.quick else "bench.json")
    report.write_text(json.dumps({"quick": args.quick, "rows": [dataclasses.asdict(r) for r in rows],
                                  "failures": failures}, indent=2) + "\n")
    print(f"\nwrote {report}")
    for failure in failures:
        print(f"FAILED {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
