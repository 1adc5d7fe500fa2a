// Hillshade, tint and contour lines of a DEM.
#include "terrain/relief.h"

#include <gdal_alg.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "error.h"
#include "geo/gdal.h"

namespace giatlas {

namespace {
constexpr double kRad = std::numbers::pi / 180.0;
constexpr double kMetresPerDegree = 111194.9;  // on the authalic sphere
}  // namespace

void hypsometric_colour(double m, std::uint8_t rgb[3]) {
  struct Stop {
    double m;
    double r, g, b;
  };
  static constexpr Stop kStops[] = {{0, 110, 160, 100},    {400, 150, 190, 120},  {800, 210, 210, 150},
                                    {1200, 215, 185, 130}, {1600, 180, 140, 100}, {2000, 235, 230, 225}};
  const std::size_t n = std::size(kStops);
  if (m <= kStops[0].m) {
    rgb[0] = 110, rgb[1] = 160, rgb[2] = 100;
    return;
  }
  for (std::size_t i = 1; i < n; ++i)
    if (m <= kStops[i].m) {
      const double t = (m - kStops[i - 1].m) / (kStops[i].m - kStops[i - 1].m);
      rgb[0] = static_cast<std::uint8_t>(kStops[i - 1].r + t * (kStops[i].r - kStops[i - 1].r));
      rgb[1] = static_cast<std::uint8_t>(kStops[i - 1].g + t * (kStops[i].g - kStops[i - 1].g));
      rgb[2] = static_cast<std::uint8_t>(kStops[i - 1].b + t * (kStops[i].b - kStops[i - 1].b));
      return;
    }
  rgb[0] = 235, rgb[1] = 230, rgb[2] = 225;
}

ReliefImage hillshade(const DemGrid& dem, const ReliefOptions& o, int step, const Progress& progress) {
  if (step < 1) step = 1;
  ReliefImage img;
  img.width = (dem.cols() + step - 1) / step;
  img.height = (dem.rows() + step - 1) / step;
  img.area = dem.extent();
  img.rgba.assign(static_cast<std::size_t>(img.width) * img.height * 4, 0);
  const double zen = (90 - o.altitude_deg) * kRad, az = (360 - o.azimuth_deg + 90) * kRad;
  const double cos_zen = std::cos(zen), sin_zen = std::sin(zen);
  auto value = [&](int c, int r) {
    return dem.at(std::clamp(c, 0, dem.cols() - 1), std::clamp(r, 0, dem.rows() - 1));
  };
  for (int y = 0; y < img.height; ++y) {
    if ((y & 63) == 0) {
      progress.check_cancelled();
      progress.report("hillshade", static_cast<double>(y) / img.height);
    }
    const int r = y * step;
    const double lat = dem.north() - (r + 0.5) * dem.dy();
    const double mx = dem.dx() * step * kMetresPerDegree * std::cos(lat * kRad);
    const double my = dem.dy() * step * kMetresPerDegree;
    for (int x = 0; x < img.width; ++x) {
      const int c = x * step;
      std::uint8_t* px = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
      const float centre = dem.at(c, r);
      if (DemGrid::is_void(centre)) continue;
      float w[9];
      int k = 0;
      for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
          const float v = value(c + dc * step, r + dr * step);
          w[k++] = DemGrid::is_void(v) ? centre : v;  // a void neighbour counts as level ground
        }
      // Horn (1981): the gradient from the 3 × 3 window, as gdaldem hillshade computes it.
      const double dzdx = ((w[2] + 2 * w[5] + w[8]) - (w[0] + 2 * w[3] + w[6])) / (8 * mx) * o.z_factor;
      const double dzdy = ((w[6] + 2 * w[7] + w[8]) - (w[0] + 2 * w[1] + w[2])) / (8 * my) * o.z_factor;
      const double slope = std::atan(std::sqrt(dzdx * dzdx + dzdy * dzdy));
      const double aspect = std::atan2(dzdy, -dzdx);
      double shade = cos_zen * std::cos(slope) + sin_zen * std::sin(slope) * std::cos(az - aspect);
      shade = std::clamp(shade, 0.0, 1.0);
      std::uint8_t rgb[3] = {255, 255, 255};
      if (o.tint) hypsometric_colour(centre, rgb);
      const double s = 0.35 + 0.65 * shade;  // keep the shaded side readable under symbols
      px[0] = static_cast<std::uint8_t>(rgb[0] * s);
      px[1] = static_cast<std::uint8_t>(rgb[1] * s);
      px[2] = static_cast<std::uint8_t>(rgb[2] * s);
      px[3] = 255;
    }
  }
  return img;
}

std::vector<ContourLine> contour_lines(const DemGrid& dem, double interval, const Box& area) {
  if (!(interval > 0)) throw Error("contours: the interval must be positive");
  ensure_gdal();
  int c0 = 0, r0 = 0, c1 = dem.cols(), r1 = dem.rows();
  if (area.valid()) {
    c0 = std::clamp(static_cast<int>(std::floor((area.minx - dem.west()) / dem.dx())) - 1, 0, dem.cols());
    c1 = std::clamp(static_cast<int>(std::ceil((area.maxx - dem.west()) / dem.dx())) + 1, 0, dem.cols());
    r0 = std::clamp(static_cast<int>(std::floor((dem.north() - area.maxy) / dem.dy())) - 1, 0, dem.rows());
    r1 = std::clamp(static_cast<int>(std::ceil((dem.north() - area.miny) / dem.dy())) + 1, 0, dem.rows());
  }
  std::vector<ContourLine> out;
  if (c1 - c0 < 2 || r1 - r0 < 2) return out;
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GdalDataset ds(mem->Create("", c1 - c0, r1 - r0, 1, GDT_Float32, nullptr));
  double gt[6] = {dem.west() + c0 * dem.dx(), dem.dx(), 0, dem.north() - r0 * dem.dy(), 0, -dem.dy()};
  ds->SetGeoTransform(gt);
  GDALRasterBand* band = ds->GetRasterBand(1);
  band->SetNoDataValue(kDemNoData);
  std::vector<float> row(static_cast<std::size_t>(c1 - c0));
  for (int r = r0; r < r1; ++r) {
    for (int c = c0; c < c1; ++c) row[c - c0] = DemGrid::is_void(dem.at(c, r)) ? kDemNoData : dem.at(c, r);
    if (band->RasterIO(GF_Write, 0, r - r0, c1 - c0, 1, row.data(), c1 - c0, 1, GDT_Float32, 0, 0) != CE_None)
      throw Error("contours: cannot fill the DEM window");
  }
  GdalDataset vec(GetGDALDriverManager()->GetDriverByName("Memory")->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  OGRLayer* layer = vec->CreateLayer("contours", nullptr, wkbLineString, nullptr);
  OGRFieldDefn id("id", OFTInteger), elev("elev", OFTReal);
  layer->CreateField(&id);
  layer->CreateField(&elev);
  char** opts = nullptr;
  opts = CSLSetNameValue(opts, "LEVEL_INTERVAL", std::to_string(interval).c_str());
  opts = CSLSetNameValue(opts, "ID_FIELD", "0");
  opts = CSLSetNameValue(opts, "ELEV_FIELD", "1");
  opts = CSLSetNameValue(opts, "NODATA", "-32768");
  CPLErr err;
  {
    QuietGdalErrors quiet;
    err = GDALContourGenerateEx(band, layer, opts, nullptr, nullptr);
  }
  CSLDestroy(opts);
  if (err != CE_None) throw Error(std::string("contours: ") + CPLGetLastErrorMsg());
  layer->ResetReading();
  while (OgrFeature f{layer->GetNextFeature()}) {
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString) continue;
    const auto* ls = g->toLineString();
    ContourLine line;
    line.level = f->GetFieldAsDouble(1);
    for (int i = 0; i < ls->getNumPoints(); ++i) line.points.push_back({ls->getX(i), ls->getY(i)});
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace giatlas
