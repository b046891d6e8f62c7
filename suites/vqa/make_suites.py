#!/usr/bin/env python3
"""Writes the VQA suites of this folder from the data below, so every answer is derived from the same
numbers and words the image is drawn from. Edit the data here and run `python3 make_suites.py`; do not
edit the .yaml files by hand. Needs only the Python 3 standard library."""

import json
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def num(value):
    """A number as the chart prints it: the shortest text that reads back as the same double."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def dec(value):
    """Exact decimal arithmetic for sums and differences of the printed numbers."""
    return Decimal(num(value))


def dec_text(value):
    text = format(value.normalize(), "f")
    return text


def flow(mapping):
    parts = []
    for key, value in mapping.items():
        if isinstance(value, str):
            parts.append(f"{key}: {q(value)}")
        elif isinstance(value, list):
            parts.append(f"{key}: {flow_list(value)}")
        else:
            parts.append(f"{key}: {num(value) if isinstance(value, float) else value}")
    return "{" + ", ".join(parts) + "}"


def flow_list(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.append(flow_list(item))
        elif isinstance(item, str):
            out.append(q(item))
        else:
            out.append(num(item))
    return "[" + ", ".join(out) + "]"


# Degradations: (name, generate keys, tags). Levels are moderate: a person still reads every value.
DAMAGE = {
    "blur": ({"blur": 1.6}, ["blur"]),
    "noise": ({"noise": 0.12, "seed": 7}, ["noise"]),
    "rotate": ({"rotate": 6}, ["rotation"]),
    "contrast": ({"contrast": 0.35}, ["low-contrast"]),
    "jpeg": ({"jpeg_quality": 20}, ["jpeg"]),
    "photo": ({"rotate": -3, "blur": 1.0, "noise": 0.06, "seed": 11, "jpeg_quality": 35},
              ["rotation", "blur", "noise", "jpeg"]),
}


class Suite:
    def __init__(self, name, metrics, prompt, description, header):
        self.name, self.metrics, self.prompt, self.description, self.header = name, metrics, prompt, description, header
        self.cases = []

    def add(self, case_id, image, question, answers, tags, damage=None):
        image = dict(image)
        tags = list(tags)
        if damage:
            keys, damage_tags = DAMAGE[damage]
            image.update(keys)
            tags += ["degraded"] + damage_tags
        else:
            tags += ["clean"]
        self.cases.append((case_id, image, question, answers, tags))

    def write(self, file_name):
        lines = [f"# {line}" if line else "#" for line in self.header]
        lines += ["# Written by make_suites.py from its data: edit that and re-run, not this file.",
                  f"suite: {self.name}", "task: vqa", f"description: {q(self.description)}", "metrics:"]
        lines += [f"  - {m}" for m in self.metrics]
        lines += [f"prompt: {q(self.prompt)}", "cases:"]
        for case_id, image, question, answers, tags in self.cases:
            lines += [f"  - id: {case_id}",
                      f"    image: {{generate: {flow(image)}}}",
                      f"    question: {q(question)}",
                      f"    answers: {flow_list(answers)}",
                      f"    tags: {flow_list(tags)}"]
        (HERE / file_name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return len(self.cases)


SHORT = "Answer the question using a single word or phrase."

# --- charts -----------------------------------------------------------------------------------------

CHARTS = [
    # id, kind, title, y_label, labels, values, what a value is called in questions
    ("sales-years", "bar_chart", "Annual sales (k$)", "", ["2019", "2020", "2021", "2022", "2023"],
     [12.5, 30, 27.25, 41, 38.5]),
    ("rainfall", "bar_chart", "Rainfall in Lyon", "mm", ["Jan", "Feb", "Mar", "Apr", "May", "Jun"],
     [48, 42, 55, 71, 83, 64]),
    ("market-share", "bar_chart", "Browser share (%)", "", ["Chrome", "Safari", "Edge", "Firefox"],
     [64.7, 18.6, 5.3, 2.8]),
    ("profit-quarters", "bar_chart", "Net profit (M EUR)", "", ["Q1", "Q2", "Q3", "Q4"], [3.5, -1.2, 0.8, 2]),
    ("visitors", "line_chart", "Monthly visitors", "thousands", ["Jan", "Feb", "Mar", "Apr", "May", "Jun"],
     [120, 95, 140, 180, 160, 210]),
    ("temperature", "line_chart", "Average temperature (C)", "", ["Mon", "Tue", "Wed", "Thu", "Fri"],
     [14.5, 17, 16.5, 21, 19.5]),
    ("users-growth", "line_chart", "Active users (millions)", "", ["2018", "2019", "2020", "2021", "2022", "2023"],
     [1.2, 1.9, 3.4, 4.1, 4.8, 5.6]),
]


def chart_suite():
    s = Suite("vqa-charts", ["relaxed_accuracy"], SHORT,
              "Bar and line charts drawn from known data; every value is printed on the chart.",
              ["Bar and line charts with labelled values. Lookups read one printed value; multi-step questions",
               "add, subtract or compare them. relaxed_accuracy: numbers within 5% count, words must match."])
    for chart_id, kind, title, y_label, labels, values in CHARTS:
        image = {"kind": kind, "title": title, "labels": labels, "values": values}
        if y_label:
            image["y_label"] = y_label
        shape = "bar" if kind == "bar_chart" else "line"
        base = ["chart", shape]
        high = labels[values.index(max(values))]
        low = labels[values.index(min(values))]
        a, b = 1, len(labels) - 1  # two labels used by the sum/difference questions
        s.add(f"{chart_id}-value", image, f"What is the value for {labels[a]}?", [num(values[a])],
              base + ["lookup"])
        s.add(f"{chart_id}-value-last", image, f"What is the value for {labels[-1]}?", [num(values[-1])],
              base + ["lookup"])
        # relaxed_accuracy would take 2021 for 2022 (within 5%), so only word labels get "which" questions.
        words = not any(label.isdigit() for label in labels)
        if words:
            s.add(f"{chart_id}-highest", image, "Which label has the highest value?", [high],
                  base + ["multi-step", "comparison"])
        s.add(f"{chart_id}-sum", image, f"What is the total of {labels[a]} and {labels[b]}?",
              [dec_text(dec(values[a]) + dec(values[b]))], base + ["multi-step", "arithmetic"])
        s.add(f"{chart_id}-difference", image,
              f"What is the difference between the highest and the lowest value?",
              [dec_text(dec(max(values)) - dec(min(values)))], base + ["multi-step", "arithmetic"])
        if words and chart_id in ("rainfall", "visitors", "temperature"):
            s.add(f"{chart_id}-lowest", image, "Which label has the lowest value?", [low],
                  base + ["multi-step", "comparison"])
    # Degraded: the same charts, damaged, asked a lookup.
    for (chart_id, kind, title, y_label, labels, values), damage in zip(
            CHARTS, ["blur", "noise", "jpeg", "rotate", "contrast", "photo", "noise"]):
        image = {"kind": kind, "title": title, "labels": labels, "values": values}
        shape = "bar" if kind == "bar_chart" else "line"
        s.add(f"{chart_id}-value-{damage}", image, f"What is the value for {labels[2]}?", [num(values[2])],
              ["chart", shape, "lookup"], damage)
    return s


# --- tables and forms ---------------------------------------------------------------------------------

TABLES = [
    ("price-list", "Price list", [["Item", "Qty", "Unit price"], ["Widget A", "4", "2.50"],
                                  ["Gadget B", "10", "12.00"], ["Cable C", "3", "7.25"]]),
    ("timetable", "Train timetable", [["Train", "Departs", "Arrives", "Platform"], ["IC 512", "08:15", "10:42", "3"],
                                      ["RE 7", "09:05", "11:58", "1"], ["ICE 78", "10:30", "12:10", "6"]]),
    ("staff", "Staff directory", [["Name", "Department", "Ext."], ["Ada Okafor", "Finance", "2041"],
                                  ["Tomas Lindqvist", "Sales", "2213"], ["Mei Tanaka", "Legal", "2090"]]),
]

FORMS = [
    ("invoice", "INVOICE", [["Invoice number", "INV-2024-0113"], ["Date", "17 March 2024"],
                            ["Customer", "Acme Corp"], ["Amount due", "1,299.00 EUR"]]),
    ("shipping", "SHIPPING LABEL", [["Tracking number", "1Z 999 AA1 01 2345 6784"], ["Recipient", "Mei Tanaka"],
                                    ["City", "Osaka"], ["Weight", "2.4 kg"]]),
    ("application", "APPLICATION FORM", [["Full name", "Tomas Lindqvist"], ["Date of birth", "04/11/1988"],
                                         ["Email", "t.lindqvist@example.se"], ["Member ID", "M-48213"]]),
]


def cell_question(column, row):
    return f"In the table, what is in the {column} column for {row}?"


def document_suite():
    s = Suite("vqa-documents", ["anls", "exact_match"], SHORT,
              "Tables and forms drawn from known cells and fields.",
              ["Tables (ruled grid, header row) and forms (labels with filled-in boxes). Lookups read one cell or",
               "field; multi-step questions combine two. anls forgives small misreadings, exact_match does not."])
    price = TABLES[0][2]
    for table_id, title, rows in TABLES:
        image = {"kind": "table", "title": title, "rows": rows}
        header = rows[0]
        for r, c in ((1, 1), (3, len(header) - 1)):
            s.add(f"{table_id}-r{r}c{c}", image, cell_question(header[c], rows[r][0]), [rows[r][c]],
                  ["table", "lookup"])
        s.add(f"{table_id}-rows", image, "How many data rows does the table have?", [str(len(rows) - 1)],
              ["table", "multi-step", "counting"])
    image = {"kind": "table", "title": TABLES[0][1], "rows": price}
    qty = sum(int(r[1]) for r in price[1:])
    s.add("price-list-total-qty", image, "What is the total quantity of all items?", [str(qty)],
          ["table", "multi-step", "arithmetic"])
    dearest = max(price[1:], key=lambda r: Decimal(r[2]))[0]
    s.add("price-list-dearest", image, "Which item has the highest unit price?", [dearest],
          ["table", "multi-step", "comparison"])
    line = Decimal(price[2][2]) * int(price[2][1])
    s.add("price-list-line-total", image, f"What do the {price[2][1]} {price[2][0]} cost in total?",
          [format(line.quantize(Decimal("0.01")), "f")], ["table", "multi-step", "arithmetic"])
    for form_id, title, fields in FORMS:
        image = {"kind": "form", "title": title, "fields": fields}
        for label, value in fields[:2] + fields[3:]:
            s.add(f"{form_id}-{label.lower().replace(' ', '-').replace('.', '')}", image,
                  f"What is the {label.lower()}?", [value], ["form", "lookup"])
    # Degraded copies.
    for (table_id, title, rows), damage in zip(TABLES, ["blur", "rotate", "photo"]):
        image = {"kind": "table", "title": title, "rows": rows}
        s.add(f"{table_id}-r2c1-{damage}", image, cell_question(rows[0][1], rows[2][0]), [rows[2][1]],
              ["table", "lookup"], damage)
    for (form_id, title, fields), damage in zip(FORMS, ["noise", "jpeg", "contrast"]):
        image = {"kind": "form", "title": title, "fields": fields}
        label, value = fields[0]
        s.add(f"{form_id}-first-{damage}", image, f"What is the {label.lower()}?", [value], ["form", "lookup"], damage)
    return s


# --- receipts and signs -------------------------------------------------------------------------------

def human(*groups):
    """Ten answers as annotators give them: (answer, how many) groups, most common first."""
    answers = [a for answer, n in groups for a in [answer] * n]
    assert len(answers) == 10, answers
    return answers


def money_answers(amount, symbol):
    """Ten human answers for an amount: most write it as printed, some add the currency or drop a zero."""
    plain = format(amount, "f")
    short = plain.rstrip("0").rstrip(".") if "." in plain else plain
    return human((plain, 4), (symbol + plain, 4), (short, 1), (symbol + short, 1))


RECEIPTS = [
    ("cafe", "CAFE LUMEN", [["Espresso", "2.50"], ["Croissant", "3.20"], ["Orange juice", "4.10"]], "$",
     "17/03/2024 08:41\nThank you!"),
    ("grocer", "GREEN GROCER", [["Apples 1kg", "3.49"], ["Bread", "2.20"], ["Milk 1L", "1.15"], ["Eggs x12", "3.90"]],
     "$", "Store #0412 - Till 3"),
    ("hardware", "BOLT & NUT", [["Hammer", "14.99"], ["Nails 200", "4.50"], ["Tape", "3.25"]], "$",
     "2024-05-02 16:20"),
]

SIGNS = [
    ("parking", "NO PARKING\n8AM - 6PM", [
        ("What is not allowed?", human(("parking", 5), ("no parking", 4), ("park", 1))),
        ("When does the restriction end?", human(("6PM", 4), ("6 pm", 3), ("6", 2), ("18:00", 1))),
    ]),
    ("speed", "SPEED LIMIT\n30", [
        ("What is the speed limit?", human(("30", 7), ("30 mph", 2), ("thirty", 1))),
    ]),
    ("platform", "PLATFORM 9\nTRAINS TO YORK", [
        ("Which platform is this?", human(("9", 6), ("platform 9", 3), ("nine", 1))),
        ("Where do the trains go?", human(("York", 6), ("to York", 3), ("york station", 1))),
    ]),
    ("opening", "OPEN\nMON - FRI 9 - 17", [
        ("Is the shop open or closed?", human(("open", 8), ("opened", 1), ("yes", 1))),
        ("On which days is it open?", human(("mon - fri", 4), ("monday to friday", 3), ("weekdays", 2),
                                            ("mon-fri", 1))),
    ]),
    ("exit", "EXIT", [
        ("What does the sign say?", human(("exit", 9), ("EXIT", 1))),
    ]),
]


def receipt_suite():
    s = Suite("vqa-receipts-signs", ["vqa_accuracy"], SHORT,
              "Till receipts and signs; ten human-style answers per question (VQAv2 scoring).",
              ["Receipts (items, prices, total, footer) and signs. vqa_accuracy: ten human-style answers per",
               "question; an answer given by at least 4 of the 10 scores 1.0, by 3 scores 0.9, by 1 scores 0.3."])
    for receipt_id, title, items, symbol, footer in RECEIPTS:
        total = sum(Decimal(price) for _, price in items)
        image = {"kind": "receipt", "title": title, "items": items, "total": symbol + format(total, "f"),
                 "footer": footer}
        s.add(f"{receipt_id}-total", image, "What is the total?", money_answers(total, symbol),
              ["receipt", "lookup"])
        name, price = items[1]
        s.add(f"{receipt_id}-price", image, f"How much does the {name.lower()} cost?",
              money_answers(Decimal(price), symbol), ["receipt", "lookup"])
        s.add(f"{receipt_id}-store", image, "What is the name of the store?",
              human((title.lower(), 5), (title, 3), (title.split()[0].lower(), 2)), ["receipt", "lookup"])
        dearest = max(items, key=lambda item: Decimal(item[1]))[0]
        s.add(f"{receipt_id}-dearest", image, "Which item is the most expensive?",
              human((dearest.lower(), 6), (dearest, 3), (dearest.split()[0].lower(), 1)),
              ["receipt", "multi-step", "comparison"])
        pair = Decimal(items[0][1]) + Decimal(items[1][1])
        s.add(f"{receipt_id}-two-items", image,
              f"What do the {items[0][0].lower()} and the {items[1][0].lower()} cost together?",
              money_answers(pair, symbol), ["receipt", "multi-step", "arithmetic"])
        s.add(f"{receipt_id}-count", image, "How many items were bought?",
              human((str(len(items)), 7), ({3: "three", 4: "four"}[len(items)], 2), (str(len(items)) + " items", 1)),
              ["receipt", "multi-step", "counting"])
    for (receipt_id, title, items, symbol, footer), damage in zip(RECEIPTS, ["photo", "blur", "rotate"]):
        total = sum(Decimal(price) for _, price in items)
        image = {"kind": "receipt", "title": title, "items": items, "total": symbol + format(total, "f"),
                 "footer": footer}
        s.add(f"{receipt_id}-total-{damage}", image, "What is the total?", money_answers(total, symbol),
              ["receipt", "lookup"], damage)
    for sign_id, text, questions in SIGNS:
        image = {"kind": "sign", "text": text, "scale": 1.5, "thickness": 3}
        for i, (question, answers) in enumerate(questions):
            s.add(f"sign-{sign_id}-{i + 1}", image, question, answers, ["sign", "lookup"])
    for (sign_id, text, questions), damage in zip(SIGNS, ["noise", "contrast", "photo", "jpeg", "blur"]):
        image = {"kind": "sign", "text": text, "scale": 1.5, "thickness": 3}
        question, answers = questions[0]
        s.add(f"sign-{sign_id}-1-{damage}", image, question, answers, ["sign", "lookup"], damage)
    return s


if __name__ == "__main__":
    total = 0
    for suite, file_name in ((chart_suite(), "charts.yaml"), (document_suite(), "documents.yaml"),
                             (receipt_suite(), "receipts-signs.yaml")):
        count = suite.write(file_name)
        total += count
        print(f"{file_name}: {count} cases")
    print(f"total: {total} cases")
