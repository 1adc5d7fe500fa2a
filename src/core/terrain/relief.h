// Relief for maps: hillshade and hypsometric tint images of a DEM window, and contour lines —
// one implementation for the desktop map (GPU textures) and the printed map (cairo).
#pragma once
#include <cstdint>
#include <vector>

#include "geo/geometry.h"
#include "progress.h"
#include "terrain/dem.h"

namespace giatlas {

struct ReliefOptions {
  double azimuth_deg = 315;   // DEFAULT: light from the north-west, as cartographers draw it
  double altitude_deg = 45;   // DEFAULT: sun 45° above the horizon
  double z_factor = 1;        // DEFAULT: true relief (altitudes and distances both in metres)
  bool tint = false;          // DEFAULT: grey hillshade only; true multiplies a hypsometric tint
};

// An RGBA image, row-major from the north-west corner, covering `area` (lon/lat).
struct ReliefImage {
  int width = 0, height = 0;
  Box area;
  std::vector<std::uint8_t> rgba;  // 4 bytes per pixel; voids transparent (alpha 0)
};

// Hillshade (Horn's slope and aspect, as gdaldem draws it) of the whole grid at its own
// resolution, or of every `step`-th cell (step >= 1) for a lower level of detail. Cell sizes in
// metres follow the latitude. Progress stage: "hillshade".
ReliefImage hillshade(const DemGrid& dem, const ReliefOptions& options = {}, int step = 1,
                      const Progress& progress = Progress());

// The hypsometric tint of an altitude, RGB 0..255 (green lowlands → tan → brown → white peaks).
void hypsometric_colour(double metres, std::uint8_t rgb[3]);

struct ContourLine {
  double level = 0;           // metres
  std::vector<Point> points;  // lon/lat
};

// Contour lines every `interval` metres (lines at multiples of it) within `area` (lon/lat; the
// whole grid when !area.valid()). REQUIRES: interval > 0. Lines stop at voids.
std::vector<ContourLine> contour_lines(const DemGrid& dem, double interval, const Box& area = Box());

}  // namespace giatlas
