// Locating many points at once: each point in the township index and in the index of the zone
// its producer claims. The answers are those of PointIndex::locate, in input order; only the
// order of the queries changes. Points are first binned on a coarse grid over the district and
// queried bin by bin, so consecutive queries read the same cache lines and memory pages of the
// indexes. In input order (producers are listed by id, scattered over the district) nearly
// every query missed the cache twice, once per index, and the misses were most of the time.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "check/point_index.h"

namespace giatlas {

struct LocateQuery {
  Point p;
  // Index into the locator's zones; kNoZone when the producer's GI has no zone in force.
  std::uint32_t zone = kNoZone;
  static constexpr std::uint32_t kNoZone = 0xFFFFFFFFu;
};

struct LocateAnswer {
  PointHit town;  // in the township index
  PointHit zone;  // in the claimed zone's index; default (not covered) when there is none
};

// One per thread: it keeps its scratch buffers between calls, so a thread that locates chunk
// after chunk allocates (and page-faults) once. The indexes are shared and read only.
class BatchLocator {
 public:
  // REQUIRES: the indexes outlive the locator. `zones[k]` may not be null.
  BatchLocator(const PointIndex& towns, std::vector<const PointIndex*> zones);

  // out[i] = {towns.locate(in[i].p), zones[in[i].zone]->locate(in[i].p)}.
  // REQUIRES: out.size() == in.size(); every in[i].zone < zone count or kNoZone (Error
  // otherwise). Points outside the townships' bounds, or not finite, are answered too.
  void locate(std::span<const LocateQuery> in, std::span<LocateAnswer> out);

  // Bins per side of the ordering grid. 64 x 64 bins over Wulong District are 1.2 km
  // squares: the index data under one bin is a few kilobytes, and 4,096 output runs still
  // fit the core's caches while the points are distributed.
  static constexpr unsigned kBinBits = 6;
  static_assert(2 * kBinBits <= 16, "bin numbers are 16-bit");

 private:
  struct Sorted {
    Point p;
    std::uint32_t index;  // position in the input
    std::uint32_t zone;
  };
  const PointIndex* towns_;
  std::vector<const PointIndex*> zones_;
  std::vector<std::uint16_t> bin_;
  std::vector<std::uint32_t> start_;
  std::vector<Sorted> sorted_;
  std::vector<LocateAnswer> answers_;
};

}  // namespace giatlas
