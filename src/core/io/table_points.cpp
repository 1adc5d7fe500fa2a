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

// Counts of rows whose columns read one way or the other, for the column-level swap decision.
struct SwapVotes {
  std::size_t normal = 0, swapped = 0, metres_normal = 0, metres_swapped = 0, readable = 0;
};

// Column-level decision from the rows that read as plain numbers in both columns.
SwapVotes count_swap_votes(const TablePointsInput& in) {
  SwapVotes v;
  for (std::size_t i = 0; i < in.x.size(); ++i) {
    const auto ax = parse_coordinate(in.x[i]);
    const auto ay = parse_coordinate(in.y[i]);
    if (ax.ok() && ay.ok()) {
      ++v.readable;
      const double x = std::fabs(ax.degrees), y = std::fabs(ay.degrees);
      v.normal += looks_lon(x) && looks_lat(y);
      v.swapped += looks_lat(x) && looks_lon(y);
      continue;
    }
    const auto mx = plain_number(in.x[i]);
    const auto my = plain_number(in.y[i]);
    if (mx && my && std::fabs(*mx) > 1000 && std::fabs(*my) > 1000) {
      ++v.readable;
      // Northings in China run 1.9e6–6.0e6 m; eastings are below 1e6, or above 1e7 with a zone.
      auto northing = [](double x) { return x >= 1.5e6 && x <= 6.5e6; };
      v.metres_normal += northing(*my) && !northing(*mx);
      v.metres_swapped += northing(*mx) && !northing(*my);
    }
  }
  return v;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

// One row's reading, with what the whole table shares (converters, the CRSs of a 坐标系 column).
class RowReader {
 public:
  explicit RowReader(const TablePointsInput& in) : in_(in) {}

  void read(std::size_t i, const std::string& xt, const std::string& yt, TablePoint& tp) {
    if (blank(xt) && blank(yt)) return fail(tp, "no_coordinates", "no coordinates given");
    const InputCrs* crs = row_crs(i, tp);
    if (!crs) return;
    tp.crs_label = crs->label;
    if (!geographic(*crs)) return read_projected(*crs, xt, yt, tp);  // the numbers are its metres
    const auto px = parse_coordinate(xt, CoordAxis::Lon);
    const auto py = parse_coordinate(yt, CoordAxis::Lat);
    if (px.ok() && py.ok()) return read_degrees(*crs, px, py, xt, yt, tp);
    const auto mx = plain_number(xt), my = plain_number(yt);
    if (mx && my && std::fabs(*mx) > 1000 && std::fabs(*my) > 1000) return read_gk_metres(*crs, *mx, *my, xt, yt, tp);
    unreadable(px, py, xt, yt, tp);
  }

  std::size_t assumed_zone_rows() const { return assumed_zone_rows_; }

 private:
  static void fail(TablePoint& tp, const char* code, std::string why) {
    tp.code = code;
    tp.issue = std::move(why);
  }

  // Whether `c` is in degrees, asked of PROJ once per CRS (rows share a few).
  bool geographic(const InputCrs& c) {
    auto it = geographic_.find(&c);
    if (it == geographic_.end()) it = geographic_.emplace(&c, c.geographic()).first;
    return it->second;
  }

  // The CRS of row `i`: its own (a 坐标系 column) or the table's; null with the issue set.
  // Points into `in_` or the cache, which outlive the row.
  const InputCrs* row_crs(std::size_t i, TablePoint& tp) {
    if (in_.crs.empty() || blank(in_.crs[i])) {
      if (!in_.table_crs) fail(tp, "no_crs", "no coordinate system for this row");
      return in_.table_crs ? &*in_.table_crs : nullptr;
    }
    auto it = row_crs_cache_.find(in_.crs[i]);
    if (it == row_crs_cache_.end()) {
      std::optional<InputCrs> c;
      try {
        c = input_crs_from_user(in_.crs[i]);
      } catch (const std::exception&) {
      }
      it = row_crs_cache_.emplace(in_.crs[i], std::move(c)).first;
    }
    if (!it->second) fail(tp, "unknown_crs", "unknown coordinate system '" + in_.crs[i] + "'");
    return it->second ? &*it->second : nullptr;
  }

  void read_projected(const InputCrs& crs, const std::string& xt, const std::string& yt, TablePoint& tp) {
    const auto mx = plain_number(xt), my = plain_number(yt);
    if (!mx || !my) return fail(tp, "not_metres", "'" + xt + "', '" + yt + "' are not numbers in metres of " + crs.label);
    Point p{*mx, *my};
    if (!conv_.get(crs).point(p) || std::fabs(p.x) > 180 || std::fabs(p.y) > 90)
      return fail(tp, "outside_crs", "(" + xt + ", " + yt + ") is outside the area of " + crs.label);
    tp.location = p;
    tp.form = "metres";
  }

  void read_degrees(const InputCrs& crs, const CoordValue& px, const CoordValue& py, const std::string& xt,
                    const std::string& yt, TablePoint& tp) {
    Point p{px.degrees, py.degrees};
    if (!conv_.get(crs).point(p))
      return fail(tp, "conversion_failed", "cannot convert (" + xt + ", " + yt + ") from " + crs.label);
    tp.location = p;
    tp.form = px.form == py.form ? coord_form_name(px.form)
                                 : std::string(coord_form_name(px.form)) + "/" + coord_form_name(py.form);
  }

  // Metres typed under a geographic CRS: CGCS2000 Gauss–Krüger, zone from the prefix or the hint.
  void read_gk_metres(const InputCrs& crs, double mx, double my, const std::string& xt, const std::string& yt,
                      TablePoint& tp) {
    if (crs.shift != ChinaShift::None)
      return fail(tp, "metres_in_shifted_crs",
                  "values look like metres (" + xt + ", " + yt + ") but the coordinate system is " + crs.label);
    std::optional<GkZone> zone = gk_zone_from_prefixed_easting(mx);
    if (!zone && mx > 1e5 && mx < 9e5 && std::isfinite(in_.hint_lon)) {
      zone = gk3_zone_for_lon(in_.hint_lon);
      ++assumed_zone_rows_;
      fail(tp, "assumed_zone", "metres without a zone number: assumed " + zone->describe());
    }
    if (!zone)
      return fail(tp, "unknown_zone",
                  "values look like metres (" + xt + ", " + yt +
                      ") but the Gauss-Kruger zone is unknown: prefix the zone number or name the CRS with --crs");
    Point p{mx, my};
    if (!conv_.epsg(zone->epsg).point(p) || std::fabs(p.y) > 90)
      return fail(tp, "outside_crs", "(" + xt + ", " + yt + ") is outside " + zone->describe());
    tp.location = p;
    tp.crs_label = "EPSG:" + std::to_string(zone->epsg);
    tp.form = "metres";
  }

  // Unreadable: say why, the latitude first (its range is the stricter one).
  static void unreadable(const CoordValue& px, const CoordValue& py, const std::string& xt, const std::string& yt,
                         TablePoint& tp) {
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
    tp.code = bad.problem;
    tp.issue = why;
  }

  const TablePointsInput& in_;
  Converters conv_;
  std::map<std::string, std::optional<InputCrs>> row_crs_cache_;
  std::map<const InputCrs*, bool> geographic_;
  std::size_t assumed_zone_rows_ = 0;
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

  const SwapVotes v = count_swap_votes(in);
  out.swapped = clear_swap_majority(v.swapped + v.metres_swapped, v.readable);
  const std::string counted = std::to_string(v.swapped + v.metres_swapped) + " of " + std::to_string(v.readable) +
                              " rows with readable coordinates";
  if (out.swapped)
    out.notes.push_back("longitude and latitude columns look swapped (" + counted +
                        ", at least two thirds): read the other way round");
  else if (v.swapped + v.metres_swapped > 0)
    out.notes.push_back("some rows look swapped (" + counted +
                        "), not the two thirds needed to swap the columns: each such row is reported");

  RowReader reader(in);
  for (std::size_t i = 0; i < n; ++i)
    reader.read(i, out.swapped ? in.y[i] : in.x[i], out.swapped ? in.x[i] : in.y[i], out.rows[i]);
  if (reader.assumed_zone_rows())
    out.notes.push_back(std::to_string(reader.assumed_zone_rows()) +
                        " rows in metres without a zone number: the district's 3-degree Gauss-Kruger zone was assumed");
  return out;
}

}  // namespace giatlas
