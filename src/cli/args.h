// Command-line arguments of one giatlas-cli subcommand: positionals, --key value options, flags.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace giatlas::cli {

class Args {
 public:
  // `flags` names the options that take no value (e.g. "dry-run"); every other --name takes one.
  Args(int argc, char** argv, int first, const std::set<std::string>& flags);

  const std::vector<std::string>& positional() const { return positional_; }
  // The n-th positional argument; throws giatlas::Error naming `what` when it is missing.
  const std::string& need(std::size_t n, const char* what) const;
  std::optional<std::string> get(const std::string& name) const;
  std::string get_or(const std::string& name, const std::string& fallback) const;
  double number_or(const std::string& name, double fallback) const;
  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  // Throws giatlas::Error for any option not in `known` (catches typos such as --tolerence).
  void allow_only(const std::set<std::string>& known) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string> options_;
  std::set<std::string> flags_;
};

}  // namespace giatlas::cli
