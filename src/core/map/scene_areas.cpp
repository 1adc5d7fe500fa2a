// The production areas' map layer: each area classed by its check on a date (see scene.h).
#include <cstdio>

#include "check/area_check.h"
#include "map/scene.h"
#include "workspace/area_store.h"
#include "workspace/workspace.h"

namespace giatlas {
namespace {

std::string num(double v, const char* f) {
  char buf[48];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

}  // namespace

PolygonLayer production_area_layer(const Workspace& ws, const LocalProjection& proj, const SceneOptions& options,
                                   const Progress& progress, const std::string& date) {
  std::vector<ProductionArea> areas = read_production_areas(ws);
  std::vector<MultiPolygon> g;
  for (const ProductionArea& a : areas) g.push_back(a.geom);
  PolygonLayer l = make_polygon_layer(kAreasLayer, proj, g, options, progress);
  std::vector<AreaCheck> checks(areas.size());
  if (!areas.empty() && !ws.townships().empty()) {
    AreaCheckOptions opt;
    opt.date = date;
    opt.threads = static_cast<int>(options.threads);
    AreaCheckReport rep = run_area_check(ws.townships(), ws.zone_versions(), areas, opt, nullptr, progress);
    // The report is in id order, as read_production_areas returns them.
    for (std::size_t i = 0; i < rep.rows.size() && i < checks.size(); ++i) checks[i] = std::move(rep.rows[i]);
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const ProductionArea& a = areas[i];
    const AreaCheck& c = checks[i];
    const bool checked = c.area_id == a.id && a.id != 0;
    l.ids[i] = a.id;
    l.labels[i] = a.code;
    l.classes[i] = checked ? area_result_code(c.result) : "unchecked";
    rows.push_back({std::to_string(a.id), a.code, a.name, a.producer_name, a.credit_code, a.gi, a.crop,
                    num(a.declared_mu, "%.2f"), a.survey_date, l.classes[i], checked ? share_text(c.share) : "",
                    checked ? num(c.outside_m2, "%.1f") : "", checked ? num(c.outside_mu(), "%.2f") : "",
                    checked ? std::to_string(c.zone_version) : "", checked ? c.reason : "", a.source});
  }
  l.table.columns = {"id",          "code",    "name",       "producer", "credit_code",    "gi",
                     "crop",        "declared_mu", "survey_date", "area check", "share inside", "outside_m2",
                     "outside_mu",  "zone_version", "check reason", "source"};
  l.table.rows = std::move(rows);
  return l;
}

}  // namespace giatlas
