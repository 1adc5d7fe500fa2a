// giatlas-cli check: the origin check of a workspace's producers (or of a producer file read on
// the fly) against the zones in force on a date, with CSV / GeoPackage / GeoJSON / HTML reports.
#include <algorithm>
#include <iostream>

#include "check/area_check.h"
#include "check/area_report.h"
#include "check/origin_check.h"
#include "check/report_writers.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "cli/terminal_progress.h"
#include "error.h"
#include "io/import.h"
#include "map/feature_colour.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

int cmd_check(int argc, char** argv) {
  Args args(argc, argv, 2, {"save", "quiet", "areas"});
  args.allow_only({"producers", "date", "tolerance", "gi", "out", "save", "threads", "quiet", "layer", "crs",
                   "encoding", "lon", "lat", "cause", "areas", "areas-out"});
  const std::string& path = args.need(0, "workspace.gpkg");
  CheckOptions opt;
  opt.date = args.get_or("date", "");
  opt.tolerance_m = args.number_or("tolerance", opt.tolerance_m);  // DEFAULT: CheckOptions
  opt.gi = args.get_or("gi", "");
  opt.threads = static_cast<int>(args.number_or("threads", 0));
  if (auto causes = args.get("cause")) {
    std::size_t start = 0;
    while (start <= causes->size()) {
      const std::size_t comma = std::min(causes->find(',', start), causes->size());
      if (comma > start) opt.causes.push_back(causes->substr(start, comma - start));
      start = comma + 1;
    }
  }
  auto out = args.get("out");
  bool save = args.flag("save");
  if (out) {
    std::string ext = file_extension(*out);
    if (ext != "csv" && ext != "gpkg" && ext != "geojson" && ext != "json" && ext != "html" && ext != "htm")
      throw Error("--out " + *out + ": unknown report format (use .csv, .gpkg, .geojson or .html)");
  }

  if (save && args.get("producers"))
    throw Error("--save records inspections of the workspace's own producers; it cannot be used with --producers");
  Workspace ws = open_workspace(path, !save);
  const MapStyles styles = saved_map_styles(ws);  // a .gpkg report carries them as a QGIS style
  TerminalProgress tp("check");
  CheckReport report;
  if (auto file = args.get("producers")) {
    ImportOptions io;
    io.layer = args.get_or("layer", "");
    io.crs = args.get_or("crs", "");
    io.encoding = args.get_or("encoding", "");
    io.lon_column = args.get_or("lon", "");
    io.lat_column = args.get_or("lat", "");
    std::vector<Producer> producers;
    ImportReport ir = read_producers(*file, io, producers, tp.progress());
    std::cerr << "read " << ir.accepted << " producers from " << *file << " (" << ir.rejected << " rejected)\n";
    report = run_origin_check(ws, std::move(producers), opt, tp.progress());
    if (out) write_check_report(report, *out, &styles, &ws);
  } else if (out && file_extension(*out) == "csv" && !save && !args.flag("areas")) {
    // The common large case streams: rows go to the CSV chunk by chunk, memory stays flat.
    CheckCsvWriter csv(*out);
    report = stream_origin_check(ws, opt, [&](const std::vector<ProducerCheck>& rows) { csv.write(rows); },
                                 tp.progress());
    csv.commit();
  } else {
    report = run_origin_check(ws, opt, tp.progress());
    if (out) write_check_report(report, *out, &styles, &ws);
  }
  tp.finish();
  for (const auto& w : report.warnings) std::cerr << "warning: " << w << "\n";
  if (save) {
    std::size_t n = save_as_inspections(ws, report);
    std::cerr << "saved " << n << " inspection records\n";
  }
  if (!args.flag("quiet")) std::cout << check_summary_text(report);
  if (out) std::cerr << "report written to " << *out << "\n";
  // Production areas: each area against the same zones, and each producer's result with its areas.
  if (args.flag("areas") || args.get("areas-out")) {
    AreaCheckOptions aopt;
    aopt.date = report.options.date;
    aopt.gi = opt.gi;
    aopt.threads = opt.threads;
    TerminalProgress ap("areas");
    if (args.flag("quiet")) ap.quiet();
    const AreaCheckReport areas = run_area_check(ws, aopt, ap.progress());
    ap.finish();
    const auto producers = producer_area_results(report.rows, areas.rows);
    if (!args.flag("quiet")) std::cout << area_summary_text(areas, producers);
    if (auto aout = args.get("areas-out")) {
      write_area_report(areas, producers, *aout);
      std::cerr << "area report written to " << *aout << "\n";
    }
  }
  return 0;
}

}  // namespace giatlas::cli
