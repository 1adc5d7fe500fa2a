// giatlas-cli scope: the scope statement (地域范围) of a GI zone version as text, Markdown or JSON.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "error.h"
#include "io/atomic_file.h"
#include "scope/scope_format.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

int cmd_scope(int argc, char** argv) {
  Args args(argc, argv, 2, {"precise"});
  args.allow_only({"gi", "version", "format", "precise", "out"});
  const std::string& path = args.need(0, "workspace.gpkg");
  const auto gi = args.get("gi");
  if (!gi) throw Error("scope: --gi NAME is required");
  const int version = static_cast<int>(args.number_or("version", 0));
  ScopeOptions opt;
  opt.second_decimals = args.flag("precise") ? 2 : 0;
  const std::string format = args.get_or("format", "text");
  if (format != "text" && format != "md" && format != "json")
    throw Error("scope: --format must be text, md or json, not '" + format + "'");

  const Workspace ws = open_workspace(path, true);
  const std::string out = format_scope(scope_statement(ws, *gi, version, opt), format);
  if (auto file = args.get("out")) {
    atomic_write_text(*file, "scope", out);
  } else {
    std::cout << out;
  }
  return 0;
}

}  // namespace giatlas::cli
