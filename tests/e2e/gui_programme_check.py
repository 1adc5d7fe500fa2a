#!/usr/bin/env python3
"""Checks a screenshot of the programme window (Targets tab) on the sample as of 2025-12-31.

The window sits at the top left (10, 10 window pixels, 760 x 560). Its four progress bars are
coloured by status: new trademarks behind (red) at 3 of 5, the other three met (green, full).
Checks, by pixels: three full green bars and one red bar whose fill is 3/5 of a full bar's
length (±4 px), and the per-year use-rate histogram (ImGui's plot colour) below them.
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_screenshot_check import read_png  # noqa: E402

GREEN, RED, PLOT = (38, 158, 64), (217, 46, 41), (230, 179, 0)


def close(c, want, tol=12):
    return all(abs(a - b) <= tol for a, b in zip(c, want))


def runs(w, h, px, colour, x_max, y_max):
    """Horizontal runs of `colour` per row: {y: (x0, length)} of the longest run on that row."""
    out = {}
    for y in range(min(h, y_max)):
        best, start = (0, 0), None
        for x in range(min(w, x_max) + 1):
            inside = x < min(w, x_max) and close(px(x, y), colour)
            if inside and start is None:
                start = x
            if not inside and start is not None:
                if x - start > best[1]:
                    best = (start, x - start)
                start = None
        if best[1] > 20:
            out[y] = best
    return out


def bars(rows):
    """Groups consecutive rows into bars: list of (y0, y1, length), the length being the longest
    run of the bar's rows (the value text drawn over a bar shortens the runs of its rows)."""
    out, prev = [], None
    for y in sorted(rows):
        if prev is not None and y == prev + 1:
            out[-1] = (out[-1][0], y, max(out[-1][2], rows[y][1]))
        else:
            out.append((y, y, rows[y][1]))
        prev = y
    return [b for b in out if b[1] - b[0] >= 5]


def main(png, scale="1"):
    w, h, px = read_png(png)
    s = float(scale)
    limit_x, limit_y = int(790 * s), int(590 * s)
    green = bars(runs(w, h, px, GREEN, limit_x, limit_y))
    red = bars(runs(w, h, px, RED, limit_x, limit_y))
    failures = []
    if len(green) != 3:
        failures.append(f"expected 3 green (met) bars, found {len(green)}: {green}")
    if len(red) != 1:
        failures.append(f"expected 1 red (behind) bar, found {len(red)}: {red}")
    if green and red:
        full = max(b[2] for b in green)
        want = full * 3 / 5
        if abs(red[0][2] - want) > 4:
            failures.append(f"the behind bar is {red[0][2]} px, not 3/5 of {full} px")
        if any(abs(b[2] - full) > 2 for b in green):
            failures.append(f"the met bars are not full: {green}")
        if not red[0][0] < min(b[0] for b in green):
            failures.append("the trademarks bar (first target) is not above the others")
    plot = sum(1 for y in range(min(h, limit_y)) for x in range(min(w, limit_x)) if close(px(x, y), PLOT))
    if plot < 500:
        failures.append(f"the per-year histogram has only {plot} pixels")
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print(f"PASS: programme window: green bars {green}, red bar {red}, histogram {plot} px")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
