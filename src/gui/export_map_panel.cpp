// File → Export map…: the printable scope map of a GI (core render_map) written on a worker
// thread with progress and Cancel; the format follows the file's extension.
#include <imgui.h>

#include <filesystem>

#include "app.h"
#include "glfw.h"
#include "imgui_stdlib.h"
#include "map/render_map.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {
namespace {

void start_export(App& app, RenderOptions options) {
  if (!app.has_workspace()) return;
  if (app.task.running()) return app.notify(tr(Str::busy));
  const std::string path = app.workspace()->path();
  app.task.start(tr(Str::exporting), [path, options](const Progress& progress) -> BackgroundTask::Completion {
    // The worker opens its own read-only handle: GDAL datasets are not shared between threads.
    const Workspace ws = Workspace::open(path, true);
    const RenderResult r = render_map(ws, options, progress);
    return [r](App& a) { a.notify(std::string(tr(Str::export_done)) + ": " + r.path); };
  }, [] { glfwPostEmptyEvent(); });
}

}  // namespace

void draw_export_map(App& app) {
  UiState& ui = app.ui;
  if (!ui.show_export || !app.has_workspace()) return;
  const float s = app.content_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.3f),
                          ImGuiCond_FirstUseEver, ImVec2(0.5f, 0));
  if (!ImGui::Begin(tr(Str::export_title), &ui.show_export, ImGuiWindowFlags_AlwaysAutoResize)) return ImGui::End();
  const std::vector<GiProduct>& gis = app.gi_register();
  if (ui.export_gi.empty() && !gis.empty()) ui.export_gi = ui.zone_gi.empty() ? gis.front().name : ui.zone_gi;
  if (ImGui::BeginCombo(tr(Str::gi), ui.export_gi.c_str())) {
    for (const GiProduct& g : gis)
      if (ImGui::Selectable(g.name.c_str(), g.name == ui.export_gi)) ui.export_gi = g.name, ui.export_out.clear();
    ImGui::EndCombo();
  }
  if (ui.export_out.empty() && !ui.export_gi.empty())
    ui.export_out = (std::filesystem::path(default_output_folder(app.workspace()->path())) / (ui.export_gi + ".pdf")).string();
  ImGui::InputInt(tr(Str::export_version), &ui.export_version);
  if (ui.export_version < 0) ui.export_version = 0;
  const char* papers[] = {"A4", "A3"};
  ImGui::Combo(tr(Str::export_paper), &ui.export_paper, papers, 2);
  ImGui::InputText(tr(Str::export_out), &ui.export_out);
  ImGui::SliderInt(tr(Str::export_dpi), &ui.export_dpi, 30, 1200);
  ImGui::Checkbox(tr(Str::export_relief), &ui.export_relief);
  ImGui::Checkbox(tr(Str::export_areas), &ui.export_areas);
  const bool busy = app.task.running();
  ImGui::BeginDisabled(busy || ui.export_gi.empty() || ui.export_out.empty());
  if (ImGui::Button(tr(Str::export_run))) {
    RenderOptions o;
    o.gi = ui.export_gi;
    o.version = ui.export_version;
    o.out = ui.export_out;
    o.paper = papers[ui.export_paper];
    o.dpi = ui.export_dpi;
    o.relief = ui.export_relief ? "shade" : "off";
    o.areas = ui.export_areas;
    start_export(app, o);
  }
  ImGui::EndDisabled();
  if (busy) {
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(app.task.fraction()), ImVec2(200 * s, 0), app.task.stage().c_str());
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::cancel))) app.task.cancel();
  }
  ImGui::End();
}

}  // namespace giatlas::gui
