// Writers of origin-check reports: CSV (also streamed), GeoPackage / GeoJSON points through
// OGR, one self-contained HTML page, and the printed text summary. Every file is written to a
// temporary name beside the target and renamed into place, so a failed write leaves nothing.
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "check/origin_check.h"
#include "io/atomic_file.h"
#include "map/report_map.h"

namespace giatlas {

struct MapStyles;
class Workspace;

// The CSV's columns, in order; the first ten are the stable contract.
// name,credit_code,gi,result,reason,distance_m,township,zone_version,lon,lat,producer_id,cause,result_zh
const std::vector<std::string>& check_csv_columns();

// Writes CSV rows chunk by chunk (UTF-8, RFC 4180 quoting, no BOM). Text columns (name,
// credit_code, gi, reason, township, cause, result_zh, reason_zh) follow io/csv_cell.h, so a
// name starting with = + - @ is written '=…; numeric columns (distance_m, zone_version, lon, lat,
// producer_id) are the program's own numbers and stay as they are, negative or not. commit() renames the
// temporary file into place; destroying the writer without commit() removes it. Every failure
// is one Error naming the file and the cause (io/atomic_file.h).
class CheckCsvWriter {
 public:
  explicit CheckCsvWriter(const std::string& path);  // throws Error when it cannot be created
  ~CheckCsvWriter() = default;
  CheckCsvWriter(const CheckCsvWriter&) = delete;
  CheckCsvWriter& operator=(const CheckCsvWriter&) = delete;
  void write(const std::vector<ProducerCheck>& rows);
  void commit();

 private:
  // band_text_zh of `band`, from a few remembered (a check uses one band per zone at most).
  const std::string& band_text(const AltitudeBand& band);

  AtomicFile file_;
  std::string buf_;
  std::vector<std::pair<AltitudeBand, std::string>> band_texts_;
};

void write_check_csv(const CheckReport& report, const std::string& path);
// GeoPackage (layer "origin_check") or GeoJSON, chosen by `path`'s extension; points in
// EPSG:4490 with the CSV's fields; producers without a location get an empty geometry. A
// GeoPackage also gets a QGIS layer style colouring the points by result (map/qgis_styles.h)
// under `styles`. DEFAULT styles: default_map_styles().
void write_check_ogr(const CheckReport& report, const std::string& path, const MapStyles* styles = nullptr);
// With `map_from`, the page carries a map (map/report_map.h) of its townships and zones in force
// with every listed producer that is not plainly inside as a numbered marker; the lists give
// the same numbers (check_report_markers). DEFAULT nullptr: no map.
void write_check_html(const CheckReport& report, const std::string& path, const Workspace* map_from = nullptr);
// Dispatches on the extension: .csv, .gpkg, .geojson / .json, .html / .htm. Error otherwise.
void write_check_report(const CheckReport& report, const std::string& path, const MapStyles* styles = nullptr,
                        const Workspace* map_from = nullptr);
// The numbered markers of the HTML report: rows not plainly inside (result other than inside)
// that have a location and are listed (the page lists at most 5,000 per result), numbered 1, 2,
// … in the page's order (by result, then as listed). Keyed by the row's index in report.rows.
std::vector<std::pair<std::size_t, ReportMarker>> check_report_markers(const CheckReport& report);

// The summary printed by the CLI: options, zones used, counts per result (code and label),
// per GI, per township and per suspected cause.
std::string check_summary_text(const CheckReport& report);

// Lower-case extension without the dot ("csv"), "" when none.
std::string file_extension(const std::string& path);

}  // namespace giatlas
