// Opening import sources (see source_open.h).
#include "io/source_open.h"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>

#include "error.h"
#include "io/archive_source.h"
#include "io/csv_quotes.h"
#include "io/text_bytes.h"
#include "io/encoding.h"
#include "io/value_text.h"
#include "io/vsi_file.h"

namespace giatlas {
namespace {

namespace fs = std::filesystem;

struct CplFree {
  void operator()(char* p) const { CPLFree(p); }
};

// The CSV as UTF-8 without BOM, written into `dir` under the same base name (the layer name
// follows it). Returns the copy's path.
std::string utf8_csv_copy(const std::string& path, const EncodingDecision& enc, const std::string& dir,
                          const std::string& shown_name, std::vector<std::string>& notes) {
  std::string bytes;
  try {
    bytes = vsi_read(path, std::size_t{1} << 40);  // the whole file, through GDAL's virtual files
  } catch (const Error&) {
    throw Error("import " + path + ": cannot read the file");
  }
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
  // Damaged bytes and NULs are replaced by U+FFFD and their lines named: never cut, never lost.
  const Utf8Evidence damage = utf8_evidence(bytes);
  const std::string name = ascii_lower(enc.encoding);
  if (name != "utf-8" && name != "utf8") {
    replace_nul(bytes, '\x1A');  // the recoder reads a C string: a NUL would end the file there
    std::unique_ptr<char, CplFree> rec(CPLRecode(bytes.c_str(), enc.encoding.c_str(), CPL_ENC_UTF8));
    if (!rec) throw Error("import " + path + ": cannot recode from " + enc.encoding);
    bytes = rec.get();
    for (char& c : bytes)
      if (c == '\x1A') c = '\0';
    if (damage.nul) bytes = repair_utf8(bytes);
    if (damage.nul)
      notes.push_back(std::to_string(damage.nul) + " NUL bytes on line(s) " +
                      line_list(damage.lines, static_cast<std::int64_t>(damage.lines.size())) +
                      " replaced by \xEF\xBF\xBD: check those rows");
  } else if (damage.invalid || damage.nul) {
    bytes = repair_utf8(bytes);
    notes.push_back(std::to_string(damage.invalid) + " invalid UTF-8 bytes and " + std::to_string(damage.nul) +
                    " NUL bytes on line(s) " + line_list(damage.lines, static_cast<std::int64_t>(damage.lines.size())) +
                    " replaced by \xEF\xBF\xBD: check those rows");
  }
  if (const auto quote = find_unbalanced_quote(bytes))
    throw Error("import " + fs::path(shown_name).filename().string() + " " + quote->message);
  const std::string out_path = (fs::path(dir) / (fs::path(shown_name).stem().string() + ".csv")).string();
  std::ofstream out(out_path, std::ios::binary);
  out << bytes;
  out.flush();
  if (!out) throw Error("import " + path + ": cannot write a temporary copy in " + dir);
  return out_path;
}

std::string layer_list(GDALDataset& ds) {
  std::string s;
  for (int i = 0; i < ds.GetLayerCount(); ++i) {
    if (i) s += ", ";
    s += ds.GetLayer(i)->GetName();
  }
  return s;
}

}  // namespace

std::size_t TempDir::remove_abandoned(const std::string& prefix) {
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::temp_directory_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix + "-", 0) != 0) continue;
    const std::string rest = name.substr(prefix.size() + 1);
    const auto dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || rest.find_first_not_of("0123456789") != dash) continue;
    const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    std::error_code rm;
    if (fs::remove_all(e.path(), rm) > 0 && !rm) ++removed;
  }
  return removed;
}

TempDir TempDir::make(const std::string& prefix) {
  remove_abandoned(prefix);
  std::string tmpl =
      (fs::temp_directory_path() / (prefix + "-" + std::to_string(static_cast<long long>(::getpid())) + "-XXXXXX"))
          .string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) throw Error("cannot create a temporary directory under " + fs::temp_directory_path().string());
  TempDir t;
  t.path_ = buf.data();
  return t;
}

TempDir& TempDir::operator=(TempDir&& o) noexcept {
  if (this != &o) {
    TempDir old(std::move(*this));
    path_ = std::move(o.path_);
    o.path_.clear();
  }
  return *this;
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string OpenedSource::where(const OGRFeature& f, std::int64_t seq, std::int64_t* row_out) const {
  std::int64_t row = 0;
  std::string s;
  if (spreadsheet) {
    // XLSX/ODS number features by their sheet row (header = row 1).
    row = f.GetFID() >= 2 ? f.GetFID() : seq + 2;
    s = file + " sheet " + layer_name + " row " + std::to_string(row);
  } else if (csv) {
    row = f.GetFID() >= 1 ? f.GetFID() + 1 : seq + 2;
    s = file + " row " + std::to_string(row);
  } else {
    row = f.GetFID() != OGRNullFID ? f.GetFID() : seq;
    s = file + (ds && ds->GetLayerCount() > 1 ? " layer " + layer_name : "") + " feature " + std::to_string(row);
  }
  if (row_out) *row_out = row;
  return s;
}

OpenedSource open_source(const std::string& source, const std::string& layer_option, const std::string& encoding) {
  ensure_gdal();
  QuietGdalErrors quiet;
  OpenedSource out;
  const bool pg = source.rfind("PG:", 0) == 0;
  out.file = pg ? std::string("PostgreSQL source") : fs::path(source).filename().string();
  std::string open_path = source;
  std::string layer = layer_option;
  if (!pg && is_archive_source(source)) {
    ArchivePick pick = pick_archive_dataset(source, layer);
    open_path = pick.open_path;
    out.file = pick.shown;
    layer = pick.layer;
    if (!pick.note.empty()) out.notes.push_back(pick.note);
  } else if (!pg) {
    std::error_code ec;
    if (!fs::exists(source, ec)) throw Error("import " + source + ": file not found");
    if (fs::is_regular_file(source, ec) && fs::file_size(source, ec) == 0)
      throw Error("import " + source + ": the file is empty");
  }
  // The format's extension: of the dataset inside an archive, without a compression suffix.
  std::string inner_name = open_path;
  if (ascii_lower(fs::path(inner_name).extension().string()) == ".gz") inner_name = fs::path(inner_name).replace_extension().string();
  std::string ext = pg ? "" : ascii_lower(fs::path(inner_name).extension().string());

  CPLStringList oo;
  if (ext == ".shp" || ext == ".dbf") {
    const EncodingDecision d = decide_dbf_encoding(open_path, encoding);
    oo.SetNameValue("ENCODING", d.encoding.c_str());
    out.encoding = describe(d);
  } else if (ext == ".csv" || ext == ".tsv" || ext == ".txt") {
    const EncodingDecision d = decide_text_encoding(open_path, encoding);
    out.encoding = describe(d);
    out.tmp = TempDir::make("giatlas-import");
    open_path = utf8_csv_copy(open_path, d, out.tmp.path(), inner_name, out.notes);
    oo.SetNameValue("AUTODETECT_TYPE", "NO");
    oo.SetNameValue("GEOM_POSSIBLE_NAMES", "WKT,wkt,geometry,geom,the_geom");
    oo.SetNameValue("KEEP_GEOM_COLUMNS", "NO");
  } else if (!encoding.empty()) {
    out.notes.push_back("--encoding " + encoding + " ignored: this format defines its own encoding");
  }

  // Spreadsheets: the first row is always the header (GDAL's guess fails when every cell is text).
  CPLConfigOptionSetter xlsx_headers("OGR_XLSX_HEADERS", "FORCE", false);
  CPLConfigOptionSetter ods_headers("OGR_ODS_HEADERS", "FORCE", false);
  CPLConfigOptionSetter xls_headers("OGR_XLS_HEADERS", "FORCE", false);
  CPLErrorReset();
  const unsigned flags = GDAL_OF_VECTOR | GDAL_OF_READONLY;
  out.ds.reset(GDALDataset::Open(open_path.c_str(), flags, nullptr, oo.List(), nullptr));
  if (!out.ds && ext == ".kmz") {
    const std::string inner = "/vsizip/" + source + "/doc.kml";
    out.ds.reset(GDALDataset::Open(inner.c_str(), flags, nullptr, nullptr, nullptr));
  }
  if (!out.ds) {
    std::string why = CPLGetLastErrorMsg();
    if (why.empty()) why = "not a vector format GDAL can read (unsupported, truncated or corrupt)";
    throw Error("import " + (pg ? out.file : source) + ": cannot open: " + why);
  }
  out.driver = out.ds->GetDriver() ? out.ds->GetDriver()->GetDescription() : "";
  out.spreadsheet = out.driver == "XLSX" || out.driver == "ODS" || out.driver == "XLS";
  out.csv = out.driver == "CSV";
  const int n = out.ds->GetLayerCount();
  if (n == 0) throw Error("import " + source + ": no layers in it");
  if (!layer.empty()) {
    out.layer = out.ds->GetLayerByName(layer.c_str());
    if (!out.layer) {
      const bool digits = std::all_of(layer.begin(), layer.end(), [](unsigned char c) { return std::isdigit(c); });
      if (digits && std::stoi(layer) < n) out.layer = out.ds->GetLayer(std::stoi(layer));
    }
    if (!out.layer) throw Error("import " + out.file + ": no layer '" + layer + "'; layers: " + layer_list(*out.ds));
  } else if (n == 1) {
    out.layer = out.ds->GetLayer(0);
  } else {
    for (int i = 0; i < n && !out.layer; ++i)
      if (out.ds->GetLayer(i)->GetFeatureCount(TRUE) > 0) out.layer = out.ds->GetLayer(i);
    if (!out.layer) out.layer = out.ds->GetLayer(0);
    out.notes.push_back(std::string("layer '") + out.layer->GetName() + "' chosen of " + std::to_string(n) +
                        " (" + layer_list(*out.ds) + "); name another with --layer");
  }
  out.layer_name = out.layer->GetName();
  // Spreadsheet drivers parse a sheet on first use: do it now, while the header options are set.
  out.layer->GetLayerDefn();
  out.layer->ResetReading();
  return out;
}

}  // namespace giatlas
