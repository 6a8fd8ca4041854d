#!/usr/bin/env python3
"""Build the round-3 gold set from its marked articles.

Each file in `marked/` is an article with its facts marked inline as
`⟦text⟧{spec}`. The script writes the plain article to `articles/<stem>.txt` and
every fact, with code-point offsets into that plain text, to `gold.jsonl`, in the
format of tests/gold/README.md. Specs:

    m AMOUNT CUR [q=QUAL] [max=AMOUNT] [per=UNIT]   money
    p VALUE [pt] [q=QUAL] [max=VALUE]                percent (pt: unit point)
    d ISO                                            date
    n [TITLE WORDS]                                  person (no words: no title)
    c [CANONICAL WORDS]                              company

A spec starting with `?` marks an optional fact.

    python3 tests/gold/round3/build.py
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = re.compile(r"⟦(.*?)⟧\{(.*?)\}", re.S)


def value(kind, args, text):
    opts = dict(a.split("=", 1) for a in args if "=" in a)
    plain = [a for a in args if "=" not in a]
    if kind == "m":
        v = {"amount": float(plain[0]), "currency": plain[1], "qualifier": opts.get("q", "exact")}
        if "max" in opts:
            v["amount_max"] = float(opts["max"])
            v["qualifier"] = "range"
        if "per" in opts:
            v["per"] = opts["per"]
        return "money", v
    if kind == "p":
        v = {"value": float(plain[0]), "qualifier": opts.get("q", "exact"),
             "unit": "point" if "pt" in plain[1:] else "percent"}
        if "max" in opts:
            v["value_max"] = float(opts["max"])
            v["qualifier"] = "range"
        return "percent", v
    if kind == "d":
        return "date", {"iso": plain[0]}
    if kind == "n":
        return "person", {"name": text, "title": " ".join(plain) or None, "canonical": None}
    if kind == "c":
        return "company", {"name": text, "canonical": " ".join(plain) or None}
    raise ValueError(kind)


def build(stem, marked):
    plain, facts, pos, last = [], [], 0, 0
    for mk in MARK.finditer(marked):
        plain.append(marked[last:mk.start()])
        pos += len(marked[last:mk.start()])
        text, spec = mk.group(1), mk.group(2).split()
        optional = spec[0].startswith("?")
        kind, v = value(spec[0].lstrip("?"), spec[1:], text)
        facts.append({"doc": stem, "kind": kind, "text": text, "start": pos,
                      "end": pos + len(text), "value": v, "optional": optional})
        plain.append(text)
        pos += len(text)
        last = mk.end()
    plain.append(marked[last:])
    body = "".join(plain)
    assert "⟦" not in body and "⟧" not in body, stem
    for f in facts:
        assert body[f["start"]:f["end"]] == f["text"], f
    return body, facts


def main():
    os.makedirs(os.path.join(HERE, "articles"), exist_ok=True)
    lines = []
    for name in sorted(os.listdir(os.path.join(HERE, "marked"))):
        stem = os.path.splitext(name)[0]
        with open(os.path.join(HERE, "marked", name), encoding="utf-8") as f:
            body, facts = build(stem, f.read())
        with open(os.path.join(HERE, "articles", stem + ".txt"), "w", encoding="utf-8") as f:
            f.write(body)
        lines += facts
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
        for g in lines:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    kinds = {}
    for g in lines:
        kinds[g["kind"]] = kinds.get(g["kind"], 0) + 1
    print(len(lines), "facts", kinds)


if __name__ == "__main__":
    main()
