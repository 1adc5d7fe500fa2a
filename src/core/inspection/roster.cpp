// Roster changes for 回避: checked townships and relations.
#include "inspection/roster.h"

#include <algorithm>
#include <cctype>

#include "error.h"
#include "workspace/credit_code.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

void apply(const Workspace& ws, Inspector& i, const RosterChange& c) {
  if (c.unit) i.unit = *c.unit;
  if (c.badge) i.badge = *c.badge;
  if (c.township) {
    if (!c.township->empty()) {
      const auto towns = ws.townships();
      if (!towns.empty() && std::none_of(towns.begin(), towns.end(), [&](const Township& t) { return t.name == *c.township; }))
        throw Error("inspector " + i.name + ": '" + *c.township + "' is not a township of the workspace");
    }
    i.township = *c.township;
  }
  if (c.relations) {
    i.relations.clear();
    for (const auto& r : *c.relations) i.relations.push_back(checked_relation(ws, r));
  }
  for (const auto& r : c.add_relations) {
    std::string n = checked_relation(ws, r);
    if (std::find(i.relations.begin(), i.relations.end(), n) == i.relations.end()) i.relations.push_back(n);
  }
  if (c.active) i.active = *c.active;
}

}  // namespace

std::string checked_relation(const Workspace& ws, const std::string& relation) {
  if (!relation.empty() && std::all_of(relation.begin(), relation.end(), [](unsigned char ch) { return std::isdigit(ch); }) &&
      relation.size() < 18) {
    const std::int64_t id = std::stoll(relation);
    bool found = false;
    ws.for_each_producer([&](Producer&& p) { found = found || p.id == id; });
    if (!found) throw Error("relation '" + relation + "': the workspace has no producer #" + relation);
    return relation;
  }
  std::string code = relation;
  for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (auto problem = credit_code_problem(code); !problem.empty())
    throw Error("relation '" + relation + "' is neither a producer id nor a valid credit code (" + problem + ")");
  return code;
}

Inspector add_inspector(Workspace& ws, const std::string& name, const RosterChange& c) {
  if (name.empty()) throw Error("inspector: a name is required");
  for (const Inspector& i : ws.inspectors())
    if (i.name == name) throw Error("inspector: '" + name + "' is already on the roster (#" + std::to_string(i.id) + "); use inspector set");
  Inspector i;
  i.name = name;
  apply(ws, i, c);
  std::vector<Inspector> one{i};
  ws.add_inspectors(one);
  return one.front();
}

Inspector change_inspector(Workspace& ws, const std::string& name, const RosterChange& c) {
  std::vector<Inspector> found;
  for (Inspector& i : ws.inspectors())
    if (i.name == name) found.push_back(std::move(i));
  if (found.empty()) throw Error("inspector: no '" + name + "' on the roster (inspector list)");
  if (found.size() > 1) throw Error("inspector: " + std::to_string(found.size()) + " inspectors are named '" + name + "'");
  Inspector i = found.front();
  apply(ws, i, c);
  ws.update_inspector(i);
  return i;
}

}  // namespace giatlas
