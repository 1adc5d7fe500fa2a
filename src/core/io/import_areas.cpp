// Polygon import kinds: townships, villages and zone parts. Rows without a usable polygon are
// rejected; repaired polygons are kept with a warning saying how.
#include <map>

#include "error.h"
#include "geo/geos.h"
#include "io/import_build.h"
#include "io/polygon_check.h"
#include "io/value_text.h"

namespace giatlas {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// 街道 / 镇 / 乡 from a township's name when no field gives it.
std::string kind_from_name(const std::string& name) {
  if (ends_with(name, "街道") || ends_with(name, "街道办事处")) return "街道";
  if (ends_with(name, "镇")) return "镇";
  if (ends_with(name, "乡")) return "乡";
  return "";
}

// The polygon of a row, or a rejection. Needs the layer CRS.
struct AreaReader {
  const SourceTable& t;
  bool allow_repair;
  GeosContext ctx;
  std::optional<ToCgcs2000> to_ws;

  AreaReader(const SourceTable& table, bool repair) : t(table), allow_repair(repair) {
    if (!t.has_geometry)
      throw Error("import " + t.src.file + " layer " + t.src.layer_name + ": the layer has no geometry; polygons are needed");
    if (!t.crs) throw_no_crs(t);
    to_ws.emplace(*t.crs);
  }

  std::optional<MultiPolygon> read(const SourceRow& row, RowLedger& led) {
    PolygonOutcome o = polygon_from_feature(ctx, row.geom.get(), *to_ws, allow_repair);
    if (!o.rejected.empty()) {
      const bool none = o.rejected == "no geometry";
      led.reject(none ? "no_geometry" : "invalid_geometry", none ? "no usable geometry" : o.rejected);
      return std::nullopt;
    }
    if (!o.repaired.empty()) led.warn("repaired_geometry", o.repaired);
    return std::move(o.geom);
  }
};

void tick(std::size_t i, std::size_t n, const Progress& progress) {
  if (i % 64 == 0) {
    progress.check_cancelled();
    progress.report("import: checking geometry", n ? static_cast<double>(i) / static_cast<double>(n) : 1.0);
  }
}

}  // namespace

std::vector<Township> build_townships(const SourceTable& t, bool allow_repair, ImportReport& r,
                                      const Progress& progress) {
  AreaReader reader(t, allow_repair);
  std::vector<Township> out;
  std::map<std::string, std::string> codes;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    tick(i, t.rows.size(), progress);
    const SourceRow& row = t.rows[i];
    RowLedger led(r, row);
    Township tw;
    tw.name = t.cell(row, "name");
    tw.code = t.cell(row, "code");
    tw.kind = t.cell(row, "kind");
    if (tw.kind.empty()) tw.kind = kind_from_name(tw.name);
    if (tw.name.empty()) led.reject("missing_name", "no township name");
    if (!led.rejected() && !tw.code.empty()) {
      auto [it, fresh] = codes.emplace(tw.code, row.where);
      if (!fresh) led.reject("duplicate_code", "code " + tw.code + " already given at " + it->second);
    }
    if (!led.rejected()) {
      if (auto g = reader.read(row, led)) tw.geom = std::move(*g);
    }
    if (!led.rejected()) {
      const std::string v = t.cell(row, "vintage");
      if (!v.empty()) {
        if (auto n = parse_number(v); n && *n >= 1900 && *n <= 2200) tw.vintage = static_cast<int>(*n);
        else led.warn("bad_value", "vintage '" + v + "' is not a year; left 0");
      }
      out.push_back(std::move(tw));
    }
    led.done();
  }
  return out;
}

std::vector<Village> build_villages(const SourceTable& t, bool allow_repair, ImportReport& r,
                                    const Progress& progress) {
  AreaReader reader(t, allow_repair);
  std::vector<Village> out;
  std::map<std::string, std::string> codes;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    tick(i, t.rows.size(), progress);
    const SourceRow& row = t.rows[i];
    RowLedger led(r, row);
    Village v;
    v.name = t.cell(row, "name");
    v.code = t.cell(row, "code");
    v.township_code = t.cell(row, "township_code");
    if (v.township_code.empty() && v.code.size() == 12) v.township_code = v.code.substr(0, 9);
    if (v.name.empty()) led.reject("missing_name", "no village name");
    if (!led.rejected() && !v.code.empty()) {
      auto [it, fresh] = codes.emplace(v.code, row.where);
      if (!fresh) led.reject("duplicate_code", "code " + v.code + " already given at " + it->second);
    }
    if (!led.rejected()) {
      if (auto g = reader.read(row, led)) v.geom = std::move(*g);
    }
    if (!led.rejected()) out.push_back(std::move(v));
    led.done();
  }
  return out;
}

std::map<std::string, ZoneParts> build_zone_parts(const SourceTable& t, const std::string& gi_option,
                                                  bool allow_repair, ImportReport& r, const Progress& progress) {
  AreaReader reader(t, allow_repair);
  std::map<std::string, ZoneParts> out;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    tick(i, t.rows.size(), progress);
    const SourceRow& row = t.rows[i];
    RowLedger led(r, row);
    const std::string gi = !gi_option.empty() ? gi_option : t.cell(row, "gi");
    if (gi.empty()) led.reject("missing_gi", "no GI named: give --gi NAME or a GI-name field (产品/地理标志/gi)");
    std::optional<MultiPolygon> g;
    if (!led.rejected()) g = reader.read(row, led);
    if (!led.rejected()) {
      ZoneParts& z = out[gi];
      z.parts.push_back(std::move(*g));
      z.rows.push_back(row.row);
      const std::string date = t.cell(row, "effective_from");
      if (z.effective_from.empty() && !date.empty()) {
        if (auto d = parse_date(date)) z.effective_from = *d;
        else led.warn("bad_value", "effective date '" + date + "' is not a date; ignored");
      }
    }
    led.done();
  }
  return out;
}

}  // namespace giatlas
