// GeoPackage and GeoJSON point layers of an origin check, written through OGR.
#include <cerrno>
#include <cmath>
#include <utility>

#include "check/report_writers.h"
#include "error.h"
#include "geo/gdal.h"
#include "map/qgis_styles.h"
#include "io/atomic_file.h"

namespace giatlas {

namespace {

bool add_field(OGRLayer& layer, const char* name, OGRFieldType type) {
  OGRFieldDefn def(name, type);
  return layer.CreateField(&def) == OGRERR_NONE;
}

}  // namespace

void write_check_ogr(const CheckReport& report, const std::string& path, const MapStyles* styles) {
  ensure_gdal();
  std::string ext = file_extension(path);
  const char* driver_name = ext == "gpkg" ? "GPKG" : "GeoJSON";
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
  if (!driver) throw Error(std::string("check report: GDAL has no ") + driver_name + " driver");
  AtomicFile file(path, "check report");
  file.probe();
  // GDAL's own lines stay quiet: its text becomes the cause of one message ("no space left on
  // device" when the disk filled up, whatever SQLite said after that).
  auto failed = [&](const std::string& step) {
    file.fail(file.folder_full() ? system_cause(ENOSPC) : step + ": " + file.failure_cause(CPLGetLastErrorMsg()));
  };
  {
    QuietGdalErrors quiet;
    GdalDataset ds(driver->Create(file.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) failed("cannot create the file");
    OGRSpatialReference srs = srs_cgcs2000();
    char** opts = nullptr;
    if (ext != "gpkg") opts = CSLSetNameValue(opts, "RFC7946", "NO");
    OGRLayer* layer = ds->CreateLayer("origin_check", &srs, wkbPoint, opts);
    CSLDestroy(opts);
    if (!layer) failed("cannot create the layer");
    static const std::pair<const char*, OGRFieldType> kFields[] = {
        {"name", OFTString},
        {"credit_code", OFTString},
        {"gi", OFTString},
        {"result", OFTString},
        {"reason", OFTString},
        {"distance_m", OFTReal},
        {"township", OFTString},
        {"zone_version", OFTInteger},
        {"lon", OFTReal},
        {"lat", OFTReal},
        {"producer_id", OFTInteger64},
        {"cause", OFTString},
        {"result_zh", OFTString},
        {"reason_zh", OFTString},
        {"altitude_m", OFTReal},
        {"altitude_status", OFTString},
        {"zone_band", OFTString}};
    for (const auto& [name, type] : kFields)
      if (!add_field(*layer, name, type)) failed(std::string("cannot create field ") + name);
    bool tx = ds->StartTransaction() == OGRERR_NONE;
    for (const auto& r : report.rows) {
      OgrFeature f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      f->SetField("name", r.name.c_str());
      f->SetField("credit_code", r.credit_code.c_str());
      f->SetField("gi", r.gi.c_str());
      f->SetField("result", result_code(r.result));
      f->SetField("reason", r.reason.c_str());
      if (r.distance_m >= 0) f->SetField("distance_m", r.distance_m);
      f->SetField("township", r.township.c_str());
      if (r.zone_version > 0) f->SetField("zone_version", r.zone_version);
      if (r.location) {
        f->SetField("lon", r.location->x);
        f->SetField("lat", r.location->y);
        OGRPoint pt(r.location->x, r.location->y);
        f->SetGeometry(&pt);
      }
      f->SetField("producer_id", static_cast<GIntBig>(r.producer_id));
      f->SetField("cause", r.cause.c_str());
      f->SetField("result_zh", result_label_zh(r.result));
      f->SetField("reason_zh", r.reason_zh.c_str());
      if (!std::isnan(r.altitude_m)) f->SetField("altitude_m", r.altitude_m);
      else f->SetFieldNull(f->GetFieldIndex("altitude_m"));
      f->SetField("altitude_status", r.altitude_status);
      f->SetField("zone_band", band_text_zh(r.zone_band).c_str());
      if (layer->CreateFeature(f.get()) != OGRERR_NONE) failed("cannot write producer '" + r.name + "'");
    }
    if (tx && ds->CommitTransaction() != OGRERR_NONE) failed("cannot commit");
    if (ext == "gpkg") write_qgis_styles(*ds, {check_report_qgis_style(styles ? *styles : default_map_styles())});
  }  // the dataset is closed (and flushed) before the rename
  file.commit();
}

}  // namespace giatlas
