// giatlas-cli log: the audit trail of a PostGIS workspace (who changed what, when).
#include <cstdio>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "workspace/pg_audit.h"

namespace giatlas::cli {

int cmd_log(int argc, char** argv) {
  Args args(argc, argv, 2, {});
  args.allow_only({"since", "table"});
  const Workspace ws = open_workspace(args.need(0, "workspace (PG:…)"), true);
  const std::vector<AuditEntry> entries =
      read_audit_log(ws, args.get_or("since", ""), args.get_or("table", ""));
  for (const AuditEntry& e : entries)
    std::printf("%s  %-12s %-7s %s #%lld  %s\n", e.at.c_str(), e.who.c_str(), e.action.c_str(),
                e.table.c_str(), static_cast<long long>(e.row_id), e.changes.c_str());
  if (entries.empty()) std::printf("no changes recorded%s\n", args.get("since") ? " since then" : "");
  return 0;
}

}  // namespace giatlas::cli
