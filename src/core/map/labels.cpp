// Pole-of-inaccessibility anchors and greedy, collision-free label placement (see labels.h).
#include "map/labels.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "error.h"

namespace giatlas {
namespace {

double polygon_area(const Polygon& p) {
  if (p.rings.empty()) return 0;
  double a = std::abs(signed_area(p.rings[0]));
  for (std::size_t i = 1; i < p.rings.size(); ++i) a -= std::abs(signed_area(p.rings[i]));
  return a;
}

bool overlaps(const Box& a, const Box& b, double pad) {
  return a.minx - pad < b.maxx && a.maxx + pad > b.minx && a.miny - pad < b.maxy && a.maxy + pad > b.miny;
}

}  // namespace

LabelAnchor label_anchor(const GeosContext& ctx, const MultiPolygon& m) {
  LabelAnchor a;
  const Polygon* largest = nullptr;
  double best = 0;
  for (const Polygon& p : m.polygons) {
    const double area = polygon_area(p);
    if (area > best) best = area, largest = &p;
  }
  if (!largest) return a;
  a.extent = bounds(*largest);
  // A tolerance of 1/200 of the part's size: precise enough for a label, fast on big rings.
  const double tol = std::max(a.extent.width(), a.extent.height()) / 200.0;
  try {
    GeosGeom g = to_geos(ctx, *largest);
    GeosGeom line = geos_take(ctx, GEOSMaximumInscribedCircle_r(ctx, g.get(), tol), "label anchor");
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, line.get());
    Point c, edge;
    if (seq && GEOSCoordSeq_getXY_r(ctx, seq, 0, &c.x, &c.y) && GEOSCoordSeq_getXY_r(ctx, seq, 1, &edge.x, &edge.y)) {
      a.at = c;
      a.radius = std::hypot(edge.x - c.x, edge.y - c.y);
    }
  } catch (const Error&) {
    a.radius = 0;  // invalid geometry: no label rather than a label outside the polygon
  }
  return a;
}

std::vector<PlacedLabel> place_labels(const std::vector<LabelCandidate>& cands, const Viewport& view,
                                      const LabelOptions& o) {
  std::vector<std::size_t> order(cands.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cands[a].priority > cands[b].priority; });
  std::vector<PlacedLabel> placed;
  for (std::size_t i : order) {
    const LabelCandidate& c = cands[i];
    if (!c.anchor.valid()) continue;
    const double r_px = c.anchor.radius / view.m_per_px;
    const double extent_w = c.anchor.extent.width() / view.m_per_px;
    const double extent_h = c.anchor.extent.height() / view.m_per_px;
    if (c.width_px > std::min(extent_w, 2 * r_px * o.width_ratio) || c.height_px > std::min(extent_h, 2 * r_px))
      continue;
    const Point s = view.to_screen(c.anchor.at);
    Box box{s.x - c.width_px / 2.0, s.y - c.height_px / 2.0, s.x + c.width_px / 2.0, s.y + c.height_px / 2.0};
    if (box.maxx < 0 || box.minx > view.width || box.maxy < 0 || box.miny > view.height) continue;
    const bool clash = std::any_of(placed.begin(), placed.end(),
                                   [&](const PlacedLabel& p) { return overlaps(p.screen, box, o.padding_px); });
    if (!clash) placed.push_back({i, box});
  }
  return placed;
}

}  // namespace giatlas
