"""Build once in this process and print {"seconds", "peak_mb"} as JSON (run by bench/run.py).

    python bench/measure.py --content DIR --output DIR [--bare] [--cache DIR] [-e KEY=JSON ...]
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--cache", default=None)
    parser.add_argument("--bare", action="store_true", help="Pelican alone: default theme, no plugin")
    parser.add_argument("-e", dest="extra", action="append", default=[], help="KEY=JSON setting")
    args = parser.parse_args()

    from pelican import Pelican, log
    from pelican.settings import read_settings

    logging.basicConfig(level=logging.ERROR)
    log.console.quiet = True
    overrides = {"PATH": args.content, "OUTPUT_PATH": args.output}
    if args.cache:
        overrides["CACHE_PATH"] = args.cache
    for item in args.extra:
        key, value = item.split("=", 1)
        overrides[key] = json.loads(value)
    if args.bare:
        settings = read_settings(None, override={**overrides, "SITEURL": "", "LOCALE": ("C",)})
    else:
        settings = read_settings(str(ROOT / "pelicanconf.py"), override=overrides)
    started = time.perf_counter()
    Pelican(settings).run()
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump({"seconds": seconds, "peak_mb": peak_kb / 1024}, sys.stdout)


if __name__ == "__main__":
    main()
