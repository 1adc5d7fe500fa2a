// giatlas-cli sample: generate the synthetic Wulong workspace (the shipped sample, or a large
// benchmark dataset), deterministically from a seed.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <map>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/terminal_progress.h"
#include "map/qgis_styles.h"
#include "sample/generator.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

int cmd_sample(int argc, char** argv) {
  Args args(argc, argv, 2, {});
  args.allow_only({"seed", "producers", "density", "census", "zones"});
  const std::string& path = args.need(0, "output workspace path");
  SampleOptions opt;
  opt.seed = static_cast<std::uint64_t>(args.number_or("seed", static_cast<double>(opt.seed)));
  opt.producers = static_cast<int>(args.number_or("producers", opt.producers));
  opt.census_points = static_cast<int>(args.number_or("census", opt.census_points));
  opt.density = args.number_or("density", opt.density);
  opt.zones = static_cast<int>(args.number_or("zones", opt.zones));
  TerminalProgress bar("sample");
  auto truth = generate_sample(path, opt, bar.progress());
  bar.finish();
  {
    Workspace ws = Workspace::open(path);
    write_workspace_qgis_styles(ws);
  }
  std::map<std::string, int> counts;
  for (const auto& t : truth) ++counts[t.cause.empty() ? t.expected : t.expected + " (" + t.cause + ")"];
  std::cout << "wrote " << path << ": synthetic Wulong District sample, seed " << opt.seed << ", " << truth.size()
            << " producers\n";
  for (const auto& [k, n] : counts) std::printf("  %-44s %7d\n", k.c_str(), n);
  return 0;
}

}  // namespace giatlas::cli
