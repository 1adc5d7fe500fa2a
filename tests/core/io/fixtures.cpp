// Fixture writers for the importer tests (see fixtures.h).
#include "fixtures.h"

#include <catch2/catch.hpp>
#include <cpl_string.h>

#include <memory>

namespace giatlas::test {

void write_vector(const std::string& path, const std::string& driver, const FixtureLayer& layer) {
  ensure_gdal();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver.c_str());
  REQUIRE(drv != nullptr);
  GdalDataset ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  INFO("creating " << path << ": " << CPLGetLastErrorMsg());
  REQUIRE(ds);
  OGRSpatialReference srs;
  if (layer.epsg) {
    srs.importFromEPSG(layer.epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }
  CPLStringList opts;
  for (const auto& o : layer.creation_options) opts.AddString(o.c_str());
  OGRLayer* l = ds->CreateLayer(layer.name.c_str(), layer.epsg ? &srs : nullptr, layer.geom, opts.List());
  REQUIRE(l != nullptr);
  for (const auto& f : layer.fields) {
    OGRFieldDefn fd(f.c_str(), OFTString);
    REQUIRE(l->CreateField(&fd) == OGRERR_NONE);
  }
  for (const FixtureRow& r : layer.rows) {
    OgrFeature f(OGRFeature::CreateFeature(l->GetLayerDefn()));
    for (std::size_t i = 0; i < r.values.size(); ++i)
      if (!r.values[i].empty()) f->SetField(static_cast<int>(i), r.values[i].c_str());
    if (!r.wkt.empty()) {
      OGRGeometry* g = nullptr;
      REQUIRE(OGRGeometryFactory::createFromWkt(r.wkt.c_str(), layer.epsg ? &srs : nullptr, &g) == OGRERR_NONE);
      f->SetGeometryDirectly(g);
    }
    REQUIRE(l->CreateFeature(f.get()) == OGRERR_NONE);
  }
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Workspace new_workspace(const std::string& dir, const std::string& name) {
  return Workspace::create((std::filesystem::path(dir) / name).string(), "武隆区", "500156");
}

std::string recode_from_utf8(const std::string& text, const std::string& encoding) {
  struct Free {
    void operator()(char* p) const { CPLFree(p); }
  };
  std::unique_ptr<char, Free> r(CPLRecode(text.c_str(), CPL_ENC_UTF8, encoding.c_str()));
  return r ? std::string(r.get()) : std::string();
}

}  // namespace giatlas::test
