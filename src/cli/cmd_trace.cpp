// giatlas-cli trace: a lot traced to its production areas on its harvest date (text, an HTML
// page, a QR code), the mass balance of a GI and season, the yields it assumes, and the
// production-area check on its own.
#include <iostream>

#include "check/area_check.h"
#include "check/area_report.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "cli/terminal_progress.h"
#include "error.h"
#include "trace/lot_trace.h"
#include "trace/mass_balance.h"
#include "trace/qr_code.h"
#include "workspace/area_store.h"
#include "workspace/workspace.h"

namespace giatlas::cli {
namespace {

int trace_one(const Args& args) {
  const std::string& path = args.need(0, "workspace path");
  const std::string& code = args.need(1, "lot code");
  Workspace ws = open_workspace(path, true);
  const LotTrace t = trace_lot(ws, code);
  if (!args.flag("quiet")) std::cout << trace_text(t);
  if (auto out = args.get("out")) {
    write_trace_html(t, *out);
    std::cerr << "trace page written to " << *out << "\n";
  }
  if (auto qr = args.get("qr")) {
    write_qr_png(t.lot.code, *qr);
    std::cerr << "QR code written to " << *qr << "\n";
  }
  return 0;
}

int balance(const Args& args) {
  const std::string& path = args.need(1, "workspace path");
  BalanceOptions opt;
  opt.gi = args.get_or("gi", "");
  opt.season = static_cast<int>(args.number_or("season", 0));
  opt.zone_date = args.get_or("zone-date", "");
  Workspace ws = open_workspace(path, true);
  TerminalProgress tp("balance");
  if (args.flag("quiet")) tp.quiet();
  const BalanceReport r = mass_balance(ws, opt, tp.progress());
  tp.finish();
  if (!args.flag("quiet")) std::cout << balance_text(r);
  if (auto out = args.get("out")) {
    write_balance(r, *out);
    std::cerr << "balance report written to " << *out << "\n";
  }
  return 0;
}

int yield(const Args& args) {
  const std::string& path = args.need(1, "workspace path");
  Workspace ws = open_workspace(path, false);
  if (!args.get("kg-per-mu")) {
    for (const GiYield& y : read_gi_yields(ws))
      std::cout << y.gi << "  " << y.kg_per_mu << " kg/亩  tolerance " << y.tolerance * 100 << "%  " << y.basis << "\n";
    return 0;
  }
  GiYield y;
  y.gi = args.get_or("gi", "");
  y.kg_per_mu = args.number_or("kg-per-mu", 0);
  y.tolerance = args.number_or("tolerance", y.tolerance);
  y.basis = args.get_or("basis", "");
  const GiYield saved = set_gi_yield(ws, y, args.flag("replace"));
  std::cout << "yield of " << saved.gi << ": " << saved.kg_per_mu << " kg/亩, tolerance " << saved.tolerance * 100
            << "%\n";
  return 0;
}

int areas(const Args& args) {
  const std::string& path = args.need(1, "workspace path");
  AreaCheckOptions opt;
  opt.date = args.get_or("date", "");
  opt.gi = args.get_or("gi", "");
  opt.threads = static_cast<int>(args.number_or("threads", 0));
  Workspace ws = open_workspace(path, true);
  TerminalProgress tp("areas");
  if (args.flag("quiet")) tp.quiet();
  const AreaCheckReport r = run_area_check(ws, opt, tp.progress());
  tp.finish();
  if (!args.flag("quiet")) std::cout << area_summary_text(r);
  if (auto out = args.get("out")) {
    write_area_report(r, {}, *out);
    std::cerr << "area report written to " << *out << "\n";
  }
  return 0;
}

}  // namespace

int cmd_trace(int argc, char** argv) {
  Args args(argc, argv, 2, {"quiet", "replace"});
  args.allow_only({"out", "qr", "gi", "season", "zone-date", "kg-per-mu", "tolerance", "basis", "replace", "date",
                   "threads", "quiet"});
  const auto& pos = args.positional();
  if (pos.size() >= 2 && pos[0] == "balance") return balance(args);
  if (pos.size() >= 2 && pos[0] == "yield") return yield(args);
  if (pos.size() == 2 && pos[0] == "areas") return areas(args);
  return trace_one(args);
}

}  // namespace giatlas::cli
