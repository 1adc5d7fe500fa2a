// giatlas-cli zone: list and compare zone versions, and build a new version from admin units.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/terminal_progress.h"
#include "cli/open_workspace.h"
#include "error.h"
#include "io/atomic_file.h"
#include "geo/geodesic.h"
#include "io/value_text.h"
#include "scope/zone_from_units.h"
#include "scope/zone_history.h"
#include "scope/zone_requests.h"
#include "terrain/band_zone_build.h"
#include "terrain/dem_import.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

namespace {

// Pads to a terminal width: CJK characters (three UTF-8 bytes here) take two columns.
std::string pad(const std::string& s, std::size_t width) {
  std::size_t cols = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cols += len >= 3 ? 2 : 1;
    i += len;
  }
  return s + std::string(cols < width ? width - cols : 0, ' ');
}

void print_versions(const std::vector<ZoneVersion>& versions) {
  std::printf("%s %4s  %-10s  %-10s  %-8s %12s %6s  %s\n", pad("gi", 16).c_str(), "ver", "from", "to",
              "source", "area_km2", "units", "author / note");
  for (const auto& v : versions)
    std::printf("%s %4d  %-10s  %-10s  %-8s %12.4f %6zu  %s%s%s%s%s\n", pad(v.gi, 16).c_str(), v.version,
                v.effective_from.c_str(), v.effective_to.empty() ? "-" : v.effective_to.c_str(),
                v.source.c_str(), geodesic_area(v.geom) / 1e6, v.units.size(),
                band_text_zh({v.min_altitude_m, v.max_altitude_m}).c_str(),
                v.min_altitude_m || v.max_altitude_m ? " " : "", v.author.c_str(), v.note.empty() ? "" : " / ",
                v.note.c_str());
}

nlohmann::json geojson_geometry(const MultiPolygon& m) {
  nlohmann::json polys = nlohmann::json::array();
  for (const auto& p : m.polygons) {
    nlohmann::json rings = nlohmann::json::array();
    for (const auto& r : p.rings) {
      nlohmann::json ring = nlohmann::json::array();
      for (const auto& pt : r) ring.push_back({pt.x, pt.y});
      rings.push_back(ring);
    }
    polys.push_back(rings);
  }
  return {{"type", "MultiPolygon"}, {"coordinates", polys}};
}

// --effective, --author, --note and --based-on of `zone build`.
ZoneSaveEntry save_entry(const Args& args) {
  std::optional<int> based_on;
  if (args.get("based-on")) {
    const double n = args.number_or("based-on", -1);
    if (!(n >= 0) || n != static_cast<int>(n)) throw Error("zone build: --based-on wants a version number (0: none yet)");
    based_on = static_cast<int>(n);
  }
  return {args.get_or("effective", ""), args.get_or("author", ""), args.get_or("note", ""), based_on};
}

std::string area_text(double m2) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.4f km² (%.0f 亩)", m2 / 1e6, m2 / (10000.0 / 15.0));
  return buf;
}

// `zone build` with --min-altitude / --max-altitude: the units ∩ the band on the workspace's DEM.
int zone_build_band(const Args& args, Workspace& ws, const std::string& gi, const std::vector<std::string>& keys,
                    const AltitudeBand& band, const ZoneFromUnitsOptions& unit_opt) {
  validate_band(band);
  const auto dem = load_workspace_dem(ws);
  if (!dem) throw Error("zone build: " + ws.shown() + " has no DEM for an altitude band (giatlas-cli dem import FILE --into WS)");
  BandZoneOptions band_opt;
  band_opt.min_area_m2 = args.number_or("min-area", band_opt.min_area_m2);
  if (!(band_opt.min_area_m2 >= 0)) throw Error("zone build: --min-area must be 0 or more square metres");
  TerminalProgress bar("zone build");
  const UnitsBandZone z = units_band_zone(ws, *dem, keys, band, unit_opt, band_opt, bar.progress());
  bar.finish();
  for (const auto& f : z.units.findings)
    std::printf("finding %s: %s (at %.6f, %.6f)\n", f.code.c_str(), f.detail.c_str(), f.where.x, f.where.y);
  for (const auto& f : z.zone.findings)
    std::printf("finding %s: %s\n", f.code.c_str(), f.detail.c_str());
  std::printf("%s: %zu units, %s; %s: %s (%.1f%% of the units)\n", gi.c_str(), z.units.units.size(),
              area_text(z.zone.units_m2).c_str(), band_text_zh(band).c_str(), area_text(z.zone.band_m2).c_str(),
              z.zone.units_m2 > 0 ? 100.0 * z.zone.band_m2 / z.zone.units_m2 : 0.0);
  if (args.flag("dry-run")) {
    std::printf("dry run: not saved\n");
    return 0;
  }
  if (z.zone.geom.empty()) throw Error("zone build: no part of the units is at " + band_text_en(band) + "; nothing saved");
  const ZoneSaveEntry entry = save_entry(args);
  ZoneSaveRequest req = band_save_request(z, gi, entry.effective_from, entry.author, entry.note);
  req.based_on = entry.based_on;
  const ZoneVersion v = save_zone(ws, z.zone.geom, req);
  std::printf("saved %s zone version %d (effective from %s): %s, %s\n", gi.c_str(), v.version, v.effective_from.c_str(),
              band_text_zh(band).c_str(), area_text(z.zone.band_m2).c_str());
  return 0;
}

int zone_build(const Args& args, const std::string& path, const std::string& gi) {
  std::vector<std::string> keys;
  for (const char* opt : {"townships", "codes", "villages"})
    if (auto v = args.get(opt))
      for (auto& k : split_typed_list(*v)) keys.push_back(k);
  if (keys.empty()) throw Error("zone build: name the units with --townships, --villages or --codes");
  ZoneFromUnitsOptions opt;
  opt.close_holes = args.flag("close-holes");
  opt.close_holes_below_m2 = args.number_or("hole-threshold", opt.close_holes_below_m2);
  opt.drop_slivers = args.flag("drop-slivers");
  Workspace ws = open_workspace(path, args.flag("dry-run"));
  AltitudeBand band;
  if (args.get("min-altitude")) band.min_m = args.number_or("min-altitude", 0);
  if (args.get("max-altitude")) band.max_m = args.number_or("max-altitude", 0);
  if (band.any()) return zone_build_band(args, ws, gi, keys, band, opt);
  const ZoneFromUnits z = zone_from_units(ws.townships(), ws.villages(), keys, opt);
  for (const auto& f : z.findings)
    std::printf("finding %s: %s (at %.6f, %.6f)\n", f.code.c_str(), f.detail.c_str(), f.where.x, f.where.y);
  const double km2 = geodesic_area(z.geom) / 1e6;
  if (args.flag("dry-run")) {
    std::printf("dry run: %s from %zu units, %.4f km², not saved\n", gi.c_str(), z.units.size(), km2);
    return 0;
  }
  const ZoneVersion v = save_zone(ws, z.geom, units_save_request(z, gi, save_entry(args)));
  std::printf("saved %s zone version %d (effective from %s): %zu units, %.4f km²\n", gi.c_str(), v.version,
              v.effective_from.c_str(), z.units.size(), km2);
  return 0;
}

int zone_compare(const Args& args, const std::string& path, const std::string& gi) {
  const Workspace ws = open_workspace(path, true);
  const auto history = zone_history(ws, gi);
  if (history.size() < 1) throw Error("zone compare: '" + gi + "' has no zone versions");
  const int to = static_cast<int>(args.number_or("to", history.back().version));
  const int from = static_cast<int>(args.number_or("from", to > 1 ? to - 1 : to));
  const ZoneComparison c =
      compare_zone_versions(find_zone_version(ws, gi, from), find_zone_version(ws, gi, to));
  std::printf(
      "%s: version %d → %d\n  area %.4f km² → %.4f km² (net %+.4f km²)\n  added   %.4f km² in %zu parts\n"
      "  removed %.4f km² in %zu parts\n",
      gi.c_str(), c.from_version, c.to_version, c.from_km2, c.to_km2, c.net_km2(), c.added_km2,
      c.added.polygons.size(), c.removed_km2, c.removed.polygons.size());
  if (auto out = args.get("out")) {
    nlohmann::json fc{{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
    const std::pair<const char*, const MultiPolygon*> parts[] = {{"added", &c.added},
                                                                 {"removed", &c.removed}};
    for (const auto& [change, geom] : parts)
      fc["features"].push_back({{"type", "Feature"},
                                {"properties",
                                 {{"change", change},
                                  {"gi", gi},
                                  {"from", from},
                                  {"to", to},
                                  {"area_km2", geodesic_area(*geom) / 1e6}}},
                                {"geometry", geojson_geometry(*geom)}});
    atomic_write_text(*out, "zone compare", fc.dump(1) + "\n");
    std::printf("wrote %s\n", out->c_str());
  }
  return 0;
}

}  // namespace

int cmd_zone(int argc, char** argv) {
  if (argc < 3) throw Error("zone: name an action: list, history, build or compare");
  const std::string action = argv[2];
  if (action != "list" && action != "history" && action != "build" && action != "compare")
    throw Error("zone: unknown action '" + action + "' (use list, history, build or compare)");
  Args args(argc, argv, 3, {"close-holes", "drop-slivers", "dry-run"});
  const std::string& path = args.need(0, "workspace.gpkg");
  if (action == "list") {
    args.allow_only({"gi"});
    const Workspace ws = open_workspace(path, true);
    const std::string gi = args.get_or("gi", "");
    print_versions(gi.empty() ? ws.zone_versions() : zone_history(ws, gi));
    return 0;
  }
  const auto gi = args.get("gi");
  if (!gi) throw Error("zone " + action + ": --gi NAME is required");
  if (action == "history") {
    args.allow_only({"gi"});
    const Workspace ws = open_workspace(path, true);
    const auto versions = zone_history(ws, *gi);
    print_versions(versions);
    for (const auto& v : versions)
      if (!v.units.empty()) {
        std::printf("v%d units:", v.version);
        for (const auto& u : v.units) std::printf(" %s", u.c_str());
        std::printf("\n");
      }
    return 0;
  }
  if (action == "build") {
    args.allow_only({"gi", "townships", "codes", "villages", "effective", "author", "note", "based-on", "close-holes",
                     "hole-threshold", "drop-slivers", "dry-run", "min-altitude", "max-altitude", "min-area"});
    return zone_build(args, path, *gi);
  }
  args.allow_only({"gi", "from", "to", "out"});  // compare
  return zone_compare(args, path, *gi);
}

}  // namespace giatlas::cli
