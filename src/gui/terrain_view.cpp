// The terrain on the desktop map: the relief levels and the DEM loaded in the background once
// per workspace, contour lines recomputed in the background when the view leaves the area
// they cover, their labels, the cursor's altitude, and the zone tools' altitude-band preview.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app.h"
#include "error.h"
#include "map/contour_mesh.h"
#include "panels.h"
#include "scope/zone_history.h"
#include "strings.h"
#include "terrain/dem_import.h"
#include "terrain/relief_levels.h"

namespace giatlas::gui {
namespace {

// DEFAULT: levels of every cell, every 2nd, 4th and 8th; the view draws the coarsest whose
// pixel is no larger than a screen pixel.
const std::vector<int> kReliefSteps = {1, 2, 4, 8};

void wake() { glfwPostEmptyEvent(); }

bool covers(const Box& outer, const Box& inner) {
  return outer.valid() && inner.valid() && outer.minx <= inner.minx && outer.miny <= inner.miny &&
         outer.maxx >= inner.maxx && outer.maxy >= inner.maxy;
}

// The same units in any order are the same request (the map's selection is in row order).
std::string band_key(std::vector<std::string> keys, const AltitudeBand& band) {
  std::sort(keys.begin(), keys.end());
  std::string k;
  for (const std::string& s : keys) k += s + ",";
  char b[64];
  std::snprintf(b, sizeof b, "|%g|%g", band.min_m.value_or(-1e9), band.max_m.value_or(1e9));
  return k + b;
}

}  // namespace

void App::start_relief() {
  if (!ws_) return;
  std::optional<DemInfo> info;
  try {
    info = workspace_dem_info(*ws_);
  } catch (const Error& e) {
    notify(e.what());
  }
  const std::string key = info ? ws_->path() + "|" + info->imported + "|" + info->file : "";
  if (key == relief_key && (key.empty() || dem)) return;  // the same DEM: keep the textures
  relief_key = key;
  dem.reset();
  relief_->clear();
  contours = ContourMesh{};
  renderer_->set_contours(contours);
  if (!info) return;
  if (relief_task.running()) relief_task.cancel(), relief_task.wait();
  std::string ignored;
  relief_task.poll(*this, ignored);
  const std::string path = ws_->path();
  ++relief_builds;
  relief_task.start(
      tr(Str::relief_building),
      [path, key](const Progress& progress) -> BackgroundTask::Completion {
        const Workspace ws = Workspace::open(path, true);
        progress.report("DEM", 0);
        std::optional<DemGrid> grid = load_workspace_dem(ws);
        if (!grid) return {};
        auto levels =
            std::make_shared<std::vector<ReliefLevel>>(relief_levels(*grid, kReliefSteps, {}, progress));
        auto shared = std::make_shared<const DemGrid>(std::move(*grid));
        return [levels, shared, key](App& app) {
          if (app.relief_key != key) return;  // another workspace since
          app.dem = shared;
          app.relief_->set_levels(*levels, app.scene.proj);  // uploaded once; frames only draw
          app.redraw();
        };
      },
      wake);
}

bool App::contours_visible() const {
  return dem && ui.show_relief && ui.show_contours &&
         contour_interval_for_scale(view.scale_denominator()) > 0;
}

void App::update_contours() {
  if (!contours_visible() || contour_task.running()) return;
  const double interval = contour_interval_for_scale(view.scale_denominator());
  const Box vis = view.visible();
  const Point a = scene.proj.to_lonlat({vis.minx, vis.miny}), b = scene.proj.to_lonlat({vis.maxx, vis.maxy});
  const Box visible{a.x, a.y, b.x, b.y};
  if (contours.interval == interval && covers(contours.area, visible)) return;
  // Half a window of margin on every side: panning stays within it for a while.
  const double mx = visible.width() / 2, my = visible.height() / 2;
  const Box area{visible.minx - mx, visible.miny - my, visible.maxx + mx, visible.maxy + my};
  const std::shared_ptr<const DemGrid> grid = dem;
  const LocalProjection proj = scene.proj;
  const std::string key = relief_key;
  ++contour_jobs;
  contour_task.start(
      tr(Str::contours_task),
      [grid, proj, interval, area, key](const Progress&) -> BackgroundTask::Completion {
        auto mesh = std::make_shared<ContourMesh>(
            make_contour_mesh(contour_lines(*grid, interval, area), proj, interval, area));
        return [mesh, key](App& app) {
          if (app.relief_key != key) return;
          app.contours = std::move(*mesh);
          app.renderer_->set_contours(app.contours);
          app.redraw();
        };
      },
      wake);
}

void App::request_band_preview(const std::vector<std::string>& keys, const AltitudeBand& band) {
  const std::string key = keys.empty() || !band.any() || !dem ? "" : band_key(keys, band);
  if (key == band_preview_key) return;
  if (band_task.running()) return band_task.cancel();  // asked again next frame, once it stops
  band_preview_key = key;
  band_preview.reset();
  band_preview_error.clear();
  renderer_->set_overlay({});
  redraw();
  if (key.empty()) return;
  try {
    validate_band(band);
  } catch (const Error& e) {
    band_preview_error = e.what();
    return;
  }
  const std::shared_ptr<const DemGrid> grid = dem;
  const std::string path = ws_->path();
  band_task.start(
      tr(Str::band_computing),
      [grid, path, keys, band, key](const Progress& progress) -> BackgroundTask::Completion {
        const Workspace ws = Workspace::open(path, true);  // this thread's own handle
        auto z =
            std::make_shared<const UnitsBandZone>(units_band_zone(ws, *grid, keys, band, {}, {}, progress));
        return [z, key](App& app) {
          if (app.band_preview_key != key) return;
          app.band_preview = z;
          if (!z->zone.findings.empty()) app.fonts_dirty_ = true;  // their Chinese glyphs
          app.renderer_->set_overlay(outline_segments(z->zone.geom, app.scene.proj));
          app.redraw();
        };
      },
      wake);
}

void App::save_band_preview(const std::string& gi) {
  if (!band_preview || !ws_) return;
  try {
    const ZoneSaveRequest req = band_save_request(*band_preview, gi, "", tr(Str::app_title), "");
    Workspace writable = open_for_writing(ws_->path());
    const ZoneVersion v = save_zone(writable, band_preview->zone.geom, req);
    std::string msg = gi + " v" + std::to_string(v.version) + " " + tr(Str::saved);
    for (const BandFinding& f : band_preview->zone.findings) msg += "; " + f.code;
    const std::string path = ws_->path();
    band_preview_key.clear();
    band_preview.reset();
    renderer_->set_overlay({});
    open_workspace(path);
    notify(msg);
  } catch (const Error& e) {
    notify(e.what());
  }
}

std::string App::altitude_text(const Point& lonlat) const {
  if (!dem) return "";
  const AltitudeSample s = dem->sample(lonlat);
  char buf[96];
  switch (s.status) {
    case AltitudeStatus::ok:
      std::snprintf(buf, sizeof buf, tr(Str::altitude_at), s.metres);
      return buf;
    case AltitudeStatus::dem_void:
      return tr(Str::altitude_void);
    default:
      return tr(Str::altitude_outside);
  }
}

void App::poll_terrain_tasks() {
  std::string error;
  if (relief_task.poll(*this, error) && !error.empty()) notify(error);
  error.clear();
  if (contour_task.poll(*this, error) && !error.empty()) notify(error);
  error.clear();
  if (band_task.poll(*this, error) && !error.empty()) band_preview_error = error;
}

void App::finish_terrain_tasks() {
  for (int round = 0; round < 2; ++round) {  // contours may start once the relief is in
    relief_task.wait();
    band_task.wait();
    poll_terrain_tasks();
    update_contours();
    contour_task.wait();
    poll_terrain_tasks();
  }
}

// Contour labels at large scales: the level in brown with a white halo, on the background draw
// list (under the panels), skipping any that would overlap one already drawn.
void draw_contour_labels(App& app) {
  if (!app.contours_visible() || app.view.scale_denominator() > kContourLabelMaxScale) return;
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  ImFont* font = ImGui::GetFont();
  const float size = font->FontSize * 0.85f, inv = 1.0f / app.fb_per_window;
  std::vector<ImVec4> taken;
  for (const ContourLabel& l : app.contours.labels) {
    const Point s = app.view.to_screen(l.at);
    const ImVec2 sz = font->CalcTextSizeA(size, 1e9f, 0.0f, l.text.c_str());
    const ImVec2 at(static_cast<float>(s.x) * inv - sz.x / 2, static_cast<float>(s.y) * inv - sz.y / 2);
    const ImVec4 box(at.x - 3, at.y - 3, at.x + sz.x + 3, at.y + sz.y + 3);
    if (box.x < 0 || box.y < 0 || box.z * app.fb_per_window > app.view.width ||
        box.w * app.fb_per_window > app.view.height)
      continue;
    bool overlaps = false;
    for (const ImVec4& t : taken) overlaps |= box.x < t.z && t.x < box.z && box.y < t.w && t.y < box.w;
    if (overlaps) continue;
    taken.push_back(box);
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
      dl->AddText(font, size, ImVec2(at.x + d.x, at.y + d.y), IM_COL32(255, 255, 255, 210), l.text.c_str());
    dl->AddText(font, size, at, IM_COL32(120, 75, 30, 255), l.text.c_str());
  }
}

}  // namespace giatlas::gui
