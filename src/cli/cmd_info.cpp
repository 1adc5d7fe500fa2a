// giatlas-cli info: a workspace's metadata, tables and row counts.
#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "terrain/altitude_band.h"
#include "terrain/dem_import.h"
#include "workspace/postgis_store.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

int cmd_info(int argc, char** argv) {
  Args args(argc, argv, 2, {});
  args.allow_only({});
  const std::string& path = args.need(0, "workspace path");
  const StoreAddress addr = parse_store_address(path);
  if (addr.postgis() && addr.schema.empty()) {  // the database's workspaces
    const std::vector<PgWorkspace> all = pg_list_workspaces(addr);
    std::cout << "database       " << addr.shown << "\n"
              << "workspaces     " << all.size() << (all.empty() ? " (create one with giatlas-cli new)" : "") << "\n";
    for (const PgWorkspace& w : all)
      std::printf("  %-24s %s%s  schema version %d\n", w.schema.c_str(), w.district_name.c_str(),
                  w.district_code.empty() ? "" : (" (" + w.district_code + ")").c_str(), w.schema_version);
    if (all.size() != 1) return 0;
  }
  Workspace ws = open_workspace(path, true);
  Metadata m = ws.metadata();
  std::cout << "workspace      " << ws.shown() << "\n"
            << "district       " << m.district_name << (m.district_code.empty() ? "" : " (" + m.district_code + ")")
            << "\n"
            << "schema version " << m.schema_version << "\n"
            << "created        " << m.created << "\n"
            << "modified       " << m.modified << "\n"
            << "synthetic data " << (m.synthetic ? "yes — generated sample, not real boundaries" : "no") << "\n\n";
  std::printf("%-18s %10s  %s\n", "table", "rows", "kind");
  for (const TableInfo& t : ws.tables())
    std::printf("%-18s %10lld  %s\n", t.name.c_str(), static_cast<long long>(t.rows), t.spatial ? "spatial (EPSG:4490)" : "attributes");
  auto zones = ws.zone_versions();
  if (!zones.empty()) {
    std::cout << "\nzone versions\n";
    for (const auto& z : zones)
      std::cout << "  " << z.gi << " v" << z.version << "  " << z.effective_from << " – "
                << (z.effective_to.empty() ? "in force" : z.effective_to) << "  (" << z.units.size() << " units, "
                << z.source << (z.min_altitude_m || z.max_altitude_m ? ", " + band_text_zh({z.min_altitude_m, z.max_altitude_m}) : "")
                << ")\n";
  }
  std::cout << "\n";
  if (auto dem = workspace_dem_info(ws)) print_dem_info(*dem);
  else std::cout << "DEM            none (giatlas-cli dem import FILE… --into " << ws.shown() << ")\n";
  return 0;
}

}  // namespace giatlas::cli
