// Optimistic concurrency: an edit remembers the state it started from, and a save finding that
// someone else saved the same record meanwhile is refused, naming who and when, instead of
// overwriting their work. The refused values stay with the caller (nothing is lost): it can
// compare, and save again on top of the newer state once the person has seen it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "error.h"

namespace giatlas {

class Workspace;

// Thrown, writing nothing, by a save whose record changed since the edit began. The message is
// one sentence ("save zone for 'X': edited from version 2, but version 3 was saved meanwhile by
// ana at 2026-11-30T06:30:00Z; nothing saved"); the fields let a front end offer the comparison
// without reading the text.
class EditConflict : public Error {
 public:
  EditConflict(const std::string& message, std::string table, std::int64_t row_id, std::string who,
               std::string when, int newer_version = 0)
      : Error(message), table_(std::move(table)), row_id_(row_id), who_(std::move(who)),
        when_(std::move(when)), newer_version_(newer_version) {}
  const std::string& table() const { return table_; }
  std::int64_t row_id() const { return row_id_; }  // the record saved meanwhile
  const std::string& who() const { return who_; }  // "" when the workspace does not know
  const std::string& when() const { return when_; }
  int newer_version() const { return newer_version_; }  // zones: the newest version now

 private:
  std::string table_;
  std::int64_t row_id_;
  std::string who_, when_;
  int newer_version_;
};

// Who is saving: the database user of a PostGIS workspace (session_user), else the computer's
// login name ("" when unknown).
std::string saving_user(const Workspace& ws);

struct RowChange {
  std::string who, when;
};
// The last change of row `row_id` of `table` in a PostGIS workspace's audit trail; nullopt for a
// GeoPackage, a workspace without one, or a row it has no entry for.
std::optional<RowChange> last_row_change(const Workspace& ws, const std::string& table, std::int64_t row_id);

// " by ana at 2026-11-30 06:30:00+00" / " by ana" / " at …" / "" (what is known of a change).
std::string by_whom_text(const std::string& who, const std::string& when);

}  // namespace giatlas
