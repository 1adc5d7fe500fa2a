// giatlas-cli plan: draw a reproducible "double random" inspection plan from a workspace (or a
// 专项 campaign restricted to GIs, townships and a date window), verify a published plan file,
// and list / advance the plans saved in the workspace.
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "cli/terminal_progress.h"
#include "error.h"
#include "inspection/field_package.h"
#include "inspection/inspection_store.h"
#include "io/value_text.h"
#include "programme/inspection_plan.h"
#include "programme/plan_document.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

namespace {

std::uint64_t parse_seed(const std::string& s) {
  char* end = nullptr;
  unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || s[0] == '-') throw Error("option --seed: '" + s + "' is not a non-negative integer");
  return v;
}

int plan_list(int argc, char** argv) {
  Args args(argc, argv, 3, {});
  args.allow_only({});
  Workspace ws = open_workspace(args.need(0, "workspace.gpkg"), true);
  const auto plans = saved_plans(ws);
  if (plans.empty()) std::cout << "no saved plans\n";
  for (const SavedPlan& p : plans)
    std::cout << p.name << "\t" << p.kind << "\t" << p.status << "\tseed " << p.seed << "\t" << p.date << "\t"
              << plan_visits(ws, p.id).size() << " visits of " << p.eligible << " eligible\n";
  return 0;
}

int plan_status(int argc, char** argv) {
  Args args(argc, argv, 3, {});
  args.allow_only({"to"});
  Workspace ws = open_workspace(args.need(0, "workspace.gpkg"));
  const std::string& name = args.need(1, "plan name");
  if (!args.get("to")) throw Error("plan status: --to draft|published|closed is required");
  set_plan_status(ws, name, *args.get("to"));
  std::cout << "plan " << name << ": " << *args.get("to") << "\n";
  return 0;
}

}  // namespace

int cmd_plan(int argc, char** argv) {
  if (argc > 2 && !std::strcmp(argv[2], "list")) return plan_list(argc, argv);
  if (argc > 2 && !std::strcmp(argv[2], "status")) return plan_status(argc, argv);
  Args args(argc, argv, 2, {"save", "stratify"});
  args.allow_only({"count", "ratio", "seed", "date", "gi", "out", "save", "stratify", "weight", "inspectors", "verify",
                   "name", "gis", "townships", "from", "to", "flag-weight", "field"});
  const std::string& path = args.need(0, "workspace.gpkg");
  if (auto verify = args.get("verify")) {
    Workspace ws = open_workspace(path, true);
    TerminalProgress tp("verify");
    PlanVerification v = verify_plan_csv(ws, *verify, tp.progress());
    tp.finish();
    std::cout << v.summary << "\n";
    for (const auto& d : v.differences) std::cout << "  " << d << "\n";
    return v.matches ? 0 : 1;
  }
  PlanOptions opt;
  opt.count = static_cast<std::int64_t>(args.number_or("count", 0));
  opt.ratio = args.number_or("ratio", 0);
  if (!args.get("seed")) throw Error("plan: --seed S is required, so that the plan can be reproduced");
  opt.seed = parse_seed(*args.get("seed"));
  opt.date = args.get_or("date", "");
  opt.gi = args.get_or("gi", "");
  opt.gis = split_typed_list(args.get_or("gis", ""));
  opt.townships = split_typed_list(args.get_or("townships", ""));
  opt.window_from = args.get_or("from", "");
  opt.window_to = args.get_or("to", "");
  opt.stratify_by_gi = args.flag("stratify");
  opt.finding_weight = static_cast<int>(args.number_or("weight", 1));
  opt.flag_weight = static_cast<int>(args.number_or("flag-weight", 1));
  opt.inspectors_per_visit = static_cast<int>(args.number_or("inspectors", 2));
  const bool save = args.flag("save");
  const std::string name = args.get_or("name", "");
  if (!name.empty() && !save) throw Error("plan: --name saves the plan under that name; give --save too");
  Workspace ws = open_workspace(path, !save);
  TerminalProgress tp("plan");
  InspectionPlan plan = draw_inspection_plan(ws, opt, tp.progress());
  tp.finish();
  if (auto out = args.get("out")) {
    write_plan(plan, *out);
    std::cerr << "plan written to " << *out << "\n";
  }
  if (auto field = args.get("field")) {
    const FieldPackageSummary s = write_field_package(ws, plan, *field);
    std::cerr << "field package written to " << *field << ": " << s.visits << " visits over " << s.days
              << " day(s), " << s.zones << " zone outline(s); " << s.unlocated
              << " visit(s) without a location left out of the route\n";
  }
  if (save) {
    if (!name.empty()) {
      SavedPlan p = save_named_plan(ws, plan, name);
      std::cerr << "saved plan '" << p.name << "' (" << p.kind << ", draft) with " << plan.visits.size() << " visits\n";
    } else {
      std::cerr << "saved " << save_plan(ws, plan) << " planned inspections\n";
    }
  }
  std::cout << "inspection plan: " << plan.visits.size() << " of " << plan.eligible << " producers, seed " << opt.seed
            << ", date " << plan.options.date << ", " << plan.recusals << " recusal(s) (回避)\n";
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
