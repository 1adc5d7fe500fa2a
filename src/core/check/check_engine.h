// The prepared state of one origin check: the township index, one index and one boundary
// measure per zone version in force, and the per-producer classification over them.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "check/batch_locate.h"
#include "check/boundary_distance.h"
#include "check/origin_check.h"
#include "check/point_index.h"
#include "geo/gdal.h"
#include "terrain/dem.h"
#include "workspace/model.h"

namespace giatlas {

// One zone version in force, prepared for queries.
struct PreparedZone {
  std::uint32_t slot = 0;  // its position in CheckEngine::zones() (a LocateQuery's zone)
  ZoneUsed info;
  PointIndex index;
  BoundaryDistance boundary;
  // For a zone cut to an altitude band: where its units lie (a point there but outside the
  // zone is off the band, and the reason says so). Empty otherwise.
  std::optional<PointIndex> units;
};

// Sets a row's reason in English and in Chinese (say), or adds a clause to both (add).
void say(ProducerCheck& row, const std::string& en, const std::string& zh);
void add(ProducerCheck& row, const std::string& en, const std::string& zh);

// Per-thread scratch state: coordinate transforms are not shareable between threads.
class CheckWorker {
 public:
  // Lon/lat -> Gauss–Krüger of `epsg`, created on first use.
  OGRCoordinateTransformation& to_gk(int epsg);
  // Gauss–Krüger `epsg` -> lon/lat, created on first use (for the "projected metres" cause).
  OGRCoordinateTransformation& from_gk(int epsg);

 private:
  std::map<int, OgrTransform> to_gk_, from_gk_;
};

class CheckEngine {
 public:
  // Builds every index once. `zones` are the versions in force (one per GI). `villages` give
  // the units of band zones made of villages; `dem` (may be null) gives every located producer
  // its altitude. REQUIRES: at least one township with geometry (Error otherwise).
  CheckEngine(std::vector<Township> townships, std::vector<ZoneVersion> zones, CheckOptions options,
              const std::vector<Village>& villages = {}, std::shared_ptr<const DemGrid> dem = nullptr);

  // Classifies one producer. Thread-safe given one worker per thread.
  ProducerCheck check(const Producer& p, CheckWorker& worker) const;
  // Classifies `in` into `out` (same order) over options.threads threads; polls `progress`
  // for cancellation. Each thread locates its share of the points in one batch (spatial
  // order, see BatchLocator), measures their distances to their zones' boundaries in one
  // batch per zone (BoundaryDistance::distances_m), then finishes producer by producer. The result of each
  // producer depends only on that producer: the same as check() gives it.
  void check_all(const std::vector<Producer>& in, std::vector<ProducerCheck>& out, const Progress& progress) const;
  // The same, moving each producer's name, credit code and GI name into its row instead of
  // copying them (a streamed check drops its chunk afterwards): `in` keeps the other fields.
  // `threads` > 0 overrides options().threads (a streamed check runs one chunk per thread).
  void check_all(std::vector<Producer>&& in, std::vector<ProducerCheck>& out, const Progress& progress,
                 int threads = 0) const;

  const PointIndex& township_index() const { return town_index_; }
  const std::vector<Township>& townships() const { return townships_; }
  // The prepared zone for `gi`, nullptr when none is in force.
  const PreparedZone* zone(const std::string& gi) const;
  const std::vector<std::unique_ptr<PreparedZone>>& zones() const { return zones_; }
  const CheckOptions& options() const { return options_; }
  int thread_count() const;

 private:
  // check_all's work; `consumed` (the same vector as `in`, or null) gives up its names.
  void check_all(const std::vector<Producer>& in, std::vector<Producer>* consumed, std::vector<ProducerCheck>& out,
                 const Progress& progress, int max_threads) const;
  // The rest of check() once the point is located and measured: result, reason, cause.
  // `where` holds the township and zone hits and `distance` the zone boundary's distance_m
  // (both unused for an invalid location or a GI without a zone). Leaves the row's name,
  // credit code and GI empty: the caller copies or moves them.
  ProducerCheck finish(const Producer& p, const PreparedZone* zone, const LocateAnswer& where, double distance,
                       CheckWorker& worker) const;
  void diagnose_located(const Point& loc, const PreparedZone& zone, CheckWorker& worker, ProducerCheck& row) const;
  void diagnose_invalid(const Producer& p, const PreparedZone* zone, CheckWorker& worker, ProducerCheck& row) const;
  // For a point outside a band zone but in its units: the altitude reason. False when it does not apply.
  bool explain_band(const Point& loc, const PreparedZone& zone, ProducerCheck& row) const;

  CheckOptions options_;
  std::shared_ptr<const DemGrid> dem_;
  std::vector<Township> townships_;  // sorted by code then name: the township rule's order
  PointIndex town_index_;
  std::vector<std::unique_ptr<PreparedZone>> zones_;
  std::map<std::string, const PreparedZone*> by_gi_;
  std::vector<const PointIndex*> zone_indexes_;  // zones_[k]->index, for BatchLocator
};

}  // namespace giatlas
