// The map's content, ready to draw and query but free of any GPU or GUI type: each layer's
// features in map metres with their levels of detail, fill triangles, outline segments, label
// anchors and attribute tables. Built once when a workspace is opened (heavy work in parallel).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "map/attribute_table.h"
#include "map/labels.h"
#include "map/simplify.h"
#include "map/viewport.h"
#include "progress.h"

namespace giatlas {

class Workspace;

struct FeatureRange {
  std::uint32_t first = 0;  // in vertices (fills) or segments (outlines)
  std::uint32_t count = 0;
};

// One level of detail of a polygon layer, as flat float arrays the GPU takes as they are.
struct LodMesh {
  double tolerance = 0;                   // metres
  std::vector<float> triangles;           // x, y per vertex; 3 vertices per triangle
  std::vector<FeatureRange> tri_ranges;   // per feature
  std::vector<float> segments;            // x0, y0, x1, y1 per outline segment
  std::vector<FeatureRange> seg_ranges;   // per feature
};

struct PolygonLayer {
  std::string name;  // townships | villages | zones | any name (benchmarks)
  std::vector<std::int64_t> ids;
  std::vector<std::string> labels;   // label text per feature
  std::vector<std::string> classes;  // colour key per feature (the GI of a zone), "" = layer colour
  std::vector<MultiPolygon> geom;    // full detail, map metres (hit testing)
  std::vector<Box> boxes;            // map metres
  std::vector<LabelAnchor> anchors;  // map metres
  std::vector<LodMesh> lods;         // finest first
  AttributeTable table;              // one row per feature
  std::size_t size() const { return ids.size(); }
};

struct PointLayer {
  std::string name;  // census_points | producers
  std::vector<std::int64_t> ids;
  std::vector<std::optional<Point>> pos;  // map metres; empty = no usable location (not drawn)
  std::vector<std::string> classes;       // census category / check result code
  AttributeTable table;
  std::size_t size() const { return ids.size(); }
};

// The production areas' layer name (build_scene; feature_colour.h colours it by check result).
inline constexpr const char* kAreasLayer = "production_areas";

struct MapScene {
  LocalProjection proj;
  Box extent;  // map metres, of everything
  std::vector<PolygonLayer> polygons;
  std::vector<PointLayer> points;

  PolygonLayer* polygon_layer(const std::string& name);
  PointLayer* point_layer(const std::string& name);
  const PolygonLayer* polygon_layer(const std::string& name) const;
  const PointLayer* point_layer(const std::string& name) const;
};

// DEFAULT: worker threads = the machine's hardware threads (at least 1).
struct SceneOptions {
  LodOptions lod;
  unsigned threads = 0;
};

// Projects, simplifies (each LOD), triangulates and anchors `lonlat` geometries, in parallel
// with one GEOS context per worker. ids / labels / classes / table are left for the caller.
// Throws Cancelled when progress is cancelled.
PolygonLayer make_polygon_layer(const std::string& name, const LocalProjection& proj,
                                const std::vector<MultiPolygon>& lonlat, const SceneOptions& options,
                                const Progress& progress);

// The projection a workspace is drawn in: centred on the box of its townships (or of `fallback`).
LocalProjection projection_for(const Box& lonlat_extent);

// Everything the map shows of a workspace: townships, villages, the zone version of each GI
// in force today (the latest when none is), production areas (classed by their area check
// today, map/scene_areas.cpp), census points, producers (class "unchecked").
MapScene build_scene(const Workspace& ws, const SceneOptions& options = SceneOptions(),
                     const Progress& progress = Progress());

// A producer's origin-check outcome as the map shows it.
struct ProducerResult {
  std::string result;  // check result code (inside, outside, …)
  std::string reason;  // human-readable reason
  std::string cause;     // cause code ("" = none): below_band, gcj02, …
  std::string altitude;  // DEM altitude in metres as text, or why there is none (dem_void, …)
};
// Colours producers by result and adds "check result", "check reason", "check cause" and
// "altitude (m)" columns to their table. Producers without a result (filtered out, or not
// checked) are "unchecked".
void apply_check_results(MapScene& scene, const std::map<std::int64_t, ProducerResult>& results);

// The production areas of a workspace as a polygon layer named kAreasLayer, each classed and
// described by its area check on `date` ("" = today): result, share, m² and 亩 outside, zone
// version. An empty layer for a workspace without areas (or a schema-3 file read-only).
PolygonLayer production_area_layer(const Workspace& ws, const LocalProjection& proj, const SceneOptions& options,
                                   const Progress& progress, const std::string& date = "");

}  // namespace giatlas
