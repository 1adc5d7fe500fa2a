// GeoPackage and GeoJSON point layers of an origin check, written through OGR.
#include <cmath>
#include <filesystem>

#include "check/report_writers.h"
#include "error.h"
#include "geo/gdal.h"
#include "map/qgis_styles.h"

namespace giatlas {

namespace {

void add_field(OGRLayer& layer, const char* name, OGRFieldType type, const std::string& path) {
  OGRFieldDefn def(name, type);
  if (layer.CreateField(&def) != OGRERR_NONE) throw Error("check report " + path + ": cannot create field " + name);
}

}  // namespace

void write_check_ogr(const CheckReport& report, const std::string& path, const MapStyles* styles) {
  ensure_gdal();
  std::string ext = file_extension(path);
  const char* driver_name = ext == "gpkg" ? "GPKG" : "GeoJSON";
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
  if (!driver) throw Error(std::string("check report: GDAL has no ") + driver_name + " driver");
  std::string tmp = temp_path_beside(path);
  std::filesystem::remove(tmp);
  {
    GdalDataset ds(driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw Error("check report " + path + ": cannot create the file: " + CPLGetLastErrorMsg());
    OGRSpatialReference srs = srs_cgcs2000();
    char** opts = nullptr;
    if (ext != "gpkg") opts = CSLSetNameValue(opts, "RFC7946", "NO");
    OGRLayer* layer = ds->CreateLayer("origin_check", &srs, wkbPoint, opts);
    CSLDestroy(opts);
    if (!layer) throw Error("check report " + path + ": cannot create the layer: " + CPLGetLastErrorMsg());
    add_field(*layer, "name", OFTString, path);
    add_field(*layer, "credit_code", OFTString, path);
    add_field(*layer, "gi", OFTString, path);
    add_field(*layer, "result", OFTString, path);
    add_field(*layer, "reason", OFTString, path);
    add_field(*layer, "distance_m", OFTReal, path);
    add_field(*layer, "township", OFTString, path);
    add_field(*layer, "zone_version", OFTInteger, path);
    add_field(*layer, "lon", OFTReal, path);
    add_field(*layer, "lat", OFTReal, path);
    add_field(*layer, "producer_id", OFTInteger64, path);
    add_field(*layer, "cause", OFTString, path);
    add_field(*layer, "result_zh", OFTString, path);
    add_field(*layer, "reason_zh", OFTString, path);
    add_field(*layer, "altitude_m", OFTReal, path);
    add_field(*layer, "altitude_status", OFTString, path);
    add_field(*layer, "zone_band", OFTString, path);
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
      if (layer->CreateFeature(f.get()) != OGRERR_NONE) {
        ds.reset();
        std::filesystem::remove(tmp);
        throw Error("check report " + path + ": cannot write producer '" + r.name + "': " + CPLGetLastErrorMsg());
      }
    }
    if (tx && ds->CommitTransaction() != OGRERR_NONE) {
      ds.reset();
      std::filesystem::remove(tmp);
      throw Error("check report " + path + ": cannot commit: " + CPLGetLastErrorMsg());
    }
    if (ext == "gpkg") {
      try {
        write_qgis_styles(*ds, {check_report_qgis_style(styles ? *styles : default_map_styles())});
      } catch (...) {
        ds.reset();
        std::filesystem::remove(tmp);
        throw;
      }
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    throw Error("check report " + path + ": cannot move the file into place: " + ec.message());
  }
}

}  // namespace giatlas
