#!/usr/bin/env python3
"""Build the round-3 gold set from its marked articles.

The format of `marked/` and the rules are round 2's: this runs
tests/gold/round2/build.py (which describes them) on this folder.

    python3 tests/gold/round3/build.py
"""

import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def builder():
    path = os.path.join(HERE, os.pardir, "round2", "build.py")
    spec = importlib.util.spec_from_file_location("round2_build", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HERE = HERE  # its main() reads marked/ and writes articles/, gold.jsonl under HERE
    return module


if __name__ == "__main__":
    builder().main()
