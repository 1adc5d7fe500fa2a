// The GeoPackage layer_styles table, as QGIS's OGR provider creates and reads it: writing
// GI Atlas's rows idempotently (see qgis_styles.h).
#include <ctime>

#include "error.h"
#include "geo/gdal.h"
#include "map/feature_colour.h"
#include "map/qgis_styles.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

constexpr const char* kTable = "layer_styles";

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("''") : std::string(1, ch);
  return out + "'";
}

// The columns, types and widths QGIS gives the table (qgsogrprovidermetadata saveStyle).
OGRLayer& styles_table(GDALDataset& ds) {
  if (OGRLayer* l = ds.GetLayerByName(kTable)) return *l;
  char** opts = CSLSetNameValue(nullptr, "FID", "id");
  OGRLayer* l = ds.CreateLayer(kTable, nullptr, wkbNone, opts);
  CSLDestroy(opts);
  if (!l)
    throw Error(std::string("QGIS styles: cannot create the layer_styles table: ") + CPLGetLastErrorMsg());
  struct Col {
    const char* name;
    OGRFieldType type;
    int width;
  };
  static const Col cols[] = {{"f_table_catalog", OFTString, 256},
                             {"f_table_schema", OFTString, 256},
                             {"f_table_name", OFTString, 256},
                             {"f_geometry_column", OFTString, 256},
                             {"styleName", OFTString, 30},
                             {"styleQML", OFTString, 0},
                             {"styleSLD", OFTString, 0},
                             {"useAsDefault", OFTInteger, 0},
                             {"description", OFTString, 0},
                             {"owner", OFTString, 30},
                             {"ui", OFTString, 30},
                             {"update_time", OFTDateTime, 0}};
  for (const Col& c : cols) {
    OGRFieldDefn def(c.name, c.type);
    if (c.width) def.SetWidth(c.width);
    if (c.type == OFTInteger) def.SetSubType(OFSTBoolean);
    if (c.type == OFTDateTime) def.SetDefault("CURRENT_TIMESTAMP");
    if (l->CreateField(&def) != OGRERR_NONE)
      throw Error(std::string("QGIS styles: cannot create column ") + c.name + ": " + CPLGetLastErrorMsg());
  }
  return *l;
}

std::vector<GIntBig> matching(OGRLayer& l, const std::string& filter) {
  std::vector<GIntBig> ids;
  if (l.SetAttributeFilter(filter.c_str()) != OGRERR_NONE)
    throw Error("QGIS styles: cannot query layer_styles (" + filter + ")");
  l.ResetReading();
  while (OgrFeature f{l.GetNextFeature()}) ids.push_back(f->GetFID());
  l.SetAttributeFilter(nullptr);
  return ids;
}

void write_rows(GDALDataset& ds, const std::vector<QgisLayerStyle>& styles) {
  OGRLayer& t = styles_table(ds);
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  for (const QgisLayerStyle& s : styles) {
    OGRLayer* target = ds.GetLayerByName(s.table.c_str());
    if (!target) throw Error("QGIS styles: " + s.table + " is not a layer of " + ds.GetDescription());
    const std::string geom_col = target->GetGeometryColumn();
    const std::string mine =
        "f_table_name = " + quoted(s.table) + " AND styleName = " + quoted(kQgisStyleName);
    for (GIntBig id : matching(t, mine))
      if (t.DeleteFeature(id) != OGRERR_NONE)
        throw Error("QGIS styles: cannot replace the style of " + s.table);
    const bool other_default =
        !matching(t, "f_table_name = " + quoted(s.table) + " AND useAsDefault = 1").empty();
    OgrFeature f(OGRFeature::CreateFeature(t.GetLayerDefn()));
    f->SetField("f_table_catalog", "");
    f->SetField("f_table_schema", "");
    f->SetField("f_table_name", s.table.c_str());
    f->SetField("f_geometry_column", geom_col.c_str());
    f->SetField("styleName", kQgisStyleName);
    f->SetField("styleQML", s.qml.c_str());
    f->SetField("useAsDefault", other_default ? 0 : 1);
    f->SetField("description",
                "GI Atlas map styles (written by GI Atlas; rewritten when the styles are saved)");
    f->SetField("owner", "");
    f->SetField("update_time", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                static_cast<float>(utc.tm_sec), 100);
    if (t.CreateFeature(f.get()) != OGRERR_NONE)
      throw Error("QGIS styles: cannot write the style of " + s.table + ": " + CPLGetLastErrorMsg());
  }
}

}  // namespace

void write_qgis_styles(GDALDataset& ds, const std::vector<QgisLayerStyle>& styles) {
  bool tx = false;
  {
    QuietGdalErrors quiet;  // inside a workspace transaction already: then that one holds the rows
    tx = ds.StartTransaction() == OGRERR_NONE;
  }
  try {
    write_rows(ds, styles);
  } catch (...) {
    if (tx) ds.RollbackTransaction();
    throw;
  }
  if (tx && ds.CommitTransaction() != OGRERR_NONE)
    throw Error(std::string("QGIS styles: cannot commit: ") + CPLGetLastErrorMsg());
}

void save_map_styles(Workspace& ws, const MapStyles& styles) {
  Workspace::Transaction tx(ws);
  ws.set_setting("map.styles", styles_to_json(styles));
  if (!ws.postgis()) write_qgis_styles(ws.dataset(), workspace_qgis_styles(styles, ws));
  tx.commit();
}

int write_workspace_qgis_styles(Workspace& ws) {
  // QGIS keeps the styles of PostgreSQL layers in one public.layer_styles table of its own
  // making, shared by every schema of the database: GI Atlas does not write there (yet).
  if (ws.postgis()) return 0;
  const std::vector<QgisLayerStyle> styles = workspace_qgis_styles(saved_map_styles(ws), ws);
  write_qgis_styles(ws.dataset(), styles);
  return static_cast<int>(styles.size());
}

}  // namespace giatlas
