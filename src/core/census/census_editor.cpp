// Census point recording with undo/redo, and census summaries.
#include "census/census_editor.h"

#include <algorithm>
#include <map>

#include "error.h"
#include "check/point_index.h"
#include "workspace/workspace.h"

namespace giatlas {

CensusEditor::CensusEditor(Workspace& ws, std::size_t max_steps) : ws_(ws), max_steps_(std::max<std::size_t>(1, max_steps)) {}

// Same township rule as the origin check (PointIndex over townships ordered by code), so a
// point on a shared edge lands in the same township in census tables and check reports.
std::string CensusEditor::township_at(const Point& p) const {
  auto towns = ws_.townships();
  std::sort(towns.begin(), towns.end(), [](const Township& a, const Township& b) {
    return a.code != b.code ? a.code < b.code : a.name < b.name;
  });
  std::vector<MultiPolygon> geoms;
  for (const auto& t : towns) geoms.push_back(t.geom);
  PointHit hit = PointIndex(geoms).locate(p);
  return hit.owner >= 0 ? towns[static_cast<std::size_t>(hit.owner)].name : "";
}

void CensusEditor::record(Step step) {
  undo_.push_back(std::move(step));
  if (undo_.size() > max_steps_) undo_.erase(undo_.begin());
  redo_.clear();
}

std::int64_t CensusEditor::add(CensusPoint point) {
  if (point.product.empty() || point.category.empty())
    throw Error("census point: product and category are required");
  if (point.location.x < -180 || point.location.x > 180 || point.location.y < -90 || point.location.y > 90)
    throw Error("census point: location out of range");
  if (point.township.empty()) point.township = township_at(point.location);
  std::vector<CensusPoint> one{point};
  ws_.add_census_points(one);
  record({"add " + point.product + " census point", std::nullopt, one.front()});
  return one.front().id;
}

void CensusEditor::move(std::int64_t id, const Point& to) {
  auto before = ws_.census_point(id);
  if (!before) throw Error("census point #" + std::to_string(id) + " does not exist");
  CensusPoint after = *before;
  after.location = to;
  after.township = township_at(to);
  ws_.update_census_point(after);
  record({"move " + after.product + " census point", before, after});
}

void CensusEditor::edit(const CensusPoint& attributes) {
  auto before = ws_.census_point(attributes.id);
  if (!before) throw Error("census point #" + std::to_string(attributes.id) + " does not exist");
  CensusPoint after = attributes;
  after.location = before->location;
  ws_.update_census_point(after);
  record({"edit " + after.product + " census point", before, after});
}

void CensusEditor::remove(std::int64_t id) {
  auto before = ws_.census_point(id);
  if (!before) throw Error("census point #" + std::to_string(id) + " does not exist");
  ws_.remove_census_point(id);
  record({"delete " + before->product + " census point", before, std::nullopt});
}

// Makes the workspace hold `to` where it now holds `from`. A point brought back after a delete
// gets a new id; `to` is updated so later steps refer to it.
void CensusEditor::apply(const std::optional<CensusPoint>& from, std::optional<CensusPoint>& to) {
  if (from && !to) {
    ws_.remove_census_point(from->id);
  } else if (!from && to) {
    std::vector<CensusPoint> one{*to};
    ws_.add_census_points(one);
    std::int64_t old_id = to->id;
    to->id = one.front().id;
    for (auto* stack : {&undo_, &redo_})
      for (auto& s : *stack) {
        if (s.before && s.before->id == old_id) s.before->id = to->id;
        if (s.after && s.after->id == old_id) s.after->id = to->id;
      }
  } else if (from && to) {
    ws_.update_census_point(*to);
  }
}

std::string CensusEditor::undo_label() const { return undo_.empty() ? "" : undo_.back().label; }
std::string CensusEditor::redo_label() const { return redo_.empty() ? "" : redo_.back().label; }

void CensusEditor::undo() {
  if (undo_.empty()) return;
  Step s = undo_.back();
  undo_.pop_back();
  apply(s.after, s.before);
  redo_.push_back(std::move(s));
}

void CensusEditor::redo() {
  if (redo_.empty()) return;
  Step s = redo_.back();
  redo_.pop_back();
  apply(s.before, s.after);
  undo_.push_back(std::move(s));
}

std::vector<CensusGroup> summarise_census(const std::vector<CensusPoint>& points, const std::string& by) {
  if (by != "township" && by != "category" && by != "product")
    throw Error("census summary: unknown grouping '" + by + "' (township, category or product)");
  std::map<std::string, CensusGroup> groups;
  for (const auto& p : points) {
    const std::string& key = by == "township" ? p.township : by == "category" ? p.category : p.product;
    CensusGroup& g = groups[key];
    g.key = key;
    ++g.points;
    g.annual_output_t += p.annual_output_t;
    g.area_mu += p.area_mu;
    g.households += p.households;
  }
  std::vector<CensusGroup> out;
  for (auto& [k, g] : groups) out.push_back(g);
  return out;
}

}  // namespace giatlas
