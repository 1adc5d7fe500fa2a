// File → Open database…: a PostgreSQL/PostGIS connection, the GI Atlas workspaces in it, and
// opening one. The password is added to the connection for this session only: it is never
// shown, remembered or written (a service file or ~/.pgpass can hold it instead).
#include <imgui.h>
#include "imgui_stdlib.h"

#include "app.h"
#include "panels.h"
#include "strings.h"
#include "workspace/postgis_store.h"

namespace giatlas::gui {

namespace {

// The connection as libpq takes it, with the password typed in the window (quoted).
std::string connection_with_password(const UiState& ui) {
  std::string conn = ui.db_connection;
  if (!is_postgis_address(conn)) conn = "PG:" + conn;
  if (ui.db_password.empty()) return conn;
  std::string quoted = "'";
  for (char c : ui.db_password) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return conn + " password=" + quoted + "'";
}

void find_workspaces(UiState& ui) {
  ui.db_found.clear();
  ui.db_error.clear();
  ui.db_searched = true;
  try {
    for (const PgWorkspace& w : pg_list_workspaces(parse_store_address(connection_with_password(ui))))
      ui.db_found.emplace_back(w.schema, w.district_name + (w.district_code.empty() ? "" : " (" + w.district_code + ")"));
  } catch (const std::exception& e) {
    ui.db_error = e.what();  // one line, the password masked
  }
}

}  // namespace

void draw_database_panel(App& app) {
  UiState& ui = app.ui;
  if (!ui.show_database) return;
  ImGui::SetNextWindowSize(ImVec2(560, 300), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::db_title), &ui.show_database)) {
    ImGui::End();
    return;
  }
  ImGui::TextUnformatted(tr(Str::db_connection));
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##conn", &ui.db_connection);
  ImGui::TextUnformatted(tr(Str::db_password));
  ImGui::SetNextItemWidth(240);
  ImGui::InputText("##password", &ui.db_password, ImGuiInputTextFlags_Password);
  if (ImGui::Button(tr(Str::db_find))) find_workspaces(ui);
  if (!ui.db_error.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", ui.db_error.c_str());
  if (ui.db_searched && ui.db_error.empty() && ui.db_found.empty()) ImGui::TextUnformatted(tr(Str::db_none));
  for (const auto& [schema, district] : ui.db_found) {
    ImGui::PushID(schema.c_str());
    if (ImGui::Button(tr(Str::db_open))) {
      app.open_workspace(with_schema(connection_with_password(ui), schema));
      ui.show_database = false;
    }
    ImGui::SameLine();
    ImGui::Text("%s  %s", schema.c_str(), district.c_str());
    ImGui::PopID();
  }
  ImGui::End();
}

}  // namespace giatlas::gui
