#!/usr/bin/env python3
"""Writes a generated OCR suite of N cases for the host-overhead and memory benchmarks.

    make_suite.py --cases N --out DIR                  -> DIR/host-N.yaml (cases in a JSON Lines
                                                          cases_file, DIR/host-N.jsonl) and DIR/tiny.png
    make_suite.py --cases N --out DIR --layout yaml    -> DIR/host-N-yaml.yaml (every case inline)

A large suite is meant to keep its cases in a `cases_file` (docs/suites.md); the inline layout is there
to measure what loading the same cases from YAML costs.

Every case points at one tiny PNG (the suite's only asset), so the run measures the host, not image
decoding. Its `expected` text is what the null plugin answers for it (the case id and the image's first
24 bytes in hex) on even cases and a one-character variant on odd ones, so the metrics score real
strings both ways.
"""
import argparse
import json
import pathlib
import struct
import zlib


def tiny_png() -> bytes:
    """A valid 1x1 white greyscale PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff")) + chunk(b"IEND", b"")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--layout", choices=("jsonl", "yaml"), default="jsonl")
    args = parser.parse_args()
    if args.cases < 1:
        parser.error("--cases must be at least 1")

    args.out.mkdir(parents=True, exist_ok=True)
    png = tiny_png()
    (args.out / "tiny.png").write_bytes(png)
    answer_suffix = png[:24].hex()  # what the null plugin appends to the case id (null_tool.cpp)

    header = [f"suite: host-{args.cases}", "task: ocr",
              "metrics:", "  - cer: {collapse_whitespace: true}", "  - wer: {collapse_whitespace: true}", "  - exact_match"]
    cases = []
    for index in range(args.cases):
        case_id = f"case-{index:07d}"
        expected = f"{case_id} {answer_suffix}" if index % 2 == 0 else f"{case_id} {answer_suffix[:-1]}x"
        tag = ("clean", "degraded", "code", "receipt")[index % 4]
        cases.append({"id": case_id, "image": "tiny.png", "expected": expected, "tags": [tag]})
    if args.layout == "jsonl":
        (args.out / f"host-{args.cases}.jsonl").write_text("".join(json.dumps(c) + "\n" for c in cases))
        header.append(f"cases_file: host-{args.cases}.jsonl")
        (args.out / f"host-{args.cases}.yaml").write_text("\n".join(header) + "\n")
    else:
        lines = header + ["cases:"]
        for c in cases:
            lines += [f"  - id: {c['id']}", f"    image: {c['image']}", f'    expected: "{c["expected"]}"',
                      f"    tags: [{c['tags'][0]}]"]
        (args.out / f"host-{args.cases}-yaml.yaml").write_text("\n".join(lines) + "\n")

if __name__ == "__main__":
    main()
