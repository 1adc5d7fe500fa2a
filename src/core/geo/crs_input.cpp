// Input coordinate systems: names, GCJ-02/BD-09 routing, Gauss–Krüger zone arithmetic.
#include "geo/crs_input.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "error.h"
#include "geo/china_shift.h"

namespace giatlas {

bool InputCrs::geographic() const { return shift != ChinaShift::None || srs.IsGeographic(); }

std::optional<ChinaShift> china_shift_from_name(const std::string& text) {
  std::string k;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) k += static_cast<char>(std::tolower(u));
    else if (c != '-' && c != '_' && !std::isspace(u)) return std::nullopt;
  }
  if (k == "gcj02" || k == "gcj") return ChinaShift::Gcj02;
  if (k == "bd09" || k == "bd09ll" || k == "baidu") return ChinaShift::Bd09;
  return std::nullopt;
}

InputCrs input_crs_from_user(const std::string& text) {
  InputCrs c;
  if (auto s = china_shift_from_name(text)) {
    c.shift = *s;
    c.label = *s == ChinaShift::Gcj02 ? "GCJ-02" : "BD-09";
    return c;
  }
  std::string t = text;
  // A bare number is an EPSG code.
  if (!t.empty() && std::all_of(t.begin(), t.end(), [](unsigned char ch) { return std::isdigit(ch); }))
    t = "EPSG:" + t;
  QuietGdalErrors quiet;  // the Error below says it; GDAL need not print it too
  c.srs = srs_from_user(t);
  c.label = t;
  return c;
}

InputCrs input_crs_from_srs(const OGRSpatialReference& srs) {
  InputCrs c;
  c.srs = srs;
  c.srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const char* auth = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  if (auth && code) {
    c.label = std::string(auth) + ":" + code;
  } else {
    const char* name = srs.GetName();
    c.label = name ? name : "unnamed CRS";
  }
  return c;
}

ToCgcs2000::ToCgcs2000(const InputCrs& crs) : shift_(crs.shift) {
  if (shift_ == ChinaShift::None) t_ = make_transform(crs.srs, srs_cgcs2000());
}

bool ToCgcs2000::point(Point& p) const {
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
  switch (shift_) {
    case ChinaShift::Gcj02:
      if (std::fabs(p.x) > 180 || std::fabs(p.y) > 90) return false;
      p = gcj02_to_wgs84(p);
      return true;
    case ChinaShift::Bd09:
      if (std::fabs(p.x) > 180 || std::fabs(p.y) > 90) return false;
      p = bd09_to_wgs84(p);
      return true;
    case ChinaShift::None: break;
  }
  return transform_point(*t_, p);
}

bool ToCgcs2000::points(std::vector<Point>& pts) const {
  if (shift_ != ChinaShift::None) {
    for (Point& p : pts)
      if (!point(p)) return false;
    return true;
  }
  if (pts.empty()) return true;
  std::vector<double> xs(pts.size()), ys(pts.size());
  std::vector<int> ok(pts.size(), 0);
  for (std::size_t i = 0; i < pts.size(); ++i) {
    xs[i] = pts[i].x;
    ys[i] = pts[i].y;
  }
  // Batch call: one PROJ round per ring instead of per vertex.
  t_->Transform(static_cast<int>(pts.size()), xs.data(), ys.data(), nullptr, nullptr, ok.data());
  for (std::size_t i = 0; i < pts.size(); ++i) {
    if (!ok[i] || !std::isfinite(xs[i]) || !std::isfinite(ys[i])) return false;
    pts[i] = {xs[i], ys[i]};
  }
  return true;
}

bool ToCgcs2000::polygons(MultiPolygon& m) const {
  for (Polygon& p : m.polygons)
    for (Ring& r : p.rings)
      if (!points(r)) return false;
  return true;
}

std::string GkZone::describe() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "CGCS2000 %d-degree Gauss-Kruger zone %d (CM %g°E%s), EPSG:%d",
                three_degree ? 3 : 6, zone, central_meridian, prefixed ? ", zone-prefixed easting" : "", epsg);
  return buf;
}

std::optional<GkZone> gk_zone_from_prefixed_easting(double easting) {
  if (!std::isfinite(easting) || easting < 1e7) return std::nullopt;
  const int zone = static_cast<int>(std::floor(easting / 1e6));
  const double rest = easting - zone * 1e6;
  // A true easting within a zone stays within ~350 km of the 500 km false easting.
  if (rest < 100000 || rest > 900000) return std::nullopt;
  GkZone z;
  z.zone = zone;
  z.prefixed = true;
  if (zone >= 25 && zone <= 45) {
    z.three_degree = true;
    z.central_meridian = 3.0 * zone;
    z.epsg = 4513 + (zone - 25);
  } else if (zone >= 13 && zone <= 23) {
    z.three_degree = false;
    z.central_meridian = 6.0 * zone - 3.0;
    z.epsg = 4491 + (zone - 13);
  } else {
    return std::nullopt;
  }
  return z;
}

GkZone gk3_zone_for_lon(double lon) {
  GkZone z;
  z.epsg = cgcs2000_gk3_epsg(lon);
  z.zone = 25 + (z.epsg - 4534);
  z.central_meridian = 3.0 * z.zone;
  z.three_degree = true;
  z.prefixed = false;
  return z;
}

}  // namespace giatlas
