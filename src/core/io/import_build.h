// The building half of an import: source rows -> workspace records, one builder per kind.
// Each builder accounts for every row in the report (accepted or rejected, with warnings).
#pragma once
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "io/import_source.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

// Records the row's outcome: adds problems, counts accepted / rejected / warned.
class RowLedger {
 public:
  RowLedger(ImportReport& r, const SourceRow& row) : r_(r), row_(row) {}
  void warn(const std::string& code, const std::string& message);
  // Marks the row rejected (the first call wins); the builder must then skip the row.
  void reject(const std::string& code, const std::string& message);
  bool rejected() const { return rejected_; }
  // Closes the row's accounting. Called exactly once per row.
  void done();

 private:
  ImportReport& r_;
  const SourceRow& row_;
  bool warned_ = false;
  bool rejected_ = false;
};

// Context the point builders need from the workspace (empty for read_producers).
// A producer already in the workspace, found by producer_key().
struct KnownProducer {
  std::int64_t id = 0;
  std::string name;
};
// "code\x1fGI" for a producer with a credit code (upper case), "\x1fname\x1fGI" without one.
std::string producer_key(const std::string& credit_code, const std::string& name, const std::string& gi);

struct PointContext {
  const std::set<std::string>* gi_register = nullptr;  // nullptr: unknown, no GI warning
  // Producers the workspace has, by producer_key(); nullptr: none are looked up.
  const std::map<std::string, KnownProducer>* existing = nullptr;
  bool update_existing = false;  // see ImportOptions::update_existing
  double hint_lon = std::numeric_limits<double>::quiet_NaN();  // district longitude for GK zones
};

// The producers of `t`, every row accounted for in `r`. With `added`, each accepted row that adds
// a producer goes there as soon as it is checked (which may move from it; it is not returned);
// rows updating a known producer are always returned.
std::vector<Producer> build_producers(const SourceTable& t, const PointContext& ctx, ImportReport& r,
                                      const Progress& progress,
                                      const std::function<void(Producer&)>& added = {});
std::vector<CensusPoint> build_census(const SourceTable& t, const PointContext& ctx, ImportReport& r,
                                      const Progress& progress);
std::vector<Township> build_townships(const SourceTable& t, bool allow_repair, ImportReport& r,
                                      const Progress& progress);
std::vector<Village> build_villages(const SourceTable& t, bool allow_repair, ImportReport& r,
                                    const Progress& progress);
std::vector<Inspector> build_inspectors(const SourceTable& t, ImportReport& r);

// Zones: the accepted polygons of each GI (--gi or the GI field), in source order.
struct ZoneParts {
  std::vector<MultiPolygon> parts;
  std::string effective_from;  // from the first row that gives one, "" = none
  std::vector<std::int64_t> rows;
};
std::map<std::string, ZoneParts> build_zone_parts(const SourceTable& t, const std::string& gi_option,
                                                  bool allow_repair, ImportReport& r, const Progress& progress);

// Production areas and lots (io/import_production.cpp): built against the workspace's producers,
// area codes and lot codes, and written unless opt.dry_run. A producer that cannot be matched is
// a warning (unmatched_producer), never a dropped row.
void import_areas_or_lots(Workspace& ws, const SourceTable& t, const ImportOptions& opt, ImportReport& r,
                          const Progress& progress);

}  // namespace giatlas
