// The GI register's vocabulary (categories, protection types, statuses) and the checks a new or
// changed register entry must pass before it is written.
#pragma once
#include <string>
#include <vector>

#include "workspace/model.h"

namespace giatlas {

const std::vector<std::string>& gi_categories();        // 特色农产品, 传统手工业品, 道地药材, 非物质文化遗产, 其他
const std::vector<std::string>& gi_protection_types();  // 地理标志保护产品, 地理标志证明商标, 地理标志集体商标, 农产品地理标志
const std::vector<std::string>& gi_statuses();          // candidate, applying, registered, revoked

// "" when `g` may be written, else what is wrong ("category '水果' is not one of …"). Empty fields
// are allowed (old register entries often lack them); dates are YYYY-MM-DD.
std::string gi_product_problem(const GiProduct& g);

}  // namespace giatlas
