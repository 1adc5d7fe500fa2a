// CSV report of an origin check, streamed in chunks through an AtomicFile (renamed into place on commit).
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "check/report_writers.h"
#include "error.h"
#include "io/csv_cell.h"
#include "io/decimal_text.h"

namespace giatlas {

namespace {

void put_integer(std::string& out, long long v) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

}  // namespace

std::string file_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

const std::vector<std::string>& check_csv_columns() {
  static const std::vector<std::string> cols = {"name",         "credit_code", "gi",  "result",      "reason",
                                                "distance_m",   "township",    "zone_version", "lon", "lat",
                                                "producer_id",  "cause",       "result_zh",    "reason_zh",
                                                "altitude_m",   "altitude_status", "zone_band"};
  return cols;
}

CheckCsvWriter::CheckCsvWriter(const std::string& path) : file_(path, "check report") {
  file_.open();
  std::string head;
  for (std::size_t i = 0; i < check_csv_columns().size(); ++i) {
    if (i) head += ',';
    head += check_csv_columns()[i];
  }
  head += '\n';
  file_.write(head);
}

void CheckCsvWriter::write(const std::vector<ProducerCheck>& rows) {
  buf_.clear();
  for (const auto& r : rows) {
    append_csv_text(buf_, r.name);
    buf_ += ',';
    append_csv_text(buf_, r.credit_code);
    buf_ += ',';
    append_csv_text(buf_, r.gi);
    buf_ += ',';
    buf_ += result_code(r.result);
    buf_ += ',';
    append_csv_text(buf_, r.reason);
    buf_ += ',';
    if (r.distance_m >= 0) append_fixed1(buf_, r.distance_m);
    buf_ += ',';
    append_csv_text(buf_, r.township);
    buf_ += ',';
    if (r.zone_version > 0) put_integer(buf_, r.zone_version);
    buf_ += ',';
    if (r.location) {
      append_general9(buf_, r.location->x);
      buf_ += ',';
      append_general9(buf_, r.location->y);
    } else {
      buf_ += ',';
    }
    buf_ += ',';
    put_integer(buf_, r.producer_id);
    buf_ += ',';
    append_csv_text(buf_, r.cause);
    buf_ += ',';
    buf_ += result_label_zh(r.result);
    buf_ += ',';
    append_csv_text(buf_, r.reason_zh);
    buf_ += ',';
    if (!std::isnan(r.altitude_m)) append_fixed1(buf_, r.altitude_m);
    buf_ += ',';
    buf_ += r.altitude_status;
    buf_ += ',';
    buf_ += band_text(r.zone_band);
    buf_ += '\n';
  }
  file_.write(buf_);
}

const std::string& CheckCsvWriter::band_text(const AltitudeBand& band) {
  for (const auto& [b, text] : band_texts_)
    if (b == band) return text;
  band_texts_.emplace_back(band, band_text_zh(band));
  return band_texts_.back().second;
}

void CheckCsvWriter::commit() { file_.commit(); }

void write_check_csv(const CheckReport& report, const std::string& path) {
  CheckCsvWriter w(path);
  w.write(report.rows);
  w.commit();
}

void write_check_report(const CheckReport& report, const std::string& path, const MapStyles* styles,
                        const Workspace* map_from) {
  std::string ext = file_extension(path);
  if (ext == "csv") return write_check_csv(report, path);
  if (ext == "gpkg" || ext == "geojson" || ext == "json") return write_check_ogr(report, path, styles);
  if (ext == "html" || ext == "htm") return write_check_html(report, path, map_from);
  throw Error("check report " + path + ": unknown format '." + ext + "' (use .csv, .gpkg, .geojson or .html)");
}

}  // namespace giatlas
