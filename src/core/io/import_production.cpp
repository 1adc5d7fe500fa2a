// Production areas and lots: the import builders (see import_build.h). Areas come as polygons,
// or as GPX tracks walked around a field: a track whose ends meet (within kTrackClosureM) is
// closed into a polygon; an open one is rejected with the gap between its ends.
#include <ogr_geometry.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

#include "error.h"
#include "geo/geodesic.h"
#include "geo/geos.h"
#include "io/import_build.h"
#include "io/polygon_check.h"
#include "io/value_text.h"
#include "workspace/area_store.h"
#include "workspace/credit_code.h"
#include "workspace/workspace.h"

namespace giatlas {
namespace {

// DEFAULT 20 m: a walked track whose last point is within this of its first is a closed ring
// (a handheld GPS rarely ends exactly where it began). Farther apart: "open_track", rejected.
constexpr double kTrackClosureM = 20.0;

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool is_line(OGRwkbGeometryType t) {
  t = wkbFlatten(t);
  return t == wkbLineString || t == wkbMultiLineString;
}

// Every vertex of a (multi)linestring in order: a track's segments joined.
std::vector<Point> line_points(const OGRGeometry& g) {
  std::vector<Point> out;
  auto add = [&](const OGRLineString& l) {
    for (int i = 0; i < l.getNumPoints(); ++i) out.push_back({l.getX(i), l.getY(i)});
  };
  if (wkbFlatten(g.getGeometryType()) == wkbLineString) add(*g.toLineString());
  else
    for (const OGRGeometry* part : *g.toGeometryCollection())
      if (wkbFlatten(part->getGeometryType()) == wkbLineString) add(*part->toLineString());
  return out;
}

// Looks producers up by credit code, then by name; the claimed GI breaks ties.
class ProducerMatch {
 public:
  explicit ProducerMatch(const std::vector<Producer>& ps) {
    for (const Producer& p : ps) {
      if (!p.credit_code.empty()) by_code_[upper(p.credit_code)].push_back(&p);
      if (!p.name.empty()) by_name_[p.name].push_back(&p);
    }
  }
  const Producer* find(const std::string& code, const std::string& name, const std::string& gi) const {
    if (!code.empty())
      if (auto it = by_code_.find(upper(code)); it != by_code_.end()) return pick(it->second, gi);
    if (!name.empty())
      if (auto it = by_name_.find(name); it != by_name_.end()) return pick(it->second, gi);
    return nullptr;
  }

 private:
  static const Producer* pick(const std::vector<const Producer*>& v, const std::string& gi) {
    for (const Producer* p : v)
      if (!gi.empty() && p->gi == gi) return p;
    return v.front();
  }
  std::map<std::string, std::vector<const Producer*>> by_code_, by_name_;
};

// Producer columns of a row -> the record's link, with the warnings it needs.
template <class Row>
void link_producer(Row& rec, const ProducerMatch& match, RowLedger& led) {
  if (!rec.credit_code.empty()) {
    rec.credit_code = upper(rec.credit_code);
    if (const std::string why = credit_code_problem(rec.credit_code); !why.empty())
      led.warn("bad_credit_code", "credit code " + rec.credit_code + ": " + why);
  }
  if (rec.credit_code.empty() && rec.producer_name.empty()) {
    led.warn("unmatched_producer", "no producer named (credit code or name): kept without a producer");
    return;
  }
  if (const Producer* p = match.find(rec.credit_code, rec.producer_name, rec.gi)) {
    rec.producer_id = p->id;
    if (rec.producer_name.empty()) rec.producer_name = p->name;
    if (rec.credit_code.empty()) rec.credit_code = p->credit_code;
    if (rec.gi.empty()) rec.gi = p->gi;
    return;
  }
  led.warn("unmatched_producer", "producer " + (rec.credit_code.empty() ? rec.producer_name : rec.credit_code) +
                                     " is not in the workspace: kept without a producer link");
}

struct AreaBuild {
  const SourceTable& t;
  const ImportOptions& opt;
  GeosContext ctx;
  std::optional<ToCgcs2000> to_ws;

  AreaBuild(const SourceTable& table, const ImportOptions& o) : t(table), opt(o) {
    if (!t.has_geometry)
      throw Error("import " + t.src.file + " layer " + t.src.layer_name +
                  ": the layer has no geometry; production areas need polygons (or closed GPX tracks)");
    if (!t.crs) throw_no_crs(t);
    to_ws.emplace(*t.crs);
  }

  // The polygon of a row (a closed track made one), or nullopt after a rejection.
  std::optional<MultiPolygon> geometry(const SourceRow& row, RowLedger& led) {
    const OGRGeometry* g = row.geom.get();
    OGRPolygon from_track;
    if (g && !g->IsEmpty() && is_line(g->getGeometryType())) {
      std::vector<Point> pts = line_points(*g);
      if (pts.size() < 4) {
        led.reject("open_track", "a track of " + std::to_string(pts.size()) + " points cannot enclose a field");
        return std::nullopt;
      }
      Point a = pts.front(), b = pts.back();
      if (!to_ws->point(a) || !to_ws->point(b)) {
        led.reject("invalid_geometry", "track coordinates outside the area of the source coordinate system");
        return std::nullopt;
      }
      const double gap = geodesic_distance(a, b);
      if (gap > kTrackClosureM) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "open track: its ends are %.1f m apart (a closed track ends within %.0f m of its start)",
                      gap, kTrackClosureM);
        led.reject("open_track", buf);
        return std::nullopt;
      }
      OGRLinearRing ring;
      for (const Point& p : pts) ring.addPoint(p.x, p.y);
      ring.closeRings();
      from_track.addRing(&ring);
      g = &from_track;
      led.warn("track_closed", "GPX track of " + std::to_string(pts.size()) + " points closed into a polygon");
    }
    PolygonOutcome o = polygon_from_feature(ctx, g, *to_ws, opt.allow_repair);
    if (!o.rejected.empty()) {
      const bool none = o.rejected == "no geometry";
      led.reject(none ? "no_geometry" : "invalid_geometry", none ? "no usable geometry" : o.rejected);
      return std::nullopt;
    }
    if (!o.repaired.empty()) led.warn("repaired_geometry", o.repaired);
    return std::move(o.geom);
  }
};

std::vector<ProductionArea> build_areas(const SourceTable& t, const ImportOptions& opt, const ProducerMatch& match,
                                        std::set<std::string> codes, ImportReport& r, const Progress& progress) {
  AreaBuild reader(t, opt);
  std::vector<ProductionArea> out;
  std::map<std::string, std::string> seen;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (i % 64 == 0) {
      progress.check_cancelled();
      progress.report("import: checking areas", t.rows.empty() ? 1.0 : static_cast<double>(i) / t.rows.size());
    }
    const SourceRow& row = t.rows[i];
    RowLedger led(r, row);
    ProductionArea a;
    a.code = t.cell(row, "code");
    a.name = t.cell(row, "name");
    a.producer_name = t.cell(row, "producer_name");
    a.credit_code = t.cell(row, "credit_code");
    a.gi = !opt.gi.empty() ? opt.gi : t.cell(row, "gi");
    a.crop = t.cell(row, "crop");
    a.note = t.cell(row, "note");
    if (a.code.empty()) a.code = t.src.layer_name + "-" + std::to_string(row.row);
    if (auto [it, fresh] = seen.emplace(a.code, row.where); !fresh)
      led.reject("duplicate_code", "area code " + a.code + " already given at " + it->second);
    else if (codes.count(a.code))
      led.reject("already_in_workspace", "area code " + a.code + " is already in the workspace");
    std::optional<MultiPolygon> g;
    if (!led.rejected()) g = reader.geometry(row, led);
    if (!led.rejected()) {
      a.geom = std::move(*g);
      if (const std::string v = t.cell(row, "declared_mu"); !v.empty()) {
        if (auto n = parse_number(v); n && *n >= 0) a.declared_mu = *n;
        else led.warn("bad_value", "area '" + v + "' is not a number of 亩; left empty");
      }
      if (const std::string v = t.cell(row, "survey_date"); !v.empty()) {
        if (auto d = parse_date(v)) a.survey_date = *d;
        else led.warn("bad_value", "survey date '" + v + "' is not a date; left empty");
      }
      a.source = row.where + " (" + (t.crs ? t.crs->label : std::string("?")) + ")";
      link_producer(a, match, led);
      out.push_back(std::move(a));
    }
    led.done();
  }
  return out;
}

std::vector<Lot> build_lots(const SourceTable& t, const ImportOptions& opt, const ProducerMatch& match,
                            const std::set<std::string>& lot_codes, const std::set<std::string>& area_codes,
                            ImportReport& r) {
  std::vector<Lot> out;
  std::map<std::string, std::string> seen;
  for (const SourceRow& row : t.rows) {
    RowLedger led(r, row);
    Lot l;
    l.code = t.cell(row, "code");
    l.producer_name = t.cell(row, "producer_name");
    l.credit_code = t.cell(row, "credit_code");
    l.gi = !opt.gi.empty() ? opt.gi : t.cell(row, "gi");
    l.note = t.cell(row, "note");
    if (l.code.empty()) led.reject("missing_code", "no lot code");
    if (!led.rejected()) {
      if (auto [it, fresh] = seen.emplace(l.code, row.where); !fresh)
        led.reject("duplicate_code", "lot " + l.code + " already given at " + it->second);
      else if (lot_codes.count(l.code))
        led.reject("already_in_workspace", "lot " + l.code + " is already in the workspace");
    }
    if (!led.rejected()) {
      const std::string d = t.cell(row, "harvest_date");
      if (auto iso = parse_date(d)) l.harvest_date = *iso;
      else led.reject("bad_date", d.empty() ? "no harvest date" : "harvest date '" + d + "' is not a date");
    }
    if (!led.rejected()) {
      const std::string q = t.cell(row, "quantity_kg");
      if (auto n = parse_number(q); n && *n > 0 && std::isfinite(*n)) l.quantity_kg = *n;
      else led.reject("bad_quantity", q.empty() ? "no quantity" : "quantity '" + q + "' is not a positive number of kg");
    }
    if (!led.rejected()) {
      std::string list = t.cell(row, "area_codes");
      for (char& c : list)
        if (c == ',' || c == ' ' || c == '|' || c == '/') c = ';';
      // Full-width separators (，、；) as ';' too.
      for (const char* wide : {"，", "、", "；"})
        for (auto p = list.find(wide); p != std::string::npos; p = list.find(wide)) list.replace(p, 3, 1, ';');
      std::set<std::string> dup;
      std::string item;
      for (std::size_t i = 0; i <= list.size(); ++i) {
        if (i == list.size() || list[i] == ';') {
          if (!item.empty() && dup.insert(item).second) {
            if (!area_codes.count(item)) led.warn("unknown_area", "area " + item + " is not in the workspace");
            l.area_codes.push_back(item);
          }
          item.clear();
        } else {
          item += list[i];
        }
      }
      if (l.area_codes.empty()) led.warn("no_areas", "the lot names no production area: its origin cannot be traced");
      link_producer(l, match, led);
      out.push_back(std::move(l));
    }
    led.done();
  }
  return out;
}

}  // namespace

void import_areas_or_lots(Workspace& ws, const SourceTable& t, const ImportOptions& opt, ImportReport& r,
                          const Progress& progress) {
  const std::vector<Producer> producers = ws.producers();
  const ProducerMatch match(producers);
  std::set<std::string> area_codes;
  for (const ProductionArea& a : read_production_areas(ws)) area_codes.insert(a.code);
  if (opt.kind == ImportKind::Areas) {
    auto rows = build_areas(t, opt, match, area_codes, r, progress);
    progress.report("import: writing", 0.0);
    if (!opt.dry_run) insert_production_areas(ws, rows);
    return;
  }
  std::set<std::string> lot_codes;
  for (const Lot& l : read_lots(ws)) lot_codes.insert(l.code);
  auto rows = build_lots(t, opt, match, lot_codes, area_codes, r);
  progress.report("import: writing", 0.0);
  if (!opt.dry_run) insert_lots(ws, rows);
}

}  // namespace giatlas
