// A small workspace for the inspection tests: two townships side by side, one GI whose zone is
// the western township, producers in both (firms with credit codes, households without), and a
// roster whose home townships are known.
#pragma once
#include "test_support.h"
#include "workspace/credit_code.h"
#include "workspace/workspace.h"

namespace giatlas::test {

inline std::string valid_code(int n) {
  char first[18];
  std::snprintf(first, sizeof first, "91500156MA5U%05d", n);
  return std::string(first) + credit_code_check_char(first);
}

// Townships 西镇 [107.0, 107.1] and 东镇 [107.1, 107.2] x [29.0, 29.1]; GI 萝卜 zone = 西镇.
// Producers 1..n alternate between the townships; odd ids are firms (valid credit codes),
// even ids households (no code). Inspectors: 4 from 西镇, 4 from 东镇, 2 with no township.
inline Workspace inspection_workspace(const TempDir& dir, int producers = 40) {
  Workspace ws = Workspace::create(dir.file("ws.gpkg"), "武隆区", "500156");
  std::vector<Township> towns(2);
  towns[0].name = "西镇", towns[0].code = "500156001", towns[0].geom = square(107.0, 29.0, 0.1);
  towns[1].name = "东镇", towns[1].code = "500156002", towns[1].geom = square(107.1, 29.0, 0.1);
  ws.add_townships(towns);
  GiProduct g;
  g.name = "萝卜", g.status = "registered";
  ws.add_gi_product(g);
  ZoneVersion z;
  z.gi = "萝卜", z.effective_from = "2020-01-01", z.source = "drawn", z.geom = square(107.0, 29.0, 0.1);
  ws.save_zone_version(z);
  std::vector<Producer> ps;
  for (int i = 1; i <= producers; ++i) {
    Producer p;
    const bool west = i % 4 < 2;
    p.name = i % 2 ? "萝卜" + std::to_string(i) + "专业合作社" : "张三" + std::to_string(i) + "家庭农场";
    p.credit_code = i % 2 ? valid_code(i) : "";
    p.gi = "萝卜";
    p.township = west ? "西镇" : "东镇";
    p.location = Point{(west ? 107.0 : 107.1) + 0.002 * (i % 40) + 0.005, 29.05 + 0.001 * (i % 30)};
    ps.push_back(p);
  }
  ws.add_producers(ps);
  std::vector<Inspector> roster;
  for (int i = 1; i <= 10; ++i) {
    Inspector x;
    x.name = "执法员" + std::to_string(i);
    x.township = i <= 4 ? "西镇" : i <= 8 ? "东镇" : "";
    roster.push_back(x);
  }
  ws.add_inspectors(roster);
  return ws;
}

}  // namespace giatlas::test
