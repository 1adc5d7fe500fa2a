// Tests for the QGIS layer styles: the layer_styles table read back through OGR, with QGIS's
// columns and row keys; each layer's QML parsed as XML, its renderer type, categories and
// colours checked against the map styles; rewriting is idempotent and keeps others' styles.
#include "map/qgis_styles.h"

#include <cpl_minixml.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>

#include "../scope/scope_fixture.h"
#include "check/origin_check.h"
#include "check/report_writers.h"
#include "geo/gdal.h"
#include "map/feature_colour.h"
#include "map/print_symbol.h"
#include "scope/zone_from_units.h"
#include "scope/zone_history.h"

using namespace giatlas;
using namespace giatlas::test;

namespace {

struct XmlFree {
  void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
};
using Xml = std::unique_ptr<CPLXMLNode, XmlFree>;

struct StyleRow {
  std::string schema, geometry_column, name, qml;
  int use_as_default = 0;
};

// Every row of layer_styles, by table name then style name.
std::map<std::string, std::map<std::string, StyleRow>> read_rows(const std::string& gpkg) {
  ensure_gdal();
  GdalDataset ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayerByName("layer_styles");
  REQUIRE(l);
  for (const char* col :
       {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML",
        "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"})
    CHECK(l->GetLayerDefn()->GetFieldIndex(col) >= 0);
  std::map<std::string, std::map<std::string, StyleRow>> out;
  while (OgrFeature f{l->GetNextFeature()}) {
    StyleRow r{f->GetFieldAsString("f_table_schema"), f->GetFieldAsString("f_geometry_column"),
               f->GetFieldAsString("styleName"), f->GetFieldAsString("styleQML"),
               f->GetFieldAsInteger("useAsDefault")};
    CHECK(f->IsFieldSetAndNotNull(f->GetFieldIndex("f_table_schema")));  // QGIS matches f_table_schema=''
    out[f->GetFieldAsString("f_table_name")][r.name] = r;
  }
  return out;
}

// The renderer of a QML document (which must parse as XML with a qgis root).
const CPLXMLNode* renderer(const Xml& doc) {
  REQUIRE(doc);
  const CPLXMLNode* root = CPLSearchXMLNode(doc.get(), "=qgis");
  REQUIRE(root);
  const CPLXMLNode* r = CPLGetXMLNode(root, "renderer-v2");
  REQUIRE(r);
  return r;
}

// The value of the symbol layer option `key` of the symbol named `name`.
std::string symbol_option(const CPLXMLNode* rend, const std::string& name, const std::string& key) {
  for (const CPLXMLNode* s = CPLGetXMLNode(rend, "symbols")->psChild; s; s = s->psNext) {
    if (s->eType != CXT_Element || name != CPLGetXMLValue(s, "name", "")) continue;
    const CPLXMLNode* opts = CPLGetXMLNode(s, "layer.Option");
    for (const CPLXMLNode* o = opts ? opts->psChild : nullptr; o; o = o->psNext)
      if (o->eType == CXT_Element && key == CPLGetXMLValue(o, "name", ""))
        return CPLGetXMLValue(o, "value", "");
  }
  return "";
}

// value → symbol name of a categorized renderer.
std::map<std::string, std::string> categories(const CPLXMLNode* rend) {
  std::map<std::string, std::string> out;
  for (const CPLXMLNode* c = CPLGetXMLNode(rend, "categories")->psChild; c; c = c->psNext)
    if (c->eType == CXT_Element) out[CPLGetXMLValue(c, "value", "")] = CPLGetXMLValue(c, "symbol", "");
  return out;
}

std::string qcolour(const Rgba& c, double alpha = 1) {
  return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," +
         std::to_string(static_cast<int>(std::lround(c.a * alpha)));
}

Workspace styled_workspace(const std::string& path) {
  Workspace ws = grid_workspace(path);
  GiProduct second;
  second.name = "武隆羊角豆腐干";
  second.category = "特色农产品";
  second.protection_type = "地理标志证明商标";
  second.status = "registered";
  ws.add_gi_product(second);
  for (const auto& [gi, towns] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {kGi, {"仙女山街道"}}, {"武隆羊角豆腐干", {"羊角镇"}}}) {
    const ZoneFromUnits z = zone_from_units(ws.townships(), ws.villages(), towns);
    ZoneSaveRequest req;
    req.gi = gi;
    req.effective_from = "2021-03-15";
    req.source = "units";
    req.units = z.units;
    save_zone(ws, z.geom, req);
  }
  return ws;
}

}  // namespace

TEST_CASE("the workspace's QGIS layer styles give each layer the colours GI Atlas draws it with",
          "[map][qgis]") {
  TempDir dir;
  const std::string path = dir.file("ws.gpkg");
  {
    Workspace ws = styled_workspace(path);
    CHECK(write_workspace_qgis_styles(ws) == 5);
  }
  const MapStyles styles = default_map_styles();
  const auto rows = read_rows(path);
  for (const char* table : {"townships", "villages", "gi_zones", "census_points", "producers"}) {
    INFO(table);
    REQUIRE(rows.count(table));
    REQUIRE(rows.at(table).count(kQgisStyleName));
    const StyleRow& r = rows.at(table).at(kQgisStyleName);
    CHECK(r.schema.empty());
    CHECK(r.geometry_column == "geom");
    CHECK(r.use_as_default == 1);
  }
  {  // townships: one symbol in the township fill, labelled by name
    const Xml doc(CPLParseXMLString(rows.at("townships").at(kQgisStyleName).qml.c_str()));
    const CPLXMLNode* rend = renderer(doc);
    CHECK(std::string(CPLGetXMLValue(rend, "type", "")) == "singleSymbol");
    CHECK(symbol_option(rend, "0", "color") == qcolour(styles.layers.at("townships").fill));
    CHECK(std::string(CPLGetXMLValue(doc.get(), "=qgis.labeling.settings.text-style.fieldName", "")) ==
          "name");
  }
  {  // zones: one category per GI with a zone, in register order, the print's zone symbol
    const Xml doc(CPLParseXMLString(rows.at("gi_zones").at(kQgisStyleName).qml.c_str()));
    const CPLXMLNode* rend = renderer(doc);
    CHECK(std::string(CPLGetXMLValue(rend, "type", "")) == "categorizedSymbol");
    CHECK_THAT(CPLGetXMLValue(rend, "attr", ""),
               Catch::Contains("\"gi\"") && Catch::Contains("effective_to"));
    const auto cats = categories(rend);
    REQUIRE(cats.size() == 2);
    // The zones' wash: the layer's opacity times its fill's alpha (the colour is the GI's).
    const double opacity = styles.layers.at("zones").opacity * styles.layers.at("zones").fill.a / 255.0;
    CHECK(symbol_option(rend, cats.at(kGi), "color") == qcolour(zone_colour(styles, 0), opacity));
    CHECK(symbol_option(rend, cats.at("武隆羊角豆腐干"), "color") ==
          qcolour(zone_colour(styles, 1), opacity));
    CHECK(symbol_option(rend, cats.at(kGi), "outline_color") ==
          qcolour(darken(zone_colour(styles, 0), 0.75)));
  }
  {  // census points: every category of the styles with its colour and the layer's marker
    const Xml doc(CPLParseXMLString(rows.at("census_points").at(kQgisStyleName).qml.c_str()));
    const CPLXMLNode* rend = renderer(doc);
    CHECK(std::string(CPLGetXMLValue(rend, "type", "")) == "categorizedSymbol");
    CHECK(std::string(CPLGetXMLValue(rend, "attr", "")) == "category");
    const auto cats = categories(rend);
    REQUIRE(cats.size() == styles.census_category.size());
    for (const auto& [name, colour] : styles.census_category) {
      INFO(name);
      REQUIRE(cats.count(name));
      CHECK(symbol_option(rend, cats.at(name), "color") == qcolour(colour));
      CHECK(symbol_option(rend, cats.at(name), "name") == "triangle");
    }
  }
  {  // producers: the "unchecked" look (the table has no result)
    const Xml doc(CPLParseXMLString(rows.at("producers").at(kQgisStyleName).qml.c_str()));
    const CPLXMLNode* rend = renderer(doc);
    CHECK(std::string(CPLGetXMLValue(rend, "type", "")) == "singleSymbol");
    CHECK(symbol_option(rend, "0", "color") == qcolour(styles.check_result.at("unchecked")));
  }
}

TEST_CASE("rewriting the QGIS styles replaces GI Atlas's rows and keeps a colleague's own style",
          "[map][qgis]") {
  TempDir dir;
  const std::string path = dir.file("ws.gpkg");
  Workspace ws = styled_workspace(path);
  write_workspace_qgis_styles(ws);
  {  // a style saved from QGIS, as the default of townships
    OGRLayer* l = ws.dataset().GetLayerByName("layer_styles");
    OgrFeature f(OGRFeature::CreateFeature(l->GetLayerDefn()));
    f->SetField("f_table_catalog", "");
    f->SetField("f_table_schema", "");
    f->SetField("f_table_name", "townships");
    f->SetField("f_geometry_column", "geom");
    f->SetField("styleName", "我的样式");
    f->SetField("styleQML", "<qgis/>");
    f->SetField("useAsDefault", 1);
    REQUIRE(l->CreateFeature(f.get()) == OGRERR_NONE);
  }
  MapStyles changed = default_map_styles();
  changed.census_category["道地药材"] = {1, 2, 3, 255};
  save_map_styles(ws, changed);
  save_map_styles(ws, changed);
  CHECK(ws.dataset().GetLayerByName("layer_styles")->GetFeatureCount() == 6);
  const auto rows = read_rows(path);
  CHECK(rows.at("townships").at("我的样式").use_as_default == 1);
  CHECK(rows.at("townships").at(kQgisStyleName).use_as_default == 0);  // the colleague's choice wins
  CHECK(rows.at("census_points").at(kQgisStyleName).use_as_default == 1);
  CHECK_THAT(rows.at("census_points").at(kQgisStyleName).qml, Catch::Contains("1,2,3,255"));
  CHECK(styles_from_json(ws.setting("map.styles")) == changed);
}

TEST_CASE("a check report GeoPackage carries a QGIS style that colours producers by result",
          "[map][qgis][check]") {
  TempDir dir;
  const std::string path = dir.file("report.gpkg");
  CheckReport empty;
  write_check_report(empty, path);
  const auto rows = read_rows(path);
  REQUIRE(rows.count("origin_check"));
  const StyleRow& r = rows.at("origin_check").at(kQgisStyleName);
  const Xml doc(CPLParseXMLString(r.qml.c_str()));
  const CPLXMLNode* rend = renderer(doc);
  CHECK(std::string(CPLGetXMLValue(rend, "type", "")) == "categorizedSymbol");
  CHECK(std::string(CPLGetXMLValue(rend, "attr", "")) == "result");
  const auto cats = categories(rend);
  const MapStyles styles = default_map_styles();
  CHECK(cats.size() == static_cast<std::size_t>(kCheckResultCount));
  for (int i = 0; i < kCheckResultCount; ++i) {
    const std::string code = result_code(static_cast<CheckResult>(i));
    INFO(code);
    REQUIRE(cats.count(code));
    CHECK(symbol_option(rend, cats.at(code), "color") == qcolour(styles.check_result.at(code)));
  }
  CHECK_THAT(r.qml, Catch::Contains(result_label_zh(CheckResult::outside)));
}

TEST_CASE("giatlas-cli styles --qgis writes the styles into the workspace", "[map][qgis][cli]") {
  TempDir dir;
  const std::string path = dir.file("ws.gpkg");
  { styled_workspace(path); }
  REQUIRE(
      std::system((std::string(GIATLAS_CLI) + " styles '" + path + "' --qgis > '" + dir.file("out.txt") + "'")
                      .c_str()) == 0);
  REQUIRE(
      std::system((std::string(GIATLAS_CLI) + " styles '" + path + "' --qgis > '" + dir.file("out.txt") + "'")
                      .c_str()) == 0);
  const auto rows = read_rows(path);
  CHECK(rows.size() == 5);
  for (const auto& [table, styles] : rows) CHECK(styles.size() == 1);
}
