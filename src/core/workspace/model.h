// The workspace data model: the records a district's GI work is made of. Plain values;
// geometry is in EPSG:4490 (x = longitude, y = latitude). Dates are ISO "YYYY-MM-DD", "" = none.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace giatlas {

// 2: zones record an altitude band and its DEM. 3: the GI programme's tables (resources, catalogue
// status, protections, standards, mark users, targets, candidate scores; programme/programme_model.h)
// and census points linked to a resource. 4: dated status changes of mark users and register entries;
// inspectors' home township and relations (回避), saved inspection plans, their visits and visit
// outcomes (inspection/inspection_model.h); zone versions record who saved them and when (saved_by,
// saved_at); field exports and merges (field_base, field_merges); production areas, lots and GI yields
// (workspace/area_model.h).
// An older file is upgraded when opened for writing.
inline constexpr int kSchemaVersion = 4;

struct Metadata {
  int schema_version = kSchemaVersion;
  std::string district_name;  // e.g. 武隆区
  std::string district_code;  // 6-digit division code, e.g. 500156
  std::string created;        // ISO 8601 UTC timestamp
  std::string modified;
  bool synthetic = false;  // true for generated sample / benchmark data
  friend bool operator==(const Metadata&, const Metadata&) = default;
};

// A township-level unit (街道 / 镇 / 乡).
struct Township {
  std::int64_t id = 0;  // assigned by the workspace
  std::string name;     // 仙女山街道
  std::string code;     // 9-digit township code
  std::string kind;     // 街道 | 镇 | 乡
  int vintage = 0;      // year of the administrative division reflected
  MultiPolygon geom;
  friend bool operator==(const Township&, const Township&) = default;
};

// A village-level unit (行政村 / 社区), optional.
struct Village {
  std::int64_t id = 0;
  std::string name;
  std::string code;           // 12-digit code
  std::string township_code;  // the township it belongs to
  MultiPolygon geom;
  friend bool operator==(const Village&, const Village&) = default;
};

// One entry of the GI register.
struct GiProduct {
  std::int64_t id = 0;
  std::string name;             // 武隆高山萝卜
  std::string category;         // 特色农产品 | 传统手工业品 | 道地药材 | 非物质文化遗产 | 其他
  std::string protection_type;  // 地理标志保护产品 | 地理标志证明商标 | 地理标志集体商标 | 农产品地理标志
  std::string status;           // candidate | applying | registered | revoked
  std::string registration_no;
  std::string registration_date;
  std::string holder;  // 持有人
  std::string standard_no;
  std::string standard_date;
  friend bool operator==(const GiProduct&, const GiProduct&) = default;
};

// One version of a GI's protected zone. Versions are never overwritten.
struct ZoneVersion {
  std::int64_t id = 0;
  std::string gi;      // GiProduct::name
  int version = 0;     // 1, 2, … assigned on save
  std::string effective_from;
  std::string effective_to;         // "" = still in force
  std::vector<std::string> units;   // admin unit codes it is made of (authoritative when source == units)
  std::string source;               // units | drawn | imported
  std::string author;
  std::string note;
  // For a zone made as units ∩ an altitude band (terrain/altitude_band.h): the band's bounds in
  // metres (either may be absent) and the DEM it was cut from ("file; sources; date").
  std::optional<double> min_altitude_m, max_altitude_m;
  std::string dem;
  // Who saved this version (the database user, or the computer's login on a GeoPackage) and
  // when (UTC, "YYYY-MM-DDTHH:MM:SSZ"); set by save_zone_version, "" for versions saved before schema 4.
  std::string saved_by, saved_at;
  MultiPolygon geom;
  friend bool operator==(const ZoneVersion&, const ZoneVersion&) = default;
};

// A census (普查) point of a GI resource.
struct CensusPoint {
  std::int64_t id = 0;
  std::string product;
  std::string category;
  std::string township;
  std::string survey_date;
  std::string surveyor;
  double annual_output_t = 0;  // tonnes a year
  double area_mu = 0;          // 亩
  int households = 0;
  std::string note;
  Point location;
  std::int64_t resource_id = 0;  // the GI resource (programme library) it records; 0 = none
  friend bool operator==(const CensusPoint&, const CensusPoint&) = default;
};

// A producer authorised (or applying) to use a GI. The location may be missing: the submitted
// coordinates are always kept verbatim in raw_x / raw_y / raw_crs.
struct Producer {
  std::int64_t id = 0;
  std::string name;
  std::string credit_code;  // 统一社会信用代码, 18 characters
  std::string gi;           // claimed GI product name
  bool authorised = false;  // may use the GI special mark
  std::string authorised_since;
  std::string raw_x;    // coordinates exactly as submitted
  std::string raw_y;
  std::string raw_crs;  // the CRS they were submitted in (EPSG:4326, GCJ-02, BD-09, EPSG:4545 …)
  std::optional<Point> location;  // normalised, EPSG:4490; empty when unreadable
  std::string location_issue;     // why location is empty (or what was assumed), "" when fine
  std::string township;           // as submitted (地址/乡镇), may be ""
  std::string note;
  friend bool operator==(const Producer&, const Producer&) = default;
};

struct Inspector {
  std::int64_t id = 0;
  std::string name;
  std::string unit;   // 执法单位
  std::string badge;  // 执法证号
  bool active = true;
  // Schema 4, for 回避 (recusal): the township the inspector lives in (never drawn for its
  // producers) and the producers they are related to, each a producer id or a credit code.
  std::string township;
  std::vector<std::string> relations;
  friend bool operator==(const Inspector&, const Inspector&) = default;
};

struct Inspection {
  std::int64_t id = 0;
  std::int64_t producer_id = 0;
  std::string producer_name;
  std::string date;
  std::string inspector;
  std::string gi;
  int zone_version = 0;
  std::string result;  // a check result code (inside, outside, …) or a field finding
  double distance_m = 0;
  std::string note;
  friend bool operator==(const Inspection&, const Inspection&) = default;
};

}  // namespace giatlas
