#!/usr/bin/env python3
"""Checks a GUI screenshot of the sample workspace pixel by pixel (standard library only).

Inputs: the PNG, the app's --print-layout output, the in-force zones and the townships as
GeoJSON (ogr2ogr), and the origin-check CSV (giatlas-cli check --out). Positions come from the
view the app printed, with the app's own projection (checked against --print-screen-xy).
Checks: a zone fill pixel, a township boundary pixel, an "outside" producer, label glyphs.
"""
import csv, json, math, struct, sys, zlib

R = 6371008.8


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), "only 8-bit RGB/RGBA"
            bpp = 4 if ctype == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride = zlib.decompress(idat), w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, lambda x, y: tuple(rows[y][x * bpp:x * bpp + 3])


def rgba(text):
    return tuple(int(v) for v in text.split(","))


def parse_layout(path):
    lay = {"style": {}, "legend": {}, "labels": [], "xy": []}
    for line in open(path, encoding="utf-8"):
        p = line.split()
        if not p: continue
        if p[0] == "view":
            lay["view"] = [float(v) for v in p[1:]]
        elif p[0] == "style":
            lay["style"][p[1]] = {"fill": rgba(p[3]), "outline": rgba(p[5]), "opacity": float(p[7]),
                                  "size": float(p[11])}
        elif p[0] == "legend":
            lay["legend"].setdefault(p[1], {})[" ".join(p[3:])] = rgba(p[2])
        elif p[0] == "label":
            lay["labels"].append((p[1], [float(v) for v in p[2:6]], " ".join(p[7:])))
        elif p[0] == "screen_xy":
            lon, lat = (float(v) for v in p[1].split(","))
            lay["xy"].append(((lon, lat), (float(p[2]), float(p[3]))))
    return lay


def to_screen(view, lon, lat):
    lon0, lat0, cx, cy, mpp, w, h, k = view
    mx = R * math.cos(math.radians(lat0)) * math.radians(lon - lon0)
    my = R * math.radians(lat - lat0)
    return ((mx - cx) / mpp + w / 2) / k, (h / 2 - (my - cy) / mpp) / k


def rings_of(geom):
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return [[ring for ring in poly] for poly in polys]


def inside(polys, x, y):  # polys: list of list of rings in screen coordinates
    for poly in polys:
        c = False
        for ring in poly:
            for i in range(len(ring) - 1):
                (x1, y1), (x2, y2) = ring[i], ring[i + 1]
                if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1: c = not c
        if c: return True
    return False


def seg_dist(polys, x, y):
    best = 1e18
    for poly in polys:
        for ring in poly:
            for i in range(len(ring) - 1):
                (x1, y1), (x2, y2) = ring[i], ring[i + 1]
                dx, dy = x2 - x1, y2 - y1
                t = max(0, min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy or 1)))
                best = min(best, math.hypot(x1 + t * dx - x, y1 + t * dy - y))
    return best


def near(c, want, tol):
    return all(abs(a - b) <= tol for a, b in zip(c, want))


BACKGROUND = (222, 232, 240)  # the map's clear colour
HATCH_ALPHA = 0.5              # map_renderer.cpp: zones' hatch lines


def between(c, a, b, tol):
    """c lies within tol of the colour segment from a to b."""
    for k in range(21):
        t = k / 20
        if near(c, tuple(x + t * (y - x) for x, y in zip(a, b)), tol): return True
    return False


def blend(top, alpha, under):
    return tuple(round(t * alpha + u * (1 - alpha)) for t, u in zip(top, under))


def main(png, layout, zones_json, towns_json, check_csv):
    w, h, px = read_png(png)
    lay = parse_layout(layout)
    view = lay["view"]
    for (lon, lat), (sx, sy) in lay["xy"]:  # the app's own maths agrees with ours
        ox, oy = to_screen(view, lon, lat)
        assert abs(ox - sx) < 0.6 and abs(oy - sy) < 0.6, f"projection mismatch {ox},{oy} vs {sx},{sy}"
    scr = lambda ring: [to_screen(view, x, y) for x, y in ring]
    zones = [(f["properties"]["gi"], [[scr(r) for r in poly] for poly in rings_of(f["geometry"])])
             for f in json.load(open(zones_json, encoding="utf-8"))["features"]
             if not f["properties"].get("effective_to")]
    towns = [[[scr(r) for r in poly] for poly in rings_of(f["geometry"])]
             for f in json.load(open(towns_json, encoding="utf-8"))["features"]]
    rows = list(csv.DictReader(open(check_csv, encoding="utf-8-sig")))
    points = [to_screen(view, float(r["lon"]), float(r["lat"])) for r in rows if r["lon"]]
    labels = lay["labels"]
    free = lambda x, y, m: (360 < x < w - 20 and 40 < y < h - 50 and
                            all(math.hypot(x - a, y - b) > m for a, b in points) and
                            all(not (b[0] - 6 < x < b[2] + 6 and b[1] - 6 < y < b[3] + 6) for _, b, _ in labels))
    failures = []

    # 1. A zone fill: probe around the zone's label anchor (its pole of inaccessibility). Zones
    # are a faint wash of their colour (the zones fill's alpha) with hatch lines of it, over the
    # townships' light wash over the background.
    ts = lay["style"]["townships"]
    town_fill = blend(ts["fill"][:3], ts["fill"][3] / 255 * ts["opacity"], BACKGROUND)
    zone_alpha = lay["style"]["zones"]["fill"][3] / 255 * lay["style"]["zones"]["opacity"]
    ok = None
    for gi, polys in zones:
        others = [p for g, p in zones if g != gi]
        colour = lay["legend"]["zones"][gi]
        want = (blend(colour, zone_alpha, town_fill), blend(colour, HATCH_ALPHA, town_fill))
        for (x, y) in [(a, b) for lay_name, box, text in labels if lay_name == "zones" and text == gi
                       for a, b in [((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)]]:
            for dx, dy in [(0, 18), (0, -18), (24, 0), (-24, 0), (20, 20), (-20, -20), (0, 30), (0, -30)]:
                X, Y = round(x + dx), round(y + dy)
                if not free(X, Y, 10) or not inside(polys, X, Y): continue
                if any(inside(p, X, Y) for p in others): continue
                if seg_dist(towns, X, Y) < 5 or seg_dist(polys, X, Y) < 5: continue
                ok = (gi, X, Y, px(X, Y), want)
                break
            if ok: break
        if ok: break
    if not ok: failures.append("no free pixel inside a zone found to probe")
    elif not between(ok[3], ok[4][0], ok[4][1], 14):
        failures.append(f"zone {ok[0]} fill at {ok[1]},{ok[2]} is {ok[3]}, expected between {ok[4][0]} and {ok[4][1]}")
    else: print(f"ok: zone {ok[0]} fill at {ok[1]},{ok[2]} = {ok[3]} (expected ~{ok[4]})")

    # 2. A township boundary pixel away from zones, points and labels.
    outline, zone_polys = lay["style"]["townships"]["outline"], [p for _, p in zones]
    found = None
    for polys in towns:
        for poly in polys:
            for (x, y) in poly[0][::7]:
                X, Y = round(x), round(y)
                if not (0 < X < w - 1 and 0 < Y < h - 1) or not free(X, Y, 12): continue
                if any(inside(p, X, Y) for p in zone_polys) or min(seg_dist(p, X, Y) for p in zone_polys) < 6: continue
                darkest = min((px(X + i, Y + j) for i in (-1, 0, 1) for j in (-1, 0, 1)), key=sum)
                found = (X, Y, darkest)
                break
            if found: break
        if found: break
    if not found: failures.append("no free township boundary pixel found to probe")
    elif not near(found[2], outline[:3], 40): failures.append(f"township edge at {found[0]},{found[1]} is {found[2]}, expected ~{outline[:3]}")
    else: print(f"ok: township boundary at {found[0]},{found[1]} = {found[2]} (outline {outline[:3]})")

    # 3. A producer the check put outside its zone, drawn in the "outside" colour.
    want = lay["legend"]["producers"]["outside"][:3]
    hit = None
    for r in rows:
        if r["result"] != "outside" or not r["lon"]: continue
        x, y = to_screen(view, float(r["lon"]), float(r["lat"]))
        X, Y = round(x), round(y)
        if not (360 < X < w - 20 and 40 < Y < h - 50): continue
        if sum(1 for a, b in points if math.hypot(a - x, b - y) < 12) > 1: continue  # itself only
        hit = (r["name"], X, Y, px(X, Y))
        break
    if not hit: failures.append("no isolated outside producer in view")
    elif not near(hit[3], want, 30): failures.append(f"outside producer {hit[0]} at {hit[1]},{hit[2]} is {hit[3]}, expected ~{want}")
    else: print(f"ok: outside producer at {hit[1]},{hit[2]} = {hit[3]} (expected ~{want})")

    # 4. Labels: every placed label box holds dark glyph pixels and light halo pixels.
    if not any(l[0] == "townships" for l in labels) or not any(l[0] == "zones" for l in labels):
        failures.append("township or zone labels missing")
    for name, (x0, y0, x1, y1), text in labels:
        ink = halo = 0
        for y in range(max(0, int(y0)), min(h, int(y1) + 1)):
            for x in range(max(0, int(x0)), min(w, int(x1) + 1)):
                c = px(x, y)
                ink += sum(c) < 3 * 110
                halo += sum(c) > 3 * 235
        if ink < 10 or halo < 5: failures.append(f"label {text} ({name}) has {ink} glyph pixels, {halo} halo pixels")
    print(f"ok: {len(labels)} labels checked for glyph pixels" if not any("label" in f for f in failures) else "labels: FAILED")
    for f in failures: print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
