// Screenshot mode, the panning benchmark and the PNG probe (see headless.h and app.h).
#include "headless.h"
#include "strings.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <vector>

#include "app.h"
#include "panels.h"
#include "error.h"
#include "io/atomic_file.h"
#include "map/bench_layers.h"
#include "map/feature_colour.h"
#include "panels.h"
#include "sample/terrain_synth.h"
#include "terrain/relief_levels.h"
#include "zone_edit.h"

namespace giatlas::gui {
namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Reads the back buffer and writes it as an opaque PNG, atomically.
void write_framebuffer_png(const std::string& path, int w, int h) {
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  for (std::size_t i = 3; i < px.size(); i += 4) px[i] = 255;
  stbi_flip_vertically_on_write(1);
  atomic_write(path, "screenshot", [&](const std::string& tmp) {
    if (!stbi_write_png(tmp.c_str(), w, h, 4, px.data(), w * 4)) throw Error("screenshot " + path + ": cannot write");
  });
}

}  // namespace

int probe_png(const std::string& path, int x, int y) {
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
  if (!data) throw Error("probe " + path + ": " + (stbi_failure_reason() ? stbi_failure_reason() : "unreadable"));
  const std::unique_ptr<unsigned char, void (*)(void*)> owned(data, stbi_image_free);
  if (x < 0 || y < 0 || x >= w || y >= h)
    throw Error("probe " + path + ": pixel " + std::to_string(x) + "," + std::to_string(y) + " outside " +
                std::to_string(w) + "x" + std::to_string(h));
  const unsigned char* p = data + (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 4;
  std::printf("%d %d %d %d\n", p[0], p[1], p[2], p[3]);
  return 0;
}

// Clicks the zone tool at each --zone-click point, as the mouse would (after the first frame,
// when the view has its size); a final click on the first point closes the polygon.
void App::play_zone_clicks() {
  ui.tool = Tool::edit_zone;
  zone_editor->begin_draw();
  for (const Point& ll : options_.zone_clicks) {
    const Point fb = view.to_screen(scene.proj.to_map(ll));
    zone_edit_hover(*this, fb, true);
    zone_edit_click(*this, fb);
  }
}

// --zone-based-on / --zone-save / --zone-save-anyway: the save form's buttons, as a person
// would press them after drawing.
void App::play_zone_save() {
  if (options_.zone_based_on == 0) ui.zone_edit.based_on = 0;  // opened when the GI had no zone
  if (!options_.zone_save) return;
  ui.show_zone_tools = true;
  ui.zone_edit.show_save = true;
  ui.zone_edit.effective_from = options_.zone_effective;
  save_zone_edit(*this);
  if (options_.zone_save_anyway && ui.zone_edit.conflict) save_zone_edit_over_conflict(*this);
}

void App::play_record_edit() {
  const std::string& what = options_.edit_record;
  const auto colon = what.find(':');
  if (colon == std::string::npos) throw Error("--edit-record wants producer:ID or gi:ID, not '" + what + "'");
  open_record_edit(*this, what.substr(0, colon) == "producer", std::atoll(what.c_str() + colon + 1));
  for (const auto& [f, v] : options_.record_stale)
    if (!set_record_field(*this, f, v, true)) throw Error("--record-stale: the form has no field '" + f + "'");
  for (const auto& [f, v] : options_.record_set)
    if (!set_record_field(*this, f, v, false)) throw Error("--record-set: the form has no field '" + f + "'");
  if (options_.record_save) save_record_edit(*this);
  if (options_.record_save_anyway && !ui.record_edit.conflict.empty()) save_record_edit_over(*this);
  std::printf("record_edit open %d conflict '%s'\n", ui.record_edit.open ? 1 : 0, ui.record_edit.conflict.c_str());
}

// --band-units …: the zone tools' band for those units, as if selected on the map and typed in;
// waits for the background preview and prints it (saving is core band_save_request + save_zone,
// tested in tests/core/terrain).
void App::play_band_options() {
  if (options_.band_units.empty()) return;
  ui.show_zone_tools = true;
  ui.band_min_on = options_.band_min.has_value();
  ui.band_max_on = options_.band_max.has_value();
  if (options_.band_min) ui.band_min_m = *options_.band_min;
  if (options_.band_max) ui.band_max_m = *options_.band_max;
  for (const char* layer : {"townships", "villages"}) {
    const PolygonLayer* units = scene.polygon_layer(layer);
    if (!units) continue;
    Selection sel{layer, {}};
    for (std::size_t r = 0; r < units->size(); ++r)
      for (const std::string& code : options_.band_units)
        if (units->table.rows[r][2] == code) sel.rows.insert(r);
    if (sel.rows.size() == options_.band_units.size()) {
      select(sel);
      break;
    }
  }
  AltitudeBand band;
  band.min_m = options_.band_min;
  band.max_m = options_.band_max;
  request_band_preview(options_.band_units, band);
  finish_terrain_tasks();
  if (!band_preview) throw Error("band preview: " + (band_preview_error.empty() ? std::string("no result") : band_preview_error));
  const BandZone& z = band_preview->zone;
  std::printf("band_preview %s km2 %.6f mu %.1f units_km2 %.6f polygons %zu findings %zu\n", band_text_en(band).c_str(),
              z.band_m2 / 1e6, z.band_m2 * 15.0 / 10000.0, z.units_m2 / 1e6, z.geom.polygons.size(), z.findings.size());
}

int App::run_screenshot() {
  task.wait();
  std::string error;
  if (task.poll(*this, error) && !error.empty()) throw Error(error);
  if (!options_.workspace.empty() && !has_workspace()) throw Error(options_.workspace + ": not opened");
  if (options_.view_center) view.center = scene.proj.to_map(*options_.view_center);
  if (options_.view_scale > 0) view.set_scale_denominator(options_.view_scale);
  finish_terrain_tasks();  // the relief and the view's contour lines, as a user would wait for them
  apply_edit_zone_option();
  // --zone-based-on: the session opened at that version, as if before someone saved a newer one.
  if (zone_editor && options_.zone_based_on > 0) start_zone_edit(*this, zone_editor_gi, true, options_.zone_based_on);
  play_band_options();
  if (!options_.trace_lot.empty()) {  // the trace window's button, as a user would press it
    ui.show_trace = true;
    ui.trace_code = options_.trace_lot;
    trace_lot_code(*this, ui.trace_code);
    if (!ui.trace_error.empty()) throw Error(ui.trace_error);
  }
  if (options_.check) {
    // The check window's Run and Write report buttons, in order, each waited for.
    ui.show_check = true;
    ui.check_date = options_.check_date;
    ui.check_gi = options_.check_gi;
    ui.check_causes = options_.check_causes;
    ui.check_tolerance = static_cast<float>(options_.check_tolerance);
    auto finish = [&] {
      task.wait();
      if (task.poll(*this, error) && !error.empty()) throw Error(error);
    };
    run_check();
    finish();
    if (!options_.check_report.empty()) {
      ui.check_out = options_.check_report;
      write_check_report_file(ui.check_out);
      finish();
    }
  }
  int w = 0, h = 0;
  const int frames = options_.screenshot_frames;
  for (int i = 0; i < frames; ++i) {  // ImGui lays windows out over the first frames
    if (i == 1 && zone_editor && !options_.zone_clicks.empty()) play_zone_clicks();
    if (i == 1 && zone_editor) play_zone_save();
    if (i == 1 && !options_.edit_record.empty()) play_record_edit();
    frame();
    glfwGetFramebufferSize(window_.get(), &w, &h);
    if (i == frames - 1) write_framebuffer_png(options_.screenshot, w, h);
    glfwSwapBuffers(window_.get());
  }
  for (const Point& ll : options_.print_screen_xy) {
    const Point s = view.to_screen(scene.proj.to_map(ll));
    std::printf("screen_xy %.6f,%.6f %.1f %.1f\n", ll.x, ll.y, s.x / fb_per_window, s.y / fb_per_window);
  }
  if (options_.print_layout) {
    print_layout();
    const Point centre = scene.proj.to_lonlat(view.center);
    std::printf("relief levels %zu level %d tint %d dem %s builds %d\n", relief_->level_count(),
                relief_->level_for(view.m_per_px), ui.relief_tint ? 1 : 0, dem ? "yes" : "no", relief_builds);
    std::printf("altitude %.6f,%.6f %s\n", centre.x, centre.y, altitude_text(centre).c_str());
    std::printf("contours interval %.0f segments %zu index %zu labels %zu shown %d jobs %d\n", contours.interval,
                contours.segments.size() / 4, contours.index_segments.size() / 4, contours.labels.size(),
                contours_visible() ? 1 : 0, contour_jobs);
  }
  // The windows' data is read once per load, never per frame (tests compare two frame counts).
  std::printf("frames %d cache_reads %d\n", frames, cache_reads);
  if (zone_editor && ui.zone_edit.conflict)
    std::printf("zone_conflict %s based_on %d newer %d by '%s' at '%s'\n", zone_editor_gi.c_str(), ui.zone_edit.based_on,
                ui.zone_edit.conflict->version, ui.zone_edit.conflict->saved_by.c_str(),
                ui.zone_edit.conflict->saved_at.c_str());
  if (zone_editor)
    std::printf("zone_edit %s drawing %d vertices %zu undo_steps %zu undo '%s' status '%s'\n", zone_editor_gi.c_str(),
                zone_editor->drawing() ? 1 : 0, zone_editor->geometry().vertex_count(), zone_editor->undo_steps(),
                zone_editor->undo_label().c_str(), ui.status_message.c_str());
  if (ui.show_history && has_workspace()) {
    std::printf("history entries %zu table '%s' since '%s' error '%s'\n", ui.history.entries.size(),
                ui.history.table.c_str(), ui.history.since.c_str(), ui.history.error.c_str());
    for (std::size_t i = 0; i < ui.history.entries.size() && i < 5; ++i) {
      const AuditEntry& e = ui.history.entries[i];
      std::printf("history %s %s %s %lld %s\n", e.at.c_str(), e.who.c_str(), e.table.c_str(),
                  static_cast<long long>(e.row_id), e.action.c_str());
    }
  }
  if (last_trace)
    std::printf("trace %s %s areas %zu selection %s %zu\n", last_trace->lot.code.c_str(),
                trace_verdict_code(last_trace->verdict), last_trace->areas.size(), ui.selection.layer.c_str(),
                ui.selection.rows.size());
  std::printf("screenshot %s %dx%d scale 1:%.0f\n", options_.screenshot.c_str(), w, h, view.scale_denominator());
  return 0;
}

void App::print_layout() const {
  auto rgba = [](const Rgba& c) { return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," + std::to_string(c.a); };
  const double k = 1.0 / fb_per_window;  // window coordinates, as the PNG has them
  std::printf("language %s %s\n", language_code(ui_language()), tr(Str::menu_file));
  std::printf("view %.9f %.9f %.4f %.4f %.6f %d %d %.4f\n", scene.proj.lon0, scene.proj.lat0, view.center.x,
              view.center.y, view.m_per_px, view.width, view.height, static_cast<double>(fb_per_window));
  for (const std::string& name : styles.order) {
    const LayerStyle st = layer_style(styles, name);
    std::printf("style %s fill %s outline %s opacity %.3f width %.2f size %.2f visible %d\n", name.c_str(),
                rgba(st.fill).c_str(), rgba(st.outline).c_str(), static_cast<double>(st.opacity),
                static_cast<double>(st.outline_width_px * content_scale), static_cast<double>(st.point_size_px * content_scale),
                st.visible ? 1 : 0);
    for (const auto& [key, c] : legend_entries(styles, scene, name))
      std::printf("legend %s %s %s\n", name.c_str(), rgba(c).c_str(), key.c_str());
  }
  for (const std::string& f : ui.programme_forms.drawn) std::printf("programme_form %s\n", f.c_str());
  if (const Workspace* w = workspace(); w && w->postgis())
    std::printf("role '%s' township '%s'\n", w->role().role.c_str(), w->role().township.c_str());
  for (const auto& [label, g] : ui.role_gates)
    std::printf("gate %s %s %.0f %.0f %.0f %.0f tooltip %d %s\n", g.allowed ? "enabled" : "greyed", g.table.c_str(),
                static_cast<double>(g.x0), static_cast<double>(g.y0), static_cast<double>(g.x1),
                static_cast<double>(g.y1), g.tooltip ? 1 : 0, label.c_str());
  for (const DrawnLabel& l : drawn_labels)
    std::printf("label %s %.1f %.1f %.1f %.1f %.1f %s\n", l.layer.c_str(), l.screen.minx * k, l.screen.miny * k,
                l.screen.maxx * k, l.screen.maxy * k, l.anchor.radius / view.m_per_px * k, l.text.c_str());
}

// The benchmark's relief: a synthetic DEM of 1″ cells (about 30 m) over the area, its levels
// built and uploaded as the app does for a workspace's DEM, hillshade on.
void App::load_bench_relief(const Box& lonlat_area) {
  const double t0 = wall_seconds();
  SynthTerrainOptions so;
  so.area = lonlat_area;
  so.cell_deg = 1.0 / 3600.0;
  auto grid = std::make_shared<const DemGrid>(synthetic_dem(so));
  const double t1 = wall_seconds();
  const std::vector<ReliefLevel> levels = relief_levels(*grid, {1, 2, 4, 8});
  const double t2 = wall_seconds();
  relief_->set_levels(levels, scene.proj);
  glFinish();
  const double t3 = wall_seconds();
  dem = grid;
  relief_key = "bench";
  ui.show_relief = true;
  std::printf("bench: relief from a %d x %d synthetic DEM: generated %.2f s, %zu levels built %.2f s, uploaded %.2f s, "
              "%.1f MiB of textures\n", grid->cols(), grid->rows(), t1 - t0, levels.size(), t2 - t1, t3 - t2,
              static_cast<double>(relief_->texture_bytes()) / (1024.0 * 1024.0));
}

int App::run_bench() {
  BenchLayerOptions bo;
  std::printf("bench: generating %zu polygons with %zu vertices and %zu points\n", bo.polygons, bo.vertices, bo.points);
  const BenchLayers data = make_bench_layers(bo);
  const double t0 = wall_seconds();
  MapScene s;
  s.proj = projection_for(bo.area);
  s.polygons.push_back(make_polygon_layer("townships", s.proj, data.polygons, SceneOptions(), Progress()));
  PointLayer pts;
  pts.name = "producers";
  for (std::size_t i = 0; i < data.points.size(); ++i) {
    pts.ids.push_back(static_cast<std::int64_t>(i));
    pts.pos.push_back(s.proj.to_map(data.points[i]));
    pts.classes.push_back(i % 7 ? "inside" : "outside");
  }
  s.points.push_back(std::move(pts));
  for (const Box& b : s.polygons[0].boxes) s.extent.expand(b);
  const double t1 = wall_seconds();
  scene = std::move(s);
  styles.layers["townships"].label_field.clear();
  renderer_->set_scene(scene, styles);
  glFinish();
  const double t2 = wall_seconds();
  if (options_.bench_relief) load_bench_relief(bo.area);
  zoom_to_all();
  if (options_.view_center) view.center = scene.proj.to_map(*options_.view_center);  // --view: e.g. a
  if (options_.view_scale > 0) view.set_scale_denominator(options_.view_scale);      // contour scale
  std::size_t full_vertices = 0;
  for (const auto& lod : scene.polygons[0].lods) std::printf("bench: LOD tolerance %.0f m: %zu triangles, %zu segments\n",
                                                             lod.tolerance, lod.triangles.size() / 6, lod.segments.size() / 4);
  full_vertices = scene.polygons[0].lods[0].segments.size() / 4;
  std::printf("bench: load + simplify + triangulate %.2f s (%zu outline vertices), GPU upload %.2f s\n", t1 - t0,
              full_vertices, t2 - t1);
  std::printf("bench: GPU buffer memory %.1f MiB\n", static_cast<double>(renderer_->buffer_bytes()) / (1024.0 * 1024.0));
  for (int i = 0; i < 3; ++i) frame(), glfwSwapBuffers(window_.get());  // warm up
  double cpu = 0, wall = 0, worst = 0, draw_cpu = 0, relief_cpu = 0;
  const int n = options_.bench_pan_frames;
  for (int i = 0; i < n; ++i) {
    view.pan_pixels(i % 120 < 60 ? 7 : -7, 3 * ((i / 40) % 2 ? 1 : -1));
    if (i % 50 == 25) view.zoom_about({view.width * 0.3, view.height * 0.6}, i % 100 < 50 ? 1.6 : 1 / 1.6);
    const double c0 = thread_cpu_seconds(), w0 = wall_seconds();
    frame();
    const double c1 = thread_cpu_seconds();
    glFinish();  // the GPU's own work, counted only in the wall time
    const double w1 = wall_seconds();
    glfwSwapBuffers(window_.get());
    cpu += c1 - c0;
    draw_cpu += last_draw_cpu_s;
    relief_cpu += last_relief_cpu_s;
    wall += w1 - w0;
    worst = std::max(worst, c1 - c0);
  }
  std::printf("bench: hillshade %s (level %d of %zu at the last frame), scale 1:%.0f, contour jobs started "
              "during the frames: %d\n",
              options_.bench_relief ? "on" : "off", relief_->level_for(view.m_per_px), relief_->level_count(),
              view.scale_denominator(), contour_jobs);
  std::printf("bench: %d panning frames: main-thread CPU %.3f ms/frame (worst %.3f ms), wall incl. GPU %.2f ms/frame\n",
              n, cpu / n * 1e3, worst * 1e3, wall / n * 1e3);
  std::printf("bench:   of which the map's GL calls %.3f ms/frame (with llvmpipe this includes vertex shading);\n"
              "bench:   app CPU without the GL driver (input, UI, labels, culling) %.3f ms/frame\n",
              draw_cpu / n * 1e3, (cpu - draw_cpu) / n * 1e3);
  std::printf("bench:   the relief's draw call (one textured quad) %.3f ms/frame\n", relief_cpu / n * 1e3);
  return 0;
}

}  // namespace giatlas::gui
