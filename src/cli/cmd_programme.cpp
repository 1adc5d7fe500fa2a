// giatlas-cli programme: the district's GI programme — targets and their status, the resource
// library and catalogue, candidate scores and ranking, protections, standards, authorised users,
// and the yearly report. Every action is a core function in src/core/programme/.
#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "error.h"
#include "io/value_text.h"
#include "programme/calendar.h"
#include "programme/candidates.h"
#include "programme/catalogue.h"
#include "programme/programme_docs.h"
#include "programme/programme_import.h"
#include "programme/register_book.h"
#include "programme/targets.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

namespace {

int year_arg(const Args& args) {
  const std::string y = args.get_or("year", "");
  if (y.empty()) return year_of(today_iso());
  char* end = nullptr;
  const long v = std::strtol(y.c_str(), &end, 10);
  if (*end || v < 1900 || v > 2200) throw Error("programme: --year '" + y + "' is not a year");
  return static_cast<int>(v);
}


int status(const Args& args, const std::string& path) {
  const Workspace ws = open_workspace(path, true);
  const int year = year_arg(args);
  const std::string as_of = args.get_or("date", report_as_of(year));
  const auto results = evaluate_targets(programme_targets(ws), programme_facts(ws), as_of);
  std::cout << "programme targets on " << as_of << "\n";
  for (const TargetResult& r : results)
    std::cout << "  " << r.target.key << "  " << r.target.title << ": " << target_value_text(r.target, r.value)
              << (r.target.metric == "standards_overdue" ? " (at most " : " (target ")
              << target_value_text(r.target, r.target.threshold) << ", " << r.target.period_from << " to "
              << r.target.period_to << ")  " << target_status_code(r.status) << " "
              << target_status_zh(r.status) << "\n";
  const ProgrammeFacts f = programme_facts(ws);
  for (const StandardDue& d :
       standards_due(f.protections, f.standards, plan_start(programme_targets(ws)), as_of))
    if (d.state == StandardState::overdue || d.state == StandardState::due_soon)
      std::cout << "  standard " << standard_state_code(d.state) << ": " << d.gi << " due " << d.due << "\n";
  return 0;
}

int write_or_print(const ReportDoc& d, const Args& args, const char* what) {
  if (const auto out = args.get("out")) {
    write_doc(d, *out, what);
    std::cout << "wrote " << *out << "\n";
    return 0;
  }
  std::cout << doc_csv(d);
  return 0;
}

int add_resource_cmd(const Args& args, const std::string& path) {
  GiResource r;
  r.name = args.need(2, "resource name");
  r.category = args.get_or("category", "");
  r.townships = split_typed_list(args.get_or("townships", ""));
  r.area_mu = args.number_or("area-mu", 0);
  r.annual_output_t = args.number_or("output", 0);
  r.households = static_cast<int>(args.number_or("households", 0));
  r.firms = static_cast<int>(args.number_or("firms", 0));
  r.since_year = static_cast<int>(args.number_or("since", 0));
  r.history = args.get_or("history", "");
  r.reputation = args.get_or("reputation", "");
  r.sources = args.get_or("sources", "");
  r.photos = split_typed_list(args.get_or("photos", ""));
  r.surveyor = args.get_or("surveyor", "");
  r.survey_date = args.get_or("date", "");
  Workspace ws = open_workspace(path);
  r = add_resource(ws, r);
  std::cout << "added resource " << r.name << " [resource]\n";
  return 0;
}

int advance(const Args& args, const std::string& path) {
  const std::string name = args.need(2, "resource name");
  std::optional<GiProtection> p;
  if (args.get("registration-no")) {
    p = GiProtection{};
    p->protection_type = args.get_or("type", "");
    p->registration_no = args.get_or("registration-no", "");
    p->authority = args.get_or("authority", "");
    p->holder = args.get_or("holder", "");
  }
  Workspace ws = open_workspace(path);
  const auto rec = change_catalogue_status(ws, name, args.get_or("to", ""), args.get_or("date", ""),
                                           args.get_or("by", ""), args.get_or("note", ""), p);
  std::cout << name << " → " << rec.status << " (" << catalogue_status_zh(rec.status) << ") on " << rec.date
            << "\n";
  return 0;
}

int print_import(const ProgrammeImportResult& r) {
  std::cout << r.file << ": read " << r.read << " = accepted " << r.accepted << " + rejected "
            << r.rejected.size() << "\n";
  for (const std::string& why : r.rejected) std::cout << "  rejected " << why << "\n";
  return 0;
}

int run(const std::string& action, const Args& args, const std::string& path) {
  if (action == "status") return status(args, path);
  if (action == "candidates")
    return write_or_print(candidates_doc(open_workspace(path, true)), args, "candidates");
  if (action == "catalogue")
    return write_or_print(catalogue_doc(open_workspace(path, true)), args, "catalogue");
  if (action == "report") {
    const std::string out = args.get_or("out", "");
    if (out.empty()) throw Error("programme report: --out report.html|pdf is needed");
    if (!args.get("year")) throw Error("programme report: --year is needed");
    const Workspace ws = open_workspace(path, true);
    write_doc(programme_report_doc(ws, year_arg(args), args.get_or("date", "")), out, "programme report");
    std::cout << "wrote " << out << "\n";
    return 0;
  }
  if (action == "add-resource") return add_resource_cmd(args, path);
  if (action == "advance") return advance(args, path);
  if (action == "add-protection") {
    GiProtection p;
    p.gi = args.need(2, "GI name");
    p.protection_type = args.get_or("type", "");
    p.registration_no = args.get_or("registration-no", "");
    p.registration_date = args.get_or("date", "");
    p.authority = args.get_or("authority", "");
    p.holder = args.get_or("holder", "");
    Workspace ws = open_workspace(path);
    p = add_protection(ws, p);
    std::cout << "recorded " << p.protection_type << " " << p.registration_no << " of " << p.gi << "\n";
    return 0;
  }
  if (action == "add-standard") {
    GiStandard s;
    s.gi = args.need(2, "GI name");
    s.number = args.get_or("number", "");
    s.title = args.get_or("title", "");
    s.level = args.get_or("level", "");
    s.published = args.get_or("published", "");
    Workspace ws = open_workspace(path);
    s = add_standard(ws, s);
    std::cout << "recorded standard " << s.number << " of " << s.gi << " (" << s.published << ")\n";
    return 0;
  }
  if (action == "add-user") {
    MarkUser u;
    u.gi = args.need(2, "GI name");
    u.name = args.get_or("name", "");
    u.credit_code = args.get_or("credit-code", "");
    u.approved = args.get_or("approved", "");
    u.expiry = args.get_or("expiry", "");
    u.status = args.get_or("status", "");
    Workspace ws = open_workspace(path);
    u = add_mark_user(ws, u);
    std::cout << "recorded authorised user " << u.name << " of " << u.gi
              << (u.producer_id ? " (producer #" + std::to_string(u.producer_id) + ")" : "") << "\n";
    return 0;
  }
  if (action == "set-user") {
    Workspace ws = open_workspace(path);
    const auto u = set_mark_user_status(
        ws, static_cast<std::int64_t>(args.number_or("id", 0)), args.get_or("status", ""),
        args.get_or("expiry", ""), args.get_or("date", ""), args.get_or("by", ""), args.get_or("note", ""));
    std::cout << "authorised user " << u.name << ": " << u.changes.back().status << " from "
              << u.changes.back().date << "\n";
    return 0;
  }
  if (action == "import-users") {
    Workspace ws = open_workspace(path);
    return print_import(
        import_mark_users(ws, args.need(2, "source file"), args.get_or("gi", ""), args.get_or("layer", "")));
  }
  if (action == "import-resources") {
    Workspace ws = open_workspace(path);
    return print_import(import_resources(ws, args.need(2, "source file"), args.get_or("layer", "")));
  }
  if (action == "link-census") {
    std::vector<long long> ids;
    for (const std::string& s : split_typed_list(args.get_or("ids", ""))) ids.push_back(std::atoll(s.c_str()));
    Workspace ws = open_workspace(path);
    const std::string name = args.need(2, "resource name");
    std::cout << "linked " << link_census_points(ws, name, ids) << " census point(s) to " << name << "\n";
    return 0;
  }
  if (action == "score") {
    CandidateScore s;
    s.criterion = args.get_or("criterion", "");
    s.score = static_cast<int>(args.number_or("score", 0));
    s.note = args.get_or("note", "");
    s.override_reason = args.get_or("reason", "");
    s.assessor = args.get_or("assessor", "");
    s.date = args.get_or("date", "");
    Workspace ws = open_workspace(path);
    const std::string name = args.need(2, "resource name");
    s = record_score(ws, name, s);
    std::cout << "scored " << name << " " << s.criterion << " = " << s.score << "\n";
    return 0;
  }
  if (action == "weights") {
    Workspace ws = open_workspace(path);
    set_candidate_weights(ws, parse_weights(args.need(2, "six weights, e.g. 1,1,2,1,1,1")));
    std::cout << "candidate weights set\n";
    return 0;
  }
  if (action == "set-target") {
    ProgrammeTarget t;
    t.key = args.need(2, "target key");
    t.title = args.get_or("title", "");
    t.metric = args.get_or("metric", "");
    t.period_from = args.get_or("from", "");
    t.period_to = args.get_or("to", "");
    Workspace ws = open_workspace(path);
    if (args.get("threshold"))
      t.threshold = args.number_or("threshold", 0);  // set_target refuses a negative one
    else
      for (const ProgrammeTarget& old : programme_targets(ws))
        if (old.key == t.key) t.threshold = old.threshold;
    t = set_target(ws, t);
    std::cout << "target " << t.key << ": " << t.metric << " " << target_value_text(t, t.threshold) << ", "
              << t.period_from << " to " << t.period_to << "\n";
    return 0;
  }
  throw Error(
      "programme: unknown action '" + action +
      "' (status, candidates, catalogue, report, add-resource, advance, add-protection, add-standard, "
      "add-user, set-user, import-users, import-resources, link-census, score, weights, set-target)");
}

}  // namespace

int cmd_programme(int argc, char** argv) {
  Args args(argc, argv, 2, {});
  args.allow_only(
      {"year",   "date",      "out",     "category",        "townships", "area-mu", "output",   "households",
       "firms",  "since",     "history", "reputation",      "sources",   "photos",  "surveyor", "to",
       "by",     "note",      "type",    "registration-no", "authority", "holder",  "number",   "title",
       "level",  "published", "name",    "credit-code",     "approved",  "expiry",  "status",   "id",
       "gi",     "layer",     "ids",     "criterion",       "score",     "reason",  "assessor", "threshold",
       "metric", "from"});
  const std::string& action = args.need(0, "action (status, candidates, catalogue, report, …)");
  const std::string& path = args.need(1, "workspace path");
  return run(action, args, path);
}

}  // namespace giatlas::cli
