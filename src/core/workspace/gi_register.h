// The GI register's vocabulary (categories, protection types, statuses) and the checks a new or
// changed register entry must pass before it is written.
#pragma once
#include <string>
#include <vector>

#include "workspace/model.h"

namespace giatlas {

class Workspace;

const std::vector<std::string>& gi_categories();        // 特色农产品, 传统手工业品, 道地药材, 非物质文化遗产, 其他
const std::vector<std::string>& gi_protection_types();  // 地理标志保护产品, 地理标志证明商标, 地理标志集体商标, 农产品地理标志
const std::vector<std::string>& gi_statuses();          // candidate, applying, registered, revoked

// "" when `g` may be written, else what is wrong ("category '水果' is not one of …"). Empty fields
// are allowed (old register entries often lack them); dates are YYYY-MM-DD.
std::string gi_product_problem(const GiProduct& g);

// A new GI entered into the register (`giatlas-cli register add`, the zone tools' "New GI" form):
// the name is trimmed of surrounding spaces; DEFAULT status "candidate" (a new application) and
// DEFAULT category "特色农产品" when those fields are empty; the other fields are kept as given.
// Throws Error, writing nothing, for an empty name, a name already in the register, or an entry
// gi_product_problem refuses ("new GI: category '水果' is not one of …"). Returns the entry as
// written, with its id.
GiProduct add_new_gi(Workspace& ws, GiProduct g);

}  // namespace giatlas
