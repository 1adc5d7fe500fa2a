// The one error type of GI Atlas: a readable message that names what failed and where.
#pragma once
#include <stdexcept>
#include <string>

namespace giatlas {

// Thrown for user-facing failures (bad file, bad option, not a workspace…). The message is
// complete on its own, e.g. "import producers.csv line 14: latitude 129.3 out of range".
// Front ends catch it in one place and print what(). Findings (a point outside a zone, a bad
// credit code) are data, never Errors.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace giatlas
