// Recording census (普查) points with undo and redo. Every change is saved to the workspace at
// once (one transaction each), so nothing is lost if the program stops; undo reverses the last
// saved change by writing its inverse.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "workspace/model.h"

namespace giatlas {

class Workspace;

class CensusEditor {
 public:
  // DEFAULT: at most 200 steps are kept; older ones drop off the undo history.
  explicit CensusEditor(Workspace& ws, std::size_t max_steps = 200);

  // Adds a point; fills the township from the workspace's township polygons when it is empty,
  // with the origin check's rule (check/point_index.h: a point on a shared edge goes to the
  // township east of a north-south edge, north of an east-west edge). Returns its id.
  // REQUIRES: product and category not empty, location inside lon -180..180, lat -90..90.
  std::int64_t add(CensusPoint point);
  // Moves point `id` to `to` (the township is updated likewise).
  void move(std::int64_t id, const Point& to);
  // Changes the attributes of point `id` (its location stays).
  void edit(const CensusPoint& attributes);
  void remove(std::int64_t id);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  // A short description of the step undo() would reverse ("add 高山萝卜 census point").
  std::string undo_label() const;
  std::string redo_label() const;
  void undo();
  void redo();

 private:
  struct Step {
    std::string label;
    std::optional<CensusPoint> before;  // empty: the point did not exist
    std::optional<CensusPoint> after;   // empty: the point was removed
  };
  void apply(const std::optional<CensusPoint>& from, std::optional<CensusPoint>& to);
  void record(Step step);
  std::string township_at(const Point& p) const;

  Workspace& ws_;
  std::size_t max_steps_;
  std::vector<Step> undo_;
  std::vector<Step> redo_;
};

// Counts and totals of census points grouped by a field ("township", "category", "product").
struct CensusGroup {
  std::string key;
  int points = 0;
  double annual_output_t = 0;
  double area_mu = 0;
  int households = 0;
};
// Groups sorted by key. Throws Error for an unknown field.
std::vector<CensusGroup> summarise_census(const std::vector<CensusPoint>& points, const std::string& by);

}  // namespace giatlas
