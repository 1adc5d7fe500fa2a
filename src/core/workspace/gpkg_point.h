// Reading a point from a GeoPackage geometry blob (the "GP" header and a WKB point) without
// OGR, for the producer streamer (workspace/producer_rows.h). The layout is the GeoPackage
// standard's GeoPackageBinary: magic "GP", version, flags (bit 0 byte order of the header, bits
// 1-3 envelope indicator, bit 4 empty, bit 5 extended type), srs_id, envelope, then WKB.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "geo/geometry.h"

namespace giatlas {

// What a blob holds, read the way OGR reads it for a point layer: `point` is empty for an
// empty geometry (the header's empty flag, or a WKB point whose x and y are both NaN) and for
// a geometry that is not a point (a workspace's producers are points; OGR gives such a row no
// location too). Z and M values are read past and dropped. `problem` is "" when the blob is
// well formed; otherwise it says what is wrong ("blob of 7 bytes is shorter than its header")
// and `point` is empty.
struct GpkgPoint {
  std::optional<Point> point;
  std::string problem;
};

// REQUIRES: `data` points to `size` readable bytes (may be null when size is 0).
GpkgPoint read_gpkg_point(const unsigned char* data, std::size_t size);

}  // namespace giatlas
