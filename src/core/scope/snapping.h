// Snapping for the zone editor: a new or moved vertex jumps to a nearby vertex or edge of the
// township boundaries and of other zones, within a tolerance in map units.
#pragma once
#include <cstddef>
#include <unordered_map>
#include <vector>

#include "geo/geometry.h"

namespace giatlas {

enum class SnapKind { none, vertex, edge };

struct Snap {
  Point point;  // the snapped position (the input when kind == none)
  SnapKind kind = SnapKind::none;
  double distance = 0;  // from the input, in map units
  int layer = -1;       // index of the layer snapped to, in add_layer order
};

// Holds the snapping targets. Layers are added in priority order (townships first, then other
// zones); ties in distance go to the earlier layer.
// DEFAULT: a vertex within tolerance always wins over an edge, even over a nearer edge, because
// vertices are where boundaries meet and snapping to them keeps topology shared exactly.
class Snapper {
 public:
  // Returns the index of the new layer.
  int add_layer(const MultiPolygon& m);
  void clear();
  bool empty() const { return segs_.empty(); }

  // REQUIRES: tolerance >= 0 in the map's units (the GUI converts its pixel tolerance).
  // A target exactly at `tolerance` counts as within it.
  Snap snap(const Point& p, double tolerance) const;

 private:
  struct Seg {
    Point a, b;
    int layer;
  };
  void build_index() const;
  template <class Fn>
  void for_candidates(const Point& p, double tolerance, Fn fn) const;

  std::vector<Seg> segs_;
  int layers_ = 0;
  // Lazily built uniform grid over segment bounding boxes (mutable: an index, not state).
  mutable bool indexed_ = false;
  mutable Box extent_;
  mutable double cell_ = 0;
  mutable std::unordered_map<long long, std::vector<std::size_t>> grid_;
};

// Closest point to p on the segment a–b (planar).
Point closest_on_segment(const Point& p, const Point& a, const Point& b);

}  // namespace giatlas
