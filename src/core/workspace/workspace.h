// A GI Atlas workspace: one GeoPackage holding a district's townships, GI register, versioned
// zones, census points, producers, inspectors and inspections (schema in workspace/schema.h).
// The same tables open in QGIS and ogrinfo.
#pragma once
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "geo/gdal.h"
#include "workspace/model.h"
#include "workspace/pg_refusal.h"
#include "workspace/store_address.h"

namespace giatlas {

struct TableInfo {
  std::string name;
  std::int64_t rows = 0;
  bool spatial = false;
};

// How long a workspace waits for another process's lock on its file before it gives up, and how
// it says that it waits. A writer takes the file's write lock when its change begins (before an
// import reads its input), so two writers queue instead of the second failing at its end; a
// reader waits only while another process commits; a commit waits for readers to finish.
// The wait is SQLite's busy timeout: Ctrl-C takes effect when it ends. DEFAULT: 10 s, silent.
struct LockWait {
  std::chrono::milliseconds limit{10000};
  // Called before a wait with "waiting for P: locked by another process (pid …: …), up to 10 s".
  std::function<void(const std::string&)> waiting;
};

class Workspace {
 public:
  // Creates a new, empty workspace. Throws Error when `path` exists.
  // `path` may be a PostgreSQL connection ("PG:dbname=gi host=…"): the workspace is then a
  // schema of that database, named by active_schema=NAME or, by default, giatlas_<code>
  // (giatlas without a code); the same tables, in EPSG:4490 with GiST indexes.
  static Workspace create(const std::string& path, const std::string& district_name,
                          const std::string& district_code = "", bool synthetic = false);
  // Opens an existing workspace for reading and writing (read_only: reading only).
  // An interrupted change (a hot "-journal" left by a killed process or a power cut) is rolled
  // back first when the file and its folder can be written, whatever `read_only` says;
  // rolled_back_interrupted_change() then says so, for the front end to tell the user once.
  // Throws one-line Errors: "open workspace P: no such file", "…: read-only file" (a writer on a
  // file it cannot write), "…: interrupted change needs write access to roll back", "…: locked by
  // another process"; "P is not a GI Atlas workspace (…)" only for files that are not one (a
  // real GeoPackage is never called "not a GeoPackage"); a clear Error for a newer schema.
  // Another process's lock: waits as `wait` says, then "…: locked by another process (pid 4242,
  // user ana: giatlas-cli import …); gave up after 10 s".
  static Workspace open(const std::string& path, bool read_only = false, LockWait wait = {});

  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

  // The address to open it again with: the file, or the connection string naming its schema.
  const std::string& path() const { return path_; }
  // The same for messages and reports: a connection's password is "***".
  const std::string& shown() const { return shown_; }
  bool postgis() const { return postgis_; }
  // PostGIS: the connected user's workspace role, read when the workspace was opened
  // (workspace/pg_roles.h); empty for a GeoPackage and for users with none.
  const WorkspaceRole& role() const { return role_; }
  // True when open() found an interrupted change and rolled it back (the file is as it was
  // before that change began).
  bool rolled_back_interrupted_change() const { return rolled_back_; }
  Metadata metadata() const;
  void set_synthetic(bool synthetic);
  std::vector<TableInfo> tables() const;

  // --- reading -----------------------------------------------------------------------------
  std::vector<Township> townships() const;
  std::vector<Village> villages() const;
  std::vector<GiProduct> gi_products() const;
  std::optional<GiProduct> gi_product(const std::string& name) const;
  std::optional<GiProduct> gi_product(std::int64_t id) const;  // by id, nullopt when none
  // All versions, ordered by GI name then version; `gi` = "" for every GI.
  std::vector<ZoneVersion> zone_versions(const std::string& gi = "") const;
  // The version of `gi`'s zone in force on `date`, by the one rule of workspace/zone_in_force.h
  // (effective_from <= date < effective_to; the highest version wins where versions overlap).
  std::optional<ZoneVersion> zone_in_force(const std::string& gi, const std::string& date) const;
  std::vector<CensusPoint> census_points() const;
  std::vector<Producer> producers() const;
  // Streams producers in id order without holding them all (for million-row workspaces): for a
  // GeoPackage straight through SQLite (workspace/producer_rows.h), about 10 times faster than
  // OGR on a million rows; through OGR when the dataset gives no SQLite handle.
  void for_each_producer(const std::function<void(Producer&&)>& fn) const;
  // The same read through OGR feature by feature, whatever the store: the reference the fast
  // reader is tested against.
  void for_each_producer_ogr(const std::function<void(Producer&&)>& fn) const;
  std::int64_t producer_count() const;
  std::optional<Producer> producer(std::int64_t id) const;  // by id, nullopt when none
  std::vector<Inspector> inspectors() const;
  std::vector<Inspection> inspections() const;

  // --- writing (ids are assigned and written back) -----------------------------------------
  void add_townships(std::vector<Township>& rows);
  void add_villages(std::vector<Village>& rows);
  // REQUIRES: gi_product_problem(row) is "" (workspace/gi_register.h), else Error; names are unique.
  void add_gi_product(GiProduct& row);
  void update_gi_product(const GiProduct& row);  // matched by id
  void add_census_points(std::vector<CensusPoint>& rows);
  // Rewrites census point `row.id` (Error when it does not exist).
  void update_census_point(const CensusPoint& row);
  // Deletes census point `id` (Error when it does not exist).
  void remove_census_point(std::int64_t id);
  std::optional<CensusPoint> census_point(std::int64_t id) const;
  void add_producers(std::vector<Producer>& rows);
  // Adds producers as `produce` hands them to its sink, in one transaction, at most `at_most`
  // of them: an import writes each row as soon as it is checked, so a PostGIS server stores rows
  // while the rest are still being checked. The sink may move from the row. Returns how many.
  using ProducerSink = std::function<void(Producer&)>;
  std::size_t add_producers_from(std::size_t at_most, const std::function<void(const ProducerSink&)>& produce);
  // Rewrites each producer (by id) with the row's fields. Error when an id does not exist.
  void update_producers(const std::vector<Producer>& rows);
  void add_inspectors(std::vector<Inspector>& rows);
  // Rewrites inspector `row.id` (Error when it does not exist).
  void update_inspector(const Inspector& row);
  void add_inspections(std::vector<Inspection>& rows);

  // Saves `v` as a new version of v.gi's zone: version = last + 1, and the version in force
  // so far gets effective_to = v.effective_from. Never overwrites geometry or attributes of an
  // older version. REQUIRES: v.gi in the register, v.effective_from later than the previous
  // version's effective_from (Error otherwise). DEFAULT: effective_from "" means today.
  // `based_on`: the version the edit started from (0: the GI had no zone); when another version
  // is the newest by the time of saving, EditConflict (workspace/edit_conflict.h) names who saved
  // it and when, and nothing is written. DEFAULT: nullopt, no such check (a zone made afresh).
  // Records saved_by and saved_at. DEFAULT: "" = saving_user and now (the sample generator names
  // its own, so that its file is the same at every run; save_zone always leaves them "").
  ZoneVersion save_zone_version(ZoneVersion v, std::optional<int> based_on = std::nullopt);

  // Files a PostGIS workspace keeps in its database (its DEM): stored (replacing one of the same
  // name) and read back. Error on a GeoPackage workspace, whose files lie beside it.
  void put_file(const std::string& name, const std::string& bytes);
  std::optional<std::string> stored_file(const std::string& name) const;

  // Key/value settings stored in the workspace (layer styles and the like).
  std::string setting(const std::string& key, const std::string& fallback = "") const;
  void set_setting(const std::string& key, const std::string& value);

  // One unit of change: every write between begin() and commit() lands together or not at all.
  // A Transaction that is destroyed without commit() rolls back. Beginning one takes the file's
  // write lock at once (see LockWait), so a second writer learns early that it has to wait. GDAL's own error lines stay
  // quiet while it is open: a failed write is one Error ("write workspace P: no space left on
  // device", "…: locked by another process"), not GDAL's lines and then ours.
  class Transaction {
   public:
    // `table`: what the change writes, for the sentence that names it when the database refuses
    // ("your role (viewer) cannot change zones"); nullptr when it writes several.
    explicit Transaction(Workspace& ws, const char* table = nullptr);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

   private:
    QuietGdalErrors quiet_;  // constructed first, destroyed last: covers the rollback too
    Workspace& ws_;
    bool done_ = false;
  };

  GDALDataset& dataset() const { return *ds_; }
  // The PostGIS connection, nullptr for a GeoPackage.
  GDALDataset* pg_dataset() const { return postgis_ ? ds_.get() : nullptr; }

 private:
  Workspace(std::string path, GdalDataset ds);
  static Workspace create_postgis(const StoreAddress& a, const std::string& district_name,
                                  const std::string& district_code, bool synthetic);
  static Workspace open_postgis(const StoreAddress& a, bool read_only, LockWait wait);
  void set_lock_timeout(std::chrono::milliseconds ms);
  std::string lock_holder_text();
  OGRLayer& layer(const char* name) const;
  void touch_modified();
  // StartTransaction and take the write lock now (waiting as lock_wait_ says); `table` as Transaction's.
  void begin_write(const char* table);
  // Wraps in a transaction unless one is open; `table` as Transaction's.
  void with_write(const std::function<void()>& fn, const char* table = nullptr);
  // PostGIS: the one sentence for a refusal of the database in `error`, "" when it is none.
  std::string refusal(const std::string& error, const char* table) const;

  std::string path_;
  std::string shown_;
  bool postgis_ = false;
  GdalDataset ds_;
  int open_transactions_ = 0;
  bool rolled_back_ = false;
  LockWait lock_wait_;
  WorkspaceRole role_;
};

// Today's date in local time, "YYYY-MM-DD".
std::string today_iso();
// Now in UTC, "YYYY-MM-DDTHH:MM:SSZ".
std::string now_iso();

}  // namespace giatlas
