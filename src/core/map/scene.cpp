// Building map layers: projection, levels of detail, triangulation and label anchors, in
// parallel (see scene.h). The workspace-specific part is in scene_workspace.cpp.
#include "map/scene.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "map/tessellate.h"

namespace giatlas {
namespace {

MultiPolygon project(const LocalProjection& proj, const MultiPolygon& m) {
  MultiPolygon out = m;
  for (Polygon& p : out.polygons)
    for (Ring& r : p.rings)
      for (Point& pt : r) pt = proj.to_map(pt);
  return out;
}

void append_segments(const MultiPolygon& m, std::vector<float>& seg) {
  for (const Polygon& p : m.polygons)
    for (const Ring& r : p.rings)
      for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        seg.push_back(static_cast<float>(r[i].x));
        seg.push_back(static_cast<float>(r[i].y));
        seg.push_back(static_cast<float>(r[i + 1].x));
        seg.push_back(static_cast<float>(r[i + 1].y));
      }
}

// Per-feature results of the parallel phase, merged into the LodMesh arrays afterwards.
struct FeatureMesh {
  std::vector<std::vector<float>> tris;  // per level
  std::vector<std::vector<float>> segs;  // per level
};

FeatureMesh mesh_feature(const GeosContext& ctx, const MultiPolygon& full, const std::vector<double>& tolerances) {
  FeatureMesh fm;
  for (double tol : tolerances) {
    const MultiPolygon g = tol > 0 ? simplify_polygons(ctx, full, tol) : full;
    std::vector<float> tri;
    const std::vector<Point> t = triangulate(ctx, g);
    tri.reserve(t.size() * 2);
    for (const Point& p : t) {
      tri.push_back(static_cast<float>(p.x));
      tri.push_back(static_cast<float>(p.y));
    }
    std::vector<float> seg;
    append_segments(g, seg);
    fm.tris.push_back(std::move(tri));
    fm.segs.push_back(std::move(seg));
  }
  return fm;
}

}  // namespace

PolygonLayer make_polygon_layer(const std::string& name, const LocalProjection& proj,
                                const std::vector<MultiPolygon>& lonlat, const SceneOptions& options,
                                const Progress& progress) {
  PolygonLayer layer;
  layer.name = name;
  const std::size_t n = lonlat.size();
  layer.geom.resize(n);
  layer.boxes.resize(n);
  layer.anchors.resize(n);
  const std::vector<double> tolerances = lod_tolerances(options.lod);
  std::vector<FeatureMesh> meshes(n);

  std::atomic<std::size_t> next{0}, done{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&]() {
    GeosContext ctx;  // one per thread: GEOS contexts are not shareable
    try {
      for (std::size_t i = next++; i < n; i = next++) {
        progress.check_cancelled();
        layer.geom[i] = project(proj, lonlat[i]);
        layer.boxes[i] = bounds(layer.geom[i]);
        layer.anchors[i] = label_anchor(ctx, layer.geom[i]);
        meshes[i] = mesh_feature(ctx, layer.geom[i], tolerances);
        const std::size_t d = ++done;
        if (d % 64 == 0 || d == n) progress.report("map: " + name, static_cast<double>(d) / static_cast<double>(n));
      }
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = n;  // stop the other workers early
    }
  };
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n)));
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }
  if (failure) std::rethrow_exception(failure);

  layer.lods.resize(tolerances.size());
  for (std::size_t l = 0; l < tolerances.size(); ++l) {
    LodMesh& lod = layer.lods[l];
    lod.tolerance = tolerances[l];
    std::size_t nt = 0, ns = 0;
    for (const FeatureMesh& fm : meshes) nt += fm.tris[l].size(), ns += fm.segs[l].size();
    lod.triangles.reserve(nt);
    lod.segments.reserve(ns);
    for (FeatureMesh& fm : meshes) {
      lod.tri_ranges.push_back({static_cast<std::uint32_t>(lod.triangles.size() / 2),
                                static_cast<std::uint32_t>(fm.tris[l].size() / 2)});
      lod.seg_ranges.push_back({static_cast<std::uint32_t>(lod.segments.size() / 4),
                                static_cast<std::uint32_t>(fm.segs[l].size() / 4)});
      lod.triangles.insert(lod.triangles.end(), fm.tris[l].begin(), fm.tris[l].end());
      lod.segments.insert(lod.segments.end(), fm.segs[l].begin(), fm.segs[l].end());
      std::vector<float>().swap(fm.tris[l]);  // keep peak memory near one copy
      std::vector<float>().swap(fm.segs[l]);
    }
  }
  layer.ids.resize(n);
  layer.labels.resize(n);
  layer.classes.resize(n);
  return layer;
}

LocalProjection projection_for(const Box& e) {
  if (!e.valid()) return {107.75, 29.35};  // Wulong District, the project's first home
  return {e.center().x, e.center().y};
}

PolygonLayer* MapScene::polygon_layer(const std::string& name) {
  for (auto& l : polygons)
    if (l.name == name) return &l;
  return nullptr;
}
PointLayer* MapScene::point_layer(const std::string& name) {
  for (auto& l : points)
    if (l.name == name) return &l;
  return nullptr;
}
const PolygonLayer* MapScene::polygon_layer(const std::string& name) const {
  return const_cast<MapScene*>(this)->polygon_layer(name);
}
const PointLayer* MapScene::point_layer(const std::string& name) const {
  return const_cast<MapScene*>(this)->point_layer(name);
}

void apply_check_results(MapScene& scene, const std::map<std::int64_t, ProducerResult>& results) {
  PointLayer* p = scene.point_layer("producers");
  if (!p) return;
  for (std::size_t i = 0; i < p->size(); ++i) {
    const auto it = results.find(p->ids[i]);
    p->classes[i] = it == results.end() ? "unchecked" : it->second.result;
    p->table.set(i, "check result", it == results.end() ? "" : it->second.result);
    p->table.set(i, "check reason", it == results.end() ? "" : it->second.reason);
    p->table.set(i, "check cause", it == results.end() ? "" : it->second.cause);
    p->table.set(i, "altitude (m)", it == results.end() ? "" : it->second.altitude);
  }
}

}  // namespace giatlas
