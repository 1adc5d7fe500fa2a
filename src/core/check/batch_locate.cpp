// Batch point location in spatial order: a counting sort of the points into grid bins, the
// queries bin by bin, and the answers written back to input order.
#include "check/batch_locate.h"

#include <algorithm>

#include "error.h"

namespace giatlas {

BatchLocator::BatchLocator(const PointIndex& towns, std::vector<const PointIndex*> zones)
    : towns_(&towns), zones_(std::move(zones)) {
  for (const PointIndex* z : zones_)
    if (z == nullptr) throw Error("batch locate: a zone index is missing");
}

void BatchLocator::locate(std::span<const LocateQuery> in, std::span<LocateAnswer> out) {
  if (out.size() != in.size()) throw Error("batch locate: answer span has the wrong size");
  const std::size_t n = in.size();
  if (n > 0xFFFFFFFFu) throw Error("batch locate: more than 4,294,967,295 points in one batch");

  // Bins: a serpentine row order (west to east, then back), so the last bin of a row borders
  // the first of the next. Coordinates outside the bounds (or NaN) go to the edge bins;
  // PointIndex answers them like any other point.
  constexpr std::size_t side = std::size_t{1} << kBinBits;
  const Box& b = towns_->bounds();
  const double sx = static_cast<double>(side) / std::max(b.width(), 1e-12);
  const double sy = static_cast<double>(side) / std::max(b.height(), 1e-12);
  auto clamp_bin = [](double f) -> std::size_t {
    f = f > 0 ? f : 0.0;  // also NaN
    f = f < static_cast<double>(side - 1) ? f : static_cast<double>(side - 1);
    return static_cast<std::size_t>(f);
  };
  bin_.resize(n);
  start_.assign(side * side + 1, 0);
  bool bad_zone = false;
  for (std::size_t i = 0; i < n; ++i) {
    bad_zone |= in[i].zone != LocateQuery::kNoZone && in[i].zone >= zones_.size();
    const std::size_t cx = clamp_bin((in[i].p.x - b.minx) * sx);
    const std::size_t cy = clamp_bin((in[i].p.y - b.miny) * sy);
    const auto k = static_cast<std::uint16_t>(cy * side + ((cy & 1) ? side - 1 - cx : cx));
    bin_[i] = k;
    ++start_[k + 1u];
  }
  if (bad_zone) throw Error("batch locate: a query names a zone that does not exist");
  for (std::size_t k = 0; k < side * side; ++k) start_[k + 1] += start_[k];
  sorted_.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    sorted_[start_[bin_[i]]++] = {in[i].p, static_cast<std::uint32_t>(i), in[i].zone};

  // Queries in bin order, answers written sequentially: storing them straight to their input
  // positions stalled the loop on store misses.
  answers_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const Sorted& s = sorted_[k];
    LocateAnswer& a = answers_[k];
    a.town = towns_->locate(s.p);
    a.zone = s.zone == LocateQuery::kNoZone ? PointHit{} : zones_[s.zone]->locate(s.p);
  }
  for (std::size_t k = 0; k < n; ++k) out[sorted_[k].index] = answers_[k];
}

}  // namespace giatlas
