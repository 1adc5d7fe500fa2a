// Small fixtures for the scope tests: a 3×3 grid of square townships (0.1° each) with real
// Wulong township names, villages in two of them, one registered GI, written into a fresh
// workspace in a unique temp directory.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"
#include "workspace/workspace.h"

namespace giatlas::test {

inline constexpr double kX0 = 107.5, kY0 = 29.2, kStep = 0.1;

inline Polygon square(double x0, double y0, double x1, double y1) {
  return Polygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}};
}

// The cell at column c, row r of the grid.
inline MultiPolygon cell(int c, int r) {
  return MultiPolygon{
      {square(kX0 + c * kStep, kY0 + r * kStep, kX0 + (c + 1) * kStep, kY0 + (r + 1) * kStep)}};
}

inline const std::vector<std::string>& grid_names() {
  static const std::vector<std::string> names{"仙女山街道", "白马镇", "双河镇", "江口镇", "火炉镇",
                                              "鸭江镇",     "羊角镇", "长坝镇", "桐梓镇"};
  return names;
}

inline std::string grid_code(int i) {
  return "500156" + std::string(i < 9 ? "00" : "0") + std::to_string(i + 1);
}

// Townships in row-major order: index = r * 3 + c.
inline std::vector<Township> grid_townships() {
  std::vector<Township> out;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) {
      const int i = r * 3 + c;
      Township t;
      t.name = grid_names()[static_cast<std::size_t>(i)];
      t.code = grid_code(i);
      t.kind = t.name.find("街道") != std::string::npos ? "街道" : "镇";
      t.vintage = 2021;
      t.geom = cell(c, r);
      out.push_back(t);
    }
  return out;
}

// Townships 0 and 1 each hold two villages (west and east halves).
inline std::vector<Village> grid_villages() {
  std::vector<Village> out;
  for (int i = 0; i < 2; ++i) {
    const double x0 = kX0 + i * kStep, y0 = kY0;
    for (int h = 0; h < 2; ++h) {
      Village v;
      v.name = grid_names()[static_cast<std::size_t>(i)].substr(0, 6) + (h ? "东村" : "西村");
      v.code = grid_code(i) + "20" + std::to_string(h);
      v.township_code = grid_code(i);
      v.geom = MultiPolygon{{square(x0 + h * kStep / 2, y0, x0 + (h + 1) * kStep / 2, y0 + kStep)}};
      out.push_back(v);
    }
  }
  return out;
}

inline const char* kGi = "武隆高山萝卜";

// A workspace with the grid, its villages and one registered GI (no zone yet).
inline Workspace grid_workspace(const std::string& path, bool synthetic = true) {
  Workspace ws = Workspace::create(path, "武隆区", "500156", synthetic);
  auto towns = grid_townships();
  ws.add_townships(towns);
  auto villages = grid_villages();
  ws.add_villages(villages);
  GiProduct gi;
  gi.name = kGi;
  gi.category = "特色农产品";
  gi.protection_type = "农产品地理标志";
  gi.status = "registered";
  ws.add_gi_product(gi);
  return ws;
}

}  // namespace giatlas::test
