#!/usr/bin/env python3
"""Checks the terrain screenshots of gui_terrain.sh pixel by pixel (standard library only).

1. The hillshade: in township interiors (a view showing only the townships) the pixels vary
   (shading) where the DEM is, and do not in the same view of the workspace without a DEM;
   beyond the district, inside the DEM, the relief is drawn on the background.
2. Township fills are neutral (grey) over the grey hillshade; with --tint they are not.
3. Each zone's outline is drawn in its legend colour.
4. The band preview's outline (magenta) is on the map.
Usage: gui_terrain_check.py TMPDIR (holding relief.png/.txt, towns.png, towns_plain.png,
towns_tint.png, band.png, zones.json, towns.json, census.json, check.csv).
"""
import csv, json, math, os, statistics, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_screenshot_check import (read_png, parse_layout, to_screen, rings_of, seg_dist, near, blend,  # noqa: E402
                                  BACKGROUND)


def load(tmp):
    lay = parse_layout(os.path.join(tmp, "relief.txt"))
    view = lay["view"]
    scr = lambda ring: [to_screen(view, x, y) for x, y in ring]
    zones = [(f["properties"]["gi"], [[scr(r) for r in poly] for poly in rings_of(f["geometry"])])
             for f in json.load(open(os.path.join(tmp, "zones.json"), encoding="utf-8"))["features"]
             if not f["properties"].get("effective_to")]
    towns = [[[scr(r) for r in poly] for poly in rings_of(f["geometry"])]
             for f in json.load(open(os.path.join(tmp, "towns.json"), encoding="utf-8"))["features"]]
    rows = list(csv.DictReader(open(os.path.join(tmp, "check.csv"), encoding="utf-8-sig")))
    points = [to_screen(view, float(r["lon"]), float(r["lat"])) for r in rows if r["lon"]]
    for f in json.load(open(os.path.join(tmp, "census.json"), encoding="utf-8"))["features"]:
        if f["geometry"]: points.append(to_screen(view, *f["geometry"]["coordinates"][:2]))
    return lay, zones, towns, points


def main(tmp):
    lay, zones, towns, points = load(tmp)
    w, h, relief = read_png(os.path.join(tmp, "relief.png"))
    # The same view with only the townships shown: with the DEM, without it, with the tint.
    _, _, towns_relief = read_png(os.path.join(tmp, "towns.png"))
    _, _, plain = read_png(os.path.join(tmp, "towns_plain.png"))
    _, _, tint = read_png(os.path.join(tmp, "towns_tint.png"))
    labels = lay["labels"]
    failures = []

    def free(x, y, m):
        return (360 < x < w - 20 and 40 < y < h - 50 and all(math.hypot(x - a, y - b) > m for a, b in points) and
                all(not (b[0] - 6 < x < b[2] + 6 and b[1] - 6 < y < b[3] + 6) for _, b, _ in labels))

    # 1 and 2: township interiors, found as the pixels that show the plain township wash in the
    # view without a DEM (so no label or line is there).
    ts = lay["style"]["townships"]
    wash = blend(ts["fill"][:3], ts["fill"][3] / 255 * ts["opacity"], BACKGROUND)
    probes = [(x, y) for y in range(40, h - 50, 3) for x in range(360, w - 20, 3) if near(plain(x, y), wash, 2)]
    if len(probes) < 100:
        failures.append(f"only {len(probes)} plain township pixels ({wash}) to probe")
    else:
        lum = lambda c: 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
        sd_relief = statistics.pstdev(lum(towns_relief(x, y)) for x, y in probes)
        sd_plain = statistics.pstdev(lum(plain(x, y)) for x, y in probes)
        print(f"hillshade: luminance spread {sd_relief:.1f} with the DEM, {sd_plain:.1f} without ({len(probes)} pixels)")
        if sd_relief < 5 or sd_plain > 1: failures.append("the hillshade shows no shading variation")
        chroma = lambda c: max(c) - min(c)
        grey = statistics.mean(chroma(towns_relief(x, y)) for x, y in probes)
        tinted = statistics.mean(chroma(tint(x, y)) for x, y in probes)
        print(f"township fill: mean chroma {grey:.1f} over the hillshade, {tinted:.1f} with the tint")
        if grey > 4: failures.append(f"township fills are not neutral over the hillshade (mean chroma {grey:.1f})")
        if tinted < 12: failures.append(f"the tint does not colour the relief (mean chroma {tinted:.1f})")
    # Beyond the district, inside the DEM: the relief on the background.
    outside = [(x, y) for y in range(40, h - 50, 4) for x in range(360, w - 20, 4) if near(plain(x, y), BACKGROUND, 1)]
    shaded = sum(1 for x, y in outside if not near(towns_relief(x, y), BACKGROUND, 6))
    print(f"relief beyond the district: {shaded} of {len(outside)} background pixels shaded")
    if shaded < 100: failures.append("no relief drawn beyond the district's townships")

    # 3: each zone's outline in its legend colour, on a vertex of its edge away from other zones.
    checked = 0
    for gi, polys in zones:
        colour = lay["legend"]["zones"][gi][:3]
        others = [p for g, p in zones if g != gi]
        hit = None
        for poly in polys:
            ring = poly[0]
            for i in range(0, len(ring) - 1, 3):
                (x1, y1), (x2, y2) = ring[i], ring[i + 1]
                x, y = (x1 + x2) / 2, (y1 + y2) / 2
                if not free(x, y, 12) or (others and min(seg_dist(p, x, y) for p in others) < 8): continue
                X, Y = round(x), round(y)
                best = min((relief(X + i, Y + j) for i in (-1, 0, 1) for j in (-1, 0, 1)),
                           key=lambda c: sum(abs(a - b) for a, b in zip(c, colour)))
                hit = (X, Y, best)
                break
            if hit: break
        if not hit: continue
        checked += 1
        if not near(hit[2], colour, 24): failures.append(f"zone {gi} outline at {hit[0]},{hit[1]} is {hit[2]}, legend {colour}")
        else: print(f"ok: zone {gi} outline at {hit[0]},{hit[1]} = {hit[2]} (legend {colour})")
    if checked < 2: failures.append(f"only {checked} zone outlines could be probed")

    # 4: the band preview's magenta outline.
    bw, bh, band = read_png(os.path.join(tmp, "band.png"))
    magenta = sum(1 for y in range(0, bh, 2) for x in range(0, bw, 2) if near(band(x, y), (200, 0, 160), 30))
    print(f"band preview: {magenta} magenta pixels (every 4th pixel counted)")
    if magenta < 50: failures.append("the band preview's outline is not on the map")
    for f in failures: print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
