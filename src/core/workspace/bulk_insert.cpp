// Many rows into one table (see bulk_insert.h).
#include "workspace/bulk_insert.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "error.h"
#include "workspace/postgis_store.h"

namespace giatlas {

namespace {

constexpr const char* kCopyOption = "PG_USE_COPY";

std::int64_t to_id(const std::string& text) {
  std::int64_t v = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) throw Error("not an id: '" + text + "'");
  return v;
}

// Whether the table is under row-level security (COPY FROM refuses such a table).
bool row_security(GDALDataset& ds, const std::string& table) {
  return pg_scalar(ds, "SELECT relrowsecurity::int FROM pg_class WHERE oid = to_regclass(" + sql_literal(table) +
                           ")").value_or("0") == "1";
}

}  // namespace

std::string copy_refusal(const std::string& message) {
  auto line_after = [&](const std::string& head) -> std::string {
    const auto p = message.find(head);
    if (p == std::string::npos) return "";
    std::string l = message.substr(p + head.size());
    if (const auto nl = l.find('\n'); nl != std::string::npos) l.resize(nl);
    while (!l.empty() && l.front() == ' ') l.erase(0, 1);
    return l;
  };
  std::string reason = line_after("ERROR:");
  if (reason.empty()) {
    reason = message;
    if (const auto nl = reason.find('\n'); nl != std::string::npos) reason.resize(nl);
  }
  // "COPY producers, line 40001: …": the row of the load, counted from 1.
  const std::string context = line_after("CONTEXT:");
  if (const auto p = context.find(", line "); p != std::string::npos) {
    std::size_t e = p + 7;
    while (e < context.size() && std::isdigit(static_cast<unsigned char>(context[e]))) ++e;
    if (e > p + 7) reason += " (row " + context.substr(p + 7, e - p - 7) + " of the load; nothing of it was saved)";
  }
  return "the server refused the load: " + reason;
}

namespace {

// The ids of `n` new rows of `layer`, taken from its sequence.
IdBlock pg_reserve_ids(GDALDataset& ds, OGRLayer& layer, std::size_t n) {
  IdBlock b;
  if (n == 0) return b;
  const char* fid = layer.GetFIDColumn();
  if (!fid || !*fid) throw Error(std::string("table ") + layer.GetName() + " has no id column");
  const std::string seq =
      "pg_get_serial_sequence(" + sql_literal(layer.GetName()) + ", " + sql_literal(fid) + ")";
  const std::string count = std::to_string(n);
  // One row back: the run taken, when nobody else took ids in between (the usual case).
  const auto row = pg_rows(ds, "SELECT min(v)::text, max(v)::text FROM (SELECT nextval(" + seq +
                                   ") AS v FROM generate_series(1, " + count + ")) s");
  if (row.size() != 1 || row[0].size() != 2) throw Error(std::string("cannot reserve ids for ") + layer.GetName());
  const std::int64_t lo = to_id(row[0][0]), hi = to_id(row[0][1]);
  if (hi - lo + 1 == static_cast<std::int64_t>(n)) {
    b.first = lo;
    return b;
  }
  // Interleaved with another writer: take a fresh set and keep each one (unused ids are harmless).
  const auto list = pg_scalar(ds, "SELECT string_agg(v::text, ',' ORDER BY v) FROM (SELECT nextval(" + seq +
                                      ") AS v FROM generate_series(1, " + count + ")) s");
  if (!list) throw Error(std::string("cannot reserve ids for ") + layer.GetName());
  std::size_t a = 0;
  while (a <= list->size()) {
    std::size_t e = list->find(',', a);
    if (e == std::string::npos) e = list->size();
    b.list.push_back(to_id(list->substr(a, e - a)));
    a = e + 1;
  }
  if (b.list.size() != n) throw Error(std::string("cannot reserve ids for ") + layer.GetName());
  return b;
}

}  // namespace

PgDeferredIndexes::PgDeferredIndexes(GDALDataset* pg, OGRLayer& layer, std::size_t rows) : pg_(pg) {
  if (!pg_ || rows < kMinRows) return;
  const std::string table = sql_literal(layer.GetName());
  // reltuples: the planner's row estimate (-1 before the first analyse: an empty new table).
  // The workspace's own function (its guards, pg_roles.cpp) lets anyone who may add rows defer
  // the indexes; without it (a workspace set up before), only the tables' owner can.
  const auto state = pg_rows(*pg_,
      "SELECT pg_has_role(c.relowner, 'USAGE')::int, greatest(c.reltuples, 0)::bigint, "
      "coalesce(has_function_privilege(to_regprocedure(quote_ident(current_schema()) || "
      "'.giatlas_defer_spatial_indexes(text)'), 'EXECUTE'), false)::int, quote_ident(current_schema()) "
      "FROM pg_class c WHERE c.oid = to_regclass(" + table + ")");
  if (state.size() != 1 || std::atoll(state[0].at(1).c_str()) > static_cast<long long>(rows)) return;
  const bool owner = state[0].at(0) == "1", function = state[0].at(2) == "1";
  if (function) {
    const std::string schema = state[0].at(3);
    if (std::atoi(pg_scalar(*pg_, "SELECT " + schema + ".giatlas_defer_spatial_indexes(" + table + ")").value_or("0").c_str()) > 0)
      rebuild_at_ = schema + ".giatlas_rebuild_indexes";
    return;
  }
  if (!owner) return;
  const auto indexes = pg_rows(*pg_,
      "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid) "
      "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_am a ON a.oid = c.relam WHERE i.indrelid = to_regclass(" + table + ") AND a.amname = 'gist' "
      "AND NOT i.indisunique ORDER BY 1");
  for (const auto& ix : indexes) {
    pg_scalar(*pg_, "DROP INDEX " + ix.at(0));
    definitions_.push_back(ix.at(1));
  }
}

void PgDeferredIndexes::rebuild() {
  // The workspace's deferred trigger would build them at commit; now, so that a failure is this
  // load's, reported before the commit.
  if (!rebuild_at_.empty()) pg_scalar(*pg_, "SET CONSTRAINTS " + rebuild_at_ + " IMMEDIATE");
  rebuild_at_.clear();
  for (const std::string& def : definitions_) pg_scalar(*pg_, def);
  definitions_.clear();
}

PgCopyMode::PgCopyMode(GDALDataset* pg, OGRLayer& layer) : pg_(pg) {
  if (!pg_ || row_security(*pg_, layer.GetName())) return;
  // GDAL's PostgreSQL driver reads the option on a table's first row written through this
  // connection and keeps the choice for that table: later rows (ours all carry their id, so
  // either way is right) go the same way.
  if (const char* was = CPLGetThreadLocalConfigOption(kCopyOption, nullptr)) saved_ = was;
  CPLSetThreadLocalConfigOption(kCopyOption, "YES");
  on_ = true;
}

PgCopyMode::~PgCopyMode() {
  if (on_) CPLSetThreadLocalConfigOption(kCopyOption, saved_ ? saved_->c_str() : nullptr);
}

void PgCopyMode::end() {
  // Any statement ends the driver's COPY stream; what the server refused in it is reported then,
  // as the driver's several lines ("COPY statement failed.", "ERROR: …", "DETAIL: the row's
  // values", "CONTEXT: COPY t, line N: …"): one line of it is the server's reason and the row.
  if (!on_) return;
  try {
    pg_scalar(*pg_, "SELECT 1");
  } catch (const Error& e) {
    throw Error(copy_refusal(e.what()));
  }
}

bool pg_may_set_ids(GDALDataset& ds, OGRLayer& layer) {
  const char* fid = layer.GetFIDColumn();
  if (!fid || !*fid) return false;
  return pg_scalar(ds, "SELECT coalesce(has_sequence_privilege(pg_get_serial_sequence(" + sql_literal(layer.GetName()) +
                           ", " + sql_literal(fid) + "), 'UPDATE'), false)::int")
             .value_or("0") == "1";
}

BulkInsert::BulkInsert(GDALDataset* pg, OGRLayer& layer, std::size_t rows) : pg_(pg), layer_(layer), count_(rows) {
  if (!pg_ || rows == 0 || !pg_may_set_ids(*pg_, layer_)) return;
  explicit_ids_ = true;
  ids_ = pg_reserve_ids(*pg_, layer_, rows);
  copy_.emplace(pg_, layer_);
  if (copy_->on()) indexes_.emplace(pg_, layer_, rows);
}

std::int64_t BulkInsert::add(OGRFeature& f) {
  if (explicit_ids_) {
    if (next_ >= count_) throw Error(std::string("more rows than announced for ") + layer_.GetName());
    f.SetFID(ids_.at(next_++));
  }
  GdalErrorLog log;  // the server's reason comes first, the driver's guesses after it
  if (layer_.CreateFeature(&f) != OGRERR_NONE)
    throw Error(std::string("writing to ") + layer_.GetName() + " failed: " + log.first());
  const GIntBig id = f.GetFID();
  if (id == OGRNullFID) throw Error(std::string("writing to ") + layer_.GetName() + " failed: no id came back");
  return id;
}

void BulkInsert::finish() {
  if (copy_ && next_ > 0) copy_->end();
  if (indexes_) indexes_->rebuild();
}

}  // namespace giatlas
