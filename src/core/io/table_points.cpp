// Coordinate columns -> points (see table_points.h).
#include "io/table_points.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "io/coordinate_text.h"

namespace giatlas {
namespace {

bool looks_lon(double v) { return v >= 73.0 && v <= 136.0; }
bool looks_lat(double v) { return v >= 17.0 && v <= 54.0; }

std::string fmt(double v) {
  char b[48];
  std::snprintf(b, sizeof b, "%.10g", v);
  return b;
}

// A plain decimal number (metres), full-width folded, thousands separators refused.
std::optional<double> plain_number(const std::string& text) {
  std::string s = fold_fullwidth(text);
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return std::nullopt;
  s = s.substr(a, s.find_last_not_of(" \t") - a + 1);
  if (!s.empty() && s[0] == '+') s.erase(0, 1);
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Per-CRS converters, built on first use (a table may mix a few CRSs through its 坐标系 column).
class Converters {
 public:
  const ToCgcs2000& get(const InputCrs& c) {
    auto it = cache_.find(c.label);
    if (it == cache_.end()) it = cache_.emplace(c.label, std::make_unique<ToCgcs2000>(c)).first;
    return *it->second;
  }
  const ToCgcs2000& epsg(int code) {
    const std::string label = "EPSG:" + std::to_string(code);
    auto it = cache_.find(label);
    if (it == cache_.end()) it = cache_.emplace(label, std::make_unique<ToCgcs2000>(input_crs_from_user(label))).first;
    return *it->second;
  }

 private:
  std::map<std::string, std::unique_ptr<ToCgcs2000>> cache_;
};

}  // namespace

bool clear_swap_majority(std::size_t swapped_rows, std::size_t readable_rows) {
  if (swapped_rows == 0 || swapped_rows > readable_rows) return false;
  if (readable_rows == 1) return true;  // the whole table is that one row
  return swapped_rows >= 2 && swapped_rows * 3 >= readable_rows * 2;
}

TablePointsResult read_table_points(const TablePointsInput& in) {
  TablePointsResult out;
  const std::size_t n = in.x.size();
  out.rows.resize(n);

  // Column-level decision from the rows that read as plain numbers in both columns.
  std::size_t normal = 0, swapped = 0, metres_normal = 0, metres_swapped = 0, readable = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto ax = parse_coordinate(in.x[i]);
    const auto ay = parse_coordinate(in.y[i]);
    if (ax.ok() && ay.ok()) {
      ++readable;
      const double x = std::fabs(ax.degrees), y = std::fabs(ay.degrees);
      normal += looks_lon(x) && looks_lat(y);
      swapped += looks_lat(x) && looks_lon(y);
      continue;
    }
    const auto mx = plain_number(in.x[i]);
    const auto my = plain_number(in.y[i]);
    if (mx && my && std::fabs(*mx) > 1000 && std::fabs(*my) > 1000) {
      ++readable;
      // Northings in China run 1.9e6–6.0e6 m; eastings are below 1e6, or above 1e7 with a zone.
      auto northing = [](double v) { return v >= 1.5e6 && v <= 6.5e6; };
      metres_normal += northing(*my) && !northing(*mx);
      metres_swapped += northing(*mx) && !northing(*my);
    }
  }
  out.swapped = clear_swap_majority(swapped + metres_swapped, readable);
  const std::string counted = std::to_string(swapped + metres_swapped) + " of " + std::to_string(readable) +
                              " rows with readable coordinates";
  if (out.swapped)
    out.notes.push_back("longitude and latitude columns look swapped (" + counted +
                        ", at least two thirds): read the other way round");
  else if (swapped + metres_swapped > 0)
    out.notes.push_back("some rows look swapped (" + counted +
                        "), not the two thirds needed to swap the columns: each such row is reported");

  Converters conv;
  std::map<std::string, std::optional<InputCrs>> row_crs_cache;
  std::size_t assumed_zone_rows = 0;
  for (std::size_t i = 0; i < n; ++i) {
    TablePoint& tp = out.rows[i];
    const std::string& xt = out.swapped ? in.y[i] : in.x[i];
    const std::string& yt = out.swapped ? in.x[i] : in.y[i];
    if (xt.find_first_not_of(" \t") == std::string::npos && yt.find_first_not_of(" \t") == std::string::npos) {
      tp.issue = "no coordinates given";
      continue;
    }
    // The CRS of this row.
    std::optional<InputCrs> crs = in.table_crs;
    if (!in.crs.empty() && in.crs[i].find_first_not_of(" \t") != std::string::npos) {
      auto it = row_crs_cache.find(in.crs[i]);
      if (it == row_crs_cache.end()) {
        std::optional<InputCrs> c;
        try {
          c = input_crs_from_user(in.crs[i]);
        } catch (const std::exception&) {
        }
        it = row_crs_cache.emplace(in.crs[i], std::move(c)).first;
      }
      if (!it->second) {
        tp.issue = "unknown coordinate system '" + in.crs[i] + "'";
        continue;
      }
      crs = it->second;
    }
    if (!crs) {
      tp.issue = "no coordinate system for this row";
      continue;
    }
    tp.crs_label = crs->label;

    if (!crs->geographic()) {  // a projected CRS named: the numbers are its metres
      const auto mx = plain_number(xt), my = plain_number(yt);
      if (!mx || !my) {
        tp.issue = "'" + xt + "', '" + yt + "' are not numbers in metres of " + crs->label;
        continue;
      }
      Point p{*mx, *my};
      if (!conv.get(*crs).point(p) || std::fabs(p.x) > 180 || std::fabs(p.y) > 90) {
        tp.issue = "(" + xt + ", " + yt + ") is outside the area of " + crs->label;
        continue;
      }
      tp.location = p;
      tp.form = "metres";
      continue;
    }

    const auto px = parse_coordinate(xt, CoordAxis::Lon);
    const auto py = parse_coordinate(yt, CoordAxis::Lat);
    if (px.ok() && py.ok()) {
      Point p{px.degrees, py.degrees};
      if (!conv.get(*crs).point(p)) {
        tp.issue = "cannot convert (" + xt + ", " + yt + ") from " + crs->label;
        continue;
      }
      tp.location = p;
      tp.form = px.form == py.form ? coord_form_name(px.form)
                                   : std::string(coord_form_name(px.form)) + "/" + coord_form_name(py.form);
      continue;
    }
    // Metres typed under a geographic CRS: CGCS2000 Gauss–Krüger, zone from the prefix or the hint.
    const auto mx = plain_number(xt), my = plain_number(yt);
    if (mx && my && std::fabs(*mx) > 1000 && std::fabs(*my) > 1000) {
      if (crs->shift != ChinaShift::None) {
        tp.issue = "values look like metres (" + xt + ", " + yt + ") but the coordinate system is " + crs->label;
        continue;
      }
      std::optional<GkZone> zone = gk_zone_from_prefixed_easting(*mx);
      double easting = *mx;
      if (!zone && *mx > 1e5 && *mx < 9e5 && std::isfinite(in.hint_lon)) {
        zone = gk3_zone_for_lon(in.hint_lon);
        ++assumed_zone_rows;
        tp.issue = "metres without a zone number: assumed " + zone->describe();
      }
      if (!zone) {
        tp.issue = "values look like metres (" + xt + ", " + yt +
                   ") but the Gauss-Kruger zone is unknown: prefix the zone number or name the CRS with --crs";
        continue;
      }
      Point p{easting, *my};
      if (!conv.epsg(zone->epsg).point(p) || std::fabs(p.y) > 90) {
        tp.issue = "(" + xt + ", " + yt + ") is outside " + zone->describe();
        continue;
      }
      tp.location = p;
      tp.crs_label = "EPSG:" + std::to_string(zone->epsg);
      tp.form = "metres";
      continue;
    }
    // Unreadable: say why, the latitude first (its range is the stricter one).
    const CoordValue& bad = !py.ok() ? py : px;
    const bool lat_bad = !py.ok();
    std::string why = (lat_bad ? "latitude " : "longitude ") + bad.message;
    if (bad.problem == "out_of_range" || bad.problem == "wrong_hemisphere") {
      const auto ax = parse_coordinate(xt), ay = parse_coordinate(yt);
      why = std::string(lat_bad ? "latitude " : "longitude ") + fmt(bad.degrees) +
            (bad.exponent ? " (exponent notation)" : "") +
            (bad.problem == "out_of_range" ? " out of range" : " has the wrong hemisphere letter");
      if (bad.exponent) why += ": not a valid coordinate";
      if (ax.ok() && ay.ok() && looks_lat(std::fabs(ax.degrees)) && looks_lon(std::fabs(ay.degrees)))
        why += ": longitude and latitude look swapped";
    }
    tp.issue = why;
  }
  if (assumed_zone_rows)
    out.notes.push_back(std::to_string(assumed_zone_rows) +
                        " rows in metres without a zone number: the district's 3-degree Gauss-Kruger zone was assumed");
  return out;
}

}  // namespace giatlas
