// giatlas-cli inspect: record the outcome of planned visits (append-only), list them, close
// cases, publish a plan's results (一公开) and show credit flags (信用监管).
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "cli/terminal_progress.h"
#include "error.h"
#include "inspection/credit_flags.h"
#include "inspection/inspection_store.h"
#include "inspection/publication.h"
#include "inspection/visits.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

namespace {

std::vector<std::string> list_of(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, sep);)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::int64_t whole(const std::string& what, const std::string& v) {
  char* end = nullptr;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end || n < 0) throw Error(what + ": '" + v + "' is not a whole number");
  return n;
}

int inspect_record(int argc, char** argv) {
  Args args(argc, argv, 3, {});
  args.allow_only({"plan", "visit", "date", "inspectors", "finding", "action", "follow-up", "x", "y", "crs", "accuracy",
                   "evidence", "note", "corrects"});
  Workspace ws = open_workspace(args.need(0, "workspace.gpkg"));
  VisitInput in;
  if (!args.get("plan") || !args.get("visit") || !args.get("finding") || !args.get("inspectors"))
    throw Error("inspect record: --plan NAME --visit N --finding F --inspectors A,B are required");
  in.plan = *args.get("plan");
  in.visit_no = static_cast<int>(whole("--visit", *args.get("visit")));
  in.date = args.get_or("date", "");
  in.inspectors = list_of(*args.get("inspectors"), ',');
  in.finding = *args.get("finding");
  in.action = args.get_or("action", "none");
  in.follow_up = args.get_or("follow-up", "");
  in.x = args.get_or("x", "");
  in.y = args.get_or("y", "");
  in.crs = args.get_or("crs", "");
  if (auto a = args.get("accuracy")) {
    char* end = nullptr;
    double v = std::strtod(a->c_str(), &end);
    if (a->empty() || *end) throw Error("--accuracy: '" + *a + "' is not a number of metres");
    in.accuracy_m = v;
  }
  in.evidence = list_of(args.get_or("evidence", ""), ',');
  in.note = args.get_or("note", "");
  if (auto c = args.get("corrects")) in.corrects = whole("--corrects", *c);
  TerminalProgress tp("inspect");
  VisitOutcome r = record_visit(ws, in, tp.progress());
  tp.finish();
  std::cout << "recorded #" << r.id << ": plan " << in.plan << " visit " << r.visit_no << ", " << r.producer_name << ", "
            << r.finding << ", action " << r.action << "; origin check on " << r.date << ": "
            << (r.check_result.empty() ? "-" : r.check_result) << (r.supersedes ? ", corrects #" + std::to_string(r.supersedes) : "")
            << "\n";
  return 0;
}

int inspect_list(int argc, char** argv) {
  Args args(argc, argv, 3, {"all"});
  args.allow_only({"plan", "all"});
  Workspace ws = open_workspace(args.need(0, "workspace.gpkg"), true);
  const std::string plan = args.get_or("plan", "");
  const auto rows = args.flag("all") ? visit_outcomes(ws) : current_outcomes(ws, plan);
  std::cout << "id\tplan_id\tvisit\tproducer\tdate\tfinding\taction\tfollow_up\tclosed\tcheck\tsupersedes\tinspectors\n";
  for (const auto& r : rows)
    std::cout << r.id << "\t" << r.plan_id << "\t" << r.visit_no << "\t" << r.producer_name << "\t" << r.date << "\t"
              << r.finding << "\t" << r.action << "\t" << r.follow_up << "\t" << r.closed << "\t" << r.check_result << "\t"
              << (r.supersedes ? std::to_string(r.supersedes) : "") << "\t" << r.inspectors << "\n";
  return 0;
}

int inspect_close(int argc, char** argv) {
  Args args(argc, argv, 3, {});
  args.allow_only({"record", "date", "note"});
  Workspace ws = open_workspace(args.need(0, "workspace.gpkg"));
  if (!args.get("record")) throw Error("inspect close: --record ID is required (see inspect list)");
  VisitOutcome r = close_visit(ws, whole("--record", *args.get("record")), args.get_or("date", ""), args.get_or("note", ""));
  std::cout << "closed: record #" << r.id << " closes #" << r.supersedes << " on " << r.closed << "\n";
  return 0;
}

int inspect_publish(int argc, char** argv) {
  Args args(argc, argv, 3, {});
  args.allow_only({"out"});
  Workspace ws = open_workspace(args.need(0, "workspace.gpkg"), true);
  const std::string& plan = args.need(1, "plan name");
  if (!args.get("out")) throw Error("inspect publish: --out results.html|results.csv is required");
  publish_plan_results(ws, plan, *args.get("out"));
  std::cout << "published plan " << plan << " to " << *args.get("out") << "\n";
  return 0;
}

int inspect_flags(int argc, char** argv) {
  Args args(argc, argv, 3, {"all"});
  args.allow_only({"date", "years", "all", "set-years"});
  const bool set = args.get("set-years").has_value();
  Workspace ws = open_workspace(args.need(0, "workspace.gpkg"), !set);
  if (set) {
    set_flag_rule(ws, FlagRule{static_cast<int>(whole("--set-years", *args.get("set-years")))});
    std::cout << "credit flags now expire after " << *args.get("set-years") << " year(s)\n";
    return 0;
  }
  FlagRule rule = flag_rule(ws);
  if (auto y = args.get("years")) rule.years = static_cast<int>(whole("--years", *y));
  const std::string on = args.get_or("date", today_iso());
  std::size_t live = 0;
  for (const CreditFlag& f : credit_flags(ws, on, rule)) {
    live += f.live;
    if (!f.live && !args.flag("all")) continue;
    std::cout << f.producer_id << "\t" << f.producer_name << "\t" << f.credit_code << "\t" << f.gi << "\t" << f.finding
              << "\t" << f.date << "\texpires " << f.expires << "\t" << (f.live ? "live" : "expired") << "\n";
  }
  std::cout << live << " live credit flag(s) on " << on << " (rule: " << rule.years << " year(s) after the finding)\n";
  return 0;
}

}  // namespace

int cmd_inspect(int argc, char** argv) {
  const std::string sub = argc > 2 ? argv[2] : "";
  if (sub == "record") return inspect_record(argc, argv);
  if (sub == "list") return inspect_list(argc, argv);
  if (sub == "close") return inspect_close(argc, argv);
  if (sub == "publish") return inspect_publish(argc, argv);
  if (sub == "flags") return inspect_flags(argc, argv);
  throw Error("inspect: use record, list, close, publish or flags");
}

}  // namespace giatlas::cli
