// giatlas-cli inspector: the roster, with each inspector's home township and relations for 回避.
#include <cstdlib>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "error.h"
#include "inspection/roster.h"
#include "io/value_text.h"
#include "workspace/workspace.h"

namespace giatlas::cli {


int cmd_inspector(int argc, char** argv) {
  const std::string sub = argc > 2 ? argv[2] : "";
  Args args(argc, argv, 3, {"inactive", "active"});
  if (sub == "list") {
    args.allow_only({});
    Workspace ws = open_workspace(args.need(0, "workspace.gpkg"), true);
    std::cout << "id\tname\tunit\tbadge\tactive\ttownship\trelations\n";
    for (const Inspector& i : ws.inspectors()) {
      std::string rel;
      for (const auto& r : i.relations) rel += (rel.empty() ? "" : ",") + r;
      std::cout << i.id << "\t" << i.name << "\t" << i.unit << "\t" << i.badge << "\t" << (i.active ? "yes" : "no")
                << "\t" << i.township << "\t" << rel << "\n";
    }
    return 0;
  }
  if (sub != "add" && sub != "set") throw Error("inspector: use add, set or list");
  args.allow_only({"unit", "badge", "township", "relations", "add-relation", "inactive", "active"});
  Workspace ws = open_workspace(args.need(0, "workspace.gpkg"));
  const std::string& name = args.need(1, "inspector name");
  RosterChange c;
  c.unit = args.get("unit");
  c.badge = args.get("badge");
  c.township = args.get("township");
  if (auto r = args.get("relations")) c.relations = split_typed_list(*r);
  c.add_relations = split_typed_list(args.get_or("add-relation", ""));
  if (args.flag("inactive")) c.active = false;
  if (args.flag("active")) c.active = true;
  Inspector i = sub == "add" ? add_inspector(ws, name, c) : change_inspector(ws, name, c);
  std::string rel;
  for (const auto& r : i.relations) rel += (rel.empty() ? "" : ",") + r;
  std::cout << (sub == "add" ? "added" : "updated") << " inspector #" << i.id << " " << i.name << ": township "
            << (i.township.empty() ? "-" : i.township) << ", relations " << (rel.empty() ? "-" : rel) << ", "
            << (i.active ? "active" : "inactive") << "\n";
  return 0;
}

}  // namespace giatlas::cli
