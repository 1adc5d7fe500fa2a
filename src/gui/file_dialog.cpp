// The file dialog, drawn in ImGui (no extra dependency): browse folders, pick a .gpkg to open,
// or name a new workspace and its district.
#include <imgui.h>

#include <algorithm>
#include <filesystem>

#include "app.h"
#include "imgui_stdlib.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {
namespace {

namespace fs = std::filesystem;

using DialogState = FileDialogState;
DialogState& dialog(App& app) { return app.ui.file_dialog; }

struct Entry {
  std::string name;
  bool dir = false;
};

std::vector<Entry> list_folder(const std::string& folder, bool any_file, std::string& error) {
  std::vector<Entry> out;
  std::error_code ec;
  for (fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code ec2;
    const bool dir = it->is_directory(ec2);
    if (dir || any_file || it->path().extension() == ".gpkg") out.push_back({name, dir});
  }
  if (ec) error = folder + ": " + ec.message();
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return a.dir != b.dir ? a.dir : a.name < b.name;
  });
  return out;
}

}  // namespace

void open_file_dialog(App& app, FileDialogMode mode) {
  DialogState& d = dialog(app);
  d.open = true;
  d.mode = mode;
  d.error.clear();
  d.file_name = mode == FileDialogMode::new_workspace ? "workspace.gpkg" : "";
  if (d.folder.empty()) {
    std::error_code ec;
    d.folder = !app.remembered.last_folder.empty() && fs::is_directory(app.remembered.last_folder, ec)
                   ? app.remembered.last_folder
                   : fs::current_path(ec).string();
  }
}

void draw_file_dialog(App& app) {
  DialogState& d = dialog(app);
  if (!d.open) return;
  const float s = app.content_scale;
  const bool creating = d.mode == FileDialogMode::new_workspace;
  ImGui::SetNextWindowSize(ImVec2(560 * s, 440 * s), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
  const bool picking = d.mode == FileDialogMode::import_source;
  const char* title = creating ? tr(Str::new_workspace_title) : picking ? tr(Str::import_source) : tr(Str::open_workspace_title);
  if (!ImGui::Begin(title, &d.open)) return ImGui::End();
  if (ImGui::Button(tr(Str::parent_folder))) d.folder = fs::path(d.folder).parent_path().string();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##folder", &d.folder);
  std::string list_error;
  const std::vector<Entry> entries = list_folder(d.folder, d.mode == FileDialogMode::import_source, list_error);
  const float footer = ImGui::GetFrameHeightWithSpacing() * (creating ? 4.0f : 3.0f);
  if (ImGui::BeginChild("entries", ImVec2(0, -footer), true)) {
    for (const Entry& e : entries) {
      std::string label;
      if (e.dir) label.append("[").append(tr(Str::folder)).append("] ");
      label.append(e.name);
      if (ImGui::Selectable(label.c_str(), e.name == d.file_name, ImGuiSelectableFlags_AllowDoubleClick)) {
        if (e.dir) {
          if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) d.folder = (fs::path(d.folder) / e.name).string();
        } else {
          d.file_name = e.name;
          if (!creating && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            app.remembered.last_folder = d.folder;
            const std::string path = (fs::path(d.folder) / e.name).string();
            if (picking)
              app.ui.import_source = path;
            else
              app.open_workspace(path);
            d.open = false;
          }
        }
      }
    }
  }
  ImGui::EndChild();
  ImGui::InputText(tr(Str::file_name), &d.file_name);
  if (creating) ImGui::InputText(tr(Str::district), &d.district);
  if (!list_error.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", list_error.c_str());
  if (!d.error.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", d.error.c_str());
  if (ImGui::Button(creating ? tr(Str::create) : tr(Str::open)) && !d.file_name.empty()) {
    const std::string path = (fs::path(d.folder) / d.file_name).string();
    std::error_code ec;
    if (creating && fs::exists(path, ec)) {
      d.error = path + ": " + tr(Str::file_exists);
    } else if (!creating && !fs::is_regular_file(path, ec)) {
      d.error = path + ": " + tr(Str::file_missing);
    } else {
      app.remembered.last_folder = d.folder;
      if (creating)
        app.create_workspace(path, d.district);
      else if (picking)
        app.ui.import_source = path;
      else
        app.open_workspace(path);
      d.open = false;
    }
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::cancel))) d.open = false;
  ImGui::End();
}

}  // namespace giatlas::gui
