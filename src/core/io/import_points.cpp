// Point-based import kinds: producers (people, kept even without a readable location) and
// census points (rejected without one).
#include <cctype>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "error.h"
#include "io/import_build.h"
#include "io/table_points.h"
#include "io/value_text.h"
#include "workspace/credit_code.h"

namespace giatlas {

void RowLedger::warn(const std::string& code, const std::string& message) {
  r_.problems.push_back({row_.where, row_.row, code, message, false});
  warned_ = true;
}

void RowLedger::reject(const std::string& code, const std::string& message) {
  if (rejected_) return;
  r_.problems.push_back({row_.where, row_.row, code, message, true});
  rejected_ = true;
}

std::string producer_key(const std::string& credit_code, const std::string& name, const std::string& gi) {
  if (credit_code.empty()) return "\x1f" + name + "\x1f" + gi;
  std::string code = credit_code;
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code + "\x1f" + gi;
}

void RowLedger::done() {
  ++r_.read;
  if (rejected_) {
    ++r_.rejected;
  } else {
    ++r_.accepted;
    r_.warned += warned_;
  }
}

namespace {

std::string fmt(double v) {
  char b[48];
  std::snprintf(b, sizeof b, "%.10g", v);
  return b;
}

// Locations of every row: from coordinate columns when the layer has them, else from point
// geometries. `raw` receives the submitted x/y/crs text per row.
struct RawLocation {
  std::string x, y, crs;
};

TablePointsResult locate(const SourceTable& t, const PointContext& ctx, std::vector<RawLocation>& raw,
                         ImportReport& r) {
  const bool columns = t.map.get("lon") >= 0 && t.map.get("lat") >= 0;
  const bool row_crs = t.map.get("crs") >= 0;
  raw.resize(t.rows.size());
  TablePointsResult res;
  if (columns) {
    TablePointsInput in;
    in.table_crs = t.crs;
    in.hint_lon = ctx.hint_lon;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      in.x.push_back(t.cell(t.rows[i], "lon"));
      in.y.push_back(t.cell(t.rows[i], "lat"));
      if (row_crs) in.crs.push_back(t.cell(t.rows[i], "crs"));
      raw[i] = {in.x.back(), in.y.back(), row_crs && !in.crs.back().empty() ? in.crs.back() : (t.crs ? t.crs->label : "")};
    }
    if (!t.crs && !row_crs) throw_no_crs(t);
    res = read_table_points(in);
    for (const auto& n : res.notes) r.notes.push_back(n);
    return res;
  }
  if (!t.has_geometry)
    throw Error("import " + t.src.file + " layer " + t.src.layer_name +
                ": no coordinates: the layer has no geometry and no longitude/latitude columns (looked for "
                "经度/东经/lon/lng/longitude/x and 纬度/北纬/lat/latitude/y); name them with --lon and --lat");
  if (!t.crs) throw_no_crs(t);
  const ToCgcs2000 to_ws(*t.crs);
  res.rows.resize(t.rows.size());
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    TablePoint& tp = res.rows[i];
    tp.crs_label = t.crs->label;
    raw[i].crs = t.crs->label;
    const OGRGeometry* g = t.rows[i].geom.get();
    if (!g || g->IsEmpty()) {
      tp.code = "no_geometry";
      tp.issue = "no geometry";
      continue;
    }
    if (wkbFlatten(g->getGeometryType()) != wkbPoint) {
      tp.code = "not_a_point";
      tp.issue = std::string("a ") + OGRGeometryTypeToName(g->getGeometryType()) + ", not a point";
      continue;
    }
    const OGRPoint* pt = g->toPoint();
    Point p{pt->getX(), pt->getY()};
    raw[i].x = fmt(p.x);
    raw[i].y = fmt(p.y);
    if (!to_ws.point(p) || std::fabs(p.x) > 180 || std::fabs(p.y) > 90) {
      tp.code = "outside_crs";
      tp.issue = "(" + raw[i].x + ", " + raw[i].y + ") is outside the area of " + t.crs->label;
      continue;
    }
    tp.location = p;
    tp.form = "geometry";
  }
  return res;
}

void check_progress(std::size_t i, std::size_t n, const Progress& progress) {
  if (i % 512 == 0) {
    progress.check_cancelled();
    progress.report("import: checking rows", n ? static_cast<double>(i) / static_cast<double>(n) : 1.0);
  }
}

}  // namespace

std::vector<Producer> build_producers(const SourceTable& t, const PointContext& ctx, ImportReport& r,
                                      const Progress& progress, const std::function<void(Producer&)>& added) {
  std::vector<RawLocation> raw;
  const TablePointsResult loc = locate(t, ctx, raw, r);
  std::vector<Producer> out;
  // credit code -> the row it was first seen on (hashed: a million codes share long prefixes)
  std::unordered_map<std::string, std::size_t> seen_codes;
  seen_codes.reserve(t.rows.size());
  std::map<std::int64_t, std::string> claimed;     // existing producer id -> the row updating it
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    check_progress(i, t.rows.size(), progress);
    const SourceRow& row = t.rows[i];
    RowLedger led(r, row);
    Producer p;
    p.name = t.cell(row, "name");
    p.credit_code = t.cell(row, "credit_code");
    p.gi = t.cell(row, "gi");
    p.township = t.cell(row, "township");
    p.note = t.cell(row, "note");
    p.raw_x = raw[i].x;
    p.raw_y = raw[i].y;
    p.raw_crs = raw[i].crs;
    if (p.name.empty()) led.reject("missing_name", "no producer name");
    if (!led.rejected() && !p.credit_code.empty()) {
      for (char& c : p.credit_code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      auto [it, fresh] = seen_codes.emplace(p.credit_code, i);
      if (!fresh) {
        led.reject("duplicate_credit_code", "credit code " + p.credit_code + " already given at " + t.rows[it->second].where);
      } else if (const std::string why = credit_code_problem(p.credit_code); !why.empty()) {
        led.warn("bad_credit_code", "credit code '" + p.credit_code + "': " + why);
      }
    }
    if (!led.rejected() && ctx.existing && !ctx.existing->empty()) {
      const auto known = ctx.existing->find(producer_key(p.credit_code, p.name, p.gi));
      if (known != ctx.existing->end()) {
        const KnownProducer& k = known->second;
        const std::string who = "producer #" + std::to_string(k.id) + " '" + k.name + "'";
        const std::string by = p.credit_code.empty() ? "name '" + p.name + "'" : "credit code " + p.credit_code;
        if (!ctx.update_existing) {
          led.reject("already_in_workspace", "the workspace already has " + who + " with this " + by + " for GI '" +
                                                 p.gi + "' (import with update of existing producers to replace it)");
        } else if (auto [at, first] = claimed.emplace(k.id, row.where); !first) {
          led.reject("duplicate_credit_code", who + " is already updated by " + at->second);
        } else {
          p.id = k.id;
          led.warn("updates_existing", "updates " + who);
        }
      }
    }
    if (!led.rejected()) {
      if (ctx.gi_register && !p.gi.empty() && !ctx.gi_register->count(p.gi))
        led.warn("gi_not_in_register", "GI '" + p.gi + "' is not in the register");
      const std::string auth = t.cell(row, "authorised");
      if (!auth.empty()) {
        if (auto b = parse_yes_no(auth)) p.authorised = *b;
        else led.warn("bad_value", "authorised '" + auth + "' is not yes/no (是/否); read as not authorised");
      }
      const std::string since = t.cell(row, "authorised_since");
      if (!since.empty()) {
        if (auto d = parse_date(since)) p.authorised_since = *d;
        else led.warn("bad_value", "authorisation date '" + since + "' is not a date; left empty");
      }
      const TablePoint& tp = loc.rows[i];
      if (p.raw_crs.empty()) p.raw_crs = tp.crs_label;
      p.location = tp.location;
      p.location_issue = tp.issue;
      if (!tp.location) {
        led.warn("invalid_location", "location unreadable, imported without one: " + tp.issue);
      } else if (!tp.issue.empty()) {
        led.warn("assumed_crs", tp.issue);
      }
      if (added && p.id == 0) added(p);
      else out.push_back(std::move(p));
    }
    led.done();
  }
  return out;
}

std::vector<CensusPoint> build_census(const SourceTable& t, const PointContext& ctx, ImportReport& r,
                                      const Progress& progress) {
  std::vector<RawLocation> raw;
  const TablePointsResult loc = locate(t, ctx, raw, r);
  std::vector<CensusPoint> out;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    check_progress(i, t.rows.size(), progress);
    const SourceRow& row = t.rows[i];
    RowLedger led(r, row);
    CensusPoint c;
    c.product = t.cell(row, "product");
    c.category = t.cell(row, "category");
    c.township = t.cell(row, "township");
    c.surveyor = t.cell(row, "surveyor");
    c.note = t.cell(row, "note");
    const TablePoint& tp = loc.rows[i];
    if (!tp.location) led.reject(tp.code == "out_of_range" ? "out_of_range" : "no_geometry",
                                 "no usable location: " + tp.issue);
    if (!led.rejected()) {
      c.location = *tp.location;
      if (!tp.issue.empty()) led.warn("assumed_crs", tp.issue);
      if (c.product.empty()) led.warn("bad_value", "no product named");
      const std::string date = t.cell(row, "survey_date");
      if (!date.empty()) {
        if (auto d = parse_date(date)) c.survey_date = *d;
        else led.warn("bad_value", "survey date '" + date + "' is not a date; left empty");
      }
      auto number = [&](const char* target, const char* label, double& dst) {
        const std::string s = t.cell(row, target);
        if (s.empty()) return;
        if (auto v = parse_number(s); v && *v >= 0) dst = *v;
        else led.warn("bad_value", std::string(label) + " '" + s + "' is not a number; left 0");
      };
      number("annual_output_t", "annual output", c.annual_output_t);
      number("area_mu", "area", c.area_mu);
      double households = 0;
      number("households", "households", households);
      c.households = static_cast<int>(std::lround(households));
      out.push_back(std::move(c));
    }
    led.done();
  }
  return out;
}

}  // namespace giatlas
