// A small hand-made workspace for origin-check tests: two square townships side by side
// (A west of B, sharing the meridian 107.1°E), a GI whose zone v1 (from 2015) is A and v2 (from
// 2020) is A ∪ B, and helpers to place producers.
#pragma once
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "workspace/credit_code.h"
#include "workspace/workspace.h"

namespace giatlas::test {

inline MultiPolygon box_polygon(double x0, double y0, double x1, double y1) {
  return MultiPolygon{{Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

inline const char* kGi = "武隆高山萝卜";

// A valid credit code (the check character computed for a fixed 17-character body).
inline std::string good_credit_code(int n) {
  std::string body = "93500156" + std::string("MA0000") + std::to_string(100 + n % 900);
  return body + credit_code_check_char(body);
}

inline Producer producer_at(std::int64_t n, std::optional<Point> loc, const std::string& gi = kGi) {
  Producer p;
  p.name = "生产者" + std::to_string(n);
  p.credit_code = good_credit_code(static_cast<int>(n));
  p.gi = gi;
  p.location = loc;
  if (loc) {
    p.raw_x = std::to_string(loc->x);
    p.raw_y = std::to_string(loc->y);
  }
  p.raw_crs = "EPSG:4326";
  return p;
}

// Creates the workspace at `path` with the given producers (ids are assigned in order).
inline void make_check_workspace(const std::string& path, std::vector<Producer> producers) {
  Workspace ws = Workspace::create(path, "测试区", "500156", true);
  std::vector<Township> towns(2);
  towns[0].name = "甲镇";
  towns[0].code = "500156100";
  towns[0].kind = "镇";
  towns[0].geom = box_polygon(107.0, 29.0, 107.1, 29.1);
  towns[1].name = "乙乡";
  towns[1].code = "500156200";
  towns[1].kind = "乡";
  towns[1].geom = box_polygon(107.1, 29.0, 107.2, 29.1);
  ws.add_townships(towns);
  GiProduct gi;
  gi.name = kGi;
  gi.status = "registered";
  ws.add_gi_product(gi);
  ZoneVersion v1;
  v1.gi = kGi;
  v1.effective_from = "2015-01-01";
  v1.source = "drawn";
  v1.geom = box_polygon(107.0, 29.0, 107.1, 29.1);
  ws.save_zone_version(v1);
  ZoneVersion v2 = v1;
  v2.effective_from = "2020-01-01";
  v2.geom = box_polygon(107.0, 29.0, 107.2, 29.1);
  ws.save_zone_version(v2);
  ws.add_producers(producers);
}

}  // namespace giatlas::test
