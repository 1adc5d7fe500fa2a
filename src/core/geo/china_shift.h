// GCJ-02 (Amap, Tencent) and BD-09 (Baidu) map coordinates, which PROJ does not know:
// forward and inverse transforms from/to WGS84. CGCS2000 and WGS84 are treated as equal here
// (they differ by centimetres, far below these shifts of hundreds of metres).
#pragma once
#include "geo/geometry.h"

namespace giatlas {

// True when `p` (lon/lat, degrees) is in mainland China, where the shifts apply. Uses a
// mainland outline, not a rectangle: Hong Kong, Macau and Taiwan are outside.
bool in_mainland_china(const Point& p);

// WGS84 -> GCJ-02. Points outside mainland China are returned unchanged.
Point wgs84_to_gcj02(const Point& p);
// GCJ-02 -> WGS84, iterative; round-trips to better than 0.01 m. Outside mainland: unchanged.
Point gcj02_to_wgs84(const Point& p);
// GCJ-02 <-> BD-09 (no mainland test: Baidu applies it everywhere on top of GCJ-02).
Point gcj02_to_bd09(const Point& p);
Point bd09_to_gcj02(const Point& p);
// WGS84 <-> BD-09, through GCJ-02.
Point wgs84_to_bd09(const Point& p);
Point bd09_to_wgs84(const Point& p);

}  // namespace giatlas
