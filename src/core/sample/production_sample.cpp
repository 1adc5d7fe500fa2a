// The sample's production areas, lots and yields (see production_sample.h).
#include "sample/production_sample.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "geo/china_shift.h"
#include "geo/geodesic.h"
#include "io/atomic_file.h"
#include "scope/local_metric.h"
#include "workspace/area_store.h"
#include "workspace/workspace.h"

namespace giatlas {
namespace {

struct Draft {
  ProductionArea area;
  double mu = 0;
  bool planned_inside = true;  // drawn inside the zone (or across its edge), not outside it
};

// An irregular field of 20–40 vertices around `centre` (lon/lat), radius about `r` metres.
MultiPolygon field(SampleRng& rng, const LocalMetric& m, const Point& centre, double r) {
  const Point c = m.forward(centre);
  const int n = 20 + static_cast<int>(rng.below(21));
  const double turn = rng.uniform(0, 2 * M_PI);
  Ring ring;
  for (int i = 0; i < n; ++i) {
    const double a = turn + 2 * M_PI * i / n;
    const double rr = r * rng.uniform(0.75, 1.0);
    ring.push_back(m.inverse({c.x + rr * std::cos(a), c.y + rr * 0.8 * std::sin(a)}));
  }
  ring.push_back(ring.front());
  return MultiPolygon{{Polygon{{ring}}}};
}

std::string crop_of(const std::string& gi) {
  const char* crops[][2] = {{"萝卜", "萝卜"}, {"白菜", "白菜"}, {"甘蓝", "甘蓝"}, {"枣", "猪腰枣"},
                            {"茶", "老鹰茶"}, {"辣椒", "辣椒"}, {"蜂蜜", "蜜源植物"}, {"黄精", "黄精"}};
  for (const auto& c : crops)
    if (gi.find(c[0]) != std::string::npos) return c[1];
  return "其他";
}

double yield_of(const std::string& gi) {
  const std::pair<const char*, double> yields[] = {{"萝卜", 3000}, {"白菜", 4000}, {"甘蓝", 3500}, {"枣", 800},
                                                   {"茶", 150},    {"辣椒", 1500}, {"蜂蜜", 20},   {"黄精", 600}};
  for (const auto& [k, v] : yields)
    if (gi.find(k) != std::string::npos) return v;
  return 1000;
}

std::string two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string kml_coords(const MultiPolygon& m) {
  std::string s;
  char buf[64];
  for (const Point& p : m.polygons.front().rings.front()) {
    const Point g = wgs84_to_gcj02(p);
    std::snprintf(buf, sizeof buf, "%.7f,%.7f ", g.x, g.y);
    s += buf;
  }
  return s;
}

}  // namespace

std::string areas_kml_path_for(const std::string& workspace_path) {
  std::string base = workspace_path;
  if (base.size() > 5 && base.compare(base.size() - 5, 5, ".gpkg") == 0) base.resize(base.size() - 5);
  return base + ".areas-gcj02.kml";
}

void add_production_sample(Workspace& ws, const Planter& planter, const std::vector<SampleTruth>& truth,
                           std::uint64_t seed, const std::string& kml_path) {
  SampleRng rng(seed * 0x2545F4914F6CDD1DULL + 99);
  const LocalMetric metric(107.75);
  std::map<std::int64_t, std::string> expected;
  for (const SampleTruth& t : truth) expected[t.producer_id] = t.expected;
  std::vector<Producer> inside, edge;
  std::set<std::string> gis;
  // At most 600 producers inside and 25 near the edge: a benchmark workspace of a million
  // producers gets the same few hundred areas as the sample.
  ws.for_each_producer([&](Producer&& p) {
    if (!p.location || planter.expected(p.gi, *p.location) == "unknown_gi") return;
    const std::string& e = expected[p.id];
    if (e == "inside" && inside.size() < 600) inside.push_back(std::move(p));
    else if (e == "inside_near_boundary" && edge.size() < 25) edge.push_back(std::move(p));
  });
  std::vector<Draft> drafts;
  std::map<std::int64_t, std::vector<std::size_t>> of_producer;
  int seq = 0;
  auto add_area = [&](const Producer* p, const std::string& gi, const MultiPolygon& g, bool planned_inside = true) {
    Draft d;
    d.planned_inside = planned_inside;
    ProductionArea& a = d.area;
    a.code = "WL-" + std::to_string(1000 + ++seq);
    const Point c = bounds(g).center();
    a.name = planter.township_of(c) + crop_of(gi) + "基地" + std::to_string(seq);
    if (p) {
      a.producer_id = p->id;
      a.producer_name = p->name;
      a.credit_code = p->credit_code;
    } else {
      a.producer_name = "未登记合作社" + std::to_string(seq);
    }
    a.gi = gi;
    a.crop = crop_of(gi);
    d.mu = geodesic_area(g) / kSquareMetresPerMu;
    a.declared_mu = std::round(d.mu * 10) / 10;
    a.survey_date = "2026-03-" + two(1 + static_cast<int>(rng.below(28)));
    a.source = "sample generator (synthetic)";
    a.geom = g;
    if (p) of_producer[p->id].push_back(drafts.size());
    drafts.push_back(std::move(d));
  };
  // A field wholly inside `gi`'s zone near `p` (or anywhere in the zone when none fits there).
  auto inside_field = [&](const std::string& gi, const Point& near) {
    for (int attempt = 0; attempt < 40; ++attempt) {
      const double r = rng.uniform(40, 120);
      Point c = near;
      if (attempt < 20) {
        const Point m = metric.forward(near);
        const double a = rng.uniform(0, 2 * M_PI), d = rng.uniform(50, 400);
        c = metric.inverse({m.x + d * std::cos(a), m.y + d * std::sin(a)});
      } else {
        c = planter.random_in_zone(rng, gi);
      }
      if (planter.expected(gi, c) == "inside" && planter.boundary_distance_m(gi, c) > r * 1.4)
        return field(rng, metric, c, r);
    }
    return MultiPolygon{};
  };
  // Most areas: inside, for every third producer planted inside (one or two each).
  std::vector<const Producer*> with_inside;
  for (std::size_t i = 0; i < inside.size(); i += 3) {
    const Producer& p = inside[i];
    const int n = 1 + static_cast<int>(rng.below(2));
    for (int k = 0; k < n; ++k)
      if (MultiPolygon g = inside_field(p.gi, *p.location); !g.empty()) add_area(&p, p.gi, g);
    with_inside.push_back(&p);
  }
  // Straddling: the point is inside near the edge, the base is centred on it and crosses the edge.
  for (std::size_t i = 0; i < edge.size() && i < 25; ++i)
    add_area(&edge[i], edge[i].gi, field(rng, metric, *edge[i].location, rng.uniform(80, 200)));
  // A few wholly outside the zone (in the district) for producers planted inside.
  for (std::size_t i = 1, n = 0; i < inside.size() && n < 6; i += 7) {
    const Producer& p = inside[i];
    for (int attempt = 0; attempt < 60; ++attempt) {
      const Point c = planter.random_in_district(rng);
      const double r = rng.uniform(50, 100);
      if (planter.expected(p.gi, c) == "outside" && planter.boundary_distance_m(p.gi, c) > r * 1.4) {
        add_area(&p, p.gi, field(rng, metric, c, r), false);
        ++n;
        break;
      }
    }
  }
  // Two outside the district, two of producers the workspace does not have.
  for (std::size_t i = 2, n = 0; i < inside.size() && n < 2; i += 11, ++n)
    add_area(&inside[i], inside[i].gi, field(rng, metric, planter.random_outside_district(rng), 80), false);
  for (int n = 0; n < 2 && !inside.empty(); ++n)
    if (MultiPolygon g = inside_field(inside[0].gi, *inside[0].location); !g.empty()) add_area(nullptr, inside[0].gi, g);

  std::vector<ProductionArea> areas;
  for (const Draft& d : drafts) areas.push_back(d.area);
  insert_production_areas(ws, areas);

  // Yields of every GI with areas.
  for (const Draft& d : drafts) gis.insert(d.area.gi);
  for (const std::string& gi : gis) {
    GiYield y;
    y.gi = gi;
    y.kg_per_mu = yield_of(gi);
    y.tolerance = 0.2;
    y.basis = "样例假设 sample assumption";
    set_gi_yield(ws, y);
  }

  // A season of lots: each producer with areas ships 1–3 lots that together stay well under
  // what its areas grow (20–40%, 10% for a straddling base); every 9th ships three times what
  // they can grow (planted, noted), and a producer whose only areas lie outside the zone ships
  // produce the zone cannot have grown (noted too).
  std::vector<Lot> lots;
  int lot_seq = 0, producer_seq = 0;
  for (const auto& [pid, idx] : of_producer) {
    const ProductionArea& first = drafts[idx.front()].area;
    double mu = 0, all_mu = 0;  // drawn inside (or across the edge): the lots are sized on it
    for (std::size_t i : idx) {
      all_mu += drafts[i].mu;
      if (drafts[i].planned_inside) mu += drafts[i].mu;
    }
    const bool straddles = [&] {
      for (const Producer& p : edge)
        if (p.id == pid) return true;
      return false;
    }();
    bool base_outside = true;  // every area of the producer drawn outside the zone: nothing grows inside
    for (std::size_t i : idx) base_outside = base_outside && !drafts[i].planned_inside;
    const bool over = ++producer_seq % 9 == 0 && !straddles && !base_outside;
    const double per_mu = base_outside ? all_mu : mu;  // a base wholly outside ships what it grows
    const double total = per_mu * yield_of(first.gi) * (over ? 3.0 : straddles ? 0.1 : rng.uniform(0.2, 0.4));
    const int n = 1 + static_cast<int>(rng.below(3));
    for (int k = 0; k < n; ++k) {
      Lot l;
      l.code = "WL" + std::to_string(kSampleSeason) + "-" + std::to_string(10000 + ++lot_seq);
      l.producer_id = pid;
      l.producer_name = first.producer_name;
      l.credit_code = first.credit_code;
      l.gi = first.gi;
      l.harvest_date = std::to_string(kSampleSeason) + "-" + two(6 + static_cast<int>(rng.below(5))) + "-" +
                       two(1 + static_cast<int>(rng.below(28)));
      l.quantity_kg = std::round(total / n);
      for (std::size_t i : idx) l.area_codes.push_back(drafts[i].area.code);
      if (over) l.note = kOverDeclaredNote;
      if (base_outside) l.note = kBaseOutsideNote;
      lots.push_back(std::move(l));
    }
  }
  insert_lots(ws, lots);

  // The KML a phone map app would export: 12 more fields of producers inside, in GCJ-02.
  std::string kml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"
                    "<Document><name>手机地图标注的基地（GCJ-02）</name>"
                    "<Schema name=\"基地\" id=\"fields\"><SimpleField name=\"地块编号\" type=\"string\"/>"
                    "<SimpleField name=\"统一社会信用代码\" type=\"string\"/><SimpleField name=\"产品\" type=\"string\"/>"
                    "</Schema><Folder><name>基地</name>\n";
  int k = 0;
  for (std::size_t i = 1; i < with_inside.size() && k < 12; i += 2) {
    const Producer& p = *with_inside[i];
    const MultiPolygon g = inside_field(p.gi, *p.location);
    if (g.empty()) continue;
    ++k;
    kml += "<Placemark><name>手机标注基地" + std::to_string(k) +
           "</name><ExtendedData><SchemaData schemaUrl=\"#fields\"><SimpleData name=\"地块编号\">WL-K" +
           std::to_string(100 + k) + "</SimpleData><SimpleData name=\"统一社会信用代码\">" + p.credit_code +
           "</SimpleData><SimpleData name=\"产品\">" + p.gi +
           "</SimpleData></SchemaData></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>" + kml_coords(g) +
           "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n";
  }
  kml += "</Folder></Document></kml>\n";
  AtomicFile f(kml_path, "sample areas KML");
  f.open();
  f.write(kml);
  f.commit();
}

}  // namespace giatlas
