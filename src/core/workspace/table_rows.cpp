#include "workspace/table_rows.h"

#include <sstream>

namespace giatlas {

OGRLayer* find_table(const Workspace& ws, const char* name) { return ws.dataset().GetLayerByName(name); }

OGRLayer& table_for_writing(Workspace& ws, const char* name) {
  OGRLayer* l = find_table(ws, name);
  if (!l) throw Error(ws.shown() + ": the workspace has no table '" + name + "' (open it for writing to upgrade it)");
  return *l;
}

std::string join_field_list(const std::vector<std::string>& items) {
  std::string s;
  for (const std::string& x : items) {
    if (!s.empty()) s += ';';
    s += x;
  }
  return s;
}

std::vector<std::string> split_field_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string item; std::getline(ss, item, ';');)
    if (!item.empty()) out.push_back(item);
  return out;
}

}  // namespace giatlas
