// Points from coordinate text columns (spreadsheets, CSV): each row's x/y text read as degrees
// (any typed form) or as Gauss–Krüger metres, with column-level decisions made once for the
// whole table and reported: swapped longitude/latitude columns, metres and their zone.
#pragma once
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "geo/crs_input.h"
#include "geo/geometry.h"

namespace giatlas {

struct TablePointsInput {
  std::vector<std::string> x;    // the "longitude" column's text, one per row
  std::vector<std::string> y;    // the "latitude" column's text
  std::vector<std::string> crs;  // per-row CRS text (a 坐标系 column); empty vector = none
  // The layer-wide CRS (user's --crs, else the source's); nullopt = none.
  std::optional<InputCrs> table_crs;
  // Longitude of the district (e.g. the workspace's townships), used only to pick the
  // Gauss–Krüger zone of metres typed without a zone prefix. DEFAULT NaN: no hint, such rows
  // are unreadable.
  double hint_lon = std::numeric_limits<double>::quiet_NaN();
};

struct TablePoint {
  std::optional<Point> location;  // EPSG:4490; empty when unreadable
  std::string crs_label;          // the CRS the row was read in ("GCJ-02", "EPSG:4521" …)
  std::string issue;              // why unreadable, or an assumption made ("" when none)
  // The same as a stable code for programs ("" when none): no_coordinates, no_crs, unknown_crs,
  // not_metres, outside_crs, conversion_failed, metres_in_shifted_crs, unknown_zone, a
  // coordinate-text problem (out_of_range, wrong_hemisphere, not_a_number …), assumed_zone (the
  // row has a location; an assumption was made), no_geometry, not_a_point.
  std::string code;
  std::string form;               // "decimal", "DMS", "DDM", "metres"
};

struct TablePointsResult {
  std::vector<TablePoint> rows;
  bool swapped = false;               // the columns were read the other way round
  std::vector<std::string> notes;     // column-level decisions, for the report
};

// Reads every row. Never throws for bad data; throws Error only when a named CRS cannot be
// built by PROJ.
//
// Swapped columns: a row "looks swapped" when its x reads as a latitude of China (17–54) and its
// y as a longitude (73–136), or, in metres, x as a northing and y not. The columns are read the
// other way round only on a clear majority (clear_swap_majority), noted with the counts; fewer
// swapped-looking rows are noted too, and each stays a finding of its own row.
TablePointsResult read_table_points(const TablePointsInput& in);

// The rule for swapping a whole table: at least two thirds of the rows with readable coordinates
// (degrees in both columns, or metres in both) look swapped, and at least two rows do — or the
// table has one such row only. One odd row among rows that cannot tell (both values in the
// latitude range, say) never swaps a table.
bool clear_swap_majority(std::size_t swapped_rows, std::size_t readable_rows);

}  // namespace giatlas
