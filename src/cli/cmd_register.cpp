// giatlas-cli register: list the GI register, add a GI (a new application starts as a candidate),
// or change an entry's fields (status, registration number and date, holder, standard).
#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "error.h"
#include "programme/register_book.h"
#include "workspace/gi_register.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

namespace {

void apply_options(const Args& args, GiProduct& g) {
  g.category = args.get_or("category", g.category);
  g.protection_type = args.get_or("type", g.protection_type);
  g.status = args.get_or("status", g.status);
  g.registration_no = args.get_or("registration-no", g.registration_no);
  g.registration_date = args.get_or("registration-date", g.registration_date);
  g.holder = args.get_or("holder", g.holder);
  g.standard_no = args.get_or("standard-no", g.standard_no);
  g.standard_date = args.get_or("standard-date", g.standard_date);
}

int list(const Workspace& ws) {
  auto zones = ws.zone_versions();
  for (const GiProduct& g : ws.gi_products()) {
    int versions = 0;
    for (const auto& z : zones) versions += z.gi == g.name ? 1 : 0;
    std::cout << g.name << "  [" << g.status << "]  " << g.category << " · " << g.protection_type
              << (g.registration_no.empty() ? "" : " · " + g.registration_no + " (" + g.registration_date + ")")
              << (g.holder.empty() ? "" : " · 持有人 " + g.holder) << " · " << versions << " zone version(s)\n";
  }
  return 0;
}

}  // namespace

int cmd_register(int argc, char** argv) {
  Args args(argc, argv, 2, {});
  args.allow_only({"category", "type", "status", "registration-no", "registration-date", "holder",
                   "standard-no", "standard-date", "date"});
  const std::string& action = args.need(0, "action: list, add or set");
  const std::string& path = args.need(1, "workspace path");
  if (action == "list") return list(open_workspace(path, true));
  if (action != "add" && action != "set") throw Error("register: unknown action '" + action + "' (list, add or set)");
  const std::string& name = args.need(2, "GI name");
  Workspace ws = open_workspace(path);
  if (action == "add") {
    GiProduct g;
    g.name = name;
    apply_options(args, g);  // status and category default in add_new_gi
    g = add_new_gi(ws, g);
    std::cout << "added " << g.name << " [" << g.status << "]\n";
    return 0;
  }
  auto existing = ws.gi_product(name);
  if (!existing) throw Error("register set: '" + name + "' is not in the register (use register add)");
  GiProduct g = *existing;
  apply_options(args, g);
  // A status change is a dated record (programme/register_book.h), never an overwrite.
  const std::string status = g.status;
  g.status = existing->status;
  Workspace::Transaction t(ws);
  ws.update_gi_product(g);
  if (status != existing->status) set_register_status(ws, g.name, status, args.get_or("date", ""));
  t.commit();
  g.status = status;
  std::cout << "updated " << g.name << " [" << g.status << "]\n";
  return 0;
}

}  // namespace giatlas::cli
