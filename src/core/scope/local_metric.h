// The local metric frame of an area: the CGCS2000 3-degree Gauss–Krüger zone nearest to it, used
// for buffers in metres, snapping distances, centroids and the printed map (true scale bars).
#pragma once
#include <string>

#include "geo/gdal.h"
#include "geo/geometry.h"

namespace giatlas {

class LocalMetric {
 public:
  // The GK zone whose central meridian is nearest to `center_lon` (geo/gdal.h cgcs2000_gk3_epsg).
  explicit LocalMetric(double center_lon);
  // DEFAULT: the zone for the box's centre longitude. REQUIRES: box.valid().
  static LocalMetric for_box(const Box& lonlat_box);

  int epsg() const { return epsg_; }
  // lon/lat → easting/northing (m) and back. Throw Error when PROJ cannot transform a point.
  Point forward(const Point& lonlat) const;
  Point inverse(const Point& metres) const;
  MultiPolygon forward(const MultiPolygon& lonlat) const;
  MultiPolygon inverse(const MultiPolygon& metres) const;
  Ring forward(const Ring& lonlat) const;

 private:
  int epsg_ = 0;
  OgrTransform to_metres_;
  OgrTransform to_lonlat_;
};

}  // namespace giatlas
