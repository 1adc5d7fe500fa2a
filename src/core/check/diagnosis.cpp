// Suspected causes of a failed origin claim: each is a hypothesis about how the submitted
// coordinates went wrong, accepted only when undoing it puts the producer inside its zone.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "check/check_engine.h"
#include "geo/china_shift.h"
#include "io/coordinate_text.h"

namespace giatlas {

namespace {

bool in_range(const Point& p) {
  return std::isfinite(p.x) && std::isfinite(p.y) && std::fabs(p.x) <= 180 && std::fabs(p.y) <= 90;
}

// The submitted text as a number: decimal or DMS (io/coordinate_text.h), keeping values out of
// the degree range (projected metres); plain strtod as a last resort. nullopt when unreadable.
std::optional<double> parse_number(const std::string& s) {
  CoordValue cv = parse_coordinate(s, CoordAxis::Any);
  if (cv.ok() || cv.problem == "out_of_range") return cv.degrees;
  std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  if (b == std::string::npos) return std::nullopt;
  std::string t = s.substr(b, e - b + 1);
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(t.c_str(), &end);
  if (end == t.c_str() || *end != '\0' || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

void CheckEngine::diagnose_located(const Point& loc, const PreparedZone& zone, CheckWorker& worker,
                                   ProducerCheck& row) const {
  // Each undoing is computed only when the ones before it failed (the shifts are iterative
  // trigonometry, and a quarter of all rows get here).
  struct Hypothesis {
    const char* cause;
    const char* text;
    const char* text_zh;
    Point (*fix)(const Point&);
  };
  const Hypothesis tries[] = {
      {"swapped", "latitude and longitude look swapped: swapping them puts it inside the zone",
       "经纬度颠倒：互换后位于保护范围内", [](const Point& p) { return Point{p.y, p.x}; }},
      {"gcj02", "GCJ-02 (Amap/Tencent map) coordinates submitted as WGS84: undoing the shift puts it inside the zone",
       "将 GCJ-02（高德/腾讯地图）坐标当作 WGS84 提交：纠偏后位于保护范围内", gcj02_to_wgs84},
      {"bd09", "BD-09 (Baidu map) coordinates submitted as WGS84: undoing the shift puts it inside the zone",
       "将 BD-09（百度地图）坐标当作 WGS84 提交：纠偏后位于保护范围内", bd09_to_wgs84},
  };
  // The simplest undoing that lands clearly inside (farther than the tolerance from the
  // boundary) is the most likely cause: swapped axes, then the GCJ-02 shift, then BD-09 (GCJ-02
  // plus a second offset). Landing within the tolerance explains nothing: it is as likely to be
  // chance. Once one fits, the remaining ones are tried too, and every one that fits is named,
  // each with how far inside it lands (the other undoings are computed only for explained rows).
  struct Fit {
    const Hypothesis* h;
    double depth_m;
  };
  std::vector<Fit> fits;
  for (const auto& h : tries) {
    const Point fixed = h.fix(loc);
    if (!in_range(fixed) || !zone.index.covers(fixed)) continue;
    double depth = zone.boundary.distance_m(fixed, worker.to_gk(zone.boundary.epsg()));
    if (depth > options_.tolerance_m) fits.push_back({&h, depth});
  }
  if (fits.empty()) return;
  auto metres = [](double d) { return std::to_string(static_cast<long long>(std::llround(d))); };
  row.cause = fits.front().h->cause;
  std::string en = std::string("suspected cause: ") + fits.front().h->text;
  std::string zh = std::string("疑似原因：") + fits.front().h->text_zh;
  if (fits.size() > 1) {
    en += " (" + metres(fits.front().depth_m) + " m inside)";
    zh += "（纠正后距边界 " + metres(fits.front().depth_m) + " 米）";
    for (std::size_t i = 1; i < fits.size(); ++i) {
      en += "; also fits, less likely: " + std::string(fits[i].h->text) + " (" + metres(fits[i].depth_m) + " m inside)";
      zh += "；亦可能：" + std::string(fits[i].h->text_zh) + "（纠正后距边界 " + metres(fits[i].depth_m) + " 米）";
    }
  }
  add(row, en, zh);
}

void CheckEngine::diagnose_invalid(const Producer& p, const PreparedZone* zone, CheckWorker& worker,
                                   ProducerCheck& row) const {
  std::string what = p.location_issue.empty() ? std::string() : p.location_issue + "; ";
  if (p.location) {
    // A location that is present but out of range: the importer let it through as numbers.
    say(row, what + "coordinates out of range (lon " + std::to_string(p.location->x) + ", lat " +
                 std::to_string(p.location->y) + ")",
        "坐标超出范围（经度 " + std::to_string(p.location->x) + "，纬度 " + std::to_string(p.location->y) + "）");
  }
  std::optional<double> x = parse_number(p.raw_x), y = parse_number(p.raw_y);
  if (!x && !y && p.location) {
    x = p.location->x;
    y = p.location->y;
  }
  if (p.raw_x.find_first_not_of(" \t") == std::string::npos && p.raw_y.find_first_not_of(" \t") == std::string::npos &&
      !p.location) {
    row.cause = "missing";
    say(row, what + "no coordinates submitted", "未提交坐标");
    return;
  }
  if (!x || !y) {
    row.cause = "unparseable";
    if (row.reason.empty())
      say(row, what + "coordinates '" + p.raw_x + "', '" + p.raw_y + "' cannot be read as numbers",
          "坐标“" + p.raw_x + "”“" + p.raw_y + "”无法识别为数字");
    return;
  }
  if (row.reason.empty())
    say(row, what + "coordinates '" + p.raw_x + "', '" + p.raw_y + "' are not a valid longitude/latitude",
        "坐标“" + p.raw_x + "”“" + p.raw_y + "”不是有效的经纬度");
  row.cause = "out_of_range";
  auto inside = [&](const Point& q) {
    if (!in_range(q)) return false;
    return zone ? zone->index.covers(q) : town_index_.covers(q);
  };
  const char* where = zone ? "inside the zone" : "inside the district";
  const char* where_zh = zone ? "保护范围内" : "本区范围内";
  Point swapped{*y, *x};
  if (inside(swapped)) {
    row.cause = "swapped";
    add(row, std::string("suspected cause: latitude and longitude swapped: swapping them puts it ") + where,
        std::string("疑似原因：经纬度颠倒，互换后位于") + where_zh);
    return;
  }
  // Projected metres: an easting of 6 digits (or 8 with the zone number in front) and a
  // northing of 7 digits. Try the Gauss–Krüger zones near the district, either axis order.
  auto try_projected = [&](double e, double n) -> bool {
    if (!(n > 1e6 && n < 1e7)) return false;
    std::vector<int> codes;
    if (e >= 1e7 && e < 1e8) {
      int zone_no = static_cast<int>(e / 1e6);
      if (zone_no >= 25 && zone_no <= 45) {
        e -= zone_no * 1e6;
        codes.push_back(4534 + zone_no - 25);
      }
    } else if (e > 1e5 && e < 1e6) {
      int centre = cgcs2000_gk3_epsg(town_index_.bounds().center().x);
      for (int c = centre - 1; c <= centre + 1; ++c)
        if (c >= 4534 && c <= 4554) codes.push_back(c);
    }
    for (int code : codes) {
      Point q{e, n};
      if (!transform_point(worker.from_gk(code), q)) continue;
      if (inside(q)) {
        row.cause = "projected";
        add(row,
            "suspected cause: projected metres read as degrees: as EPSG:" + std::to_string(code) +
                " (CGCS2000 Gauss-Kruger) it is " + where,
            "疑似原因：将投影坐标（米）当作经纬度：按 EPSG:" + std::to_string(code) + "（CGCS2000 高斯-克吕格）换算后位于" +
                where_zh);
        return true;
      }
    }
    if (!codes.empty()) {
      row.cause = "projected";
      add(row, "these look like projected metres, not degrees, but no nearby Gauss-Kruger zone puts them " + std::string(where),
          std::string("看似投影坐标（米）而非经纬度，但附近的高斯-克吕格投影带均不能将其置于") + where_zh);
      return true;
    }
    return false;
  };
  if (try_projected(*x, *y) || try_projected(*y, *x)) return;
}

}  // namespace giatlas
