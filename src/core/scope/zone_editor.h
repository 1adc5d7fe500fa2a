// An editing session over one zone geometry, with no GUI in it: draw polygons with snapping,
// move / insert / delete vertices, split, add, subtract, buffer, clip, and undo / redo.
// The desktop map tool drives it; tests drive it the same way.
#pragma once
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "scope/snapping.h"

namespace giatlas {

// What an edit does when its result is not a valid polygon.
// DEFAULT: refuse (the geometry stays as it was and the reason is returned).
enum class OnInvalid { refuse, repair };

struct EditResult {
  bool applied = false;
  bool repaired = false;  // make_valid changed the result before it was applied
  std::string reason;     // why it was refused, or what repair fixed ("Self-intersection[…]")
};

// A vertex of the zone: polygon, ring (0 = shell) and index (< ring size − 1; the closing
// duplicate follows the first vertex).
struct VertexRef {
  std::size_t polygon = 0;
  std::size_t ring = 0;
  std::size_t index = 0;
  friend bool operator==(const VertexRef&, const VertexRef&) = default;
};

struct ZoneEditorOptions {
  // DEFAULT: 200 undo steps are kept (the issue asks for at least 100); older ones drop off.
  std::size_t undo_limit = 200;
};

enum class DrawMode { add, subtract, replace };

class ZoneEditor {
 public:
  explicit ZoneEditor(MultiPolygon initial = {}, ZoneEditorOptions options = {});

  const MultiPolygon& geometry() const { return geom_; }
  // Snapping targets: add township boundaries first, then other zones (priority order).
  Snapper& snapper() { return snapper_; }
  Snap snap(const Point& p, double tolerance) const { return snapper_.snap(p, tolerance); }

  // --- drawing a new polygon ---------------------------------------------------------------
  void begin_draw();
  bool drawing() const { return drawing_; }
  const std::vector<Point>& draft() const { return draft_; }
  bool draft_closed() const { return draft_closed_; }
  // Adds a vertex at p, snapped within `tolerance` (map units). A click within tolerance of
  // the first vertex, with three or more vertices placed, closes the polygon instead.
  // REQUIRES: drawing() and not draft_closed() (Error otherwise).
  Snap add_draft_vertex(const Point& p, double tolerance);
  void remove_last_draft_vertex();
  void cancel_draw();
  // Applies the drawn polygon (closing it if needed). Refused with a reason when fewer than
  // three vertices were placed. Ends the drawing either way unless refused.
  EditResult finish_draw(DrawMode mode = DrawMode::add, OnInvalid on_invalid = OnInvalid::refuse);

  // --- vertex editing -----------------------------------------------------------------------
  std::optional<VertexRef> nearest_vertex(const Point& p, double tolerance) const;
  // The edge nearest to p within tolerance: `after` names its first vertex; `at` the closest point.
  struct EdgeHit {
    VertexRef after;
    Point at;
  };
  std::optional<EdgeHit> nearest_edge(const Point& p, double tolerance) const;
  EditResult move_vertex(const VertexRef& v, const Point& to, OnInvalid on_invalid = OnInvalid::refuse);
  // Inserts `at` between v and the next vertex.
  EditResult insert_vertex(const VertexRef& after, const Point& at, OnInvalid on_invalid = OnInvalid::refuse);
  // Refused when the ring would keep fewer than three vertices.
  EditResult delete_vertex(const VertexRef& v, OnInvalid on_invalid = OnInvalid::refuse);

  // --- whole-zone operations ----------------------------------------------------------------
  // The pieces a cut would make (largest first), without changing anything.
  std::vector<MultiPolygon> split_preview(const std::vector<Point>& line) const;
  // Cuts by the line and keeps the pieces whose indexes (in split_preview order) are listed.
  EditResult split_keep(const std::vector<Point>& line, const std::vector<std::size_t>& keep);
  EditResult add(const MultiPolygon& other, OnInvalid on_invalid = OnInvalid::refuse);
  EditResult subtract(const MultiPolygon& other, OnInvalid on_invalid = OnInvalid::refuse);
  EditResult buffer(double metres, OnInvalid on_invalid = OnInvalid::refuse);
  EditResult clip_to(const MultiPolygon& district, OnInvalid on_invalid = OnInvalid::refuse);
  EditResult replace(const MultiPolygon& m, OnInvalid on_invalid = OnInvalid::refuse);
  // Repairs the current geometry with make_valid (an undoable step); no-op when valid.
  EditResult repair();
  // "" when the current geometry is valid, else GEOS's reason.
  std::string validity() const;

  // --- history ------------------------------------------------------------------------------
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  std::size_t undo_steps() const { return undo_.size(); }
  std::size_t redo_steps() const { return redo_.size(); }
  // Label of the step undo() would revert ("move vertex", "add polygon" …), "" when none.
  std::string undo_label() const { return undo_.empty() ? "" : undo_.back().label; }
  bool undo();
  bool redo();

 private:
  struct Step {
    std::string label;
    MultiPolygon geom;
  };
  EditResult apply(const std::string& label, MultiPolygon candidate, OnInvalid on_invalid);
  Ring& ring_at(MultiPolygon& m, const VertexRef& v, const char* what) const;

  MultiPolygon geom_;
  ZoneEditorOptions options_;
  Snapper snapper_;
  std::deque<Step> undo_;
  std::deque<Step> redo_;
  bool drawing_ = false;
  bool draft_closed_ = false;
  std::vector<Point> draft_;
};

}  // namespace giatlas
