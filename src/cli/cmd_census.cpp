// giatlas-cli census: record a census point, or summarise census points by township, category
// or product.
#include <cstdio>
#include <iostream>

#include "census/census_editor.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "error.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

namespace {

int census_add(const Args& args) {
  Workspace ws = open_workspace(args.need(1, "workspace path"));
  CensusPoint p;
  auto lon = args.get("lon"), lat = args.get("lat");
  if (!lon || !lat) throw Error("census add: --lon and --lat (decimal degrees, CGCS2000) are required");
  p.location = {args.number_or("lon", 0), args.number_or("lat", 0)};
  p.product = args.get_or("product", "");
  p.category = args.get_or("category", "");
  p.survey_date = args.get_or("date", today_iso());
  p.surveyor = args.get_or("surveyor", "");
  p.annual_output_t = args.number_or("output", 0);
  p.area_mu = args.number_or("area-mu", 0);
  p.households = static_cast<int>(args.number_or("households", 0));
  p.note = args.get_or("note", "");
  CensusEditor editor(ws);
  std::int64_t id = editor.add(p);
  auto saved = ws.census_point(id);
  std::cout << "recorded census point #" << id << " (" << saved->product << ", "
            << (saved->township.empty() ? "outside every township" : saved->township) << ")\n";
  return 0;
}

int census_summary(const Args& args) {
  Workspace ws = open_workspace(args.need(1, "workspace path"), true);
  std::string by = args.get_or("by", "township");
  auto groups = summarise_census(ws.census_points(), by);
  std::printf("%-24s %7s %14s %12s %10s\n", by.c_str(), "points", "output (t/yr)", "area (亩)", "households");
  CensusGroup total;
  for (const auto& g : groups) {
    std::printf("%-24s %7d %14.1f %12.0f %10d\n", g.key.empty() ? "(none)" : g.key.c_str(), g.points, g.annual_output_t,
                g.area_mu, g.households);
    total.points += g.points, total.annual_output_t += g.annual_output_t, total.area_mu += g.area_mu,
        total.households += g.households;
  }
  std::printf("%-24s %7d %14.1f %12.0f %10d\n", "total", total.points, total.annual_output_t, total.area_mu,
              total.households);
  return 0;
}

}  // namespace

int cmd_census(int argc, char** argv) {
  Args args(argc, argv, 2, {});
  args.allow_only({"lon", "lat", "product", "category", "date", "surveyor", "output", "area-mu", "households", "note", "by"});
  const std::string& action = args.need(0, "action: add or summary");
  if (action == "add") return census_add(args);
  if (action == "summary") return census_summary(args);
  throw Error("census: unknown action '" + action + "' (add or summary)");
}

}  // namespace giatlas::cli
