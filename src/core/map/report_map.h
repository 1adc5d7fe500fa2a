// The map embedded in HTML reports (origin check, inspection publication): townships, zones and
// numbered markers for the producers a report lists, drawn with cairo into a PNG and embedded as
// a data: URI so the page stays one file. The projection is schematic: longitude scaled by the
// cosine of the mid latitude (true shapes at district size; no scale bar is claimed).
#pragma once
#include <string>
#include <vector>

#include "workspace/model.h"

namespace giatlas {

class Workspace;

struct ReportMarker {
  int number = 0;  // as in the report's list
  Point location;  // EPSG:4490
};

struct DrawnMarker {
  int number = 0;
  double px = 0, py = 0;  // the marker's centre in image pixels
  int inset = 0;          // 0: on the map; k: in inset k (A = 1, B = 2, …)
};

struct ReportMap {
  std::string png;  // the image bytes
  int width = 0, height = 0;
  std::vector<DrawnMarker> markers;  // every marker drawn: the map's in number order, then each inset's
  int insets = 0;                    // insets drawn under the map for crowded places
};

// Draws the map: townships as grey outlines with names, zones filled in their GI's colour
// (semi-transparent), markers as red discs with white numbers. The extent covers the townships
// and the markers. Where 6 or more markers crowd one 60-pixel cell, that cell is framed and
// lettered on the map and drawn again magnified (about ×3) as an inset under it; at most 3 insets,
// the most crowded first. REQUIRES width_px in [200, 4000]. Error when cairo fails.
ReportMap draw_report_map(const std::vector<Township>& townships, const std::vector<ZoneVersion>& zones,
                          const std::vector<ReportMarker>& markers, int width_px = 960);

// The workspace's townships and the zone versions of `gis` (every GI when empty) in force on
// `date`, drawn with `markers`.
ReportMap draw_report_map(const Workspace& ws, const std::vector<std::string>& gis, const std::string& date,
                          const std::vector<ReportMarker>& markers, int width_px = 960);

// <figure> with the image as a data:image/png;base64 URI and `caption`.
std::string report_map_html(const ReportMap& map, const std::string& caption);
std::string base64(const std::string& bytes);

}  // namespace giatlas
