// The App's actions: opening and creating workspaces (in the background), the origin check,
// zooming, and the label cache (see app.h).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app.h"
#include "check/origin_check.h"
#include "error.h"
#include "map/feature_colour.h"
#include "map/hit_test.h"
#include "check/report_writers.h"
#include "strings.h"

namespace giatlas::gui {
namespace {

// "below_band,above_band" -> {"below_band", "above_band"}.
std::vector<std::string> split_codes(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::map<std::int64_t, ProducerResult> results_of(const CheckReport& report) {
  std::map<std::int64_t, ProducerResult> out;
  for (const ProducerCheck& row : report.rows)
  {
    // The reason in the interface's language; plain "inside" has none, its label stands for it.
    const std::string& reason = ui_language() == Language::chinese ? row.reason_zh : row.reason;
    char altitude[32] = "";
    if (!std::isnan(row.altitude_m)) std::snprintf(altitude, sizeof altitude, "%.1f", row.altitude_m);
    out[row.producer_id] = {result_code(row.result), reason.empty() ? result_label_zh(row.result) : reason, row.cause,
                            altitude[0] ? std::string(altitude) : std::string(row.altitude_status)};
  }
  return out;
}

// The cached rows, read again with `read` when the scene has changed since.
template <class Cache, class Read>
const auto& refreshed(Cache& cache, std::uint64_t data_version, int& reads, Read read) {
  if (cache.version != data_version) {
    cache.rows = read();
    cache.version = data_version;
    ++reads;
  }
  return cache.rows;
}

}  // namespace

const ProgrammeView& App::programme() {
  const std::string key = std::to_string(data_version) + "@" + ui.programme_date;
  if (!programme_ || programme_key_ != key) {
    ++cache_reads;
    programme_ = programme_view(*ws_, ui.programme_date);
    programme_key_ = key;
  }
  return *programme_;
}

const std::vector<GiProduct>& App::gi_register() {
  return refreshed(gi_register_, data_version, cache_reads, [&] { return ws_->gi_products(); });
}

const std::vector<Township>& App::townships() {
  return refreshed(townships_, data_version, cache_reads, [&] { return ws_->townships(); });
}

const std::vector<Village>& App::villages() {
  return refreshed(villages_, data_version, cache_reads, [&] { return ws_->villages(); });
}

void App::open_workspace(const std::string& path) {
  if (task.running()) {
    notify(tr(Str::busy));
    return;
  }
  const std::string opening = std::string(tr(Str::opening)) + " " + mask_password(path);
  notify(opening);
  task.start(tr(Str::opening), [path, opening](const Progress& progress) -> BackgroundTask::Completion {
    // Viewing never changes the file: the map holds a read-only handle, and each write (styles,
    // zones, imports) opens its own writable one for just that change.
    auto ws = std::make_unique<Workspace>(Workspace::open(path, true));
    MapStyles st = saved_map_styles(*ws);
    MapScene s = build_scene(*ws, SceneOptions(), progress);
    std::map<std::int64_t, ProducerResult> results;
    if (ws->producer_count() > 0 && !ws->townships().empty()) {
      progress.report("origin check", 0);
      results = results_of(run_origin_check(*ws, CheckOptions(), progress));
    }
    // shared_ptr: std::function needs a copyable callable.
    auto payload = std::make_shared<std::tuple<std::unique_ptr<Workspace>, MapScene, MapStyles,
                                               std::map<std::int64_t, ProducerResult>>>(
        std::move(ws), std::move(s), std::move(st), std::move(results));
    return [payload, opening](App& app) {
      auto& [w, sc, sty, res] = *payload;
      const bool rolled_back = w->rolled_back_interrupted_change();
      app.install(std::move(w), std::move(sc), std::move(sty), std::move(res));
      // A message set since (a saved zone, a recorded census point) stays.
      if (app.ui.status_message == opening) app.notify(rolled_back ? tr(Str::rolled_back) : "");
    };
  }, [] { glfwPostEmptyEvent(); });
}

void App::create_workspace(const std::string& path, const std::string& district) {
  try {
    { Workspace::create(path, district); }
    open_workspace(path);
  } catch (const Error& e) {
    notify(e.what());
  }
}

void App::close_workspace() {
  if (task.running()) return notify(tr(Str::busy));
  ws_.reset();
  relief_key.clear();
  dem.reset();
  relief_->clear();
  contours = ContourMesh{};
  renderer_->set_contours(contours);
  band_preview.reset(), band_preview_key.clear();
  renderer_->set_overlay({});
  zone_editor.reset();
  census_editor.reset();
  census_ws.reset();
  scene = MapScene{};
  ++data_version;
  renderer_->set_scene(scene, styles);
  renderer_->set_selection(scene, ui.selection = {});
  ui.identified.clear();
  check_counts.clear();
  labels_dirty_ = true;
  redraw();
}

void App::apply_results(std::map<std::int64_t, ProducerResult> results) {
  apply_check_results(scene, results);
  ++data_version;
  check_counts.clear();
  for (const auto& [id, r] : results) ++check_counts[r.result];
  renderer_->update_colours(scene, styles);
  redraw();
}

void App::run_check() {
  if (!ws_) return notify(tr(Str::no_workspace));
  if (task.running()) return notify(tr(Str::busy));
  const std::string path = ws_->path();
  CheckOptions opt;
  opt.date = ui.check_date;
  opt.tolerance_m = ui.check_tolerance;
  opt.gi = ui.check_gi;
  opt.causes = split_codes(ui.check_causes);
  task.start(tr(Str::running_check), [path, opt](const Progress& progress) -> BackgroundTask::Completion {
    // The worker opens its own read-only handle: GDAL datasets are not shared between threads.
    const Workspace ws = Workspace::open(path, true);
    auto report = std::make_shared<const CheckReport>(run_origin_check(ws, opt, progress));
    auto results = std::make_shared<std::map<std::int64_t, ProducerResult>>(results_of(*report));
    return [report, results](App& app) {
      app.last_check = report;
      app.apply_results(std::move(*results));
      app.notify(tr(Str::check_done));
    };
  }, [] { glfwPostEmptyEvent(); });
}

void App::write_check_report_file(const std::string& path) {
  if (!last_check) return notify(tr(Str::check_first));
  if (task.running()) return notify(tr(Str::busy));
  const std::string ws_path = ws_ ? ws_->path() : std::string();
  task.start(tr(Str::check_write), [report = last_check, path, ws_path](const Progress&) -> BackgroundTask::Completion {
    // The HTML report's map reads townships and zones through a handle of this thread's own.
    std::optional<Workspace> map_from;
    if (!ws_path.empty() && (file_extension(path) == "html" || file_extension(path) == "htm"))
      map_from.emplace(Workspace::open(ws_path, true));
    write_check_report(*report, path, nullptr, map_from ? &*map_from : nullptr);  // atomic: a temporary file, then a rename
    return [path](App& app) { app.notify(std::string(tr(Str::check_written)) + ": " + path); };
  }, [] { glfwPostEmptyEvent(); });
}

void App::save_check_inspections() {
  if (!last_check || !ws_) return notify(tr(Str::check_first));
  if (task.running()) return notify(tr(Str::busy));
  task.start(tr(Str::check_save_inspections), [report = last_check, path = ws_->path()](const Progress&) -> BackgroundTask::Completion {
    Workspace ws = Workspace::open(path);  // its own writable handle; one transaction
    const std::size_t n = save_as_inspections(ws, *report);
    return [n](App& app) { app.notify(std::to_string(n) + " " + tr(Str::check_saved)); };
  }, [] { glfwPostEmptyEvent(); });
}

void App::zoom_to_all() {
  // The district (its polygon layers) rather than every point: a producer with swapped or
  // shifted coordinates may lie far away and would shrink the district to a dot.
  Box b;
  for (const PolygonLayer& l : scene.polygons)
    for (const Box& x : l.boxes) b.expand(x);
  if (!b.valid()) b = scene.extent;
  fit_free_area(b);
}

void App::fit_free_area(const Box& b) {
  if (!b.valid()) return;
  // Fit into the part of the window the layers panel and the status bar leave free.
  const double s = content_scale * fb_per_window;
  const double left = ui.show_layers ? 330.0 * s : 0.0, top = 30.0 * s, bottom = 40.0 * s, right = 10.0 * s;
  Viewport inner = view;
  inner.width = std::max(64, static_cast<int>(view.width - left - right));
  inner.height = std::max(64, static_cast<int>(view.height - top - bottom));
  inner.fit(b, 20.0 * s);
  view.m_per_px = inner.m_per_px;
  // Shift the centre so the box's centre lands in the middle of the free area.
  view.center = {inner.center.x - (left - right) / 2.0 * view.m_per_px, inner.center.y + (top - bottom) / 2.0 * view.m_per_px};
  redraw();
}

void App::zoom_to_layer(const std::string& name) {
  Box b;
  if (const PolygonLayer* p = scene.polygon_layer(name))
    for (const Box& x : p->boxes) b.expand(x);
  if (const PointLayer* q = scene.point_layer(name))
    for (const auto& x : q->pos)
      if (x) b.expand(*x);
  fit_free_area(b);
}

void App::zoom_to_row(const std::string& layer, std::size_t row) {
  Box b;
  if (const PolygonLayer* p = scene.polygon_layer(layer); p && row < p->size()) b = p->boxes[row];
  if (const PointLayer* q = scene.point_layer(layer); q && row < q->size() && q->pos[row]) {
    b.expand(*q->pos[row]);
    view.center = *q->pos[row];
    view.set_scale_denominator(std::min(view.scale_denominator(), 25000.0));
    return redraw();
  }
  fit_free_area(b);
}

void App::zoom_to_selection() {
  Box b;
  for (std::size_t r : ui.selection.rows) {
    if (const PolygonLayer* p = scene.polygon_layer(ui.selection.layer); p && r < p->size()) b.expand(p->boxes[r]);
    if (const PointLayer* q = scene.point_layer(ui.selection.layer); q && r < q->size() && q->pos[r]) b.expand(*q->pos[r]);
  }
  if (!b.valid()) return;
  if (b.width() < 500 && b.height() < 500) {
    view.center = b.center();
    view.set_scale_denominator(std::min(view.scale_denominator(), 25000.0));
  } else {
    fit_free_area(b);
  }
}

void App::rebuild_labels() {
  labels.clear();
  ImFont* font = ImGui::GetFont();
  for (const std::string& name : styles.order) {
    const LayerStyle st = layer_style(styles, name);
    const PolygonLayer* layer = scene.polygon_layer(name);
    if (!layer || !st.visible || st.label_field.empty()) continue;
    const int col = layer->table.column(st.label_field);
    if (col < 0) continue;
    LabelLayerCache cache;
    cache.layer = name;
    const float size = name == "zones" ? font->FontSize * 1.1f : font->FontSize;
    for (std::size_t i = 0; i < layer->size(); ++i) {
      const std::string& text = layer->table.rows[i][static_cast<std::size_t>(col)];
      const ImVec2 sz = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str(), text.c_str() + text.size());
      LabelCandidate c;
      c.anchor = layer->anchors[i];
      c.width_px = sz.x * fb_per_window;
      c.height_px = sz.y * fb_per_window;
      // Zone names outrank township names; bigger polygons first within a layer.
      c.priority = (name == "zones" ? 1e12 : 0) + c.anchor.radius;
      cache.texts.push_back(text);
      cache.candidates.push_back(c);
    }
    labels.push_back(std::move(cache));
  }
  labels_dirty_ = false;
}

}  // namespace giatlas::gui
