// Copying a workspace between stores (see workspace_copy.h).
#include "workspace/workspace_copy.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "error.h"
#include "io/atomic_file.h"
#include "terrain/dem_import.h"
#include "workspace/bulk_insert.h"
#include "workspace/postgis_store.h"
#include "workspace/schema.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

namespace fs = std::filesystem;

// Every feature of `from` into `to` with its FID, fields matched by name. Returns the rows.
long long copy_rows(OGRLayer& from, OGRLayer& to, const std::string& table, const Progress& progress) {
  OGRFeatureDefn* out_defn = to.GetLayerDefn();
  OGRFeatureDefn* in_defn = from.GetLayerDefn();
  std::vector<int> map(static_cast<std::size_t>(in_defn->GetFieldCount()), -1);
  for (int i = 0; i < in_defn->GetFieldCount(); ++i) map[i] = out_defn->GetFieldIndex(in_defn->GetFieldDefn(i)->GetNameRef());
  long long n = 0;
  from.ResetReading();
  while (OgrFeature f{from.GetNextFeature()}) {
    OgrFeature g(OGRFeature::CreateFeature(out_defn));
    g->SetFID(f->GetFID());
    for (int i = 0; i < in_defn->GetFieldCount(); ++i)
      if (map[i] >= 0 && f->IsFieldSetAndNotNull(i)) g->SetField(map[i], f->GetRawFieldRef(i));
    if (const OGRGeometry* geom = f->GetGeometryRef()) g->SetGeometry(geom);
    if (to.CreateFeature(g.get()) != OGRERR_NONE)
      throw Error("table " + table + " row " + std::to_string(f->GetFID()) + ": " + CPLGetLastErrorMsg());
    if (++n % 20000 == 0) progress.check_cancelled();
  }
  return n;
}

// Empties `layer` (the rows a new workspace starts with: its metadata).
void clear_rows(OGRLayer& layer) {
  std::vector<GIntBig> ids;
  layer.ResetReading();
  while (OgrFeature f{layer.GetNextFeature()}) ids.push_back(f->GetFID());
  for (GIntBig id : ids)
    if (layer.DeleteFeature(id) != OGRERR_NONE) throw Error(std::string("cannot clear ") + layer.GetName());
}

}  // namespace

CopyReport copy_workspace(const std::string& source, const std::string& destination, const Progress& progress) {
  CopyReport r;
  const Workspace src = Workspace::open(source, true);
  r.source = src.shown();
  const StoreAddress dest_addr = parse_store_address(destination);
  r.destination = dest_addr.shown;
  if (!dest_addr.postgis() && fs::exists(destination))
    throw Error("copy to " + destination + ": the file already exists");
  const Metadata m = src.metadata();
  const std::string what = "copy " + r.source + " to " + r.destination;
  // The DEM goes with the workspace: a GeoPackage's file beside it, a PostGIS workspace's in its
  // database (written in the copy's own transaction, so the copy's metadata stays the source's).
  std::optional<std::string> dem_bytes;
  if (workspace_dem_info(src)) {
    if (src.postgis()) {
      dem_bytes = src.stored_file(kStoredDemName);
    } else if (const std::string from = dem_path_for(source); fs::exists(from)) {
      std::ifstream in(from, std::ios::binary);
      std::ostringstream all;
      all << in.rdbuf();
      dem_bytes = all.str();
    }
    if (!dem_bytes) r.notes.push_back("the DEM was not copied: the source's DEM file is missing");
  }

  // A GeoPackage destination is written under a temporary name and renamed when complete; a
  // PostGIS one is a new schema, dropped again when anything fails.
  std::optional<AtomicFile> file;
  std::string target = destination;
  if (!dest_addr.postgis()) {
    file.emplace(destination, "copy");
    file->probe();
    target = file->temp_path();
  }
  std::string dest_path;
  try {
    Workspace dest = Workspace::create(target, m.district_name, m.district_code, m.synthetic);
    dest_path = dest.path();
    GDALDataset& out = dest.dataset();
    QuietGdalErrors quiet;
    if (out.StartTransaction() != OGRERR_NONE) throw Error(CPLGetLastErrorMsg());
    try {
      const auto& tables = workspace_tables();
      for (std::size_t k = 0; k < tables.size(); ++k) {
        const TableDef& t = tables[k];
        progress.report(std::string("copying ") + t.name, static_cast<double>(k) / static_cast<double>(tables.size()));
        OGRLayer* from = src.dataset().GetLayerByName(t.name);
        OGRLayer* to = out.GetLayerByName(t.name);
        if (!to) throw Error(std::string("table ") + t.name + " is missing");
        clear_rows(*to);
        if (!from) {  // a table of a later schema version than the source's: the copy has it empty
          r.tables.push_back({t.name, 0});
          continue;
        }
        // Rows keep their ids, so a PostGIS table can take them as one COPY stream.
        PgCopyMode copy(dest.pg_dataset(), *to);
        std::optional<PgDeferredIndexes> indexes;
        if (copy.on())
          indexes.emplace(dest.pg_dataset(), *to, static_cast<std::size_t>(std::max<GIntBig>(from->GetFeatureCount(TRUE), 0)));
        r.tables.push_back({t.name, copy_rows(*from, *to, t.name, progress)});
        copy.end();
        if (indexes) indexes->rebuild();
      }
      // The source's metadata came with its rows; the copy has every table and field of this
      // build's schema, so it says so (else an older source's number would ask for an upgrade
      // that a non-owner of a PostGIS copy may not make).
      CPLErrorReset();
      out.ExecuteSQL(("UPDATE " + std::string(table::kMetadata) + " SET value = '" + std::to_string(kSchemaVersion) +
                      "' WHERE key = 'schema_version'").c_str(),
                     nullptr, nullptr);
      if (CPLGetLastErrorType() == CE_Failure) throw Error(std::string("recording the schema version: ") + CPLGetLastErrorMsg());
      if (dem_bytes && dest.postgis()) pg_put_file(out, kStoredDemName, *dem_bytes);
      out.FlushCache();
      if (out.CommitTransaction() != OGRERR_NONE) throw Error(CPLGetLastErrorMsg());
    } catch (...) {
      out.RollbackTransaction();
      throw;
    }
    if (dest.postgis()) {  // ids were given: the sequences continue after them
      for (const TableDef& t : workspace_tables())
        pg_scalar(out, std::string("SELECT setval(pg_get_serial_sequence('") + t.name +
                           "', 'fid'), GREATEST(1, (SELECT COALESCE(MAX(fid), 0) FROM " + t.name + ")), " +
                           "(SELECT COUNT(*) > 0 FROM " + t.name + "))");
    }
  } catch (const Cancelled&) {
    if (dest_addr.postgis() && !dest_path.empty()) pg_drop_schema(dest_addr, parse_store_address(dest_path).schema);
    throw;
  } catch (const Error& e) {
    if (dest_addr.postgis() && !dest_path.empty()) {
      try {
        pg_drop_schema(dest_addr, parse_store_address(dest_path).schema);
      } catch (const Error&) {
      }
    }
    const std::string why = e.what();
    throw Error(why.rfind("create workspace", 0) == 0 ? why : what + ": " + why);
  }
  if (file) file->commit();

  if (dem_bytes && !dest_addr.postgis()) atomic_write_text(dem_path_for(destination), "copy DEM", *dem_bytes);
  progress.report("copied", 1.0);
  return r;
}

}  // namespace giatlas
