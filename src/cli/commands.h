// The giatlas-cli subcommands; each lives in its own cmd_<name>.cpp and is a thin layer over
// core functions. Each returns the process exit code; user errors are thrown as giatlas::Error.
#pragma once

namespace giatlas::cli {

int cmd_new(int argc, char** argv);      // create an empty workspace
int cmd_info(int argc, char** argv);     // tables, row counts and metadata
int cmd_sample(int argc, char** argv);   // generate the synthetic sample / benchmark workspace
int cmd_import(int argc, char** argv);   // import any OGR source into a workspace
int cmd_check(int argc, char** argv);    // origin check and reports
int cmd_zone(int argc, char** argv);     // zone versions: build from units, list, compare
int cmd_scope(int argc, char** argv);    // scope statement
int cmd_render(int argc, char** argv);   // printable map
int cmd_plan(int argc, char** argv);     // random inspection sample
int cmd_census(int argc, char** argv);   // record and summarise census points
int cmd_register(int argc, char** argv); // the GI register: list, add, set
int cmd_dem(int argc, char** argv);      // elevation model: import, info, sample
int cmd_copy(int argc, char** argv);     // a whole workspace into a new one (GeoPackage ⇄ PostGIS)
int cmd_styles(int argc, char** argv);   // map styles: print, replace, write as QGIS layer styles
int cmd_programme(int argc, char** argv);  // the GI programme: targets, catalogue, candidates, register, report
int cmd_db(int argc, char** argv);       // database roles of a PostGIS workspace: grant, revoke, list
int cmd_export_field(int argc, char** argv);  // a field GeoPackage for some townships (cmd_field.cpp)
int cmd_merge(int argc, char** argv);         // a field GeoPackage merged back
int cmd_log(int argc, char** argv);      // the audit trail of a PostGIS workspace
int cmd_inspect(int argc, char** argv);    // visit outcomes, publication, credit flags
int cmd_inspector(int argc, char** argv);  // the inspectors' roster (home township, relations)
int cmd_trace(int argc, char** argv);    // lots traced to their areas, mass balance, yields, area check

}  // namespace giatlas::cli

namespace giatlas {
struct DemInfo;
}
namespace giatlas::cli {
// The DEM block of `info` and `dem info`.
void print_dem_info(const giatlas::DemInfo& info);

}  // namespace giatlas::cli
