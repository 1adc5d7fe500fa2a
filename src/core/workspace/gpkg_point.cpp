// GeoPackage point blobs (see gpkg_point.h). Bytes are assembled one by one, so the host's
// byte order and alignment never matter.
#include "workspace/gpkg_point.h"

#include <bit>
#include <cmath>
#include <cstdint>

namespace giatlas {

namespace {

std::uint32_t read_u32(const unsigned char* p, bool little) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= std::uint32_t{p[little ? i : 3 - i]} << (8 * i);
  return v;
}

double read_f64(const unsigned char* p, bool little) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= std::uint64_t{p[little ? i : 7 - i]} << (8 * i);
  return std::bit_cast<double>(v);
}

GpkgPoint bad(std::string why) { return {std::nullopt, std::move(why)}; }

// Coordinates per point for a WKB type code, 0 when it is not a point. ISO codes (1, 1001,
// 2001, 3001) and the older 2.5D flag (0x80000001) are both in use.
int point_dimensions(std::uint32_t type) {
  const bool z_flag = (type & 0x80000000u) != 0, m_flag = (type & 0x40000000u) != 0;
  const std::uint32_t base = type & 0x0FFFFFFFu;
  switch (base) {
    case 1: return 2 + (z_flag ? 1 : 0) + (m_flag ? 1 : 0);
    case 1001: case 2001: return 3;
    case 3001: return 4;
    default: return 0;
  }
}

}  // namespace

GpkgPoint read_gpkg_point(const unsigned char* data, std::size_t size) {
  constexpr std::size_t kHeader = 8;  // magic, version, flags, srs_id
  if (size < kHeader) return bad("blob of " + std::to_string(size) + " bytes is shorter than a GeoPackage header");
  if (data[0] != 'G' || data[1] != 'P') return bad("not a GeoPackage geometry (no 'GP' magic)");
  if (data[2] != 0) return bad("GeoPackage geometry version " + std::to_string(data[2]) + " is not supported");
  const unsigned flags = data[3];
  if (flags & 0x20u) return bad("extended GeoPackage geometry types are not supported");
  const unsigned envelope = (flags >> 1) & 0x07u;
  static constexpr std::size_t kEnvelopeBytes[] = {0, 32, 48, 48, 64};
  if (envelope > 4) return bad("invalid envelope indicator " + std::to_string(envelope));
  const std::size_t wkb = kHeader + kEnvelopeBytes[envelope];
  if (size < wkb) return bad("blob of " + std::to_string(size) + " bytes is shorter than its header");
  if (flags & 0x10u) return {};  // the empty-geometry flag
  if (size < wkb + 5) return bad("WKB of " + std::to_string(size - wkb) + " bytes is too short");
  const unsigned order = data[wkb];
  if (order > 1) return bad("WKB byte order " + std::to_string(order) + " is neither 0 nor 1");
  const bool little = order == 1;
  const int dims = point_dimensions(read_u32(data + wkb + 1, little));
  if (dims == 0) return {};  // not a point: no location, as OGR reads it
  const std::size_t need = wkb + 5 + 8 * static_cast<std::size_t>(dims);
  if (size < need)
    return bad("WKB point of " + std::to_string(size - wkb) + " bytes is shorter than its " +
               std::to_string(dims) + " coordinates");
  const double x = read_f64(data + wkb + 5, little), y = read_f64(data + wkb + 13, little);
  if (std::isnan(x) && std::isnan(y)) return {};  // WKB's "POINT EMPTY"
  return {Point{x, y}, {}};
}

}  // namespace giatlas
