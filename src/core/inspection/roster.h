// The inspectors' roster as the 回避 rule needs it: adding inspectors and changing their home
// township, relations and active state, with the values checked against the workspace.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "workspace/model.h"

namespace giatlas {

class Workspace;

// What to change; nullopt / empty leaves a field as it is.
struct RosterChange {
  std::optional<std::string> unit, badge, township;
  std::optional<std::vector<std::string>> relations;  // replaces the list
  std::vector<std::string> add_relations;             // appended (duplicates ignored)
  std::optional<bool> active;
};

// Checks one relation: a producer id of the workspace, or a valid credit code (normalised to
// upper case). Returns the normalised text; Error otherwise.
std::string checked_relation(const Workspace& ws, const std::string& relation);

// Adds an inspector named `name` (Error when one of that name exists). The township, when
// given, must be one of the workspace's townships.
Inspector add_inspector(Workspace& ws, const std::string& name, const RosterChange& c);
// Changes the inspector named `name` (Error when none or several have that name).
Inspector change_inspector(Workspace& ws, const std::string& name, const RosterChange& c);

}  // namespace giatlas
