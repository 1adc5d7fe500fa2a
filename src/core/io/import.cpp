// Import entry points: read the source, build the records of the kind asked for, and write them
// in one workspace transaction (nothing at all on a dry run or a failure).
#include "io/import.h"

#include <cctype>
#include <optional>
#include <set>

#include "error.h"
#include "geo/geos.h"
#include "io/import_build.h"
#include "io/value_text.h"
#include "workspace/workspace.h"

namespace giatlas {
namespace {

std::vector<Inspector> build_inspectors_impl(const SourceTable& t, ImportReport& r) {
  std::vector<Inspector> out;
  std::map<std::string, std::string> badges;
  for (const SourceRow& row : t.rows) {
    RowLedger led(r, row);
    Inspector in;
    in.name = t.cell(row, "name");
    in.unit = t.cell(row, "unit");
    in.badge = t.cell(row, "badge");
    if (in.name.empty()) led.reject("missing_name", "no inspector name");
    if (!led.rejected() && !in.badge.empty()) {
      auto [it, fresh] = badges.emplace(in.badge, row.where);
      if (!fresh) led.reject("duplicate_code", "badge " + in.badge + " already given at " + it->second);
    }
    if (!led.rejected()) {
      const std::string a = t.cell(row, "active");
      if (!a.empty()) {
        if (auto b = parse_yes_no(a)) in.active = *b;
        else led.warn("bad_value", "active '" + a + "' is not yes/no; read as active");
      }
      out.push_back(std::move(in));
    }
    led.done();
  }
  return out;
}

// The district's longitude from the workspace's townships (for metres without a zone number).
double district_lon(const Workspace& ws) {
  Box b;
  for (const Township& t : ws.townships()) b.expand(bounds(t.geom));
  return b.valid() ? b.center().x : std::numeric_limits<double>::quiet_NaN();
}

std::set<std::string> register_names(const Workspace& ws) {
  std::set<std::string> names;
  for (const GiProduct& g : ws.gi_products()) names.insert(g.name);
  return names;
}

void import_zones(Workspace& ws, const SourceTable& t, const ImportOptions& opt, ImportReport& r,
                  const Progress& progress) {
  auto parts = build_zone_parts(t, opt.gi, opt.allow_repair, r, progress);
  const std::set<std::string> reg = register_names(ws);
  GeosContext ctx;
  for (auto& [gi, z] : parts) {
    progress.check_cancelled();
    if (!reg.count(gi)) {
      r.created_gis.push_back(gi);
      r.notes.push_back("GI '" + gi + "' is not in the register: " +
                        (opt.dry_run ? "it would be added" : "added") + " as a candidate");
      if (!opt.dry_run) {
        GiProduct p;
        p.name = gi;
        p.status = "candidate";
        ws.add_gi_product(p);
      }
    }
    ZoneVersion v;
    v.gi = gi;
    v.geom = z.parts.size() == 1 ? z.parts.front() : union_all(ctx, z.parts);
    v.effective_from = !opt.effective_from.empty() ? opt.effective_from : z.effective_from;
    v.source = "imported";
    v.note = "imported from " + t.src.file + " layer " + t.src.layer_name + " (" + std::to_string(z.parts.size()) +
             " feature" + (z.parts.size() == 1 ? "" : "s") + ")";
    if (opt.dry_run) {
      r.notes.push_back("zone of '" + gi + "' would get a new version from " + std::to_string(z.parts.size()) +
                        " feature(s)");
      continue;
    }
    const ZoneVersion saved = ws.save_zone_version(std::move(v));
    r.notes.push_back("zone of '" + gi + "' saved as version " + std::to_string(saved.version) + " from " +
                      std::to_string(z.parts.size()) + " feature(s)");
  }
}

}  // namespace

const char* import_kind_name(ImportKind k) {
  switch (k) {
    case ImportKind::Townships: return "townships";
    case ImportKind::Villages: return "villages";
    case ImportKind::Zones: return "zones";
    case ImportKind::Census: return "census";
    case ImportKind::Producers: return "producers";
    case ImportKind::Inspectors: return "inspectors";
    case ImportKind::Areas: return "areas";
    case ImportKind::Lots: return "lots";
  }
  return "?";
}

ImportKind import_kind_from_name(const std::string& name) {
  std::string n;
  for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "townships" || n == "township") return ImportKind::Townships;
  if (n == "villages" || n == "village") return ImportKind::Villages;
  if (n == "zones" || n == "zone") return ImportKind::Zones;
  if (n == "census" || n == "census_points" || n == "census-points") return ImportKind::Census;
  if (n == "producers" || n == "producer") return ImportKind::Producers;
  if (n == "inspectors" || n == "inspector") return ImportKind::Inspectors;
  if (n == "areas" || n == "area" || n == "production_areas") return ImportKind::Areas;
  if (n == "lots" || n == "lot") return ImportKind::Lots;
  throw Error("unknown import kind '" + name +
              "': use townships, villages, zones, census, producers, inspectors, areas or lots");
}

ImportReport import_into(Workspace& ws, const std::string& source, const ImportOptions& opt,
                         const Progress& progress) {
  ImportReport r;
  r.kind = import_kind_name(opt.kind);
  r.dry_run = opt.dry_run;
  // One transaction for everything, GI candidates and zone versions included: any exception
  // (a workspace error, a cancel) rolls all of it back. It begins before the input is read, so
  // a workspace another process is writing is met (waited for, or refused) before that work.
  // A dry run opens none, so it also works on a workspace opened read-only.
  std::optional<Workspace::Transaction> tx;
  if (!opt.dry_run) tx.emplace(ws);
  SourceTable t = read_source(source, opt, r, progress);
  PointContext pctx;
  std::set<std::string> reg;
  switch (opt.kind) {
    case ImportKind::Producers: {
      reg = register_names(ws);
      pctx.gi_register = &reg;
      pctx.hint_lon = district_lon(ws);
      std::map<std::string, KnownProducer> known;
      ws.for_each_producer([&](Producer&& p) {
        std::string key = producer_key(p.credit_code, p.name, p.gi);
        known.emplace(std::move(key), KnownProducer{p.id, std::move(p.name)});
      });
      pctx.existing = &known;
      pctx.update_existing = opt.update_existing;
      // Rows matched to a producer carry its id: those update it (after all are checked); the
      // others are added as each is checked, so the store writes while the rest are read.
      std::vector<Producer> updates;
      if (opt.dry_run) {
        updates = build_producers(t, pctx, r, progress);
        std::erase_if(updates, [](const Producer& p) { return p.id == 0; });
      } else {
        ws.add_producers_from(t.rows.size(), [&](const Workspace::ProducerSink& add) {
          updates = build_producers(t, pctx, r, progress, add);
        });
      }
      progress.report("import: writing", 0.0);
      r.updated = static_cast<std::int64_t>(updates.size());
      if (!opt.dry_run) ws.update_producers(updates);
      break;
    }
    case ImportKind::Census: {
      pctx.hint_lon = district_lon(ws);
      auto rows = build_census(t, pctx, r, progress);
      progress.report("import: writing", 0.0);
      if (!opt.dry_run) ws.add_census_points(rows);
      break;
    }
    case ImportKind::Townships: {
      auto rows = build_townships(t, opt.allow_repair, r, progress);
      progress.report("import: writing", 0.0);
      if (!opt.dry_run) ws.add_townships(rows);
      break;
    }
    case ImportKind::Villages: {
      auto rows = build_villages(t, opt.allow_repair, r, progress);
      progress.report("import: writing", 0.0);
      if (!opt.dry_run) ws.add_villages(rows);
      break;
    }
    case ImportKind::Inspectors: {
      auto rows = build_inspectors_impl(t, r);
      progress.report("import: writing", 0.0);
      if (!opt.dry_run) ws.add_inspectors(rows);
      break;
    }
    case ImportKind::Zones:
      import_zones(ws, t, opt, r, progress);
      break;
    case ImportKind::Areas:
    case ImportKind::Lots:
      import_areas_or_lots(ws, t, opt, r, progress);
      break;
  }
  progress.check_cancelled();
  if (!r.balanced())
    throw Error("import " + source + ": internal accounting error (" + std::to_string(r.accepted) + " + " +
                std::to_string(r.rejected) + " != " + std::to_string(r.read) + ")");
  if (opt.dry_run) return r;
  tx->commit();
  progress.report("import: done", 1.0);
  return r;
}

ImportReport read_producers(const std::string& source, const ImportOptions& opt, std::vector<Producer>& out,
                            const Progress& progress) {
  ImportReport r;
  ImportOptions o = opt;
  o.kind = ImportKind::Producers;
  r.kind = import_kind_name(o.kind);
  r.dry_run = true;
  SourceTable t = read_source(source, o, r, progress);
  out = build_producers(t, PointContext{}, r, progress);
  return r;
}

std::vector<Inspector> build_inspectors(const SourceTable& t, ImportReport& r) { return build_inspectors_impl(t, r); }

}  // namespace giatlas
