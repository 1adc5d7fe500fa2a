// Register and producer edits checked against the row they began from (see record_edits.h).
#include "workspace/record_edits.h"

#include "workspace/schema.h"
#include "workspace/workspace.h"

namespace giatlas {
namespace {

template <class T>
void differs(std::vector<std::string>& out, const char* name, const T& a, const T& b) {
  if (!(a == b)) out.emplace_back(name);
}

std::string list_text(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// Checks `now` (the row as stored) against `before`; true when the save may go on, false when
// the row already holds `after`.
template <class T>
bool check_unchanged(const Workspace& ws, const char* table, const std::string& what, const T& before,
                     const T& after, const std::optional<T>& now) {
  if (before.id != after.id) throw Error(what + ": the edit and the row it began from are different rows");
  if (!now) throw Error(what + " no longer exists (someone deleted it); nothing saved");
  T a = *now, b = before, c = after;
  a.id = b.id = c.id = 0;
  if (a == b) return true;
  if (a == c) return false;
  const std::vector<std::string> theirs = changed_fields(b, a);
  std::string who, when;
  if (const auto change = last_row_change(ws, table, before.id)) who = change->who, when = change->when;
  throw EditConflict(what + ": changed since you began editing it (" + list_text(theirs) + ")" +
                         by_whom_text(who, when) + "; your values are not saved",
                     table, before.id, who, when);
}

}  // namespace

std::vector<std::string> changed_fields(const GiProduct& a, const GiProduct& b) {
  std::vector<std::string> out;
  differs(out, "name", a.name, b.name);
  differs(out, "category", a.category, b.category);
  differs(out, "protection_type", a.protection_type, b.protection_type);
  differs(out, "status", a.status, b.status);
  differs(out, "registration_no", a.registration_no, b.registration_no);
  differs(out, "registration_date", a.registration_date, b.registration_date);
  differs(out, "holder", a.holder, b.holder);
  differs(out, "standard_no", a.standard_no, b.standard_no);
  differs(out, "standard_date", a.standard_date, b.standard_date);
  return out;
}

std::vector<std::string> changed_fields(const Producer& a, const Producer& b) {
  std::vector<std::string> out;
  differs(out, "name", a.name, b.name);
  differs(out, "credit_code", a.credit_code, b.credit_code);
  differs(out, "gi", a.gi, b.gi);
  differs(out, "authorised", a.authorised, b.authorised);
  differs(out, "authorised_since", a.authorised_since, b.authorised_since);
  differs(out, "raw_x", a.raw_x, b.raw_x);
  differs(out, "raw_y", a.raw_y, b.raw_y);
  differs(out, "raw_crs", a.raw_crs, b.raw_crs);
  differs(out, "location", a.location, b.location);
  differs(out, "location_issue", a.location_issue, b.location_issue);
  differs(out, "township", a.township, b.township);
  differs(out, "note", a.note, b.note);
  return out;
}

void save_gi_product_edit(Workspace& ws, const GiProduct& before, const GiProduct& after) {
  const std::string what = "save GI product '" + before.name + "'";
  Workspace::Transaction tx(ws, table::kGiProducts);  // the write lock: no one writes between check and save
  if (!check_unchanged(ws, table::kGiProducts, what, before, after, ws.gi_product(before.id))) return;
  if (after.name != before.name)
    if (const auto other = ws.gi_product(after.name); other && other->id != after.id)
      throw Error(what + ": '" + after.name + "' is already in the register");
  ws.update_gi_product(after);
  tx.commit();
}

void save_producer_edit(Workspace& ws, const Producer& before, const Producer& after) {
  const std::string what = "save producer #" + std::to_string(before.id) + " '" + before.name + "'";
  Workspace::Transaction tx(ws, table::kProducers);
  if (!check_unchanged(ws, table::kProducers, what, before, after, ws.producer(before.id))) return;
  ws.update_producers({after});
  tx.commit();
}

}  // namespace giatlas
