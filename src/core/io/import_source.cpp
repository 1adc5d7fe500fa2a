// Reading an import source into plain rows (see import_source.h).
#include "io/import_source.h"

#include <algorithm>

#include <cpl_error.h>

#include "error.h"
#include "io/value_text.h"

namespace giatlas {

std::string SourceTable::cell(const SourceRow& r, const std::string& target) const {
  const int i = map.get(target);
  if (i < 0 || static_cast<std::size_t>(i) >= r.cells.size()) return "";
  return trim_text(r.cells[static_cast<std::size_t>(i)]);
}

void throw_no_crs(const SourceTable& t) {
  throw Error("import " + t.src.file + (t.src.layer_name.empty() ? "" : " layer " + t.src.layer_name) +
              ": no coordinate system: name one with --crs (e.g. EPSG:4490 for CGCS2000 longitude/latitude, "
              "EPSG:4545 for Gauss-Kruger metres, GCJ-02 for Amap/Tencent, BD-09 for Baidu)");
}

SourceTable read_source(const std::string& source, const ImportOptions& opt, ImportReport& report,
                        const Progress& progress) {
  SourceTable t;
  t.src = open_source(source, opt.layer, opt.encoding);
  report.source = source.rfind("PG:", 0) == 0 ? t.src.file : source;
  report.layer = t.src.layer_name;
  report.encoding = t.src.encoding;
  for (const auto& n : t.src.notes) report.notes.push_back(n);

  OGRLayer& layer = *t.src.layer;
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) t.fields.push_back(defn->GetFieldDefn(i)->GetNameRef());
  const std::string where = "import " + t.src.file + " layer " + t.src.layer_name;
  t.map = map_fields(opt.kind, t.fields, opt.fields, opt.lon_column, opt.lat_column, where);
  report.columns = t.map.describe(t.fields);
  t.has_geometry = defn->GetGeomFieldCount() > 0 && layer.GetGeomType() != wkbNone;

  // CRS: the user's wins (and says what it replaced), else the layer's.
  const OGRSpatialReference* layer_srs = t.has_geometry ? layer.GetSpatialRef() : nullptr;
  if (!opt.crs.empty()) {
    t.crs = input_crs_from_user(opt.crs);
    report.crs = t.crs->label + " (from --crs";
    if (layer_srs) report.crs += std::string("; the source declared ") + input_crs_from_srs(*layer_srs).label;
    report.crs += ")";
  } else if (layer_srs) {
    t.crs = input_crs_from_srs(*layer_srs);
    report.crs = t.crs->label + " (declared by the source)";
  }

  // Read every feature. GDAL reports a damaged file as an error while reading, not at open.
  QuietGdalErrors quiet;
  // Progress: the row count where the format knows it cheaply; else (a CSV, which GDAL would
  // read through once more just to count) the share of the file's bytes the rows read so far
  // take, from their cells' text.
  const GIntBig total = layer.TestCapability(OLCFastFeatureCount) ? layer.GetFeatureCount(TRUE) : -1;
  double file_bytes = 0, read_bytes = 0;
  if (total < 0)
    if (VSIStatBufL st; VSIStatL(t.src.ds->GetDescription(), &st) == 0) file_bytes = static_cast<double>(st.st_size);
  layer.ResetReading();
  std::int64_t seq = 0;
  for (;;) {
    CPLErrorReset();
    OgrFeature f(layer.GetNextFeature());
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
      throw Error("import " + t.src.file + ": reading failed after " + std::to_string(seq) +
                  " rows (truncated or corrupt file?): " + CPLGetLastErrorMsg());
    }
    if (!f) break;
    SourceRow r;
    r.where = t.src.where(*f, seq, &r.row);
    r.cells.resize(t.fields.size());
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      if (f->IsFieldSetAndNotNull(i)) r.cells[static_cast<std::size_t>(i)] = f->GetFieldAsString(i);
    if (file_bytes > 0)
      for (const std::string& c : r.cells) read_bytes += static_cast<double>(c.size() + 1);
    if (const OGRGeometry* g = f->GetGeometryRef()) r.geom.reset(g->clone());
    t.rows.push_back(std::move(r));
    ++seq;
    if (seq % 256 == 0) {
      progress.check_cancelled();
      progress.report("import: reading", total > 0        ? static_cast<double>(seq) / static_cast<double>(total)
                                          : file_bytes > 0 ? std::min(0.99, read_bytes / file_bytes)
                                                           : 0.0);
    }
  }
  progress.report("import: reading", 1.0);
  return t;
}

}  // namespace giatlas
