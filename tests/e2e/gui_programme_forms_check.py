#!/usr/bin/env python3
"""Pixel checks for gui_programme_forms.sh.

  gui_programme_forms_check.py REGISTER.png TARGETS.png
      the register tab (forms, users of the selected GI) and the targets tab differ over much of
      the window: the forms are drawn, not a blank window.
  gui_programme_forms_check.py --layer DEFAULT.png RESOURCES.png
      with the resource layer on and the census points off, at least three of the census
      category colours (the resources' diamonds) cover 30 px or more each.
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_screenshot_check import read_png  # noqa: E402

CATEGORIES = {"特色农产品": (0, 140, 70), "传统手工业品": (150, 90, 30), "道地药材": (160, 40, 160),
              "非物质文化遗产": (200, 30, 60)}


def close(c, want, tol=10):
    return all(abs(a - b) <= tol for a, b in zip(c, want))


def forms(register, targets):
    w, h, a = read_png(register)
    w2, h2, b = read_png(targets)
    if (w, h) != (w2, h2):
        print("FAIL: screenshots differ in size")
        return 1
    diff = sum(1 for y in range(0, min(h, 880), 2) for x in range(0, min(w, 830), 2) if a(x, y) != b(x, y))
    total = len(range(0, min(h, 880), 2)) * len(range(0, min(w, 830), 2))
    if diff < total * 0.05:
        print(f"FAIL: the register and targets tabs look alike ({diff} of {total} sampled pixels differ)")
        return 1
    print(f"PASS: the tabs differ in {diff} of {total} sampled pixels")
    return 0


def layer(default, resources):
    counts = {}
    for name, path in (("default", default), ("resources", resources)):
        w, h, px = read_png(path)
        c = {k: 0 for k in CATEGORIES}
        for y in range(h):
            for x in range(w):
                p = px(x, y)
                for k, col in CATEGORIES.items():
                    if close(p, col):
                        c[k] += 1
        counts[name] = c
    shown = [k for k, n in counts["resources"].items() if n >= 30]
    if len(shown) < 3:
        print(f"FAIL: resource diamonds of only {shown}: {counts}")
        return 1
    print(f"PASS: resource colours {counts['resources']} (census layer on, resources off: {counts['default']})")
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "--layer":
        sys.exit(layer(sys.argv[2], sys.argv[3]))
    sys.exit(forms(sys.argv[1], sys.argv[2]))
