// Text put into an HTML page: &, <, > and " escaped (every report page and document uses this one).
#pragma once
#include <string>

namespace giatlas {

std::string html_escape(const std::string& s);

}  // namespace giatlas
