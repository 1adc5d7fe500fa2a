// The zone tools' altitude band: "the selected townships/villages, 海拔1200米以上". Minimum and/or
// maximum altitude inputs (enabled when the workspace has a DEM), a live preview of units ∩ band
// computed in the background by the core (units_band_zone) and outlined on the map, its area in
// km² and 亩, and Save (band_save_request + save_zone through App::save_band_preview).
#include <imgui.h>

#include "role_gate.h"
#include "app.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {

namespace {

AltitudeBand ui_band(const UiState& ui) {
  AltitudeBand band;
  if (ui.band_min_on) band.min_m = ui.band_min_m;
  if (ui.band_max_on) band.max_m = ui.band_max_m;
  return band;
}

}  // namespace

void draw_zone_band_section(App& app, const std::vector<std::string>& codes) {
  UiState& ui = app.ui;
  ImGui::TextUnformatted(tr(Str::band_title));
  if (!app.dem) {
    ImGui::TextDisabled("%s", app.relief_task.running() ? tr(Str::relief_building) : tr(Str::band_no_dem));
    app.request_band_preview({}, {});
    return;
  }
  const float w = 110 * app.content_scale;
  ImGui::Checkbox("##min_on", &ui.band_min_on);
  ImGui::SameLine();
  ImGui::BeginDisabled(!ui.band_min_on);
  ImGui::SetNextItemWidth(w);
  ImGui::InputDouble(tr(Str::band_min), &ui.band_min_m, 50, 200, "%.0f");
  ImGui::EndDisabled();
  ImGui::Checkbox("##max_on", &ui.band_max_on);
  ImGui::SameLine();
  ImGui::BeginDisabled(!ui.band_max_on);
  ImGui::SetNextItemWidth(w);
  ImGui::InputDouble(tr(Str::band_max), &ui.band_max_m, 50, 200, "%.0f");
  ImGui::EndDisabled();
  const AltitudeBand band = ui_band(ui);
  // The preview follows the inputs; the core does the work off the main thread.
  app.request_band_preview(codes, band);
  if (!band.any()) return;
  if (codes.empty()) return ImGui::TextDisabled("%s", tr(Str::band_pick_units));
  ImGui::TextUnformatted((band_text_zh(band) + " · " + band_text_en(band)).c_str());
  if (!app.band_preview_error.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 440 * app.content_scale);
    ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", app.band_preview_error.c_str());
    ImGui::PopTextWrapPos();
  } else if (!app.band_preview) {
    ImGui::ProgressBar(static_cast<float>(app.band_task.fraction()), ImVec2(300 * app.content_scale, 0),
                       tr(Str::band_computing));
  } else {
    const BandZone& z = app.band_preview->zone;
    const double km2 = z.band_m2 / 1e6, units_km2 = z.units_m2 / 1e6;
    ImGui::Text(tr(Str::band_preview_area), km2, z.band_m2 * 15.0 / 10000.0,
                units_km2 > 0 ? 100.0 * km2 / units_km2 : 0.0, units_km2);
    for (const BandFinding& f : z.findings) ImGui::BulletText("%s: %s", f.code.c_str(), f.detail.c_str());
  }
  ImGui::BeginDisabled(!app.band_preview || ui.zone_gi.empty() || app.task.running());
  if (gated_button(app, "gi_zones", tr(Str::band_save))) app.save_band_preview(ui.zone_gi);
  ImGui::EndDisabled();
}

}  // namespace giatlas::gui
