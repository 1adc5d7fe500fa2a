// Field work offline (workspace/field_work.h), GeoPackage to GeoPackage: an export for two
// townships keeps their rows with the office's ids; what the field adds comes back once; a
// producer corrected in the field and changed at the office meanwhile is a conflict, not merged.
#include "workspace/field_work.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "error.h"
#include "scope/scope_fixture.h"

using namespace giatlas;

namespace {

Producer producer(const std::string& name, double x, double y) {
  Producer p;
  p.name = name;
  p.gi = test::kGi;
  p.raw_x = std::to_string(x);
  p.raw_y = std::to_string(y);
  p.raw_crs = "EPSG:4490";
  p.location = Point{x, y};
  return p;
}

CensusPoint census(const std::string& note, double x, double y) {
  CensusPoint c;
  c.product = "萝卜";
  c.note = note;
  c.location = Point{x, y};
  return c;
}

long long rows_of(const FieldExportReport& r, const std::string& table) {
  for (const auto& t : r.tables)
    if (t.name == table) return t.rows;
  return -1;
}

}  // namespace

TEST_CASE("a field export goes out for two townships and comes back once, with conflicts reported",
          "[workspace][field_work]") {
  test::TempDir dir;
  const std::string office_path = dir.file("office.gpkg"), field_path = dir.file("field.gpkg");
  std::vector<Producer> ps{producer("仙女山户", 107.55, 29.25), producer("白马户", 107.65, 29.25),
                           producer("桐梓户", 107.75, 29.45)};
  {
    Workspace office = test::grid_workspace(office_path);
    office.add_producers(ps);
    std::vector<CensusPoint> cs{census("仙女山点", 107.52, 29.22), census("桐梓点", 107.72, 29.42)};
    office.add_census_points(cs);
    std::vector<Inspection> is(2);
    is[0].producer_id = ps[0].id, is[0].producer_name = ps[0].name, is[0].result = "inside";
    is[1].producer_id = ps[2].id, is[1].producer_name = ps[2].name, is[1].result = "inside";
    office.add_inspections(is);
  }
  const FieldExportReport out = export_field(office_path, {"仙女山街道", "500156002"}, field_path, {});
  CHECK(out.townships == std::vector<std::string>{"仙女山街道", "白马镇"});
  CHECK(rows_of(out, "townships") == 2);
  CHECK(rows_of(out, "villages") == 4);
  CHECK(rows_of(out, "producers") == 2);
  CHECK(rows_of(out, "census_points") == 1);
  CHECK(rows_of(out, "inspections") == 1);
  CHECK(rows_of(out, "gi_products") == 1);
  {
    Workspace field = Workspace::open(field_path);
    CHECK(field.setting("field.export_id") == out.export_id);
    REQUIRE(field.producer(ps[0].id));  // the office's ids
    CHECK(field.producer(ps[0].id)->name == "仙女山户");
    CHECK_FALSE(field.producer(ps[2].id));
    // In the field: a new census point, an inspection, two corrected locations.
    std::vector<CensusPoint> cs{census("新点", 107.58, 29.28)};
    field.add_census_points(cs);
    std::vector<Inspection> is(1);
    is[0].producer_id = ps[1].id, is[0].producer_name = ps[1].name, is[0].result = "outside";
    field.add_inspections(is);
    Producer a = *field.producer(ps[0].id), b = *field.producer(ps[1].id);
    a.location = Point{107.56, 29.26};
    b.location = Point{107.66, 29.26};
    field.update_producers({a, b});
  }
  {  // meanwhile at the office: 白马户's note changes
    Workspace office = Workspace::open(office_path);
    Producer b = *office.producer(ps[1].id);
    b.note = "电话已更新";
    office.update_producers({b});
  }
  const FieldMergeReport m = merge_field(field_path, office_path, {});
  CHECK(m.census_added == 1);
  CHECK(m.inspections_added == 1);
  CHECK(m.locations_updated == 1);
  CHECK(m.already_merged == 0);
  REQUIRE(m.conflicts.size() == 1);
  CHECK(m.conflicts[0].row_id == ps[1].id);
  CHECK(m.conflicts[0].server_changed == "note");
  CHECK(m.conflicts[0].field_value == "107.660000 29.260000");
  CHECK(m.conflicts[0].server_value == "107.650000 29.250000");
  CHECK_THAT(field_conflicts_csv(m.conflicts), Catch::Contains("producers," + std::to_string(ps[1].id) + ",白马户,location"));
  {
    Workspace office = Workspace::open(office_path, true);
    CHECK(office.producer(ps[0].id)->location == Point{107.56, 29.26});
    CHECK(office.producer(ps[1].id)->location == Point{107.65, 29.25});  // not overwritten
    CHECK(office.producer(ps[1].id)->note == "电话已更新");
    CHECK(office.census_points().size() == 3);
    CHECK(office.inspections().size() == 3);
  }
  // The same file again adds nothing twice.
  const FieldMergeReport again = merge_field(field_path, office_path, {});
  CHECK(again.census_added == 0);
  CHECK(again.inspections_added == 0);
  CHECK(again.locations_updated == 0);
  CHECK(again.already_merged == 3);
  CHECK(again.conflicts.size() == 1);
  CHECK(Workspace::open(office_path, true).census_points().size() == 3);
}

TEST_CASE("census points corrected in the field come back; one changed at the office too is a conflict",
          "[workspace][field_work]") {
  test::TempDir dir;
  const std::string office_path = dir.file("office.gpkg"), field_path = dir.file("field.gpkg");
  std::vector<CensusPoint> cs{census("甲点", 107.52, 29.22), census("乙点", 107.53, 29.23),
                              census("丙点", 107.54, 29.24)};
  {
    Workspace office = test::grid_workspace(office_path);
    office.add_census_points(cs);
  }
  const FieldExportReport out = export_field(office_path, {"仙女山街道"}, field_path, {});
  REQUIRE(rows_of(out, "census_points") == 3);
  {  // in the field: 甲 gets another product, 乙 is moved, 丙 is left alone
    Workspace field = Workspace::open(field_path);
    CensusPoint a = *field.census_point(cs[0].id), b = *field.census_point(cs[1].id);
    a.product = "辣椒";
    a.households = 12;
    b.location = Point{107.531, 29.231};
    field.update_census_point(a);
    field.update_census_point(b);
  }
  {  // at the office meanwhile: 乙's note changes
    Workspace office = Workspace::open(office_path);
    CensusPoint b = *office.census_point(cs[1].id);
    b.note = "已复核";
    office.update_census_point(b);
  }
  const FieldMergeReport m = merge_field(field_path, office_path, {});
  CHECK(m.census_added == 0);
  CHECK(m.census_updated == 1);
  REQUIRE(m.conflicts.size() == 1);
  const FieldConflict& k = m.conflicts[0];
  CHECK(k.table == "census_points");
  CHECK(k.row_id == cs[1].id);
  CHECK(k.field == "location");
  CHECK(k.base_value == "location=107.530000 29.230000");
  CHECK(k.field_value == "location=107.531000 29.231000");
  CHECK(k.server_changed == "note");
  CHECK(k.server_value == "note=已复核");
  {
    Workspace office = Workspace::open(office_path, true);
    CHECK(office.census_point(cs[0].id)->product == "辣椒");
    CHECK(office.census_point(cs[0].id)->households == 12);
    CHECK(office.census_point(cs[0].id)->note == "甲点");
    CHECK(office.census_point(cs[1].id)->location == Point{107.53, 29.23});  // not overwritten
    CHECK(office.census_point(cs[1].id)->note == "已复核");
    CHECK(*office.census_point(cs[2].id) == cs[2]);
    CHECK(office.census_points().size() == 3);
  }
  const FieldMergeReport again = merge_field(field_path, office_path, {});
  CHECK(again.census_updated == 0);
  CHECK(again.already_merged == 1);
  CHECK(again.conflicts.size() == 1);
}

TEST_CASE("a field export of an unknown township, over a file, or a merge of a plain workspace is refused",
          "[workspace][field_work]") {
  test::TempDir dir;
  const std::string office = dir.file("office.gpkg");
  test::grid_workspace(office);
  CHECK_THROWS_WITH(export_field(office, {"白马镇", "无此镇"}, dir.file("f.gpkg"), {}),
                    Catch::Contains("has no township 无此镇"));
  CHECK_FALSE(std::filesystem::exists(dir.file("f.gpkg")));
  CHECK_THROWS_WITH(export_field(office, {}, dir.file("f.gpkg"), {}), Catch::Contains("--townships"));
  CHECK_THROWS_WITH(export_field(office, {"白马镇"}, office, {}), Catch::Contains("already exists"));
  CHECK_THROWS_WITH(merge_field(office, office, {}), Catch::Contains("is not a field export"));
}
