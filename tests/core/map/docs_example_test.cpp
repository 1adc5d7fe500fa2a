// Not a test: prepares the workspace behind docs/scope-map-relief.png (scripts/make-print-example.sh
// runs it, then draws the map with giatlas-cli render). Hidden from the normal run by its tag.
// The synthetic sample plus a synthetic DEM imported the normal way, and a band version of
// 武隆高山萝卜's zone (its townships above 1200 m).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "geo/geometry.h"
#include "sample/generator.h"
#include "sample/terrain_synth.h"
#include "scope/zone_history.h"
#include "terrain/altitude_band.h"
#include "terrain/dem_import.h"
#include "workspace/workspace.h"

using namespace giatlas;

TEST_CASE("prepare the docs example workspace with relief", "[.docs]") {
  const char* dir = std::getenv("GIATLAS_DOCS_DIR");
  if (!dir) {
    WARN("set GIATLAS_DOCS_DIR to a folder to prepare the example workspace in");
    return;
  }
  const std::string path = (std::filesystem::path(dir) / "wulong.gpkg").string();
  std::filesystem::remove(path);
  std::filesystem::remove(dem_path_for(path));
  SampleOptions so;
  so.producers = 200;
  generate_sample(path, so);
  Workspace ws = Workspace::open(path);
  Box district;
  for (const Township& t : ws.townships()) district.expand(bounds(t.geom));
  SynthTerrainOptions to;
  to.area = district;
  if (const char* arcsec = std::getenv("GIATLAS_DOCS_DEM_ARCSEC"))
    to.cell_deg = std::atof(arcsec) / 3600;  // DEFAULT 3″
  const std::string dem_file = (std::filesystem::path(dir) / "synthetic-dem-3s.tif").string();
  write_dem(synthetic_dem(to), dem_file);
  DemImportOptions io;
  io.date = "synthetic";
  const DemInfo info = import_dem(ws, {dem_file}, io);
  REQUIRE(info.cols > 0);
  const char* gi = "武隆高山萝卜";
  const ZoneVersion current = ws.zone_versions(gi).back();
  AltitudeBand band;
  band.min_m = 1200;
  const BandZone z = altitude_band_zone(*load_workspace_dem(ws), current.geom, band);
  REQUIRE_FALSE(z.geom.empty());
  ZoneSaveRequest req;
  req.gi = gi;
  req.effective_from = "2026-01-01";
  req.author = "示例";
  req.note = "海拔1200米以上（合成示例）";
  req.source = current.source;
  req.units = current.units;
  req.min_altitude_m = band.min_m;
  req.dem = info.file;
  save_zone(ws, z.geom, req);
}
