// RAII over GDAL/OGR handles (datasets, features, coordinate transformations) and the CRS
// helpers every part of the core shares. All spatial references use traditional GIS axis
// order (x = longitude / easting, y = latitude / northing), whatever the authority says.
#pragma once
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace giatlas {

struct GdalDatasetCloser {
  void operator()(GDALDataset* d) const {
    if (d) GDALClose(d);
  }
};
using GdalDataset = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

struct OgrFeatureDeleter {
  void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using OgrFeature = std::unique_ptr<OGRFeature, OgrFeatureDeleter>;

struct OgrTransformDeleter {
  void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using OgrTransform = std::unique_ptr<OGRCoordinateTransformation, OgrTransformDeleter>;

struct OgrGeometryDeleter {
  void operator()(OGRGeometry* g) const { OGRGeometryFactory::destroyGeometry(g); }
};
using OgrGeometry = std::unique_ptr<OGRGeometry, OgrGeometryDeleter>;

// Silences GDAL's own error printing while alive (we turn failures into Error messages).
class QuietGdalErrors {
 public:
  QuietGdalErrors() { CPLPushErrorHandler(CPLQuietErrorHandler); }
  ~QuietGdalErrors() { CPLPopErrorHandler(); }
  QuietGdalErrors(const QuietGdalErrors&) = delete;
  QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

// Keeps, quietly, the failure messages GDAL raises on this thread while alive, in order: a
// driver may raise the server's reason and then its own guess, and the first is the one to show.
class GdalErrorLog {
 public:
  GdalErrorLog();
  ~GdalErrorLog();
  GdalErrorLog(const GdalErrorLog&) = delete;
  GdalErrorLog& operator=(const GdalErrorLog&) = delete;
  const std::vector<std::string>& failures() const { return failures_; }
  // The first failure's text, else CPLGetLastErrorMsg().
  std::string first() const;

 private:
  std::vector<std::string> failures_;
};

// Registers GDAL drivers once (thread-safe, idempotent).
void ensure_gdal();

// A spatial reference from "EPSG:4490", a WKT, a PROJ string or any user input GDAL accepts,
// with traditional GIS axis order. Throws Error("unknown coordinate system '…'").
OGRSpatialReference srs_from_user(const std::string& text);
// EPSG:4490 (CGCS2000 geographic), the workspace CRS.
OGRSpatialReference srs_cgcs2000();

// A transformation between two references; throws Error when PROJ has none.
OgrTransform make_transform(const OGRSpatialReference& from, const OGRSpatialReference& to);

// Transforms a point in place; returns false when PROJ cannot (out of the CRS's domain).
bool transform_point(OGRCoordinateTransformation& t, Point& p);

// EPSG code of the CGCS2000 3-degree Gauss–Krüger zone (no zone prefix in the easting)
// whose central meridian is nearest to `lon` (EPSG:4534 … 4554, CM 75°E … 135°E).
int cgcs2000_gk3_epsg(double lon);

// Geometry conversions between OGR and the plain values.
MultiPolygon to_multipolygon(const OGRGeometry& g);
OgrGeometry to_ogr(const MultiPolygon& m);

}  // namespace giatlas
