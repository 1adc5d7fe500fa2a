// The zone editing session: every change goes through apply(), which validates and records
// an undo snapshot. Snapshots (not commands) keep undo exact whatever GEOS does to a result.
#include "scope/zone_editor.h"

#include <cmath>

#include "error.h"
#include "geo/geos.h"
#include "scope/zone_ops.h"

namespace giatlas {

namespace {

double dist(const Point& a, const Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }

// A ring as a polygon of its own, closed.
Polygon polygon_from(std::vector<Point> pts) {
  if (!pts.empty() && !(pts.front() == pts.back())) pts.push_back(pts.front());
  Polygon p;
  p.rings.push_back(std::move(pts));
  return p;
}

}  // namespace

ZoneEditor::ZoneEditor(MultiPolygon initial, ZoneEditorOptions options)
    : geom_(std::move(initial)), options_(options) {
  if (options_.undo_limit == 0) options_.undo_limit = 1;
}

EditResult ZoneEditor::apply(const std::string& label, MultiPolygon candidate, OnInvalid on_invalid) {
  EditResult r;
  GeosContext ctx;
  if (!candidate.empty()) {
    std::string reason = invalid_reason(ctx, candidate);
    if (!reason.empty()) {
      if (on_invalid == OnInvalid::refuse) {
        r.reason = label + ": the result is not a valid polygon: " + reason;
        return r;
      }
      candidate = make_valid(ctx, candidate);
      const std::string still = candidate.empty() ? "" : invalid_reason(ctx, candidate);
      if (!still.empty()) {
        r.reason = label + ": repair failed: " + still;
        return r;
      }
      r.repaired = true;
      r.reason = "repaired: " + reason;
    }
  }
  undo_.push_back({label, std::move(geom_)});
  while (undo_.size() > options_.undo_limit) undo_.pop_front();
  redo_.clear();
  geom_ = std::move(candidate);
  r.applied = true;
  return r;
}

bool ZoneEditor::undo() {
  if (undo_.empty()) return false;
  Step s = std::move(undo_.back());
  undo_.pop_back();
  redo_.push_back({s.label, std::move(geom_)});
  geom_ = std::move(s.geom);
  return true;
}

bool ZoneEditor::redo() {
  if (redo_.empty()) return false;
  Step s = std::move(redo_.back());
  redo_.pop_back();
  undo_.push_back({s.label, std::move(geom_)});
  geom_ = std::move(s.geom);
  return true;
}

// --- drawing ------------------------------------------------------------------------------

void ZoneEditor::begin_draw() {
  drawing_ = true;
  draft_closed_ = false;
  draft_.clear();
}

Snap ZoneEditor::add_draft_vertex(const Point& p, double tolerance) {
  if (!drawing_) throw Error("zone editor: add a vertex after starting a polygon");
  if (draft_closed_) throw Error("zone editor: the polygon is already closed");
  Snap s = snapper_.snap(p, tolerance);
  // Closing on the first vertex takes precedence: it is what a click there means.
  if (draft_.size() >= 3 && dist(p, draft_.front()) <= tolerance) {
    draft_closed_ = true;
    return {draft_.front(), SnapKind::vertex, dist(p, draft_.front()), -1};
  }
  if (draft_.empty() || !(draft_.back() == s.point)) draft_.push_back(s.point);
  return s;
}

void ZoneEditor::remove_last_draft_vertex() {
  if (draft_closed_) {
    draft_closed_ = false;
    return;
  }
  if (!draft_.empty()) draft_.pop_back();
}

void ZoneEditor::cancel_draw() {
  drawing_ = false;
  draft_closed_ = false;
  draft_.clear();
}

EditResult ZoneEditor::finish_draw(DrawMode mode, OnInvalid on_invalid) {
  if (!drawing_ || draft_.size() < 3) {
    EditResult r;
    r.reason = "draw polygon: place at least three vertices first";
    return r;
  }
  MultiPolygon drawn;
  drawn.polygons.push_back(polygon_from(draft_));
  GeosContext ctx;
  const std::string reason = invalid_reason(ctx, drawn);
  if (!reason.empty()) {
    if (on_invalid == OnInvalid::refuse) {
      EditResult r;
      r.reason = "draw polygon: the drawn polygon is not valid: " + reason;
      return r;
    }
    drawn = make_valid(ctx, drawn);
  }
  EditResult r;
  switch (mode) {
    case DrawMode::add:
      r = apply("add polygon", zone_union(geom_, drawn), on_invalid);
      break;
    case DrawMode::subtract:
      r = apply("subtract polygon", zone_difference(geom_, drawn), on_invalid);
      break;
    case DrawMode::replace:
      r = apply("draw polygon", drawn, on_invalid);
      break;
  }
  if (!reason.empty() && r.applied) {
    r.repaired = true;
    r.reason = "repaired: " + reason;
  }
  if (r.applied) cancel_draw();
  return r;
}

// --- vertex editing -----------------------------------------------------------------------

Ring& ZoneEditor::ring_at(MultiPolygon& m, const VertexRef& v, const char* what) const {
  if (v.polygon >= m.polygons.size() || v.ring >= m.polygons[v.polygon].rings.size())
    throw Error(std::string(what) + ": no such ring in the zone");
  Ring& r = m.polygons[v.polygon].rings[v.ring];
  if (r.size() < 2 || v.index + 1 >= r.size())
    throw Error(std::string(what) + ": no such vertex in the zone");
  return r;
}

std::optional<VertexRef> ZoneEditor::nearest_vertex(const Point& p, double tolerance) const {
  std::optional<VertexRef> best;
  double best_d = tolerance;
  for (std::size_t pi = 0; pi < geom_.polygons.size(); ++pi)
    for (std::size_t ri = 0; ri < geom_.polygons[pi].rings.size(); ++ri) {
      const Ring& r = geom_.polygons[pi].rings[ri];
      for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        const double d = dist(p, r[i]);
        if (d <= best_d) {
          best_d = d;
          best = VertexRef{pi, ri, i};
        }
      }
    }
  return best;
}

std::optional<ZoneEditor::EdgeHit> ZoneEditor::nearest_edge(const Point& p, double tolerance) const {
  std::optional<EdgeHit> best;
  double best_d = tolerance;
  for (std::size_t pi = 0; pi < geom_.polygons.size(); ++pi)
    for (std::size_t ri = 0; ri < geom_.polygons[pi].rings.size(); ++ri) {
      const Ring& r = geom_.polygons[pi].rings[ri];
      for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        const Point c = closest_on_segment(p, r[i], r[i + 1]);
        const double d = dist(p, c);
        if (d <= best_d) {
          best_d = d;
          best = EdgeHit{VertexRef{pi, ri, i}, c};
        }
      }
    }
  return best;
}

EditResult ZoneEditor::move_vertex(const VertexRef& v, const Point& to, OnInvalid on_invalid) {
  MultiPolygon m = geom_;
  Ring& r = ring_at(m, v, "move vertex");
  r[v.index] = to;
  if (v.index == 0) r.back() = to;
  return apply("move vertex", std::move(m), on_invalid);
}

EditResult ZoneEditor::insert_vertex(const VertexRef& after, const Point& at, OnInvalid on_invalid) {
  MultiPolygon m = geom_;
  Ring& r = ring_at(m, after, "insert vertex");
  r.insert(r.begin() + static_cast<std::ptrdiff_t>(after.index) + 1, at);
  return apply("insert vertex", std::move(m), on_invalid);
}

EditResult ZoneEditor::delete_vertex(const VertexRef& v, OnInvalid on_invalid) {
  MultiPolygon m = geom_;
  Ring& r = ring_at(m, v, "delete vertex");
  if (r.size() <= 4) {
    EditResult res;
    res.reason = "delete vertex: a ring needs at least three vertices";
    return res;
  }
  r.erase(r.begin() + static_cast<std::ptrdiff_t>(v.index));
  if (v.index == 0) r.back() = r.front();
  return apply("delete vertex", std::move(m), on_invalid);
}

// --- whole-zone operations ----------------------------------------------------------------

std::vector<MultiPolygon> ZoneEditor::split_preview(const std::vector<Point>& line) const {
  return split_by_line(geom_, line);
}

EditResult ZoneEditor::split_keep(const std::vector<Point>& line, const std::vector<std::size_t>& keep) {
  const std::vector<MultiPolygon> pieces = split_by_line(geom_, line);
  EditResult r;
  if (pieces.size() < 2) {
    r.reason = "split: the line does not cut the zone into pieces";
    return r;
  }
  std::vector<MultiPolygon> kept;
  for (std::size_t i : keep) {
    if (i >= pieces.size()) {
      r.reason = "split: there is no piece " + std::to_string(i) + " (the cut makes " +
                 std::to_string(pieces.size()) + ")";
      return r;
    }
    kept.push_back(pieces[i]);
  }
  GeosContext ctx;
  return apply("split", kept.empty() ? MultiPolygon{} : union_all(ctx, kept), OnInvalid::refuse);
}

EditResult ZoneEditor::add(const MultiPolygon& other, OnInvalid on_invalid) {
  return apply("add polygon", zone_union(geom_, other), on_invalid);
}

EditResult ZoneEditor::subtract(const MultiPolygon& other, OnInvalid on_invalid) {
  return apply("subtract polygon", zone_difference(geom_, other), on_invalid);
}

EditResult ZoneEditor::buffer(double metres, OnInvalid on_invalid) {
  if (!std::isfinite(metres)) {
    EditResult r;
    r.reason = "buffer: the distance is not a number";
    return r;
  }
  return apply("buffer " + std::to_string(static_cast<long long>(std::llround(metres))) + " m",
               buffer_metres(geom_, metres), on_invalid);
}

EditResult ZoneEditor::clip_to(const MultiPolygon& district, OnInvalid on_invalid) {
  return apply("clip to district", zone_intersection(geom_, district), on_invalid);
}

EditResult ZoneEditor::replace(const MultiPolygon& m, OnInvalid on_invalid) {
  return apply("replace zone", m, on_invalid);
}

EditResult ZoneEditor::repair() {
  if (validity().empty()) return EditResult{};
  return apply("repair", geom_, OnInvalid::repair);
}

std::string ZoneEditor::validity() const {
  if (geom_.empty()) return "";
  GeosContext ctx;
  return invalid_reason(ctx, geom_);
}

}  // namespace giatlas
