// giatlas-cli render: the printable scope map of a GI as PDF, PNG or SVG.
#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "cli/terminal_progress.h"
#include "error.h"
#include "map/print_layout.h"
#include "map/render_map.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

int cmd_render(int argc, char** argv) {
  Args args(argc, argv, 2, {"no-relief", "areas"});
  args.allow_only({"gi", "version", "out", "paper", "dpi", "orientation", "title", "date", "no-relief", "relief",
                   "contour-interval", "areas"});
  const std::string& path = args.need(0, "workspace.gpkg");
  RenderOptions opt;
  const auto gi = args.get("gi");
  const auto out = args.get("out");
  if (!gi) throw Error("render: --gi NAME is required");
  if (!out) throw Error("render: --out scope.pdf|png|svg is required");
  opt.gi = *gi;
  opt.out = *out;
  opt.version = static_cast<int>(args.number_or("version", 0));
  opt.paper = args.get_or("paper", "A4");
  opt.dpi = args.number_or("dpi", 300);
  opt.orientation = args.get_or("orientation", "auto");
  opt.title = args.get_or("title", "");
  opt.date = args.get_or("date", "");
  opt.relief = args.flag("no-relief") ? "off" : args.get_or("relief", "shade");
  opt.contour_interval_m = args.number_or("contour-interval", 100);
  opt.areas = args.flag("areas");

  const Workspace ws = open_workspace(path, true);
  TerminalProgress tp("render");
  const RenderResult r = render_map(ws, opt, tp.progress());
  tp.finish();
  std::cout << "wrote " << r.path << " (" << r.format << ", " << opt.paper << " "
            << (r.width_pt > r.height_pt ? "landscape" : "portrait") << ", "
            << scale_text(r.scale_denominator) << ", EPSG:" << r.epsg;
  if (r.format == "png") std::cout << ", " << r.width_px << "x" << r.height_px << " px";
  std::cout << ")\n";
  if (r.relief || r.contour_lines > 0)
    std::cout << "relief: hillshade" << (opt.relief == "tint" ? " with hypsometric tint" : "") << ", "
              << r.contour_lines << " contour lines, " << r.contour_labels << " altitude labels\n";
  else if (opt.relief != "off")
    std::cout << "relief: none (the workspace has no DEM; giatlas-cli dem import adds one)\n";
  std::cout << "legend: " << r.zone_legend << "\n";
  if (opt.areas)
    std::cout << "production areas: " << r.areas << " drawn, " << r.areas_not_inside
              << " not wholly inside the zone\n";
  return 0;
}

}  // namespace giatlas::cli
