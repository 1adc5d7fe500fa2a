// Saving a register entry or a producer edited in a form, without overwriting someone else's
// change: the form keeps the row as it read it (`before`), and the save checks, under the
// workspace's write lock, that the row still holds exactly that (a compare of every field, so no
// revision column is needed and rows written by older versions take part too).
#pragma once
#include <string>
#include <vector>

#include "workspace/edit_conflict.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

// The names of the fields in which `a` and `b` differ ("status", "holder", "location" …), in
// schema order; the id is not compared.
std::vector<std::string> changed_fields(const GiProduct& a, const GiProduct& b);
std::vector<std::string> changed_fields(const Producer& a, const Producer& b);

// Writes `after` over the row after.id when it still reads as `before` (REQUIRES: before.id ==
// after.id). Someone else's change meanwhile: EditConflict naming the fields they changed and,
// on a PostGIS workspace with an audit trail, who and when; nothing written, `after` left to
// the caller. When the row already reads as `after` nothing is written and nothing refused.
// Error when the row no longer exists, and the register's own checks (gi_product_problem).
void save_gi_product_edit(Workspace& ws, const GiProduct& before, const GiProduct& after);
void save_producer_edit(Workspace& ws, const Producer& before, const Producer& after);

}  // namespace giatlas
