// giatlas-cli plan: draw a reproducible "double random" inspection plan from a workspace.
#include <cstdlib>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "cli/terminal_progress.h"
#include "error.h"
#include "programme/inspection_plan.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

namespace {

std::uint64_t parse_seed(const std::string& s) {
  char* end = nullptr;
  unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || s[0] == '-') throw Error("option --seed: '" + s + "' is not a non-negative integer");
  return v;
}

}  // namespace

int cmd_plan(int argc, char** argv) {
  Args args(argc, argv, 2, {"save", "stratify"});
  args.allow_only({"count", "ratio", "seed", "date", "gi", "out", "save", "stratify", "weight", "inspectors"});
  const std::string& path = args.need(0, "workspace.gpkg");
  PlanOptions opt;
  opt.count = static_cast<std::int64_t>(args.number_or("count", 0));
  opt.ratio = args.number_or("ratio", 0);
  if (!args.get("seed")) throw Error("plan: --seed S is required, so that the plan can be reproduced");
  opt.seed = parse_seed(*args.get("seed"));
  opt.date = args.get_or("date", "");
  opt.gi = args.get_or("gi", "");
  opt.stratify_by_gi = args.flag("stratify");
  opt.finding_weight = static_cast<int>(args.number_or("weight", 1));
  opt.inspectors_per_visit = static_cast<int>(args.number_or("inspectors", 2));
  bool save = args.flag("save");
  Workspace ws = open_workspace(path, !save);
  TerminalProgress tp("plan");
  InspectionPlan plan = draw_inspection_plan(ws, opt, tp.progress());
  tp.finish();
  if (auto out = args.get("out")) {
    write_plan(plan, *out);
    std::cerr << "plan written to " << *out << "\n";
  }
  if (save) std::cerr << "saved " << save_plan(ws, plan) << " planned inspections\n";
  std::cout << "inspection plan: " << plan.visits.size() << " of " << plan.eligible << " producers, seed " << opt.seed
            << ", date " << plan.options.date << "\n";
  for (std::size_t i = 0; i < plan.visits.size() && i < 20; ++i) {
    const auto& v = plan.visits[i];
    std::cout << "  " << (i + 1) << ". " << v.producer_name << " (" << v.gi << ")  inspectors:";
    for (const auto& n : v.inspectors) std::cout << " " << n;
    std::cout << "\n";
  }
  if (plan.visits.size() > 20) std::cout << "  … " << plan.visits.size() - 20 << " more\n";
  return 0;
}

}  // namespace giatlas::cli
