// Contour and outline segments for the map (see contour_mesh.h).
#include "map/contour_mesh.h"

#include <cmath>

#include "error.h"

namespace giatlas {
namespace {

void push_segment(std::vector<float>& out, const Point& a, const Point& b) {
  out.push_back(static_cast<float>(a.x));
  out.push_back(static_cast<float>(a.y));
  out.push_back(static_cast<float>(b.x));
  out.push_back(static_cast<float>(b.y));
}

}  // namespace

double contour_interval_for_scale(double n) {
  if (n <= 20000) return 10;
  if (n <= 50000) return 20;
  if (n <= 120000) return 50;
  if (n <= 250000) return 100;
  return 0;
}

ContourMesh make_contour_mesh(const std::vector<ContourLine>& lines, const LocalProjection& proj,
                              double interval, const Box& area, int index_every, double min_label_length_m) {
  if (!(interval > 0) || index_every < 1) throw Error("contour mesh: the interval must be positive");
  ContourMesh mesh;
  mesh.interval = interval;
  mesh.area = area;
  const double index_interval = interval * index_every;
  for (const ContourLine& line : lines) {
    if (line.points.size() < 2) continue;
    const double k = line.level / index_interval;
    const bool index = std::fabs(k - std::round(k)) < 1e-6;
    std::vector<float>& out = index ? mesh.index_segments : mesh.segments;
    std::vector<Point> pts;
    pts.reserve(line.points.size());
    for (const Point& p : line.points) pts.push_back(proj.to_map(p));
    double length = 0;
    for (std::size_t i = 1; i < pts.size(); ++i) {
      push_segment(out, pts[i - 1], pts[i]);
      length += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    }
    if (!index || length < min_label_length_m) continue;
    double to_go = length / 2;
    for (std::size_t i = 1; i < pts.size(); ++i) {
      const double d = std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
      if (d >= to_go && d > 0) {
        const double t = to_go / d;
        const Point at{pts[i - 1].x + t * (pts[i].x - pts[i - 1].x),
                       pts[i - 1].y + t * (pts[i].y - pts[i - 1].y)};
        mesh.labels.push_back({at, std::to_string(static_cast<long long>(std::llround(line.level)))});
        break;
      }
      to_go -= d;
    }
  }
  return mesh;
}

std::vector<float> outline_segments(const MultiPolygon& lonlat, const LocalProjection& proj) {
  std::vector<float> out;
  for (const Polygon& p : lonlat.polygons)
    for (const Ring& r : p.rings) {
      for (std::size_t i = 1; i < r.size(); ++i) push_segment(out, proj.to_map(r[i - 1]), proj.to_map(r[i]));
      if (r.size() > 2 && !(r.front() == r.back()))
        push_segment(out, proj.to_map(r.back()), proj.to_map(r.front()));
    }
  return out;
}

}  // namespace giatlas
