// CSV report of an origin check, streamed in chunks and renamed into place on commit.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include "check/report_writers.h"
#include "error.h"

namespace giatlas {

namespace {

void put_field(std::string& out, const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void put_number(std::string& out, const char* fmt, double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, fmt, v);
  out += buf;
}

}  // namespace

std::string file_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string temp_path_beside(const std::string& path) {
  std::filesystem::path p(path);
  std::string name(1, '.');
  name += p.stem().string();
  name += ".tmp";
  name += std::to_string(::getpid());
  name += p.extension().string();
  return (p.parent_path() / name).string();
}

const std::vector<std::string>& check_csv_columns() {
  static const std::vector<std::string> cols = {"name",         "credit_code", "gi",  "result",      "reason",
                                                "distance_m",   "township",    "zone_version", "lon", "lat",
                                                "producer_id",  "cause",       "result_zh",    "reason_zh",
                                                "altitude_m",   "altitude_status", "zone_band"};
  return cols;
}

CheckCsvWriter::CheckCsvWriter(const std::string& path) : path_(path), tmp_(temp_path_beside(path)) {
  f_ = std::fopen(tmp_.c_str(), "wb");
  if (!f_) throw Error("check report " + path + ": cannot create the file");
  std::string head;
  for (std::size_t i = 0; i < check_csv_columns().size(); ++i) {
    if (i) head += ',';
    head += check_csv_columns()[i];
  }
  head += '\n';
  std::fwrite(head.data(), 1, head.size(), f_);
}

CheckCsvWriter::~CheckCsvWriter() {
  if (f_) {
    std::fclose(f_);
    std::remove(tmp_.c_str());
  }
}

void CheckCsvWriter::write(const std::vector<ProducerCheck>& rows) {
  buf_.clear();
  for (const auto& r : rows) {
    put_field(buf_, r.name);
    buf_ += ',';
    put_field(buf_, r.credit_code);
    buf_ += ',';
    put_field(buf_, r.gi);
    buf_ += ',';
    buf_ += result_code(r.result);
    buf_ += ',';
    put_field(buf_, r.reason);
    buf_ += ',';
    if (r.distance_m >= 0) put_number(buf_, "%.1f", r.distance_m);
    buf_ += ',';
    put_field(buf_, r.township);
    buf_ += ',';
    if (r.zone_version > 0) buf_ += std::to_string(r.zone_version);
    buf_ += ',';
    if (r.location) {
      put_number(buf_, "%.9g", r.location->x);
      buf_ += ',';
      put_number(buf_, "%.9g", r.location->y);
    } else {
      buf_ += ',';
    }
    buf_ += ',';
    buf_ += std::to_string(r.producer_id);
    buf_ += ',';
    buf_ += r.cause;
    buf_ += ',';
    buf_ += result_label_zh(r.result);
    buf_ += ',';
    put_field(buf_, r.reason_zh);
    buf_ += ',';
    if (!std::isnan(r.altitude_m)) put_number(buf_, "%.1f", r.altitude_m);
    buf_ += ',';
    buf_ += r.altitude_status;
    buf_ += ',';
    buf_ += band_text_zh(r.zone_band);
    buf_ += '\n';
  }
  if (std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size())
    throw Error("check report " + path_ + ": write failed (disk full?)");
}

void CheckCsvWriter::commit() {
  bool ok = std::fflush(f_) == 0;
  ok = std::fclose(f_) == 0 && ok;
  f_ = nullptr;
  std::error_code ec;
  if (ok) std::filesystem::rename(tmp_, path_, ec);
  if (!ok || ec) {
    std::remove(tmp_.c_str());
    throw Error("check report " + path_ + ": cannot write the file" + (ec ? ": " + ec.message() : ""));
  }
}

void write_check_csv(const CheckReport& report, const std::string& path) {
  CheckCsvWriter w(path);
  w.write(report.rows);
  w.commit();
}

void write_check_report(const CheckReport& report, const std::string& path, const MapStyles* styles) {
  std::string ext = file_extension(path);
  if (ext == "csv") return write_check_csv(report, path);
  if (ext == "gpkg" || ext == "geojson" || ext == "json") return write_check_ogr(report, path, styles);
  if (ext == "html" || ext == "htm") return write_check_html(report, path);
  throw Error("check report " + path + ": unknown format '." + ext + "' (use .csv, .gpkg, .geojson or .html)");
}

}  // namespace giatlas
