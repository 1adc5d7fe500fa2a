// The township a producer belongs to, for 回避 and campaign restrictions: the one it submitted,
// else the one its location falls in.
#pragma once
#include <vector>

#include "workspace/model.h"

namespace giatlas {

class Workspace;

// Gives each producer with an empty `township` and a location the name of the workspace
// township that covers the location (GEOS prepared intersects; a point on a shared edge takes
// the first township in id order). Others are left as they are.
void fill_missing_townships(const Workspace& ws, std::vector<Producer>& producers);

}  // namespace giatlas
