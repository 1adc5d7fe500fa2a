// Every dataset of the real-world shapefile corpus (../shared/testdata/shp-corpus: broken
// sidecars, encodings, geometry types, zips) goes through the importer with the outcome
// recorded for it in shp_corpus_expected.tsv: imported with N rows read, accepted and rejected,
// or the clear error expected. Skipped, saying why, when the corpus is absent.
// To re-record after a deliberate change: GIATLAS_SHP_CORPUS_WRITE=path/to/new.tsv.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "error.h"
#include "io/import.h"
#include "io/source_open.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;
namespace fs = std::filesystem;

namespace {

fs::path corpus_dir() { return fs::path(GIATLAS_SOURCE_DIR).parent_path() / "shared" / "testdata" / "shp-corpus"; }

// The file a user would hand to the importer for a stem: the .shp, else the .dbf, else the .zip.
std::string source_of(const fs::path& stem) {
  for (const char* ext : {".shp", ".dbf", ".zip"}) {
    fs::path p = stem;
    p += ext;
    if (fs::exists(p)) return p.string();
  }
  return "";
}

// Imports as townships (polygons) or producers (anything else), dry run; one line of outcome.
std::string outcome(const std::string& source, const test::TempDir& dir) {
  Workspace ws = Workspace::open(dir.file("w.gpkg"));
  ImportOptions opt;
  opt.dry_run = true;
  opt.crs = "EPSG:4326";  // used only where the set has no .prj
  try {
    OpenedSource probe = open_source(source, "", "");
    const auto type = wkbFlatten(probe.layer->GetGeomType());
    opt.kind = type == wkbPolygon || type == wkbMultiPolygon ? ImportKind::Townships : ImportKind::Producers;
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
  try {
    const ImportReport r = import_into(ws, source, opt, Progress());
    std::ostringstream s;
    s << import_kind_name(opt.kind) << " read " << r.read << " accepted " << r.accepted << " rejected " << r.rejected;
    if (!r.balanced()) s << " UNBALANCED";
    return s.str();
  } catch (const Error& e) {
    return std::string(import_kind_name(opt.kind)) + " error: " + e.what();
  }
}

// Error texts name the temporary folder of this run: keep the part after the corpus path.
std::string portable(std::string s) {
  const std::string root = corpus_dir().string() + "/";
  for (std::size_t at; (at = s.find(root)) != std::string::npos;) s.erase(at, root.size());
  return s;
}

}  // namespace

TEST_CASE("every set of the shapefile corpus imports with its recorded outcome, never a crash", "[io][corpus]") {
  const fs::path dir = corpus_dir();
  if (!fs::exists(dir / "MANIFEST.tsv")) {
    WARN("skipped: the shapefile corpus is not at " << dir.string());
    return;
  }
  std::map<std::string, std::string> expected;
  {
    std::ifstream f(std::string(GIATLAS_TEST_DIR) + "/core/io/shp_corpus_expected.tsv");
    std::string line;
    while (std::getline(f, line)) {
      const auto tab = line.find('\t');
      if (tab != std::string::npos && line[0] != '#') expected[line.substr(0, tab)] = line.substr(tab + 1);
    }
  }
  test::TempDir tmp;
  Workspace::create(tmp.file("w.gpkg"), "测试区");
  std::ifstream manifest(dir / "MANIFEST.tsv");
  std::string line;
  std::getline(manifest, line);  // header
  std::ostringstream record;
  record << "# stem\toutcome (GI Atlas importer, dry run; see shp_corpus_test.cpp)\n";
  int sets = 0;
  while (std::getline(manifest, line)) {
    const std::string stem = line.substr(0, line.find('\t'));
    const std::string source = source_of(dir / stem);
    const std::string got = source.empty() ? "no source file" : portable(outcome(source, tmp));
    record << stem << "\t" << got << "\n";
    ++sets;
    INFO(stem);
    CHECK(got.find("UNBALANCED") == std::string::npos);
    if (const char* out = std::getenv("GIATLAS_SHP_CORPUS_WRITE"); !out) CHECK(got == expected[stem]);
  }
  if (const char* out = std::getenv("GIATLAS_SHP_CORPUS_WRITE")) std::ofstream(out) << record.str();
  CHECK(sets >= 100);
}
