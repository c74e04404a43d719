"""The benchmark results as a terminal table and as the README's performance section."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN, END = "<!-- performance: begin -->", "<!-- performance: end -->"
TARGETS = {"ratio": 2.0, "assembly_ms": 20.0, "due_ms": 10.0}
# Measured for comparison, not against the target: the bare view, and the same logged in
# inside the site's layout.
YARDSTICKS = {"bare", "site layout"}


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def rows(results: dict) -> list[list[str]]:
    """[section, measure, one column per backend...] rows."""
    backends = list(results["backends"].values())
    out: list[list[str]] = []
    first = backends[0]
    for name in first["ratios"]:
        cells = []
        for backend in backends:
            cost = backend["ratios"][name]
            mark = "" if name in YARDSTICKS else f" {verdict(cost['ratio'] <= TARGETS['ratio'])}"
            cells.append(f"{cost['median_ms']:.2f} ms = {cost['ratio']:.2f}x{mark}")
        out.append(["(a) view / bare view", name, *cells])
    for scale in first["scales"]:
        for page in first["scales"][scale]["pages"]:
            cells = []
            for backend in backends:
                cost = backend["scales"][scale]["pages"][page]
                cells.append(f"{cost['queries']} q, {cost['median_ms']:.1f} ms")
            logs = first["scales"][scale]["review_logs"]
            out.append([f"(b) {int(scale):,} facts, {logs:,} logs", page, *cells])
    cells = []
    for backend in backends:
        cost = backend["quiz_assembly"]
        cells.append(
            f"{cost['median_ms']:.1f} ms {verdict(cost['median_ms'] <= TARGETS['assembly_ms'])}"
        )
    out.append(["(c) 20-question quiz", "draw, freeze, save the attempt", *cells])
    for name in first["due_queries"]:
        cells = []
        for backend in backends:
            cost = backend["due_queries"][name]
            cells.append(
                f"{cost['median_ms']:.2f} ms {verdict(cost['median_ms'] < TARGETS['due_ms'])}"
            )
        out.append(["(d) due cards, 1,000,000 logs", name, *cells])
    return out


def flat_queries(results: dict) -> dict[str, bool]:
    """Per backend: does every page make the same number of queries at every size?"""
    found = {}
    for name, backend in results["backends"].items():
        counts: dict[str, set[int]] = {}
        for scale in backend["scales"].values():
            for page, cost in scale["pages"].items():
                counts.setdefault(page, set()).add(cost["queries"])
        found[name] = all(len(values) == 1 for values in counts.values())
    return found


def table(results: dict) -> str:
    header = ["section", "measure", *results["backends"]]
    body = rows(results)
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    line = "  ".join("-" * width for width in widths)
    text = [line, "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)), line]
    text += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in body]
    text.append(line)
    for name, flat in flat_queries(results).items():
        text.append(f"query counts flat across sizes on {name}: {'yes' if flat else 'NO'}")
    return "\n".join(text)


def markdown(results: dict) -> str:
    header = ["", "measure", *results["backends"]]
    lines = [
        f"Measured {results['measured_at']} on {results['machine']} "
        "(2 cores; `python -m bench`, numbers in bench/results.json).",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows(results)]
    lines.append("")
    for name, flat in flat_queries(results).items():
        lines.append(f"Query counts flat across sizes on {name}: {'yes' if flat else 'no'}.")
    return "\n".join(lines)


def write_readme(section: str) -> None:
    text = README.read_text(encoding="utf-8")
    if BEGIN not in text:
        raise SystemExit(f"README.md has no {BEGIN} marker")
    before, rest = text.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    README.write_text(f"{before}{BEGIN}\n{section}\n{END}{after}", encoding="utf-8")
