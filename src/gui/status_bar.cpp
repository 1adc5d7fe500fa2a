// The status bar: cursor position in lon/lat (decimal and DMS), CGCS2000 Gauss–Krüger metres
// and the DEM's altitude there, the scale 1:N, the current tool, background progress and the
// last message.
#include <imgui.h>

#include <cstdio>

#include "app.h"
#include "map/coord_format.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {

const char* tool_name(Tool t) {
  switch (t) {
    case Tool::pan: return tr(Str::tool_pan);
    case Tool::identify: return tr(Str::tool_identify);
    case Tool::select_box: return tr(Str::tool_select_box);
    case Tool::zoom_box: return tr(Str::tool_zoom_box);
    case Tool::edit_zone: return tr(Str::tool_edit_zone);
    case Tool::census: return tr(Str::tool_census);
  }
  return "";
}

void draw_status_bar(App& app) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
  ImGui::SetNextWindowBgAlpha(0.92f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!ImGui::Begin("##status", nullptr, flags)) return ImGui::End();
  // Off the map (or in a screenshot) the status bar describes the centre of the view.
  const Point px = app.ui.cursor_on_map ? app.ui.cursor : Point{app.view.width / 2.0, app.view.height / 2.0};
  const Point lonlat = app.scene.proj.to_lonlat(app.view.to_map(px));
  if (app.has_workspace()) {
    ImGui::Text("%s  %s %s", format_lonlat_decimal(lonlat.x, lonlat.y, 6).c_str(), format_lon_dms(lonlat.x, 1).c_str(),
                format_lat_dms(lonlat.y, 1).c_str());
    if (app.to_gk) {
      Point gk = lonlat;
      if (transform_point(*app.to_gk, gk)) {
        ImGui::SameLine(0, 20);
        ImGui::Text("EPSG:%d  X %.1f  Y %.1f m", app.gk_epsg, gk.x, gk.y);
      }
    }
    if (const std::string alt = app.altitude_text(lonlat); !alt.empty()) {
      ImGui::SameLine(0, 20);
      ImGui::TextUnformatted(alt.c_str());
    }
    ImGui::SameLine(0, 20);
  }
  ImGui::Text("%s %s", tr(Str::scale), format_scale(app.view.scale_denominator()).c_str());
  ImGui::SameLine(0, 20);
  ImGui::Text("%s: %s", tr(Str::tool), tool_name(app.ui.tool));
  // The user's task, then the terrain's (the relief and a band preview; contours are quick).
  for (BackgroundTask* t : {&app.task, &app.relief_task, &app.band_task}) {
    if (!t->running()) continue;
    ImGui::PushID(t);
    ImGui::SameLine(0, 20);
    ImGui::TextUnformatted(t->title().c_str());
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(t->fraction()), ImVec2(160 * app.content_scale, 0), t->stage().c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::cancel))) t->cancel();
    ImGui::PopID();
  }
  if (!app.ui.status_message.empty()) {
    ImGui::SameLine(0, 20);
    ImGui::TextColored(ImVec4(0.6f, 0.1f, 0.1f, 1), "%s", app.ui.status_message.c_str());
  }
  ImGui::End();
}

}  // namespace giatlas::gui
