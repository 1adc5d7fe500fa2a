// Command-line argument parsing.
#include "cli/args.h"

#include <cstdlib>

#include "error.h"

namespace giatlas::cli {

Args::Args(int argc, char** argv, int first, const std::set<std::string>& flags) {
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) == 0 && a.size() > 2) {
      std::string name = a.substr(2);
      auto eq = name.find('=');
      if (eq != std::string::npos) {
        options_[name.substr(0, eq)] = name.substr(eq + 1);
      } else if (flags.count(name)) {
        flags_.insert(name);
      } else {
        if (i + 1 >= argc) throw Error("option --" + name + " needs a value");
        options_[name] = argv[++i];
      }
    } else {
      positional_.push_back(a);
    }
  }
}

const std::string& Args::need(std::size_t n, const char* what) const {
  if (n >= positional_.size()) throw Error(std::string("missing argument: ") + what);
  return positional_[n];
}

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
  auto v = get(name);
  return v ? *v : fallback;
}

double Args::number_or(const std::string& name, double fallback) const {
  auto v = get(name);
  if (!v) return fallback;
  char* end = nullptr;
  double d = std::strtod(v->c_str(), &end);
  if (end == v->c_str() || *end != '\0') throw Error("option --" + name + ": '" + *v + "' is not a number");
  return d;
}

void Args::allow_only(const std::set<std::string>& known) const {
  for (const auto& [k, v] : options_)
    if (!known.count(k)) throw Error("unknown option --" + k);
  for (const auto& f : flags_)
    if (!known.count(f)) throw Error("unknown option --" + f);
}

}  // namespace giatlas::cli
