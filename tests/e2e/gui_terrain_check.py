#!/usr/bin/env python3
"""Checks the terrain screenshots of gui_terrain.sh pixel by pixel (standard library only).

1. The hillshade: in township interiors away from zones, labels and points, the pixels vary
   (shading) where the DEM is, and do not in the same view of the workspace without a DEM.
2. Township fills are neutral (grey) over the grey hillshade; with --tint they are not.
3. Each zone's outline is drawn in its legend colour.
4. The band preview's outline (magenta) is on the map.
Usage: gui_terrain_check.py TMPDIR (holding relief/plain/tint/band .png and .txt, zones.json,
towns.json, census.json, check.csv).
"""
import csv, json, math, os, statistics, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_screenshot_check import read_png, parse_layout, to_screen, rings_of, inside, seg_dist, near  # noqa: E402


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
    _, _, plain = read_png(os.path.join(tmp, "plain.png"))
    _, _, tint = read_png(os.path.join(tmp, "tint.png"))
    labels = lay["labels"]
    zone_polys = [p for _, p in zones]
    failures = []

    def free(x, y, m):
        return (360 < x < w - 20 and 40 < y < h - 50 and all(math.hypot(x - a, y - b) > m for a, b in points) and
                all(not (b[0] - 6 < x < b[2] + 6 and b[1] - 6 < y < b[3] + 6) for _, b, _ in labels))

    # 1 and 2: township interiors outside every zone.
    probes = []
    for y in range(60, h - 60, 5):
        for x in range(370, w - 30, 5):
            if not free(x, y, 8) or any(inside(p, x, y) for p in zone_polys): continue
            if not any(inside(t, x, y) for t in towns): continue
            if min(seg_dist(t, x, y) for t in towns) < 4 or min(seg_dist(p, x, y) for p in zone_polys) < 5: continue
            probes.append((x, y))
    if len(probes) < 40:
        failures.append(f"only {len(probes)} free township pixels to probe")
    else:
        lum = lambda c: 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
        sd_relief = statistics.pstdev(lum(relief(x, y)) for x, y in probes)
        sd_plain = statistics.pstdev(lum(plain(x, y)) for x, y in probes)
        print(f"ok? hillshade: luminance spread {sd_relief:.1f} with the DEM, {sd_plain:.1f} without ({len(probes)} pixels)")
        if sd_relief < 6 or sd_plain > 2: failures.append("the hillshade shows no shading variation")
        chroma = lambda c: max(c) - min(c)
        grey = statistics.mean(chroma(relief(x, y)) for x, y in probes)
        tinted = statistics.mean(chroma(tint(x, y)) for x, y in probes)
        print(f"ok? township fill: mean chroma {grey:.1f} over the hillshade, {tinted:.1f} with the tint")
        if grey > 6: failures.append(f"township fills are not neutral (mean chroma {grey:.1f})")
        if tinted < 12: failures.append(f"the tint does not colour the relief (mean chroma {tinted:.1f})")

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
    print(f"ok? band preview: {magenta} magenta pixels (every 4th pixel counted)")
    if magenta < 50: failures.append("the band preview's outline is not on the map")
    for f in failures: print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
