// The application object: window and ImGui set-up, the event loop that redraws only when
// something changed, and the frame itself (see app.h).
#include "app.h"

#include <imgui_internal.h>

#include <ctime>
#include <filesystem>

#include "role_gate.h"
#include "backends/imgui_impl_glfw.h"
#include "backends/imgui_impl_opengl3.h"
#include "check/origin_check.h"
#include "error.h"
#include "map/field_labels.h"
#include "panels.h"
#include "map/feature_colour.h"
#include "map/qgis_styles.h"
#include "strings.h"
#include "zone_edit.h"

namespace giatlas::gui {

namespace {

// --show NAME: the window's flag in the UI state, or null for an unknown name.
bool* window_flag(UiState& ui, const std::string& name) {
  const std::pair<const char*, bool*> windows[] = {
      {"zone-tools", &ui.show_zone_tools}, {"check", &ui.show_check}, {"plan", &ui.show_plan},
      {"export", &ui.show_export},         {"census", &ui.show_census}, {"import", &ui.show_import},
      {"table", &ui.show_table},           {"layers", &ui.show_layers}, {"identify", &ui.show_identify},
      {"database", &ui.show_database},     {"programme", &ui.show_programme}, {"scope", &ui.show_scope},
      {"trace", &ui.show_trace},           {"history", &ui.show_history}};
  for (const auto& [n, flag] : windows)
    if (name == n) return flag;
  return nullptr;
}

}  // namespace

App::App(const LaunchOptions& options) : options_(options) {
  for (const std::string& name : options.show) {
    bool* flag = window_flag(ui, name);
    if (!flag)
      throw Error("--show: unknown window '" + name + "' (zone-tools, check, plan, export, census, import, table, "
                  "layers, identify, programme, scope, trace, history)");
    *flag = true;
  }
  ui.programme_date = options.programme_date;
  ui.programme_tab = options.programme_tab;
  ui.programme_forms.select_gi = options.programme_gi;
  ui.visit.plan = options.visit_plan;
  ui.visit.visit_no = options.visit_no;
  ui.history.table = options.history_table;
  ui.history.since = options.history_since;
  remembered = load_app_state();
  const bool headless = !options.screenshot.empty() || options.bench_pan_frames > 0;
  const int w = options.width > 0 ? options.width : remembered.window_width;
  const int h = options.height > 0 ? options.height : remembered.window_height;
  window_ = make_gl_window(w, h, tr(Str::app_title), !headless);
  glfwSwapInterval(headless ? 0 : 1);
  float sx = 1, sy = 1;
  glfwGetWindowContentScale(window_.get(), &sx, &sy);
  content_scale = std::max(1.0f, sx);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  static std::string ini_path;  // ImGui keeps the pointer; one app per process
  const std::string dir = config_dir();
  if (headless || dir.empty()) {
    io.IniFilename = nullptr;  // never write imgui.ini into the working directory
  } else {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    ini_path = dir + "/imgui.ini";
    io.IniFilename = ini_path.c_str();
  }
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.WindowBorderSize = 1;
  style.ScaleAllSizes(content_scale);
  ImGui_ImplGlfw_InitForOpenGL(window_.get(), true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  imgui_ready_ = true;
  fonts_.rebuild(16.0f * content_scale, {});

  renderer_ = std::make_unique<MapRenderer>();
  relief_ = std::make_unique<ReliefRenderer>();
  ui.relief_tint = options.relief_tint;
  view.dpi = 96.0 * content_scale;
  view.center = {0, 0};
  view.m_per_px = 100;
  int fbw = 0, fbh = 0;
  glfwGetFramebufferSize(window_.get(), &fbw, &fbh);
  view.width = std::max(fbw, 1);
  view.height = std::max(fbh, 1);

  std::string path = options.workspace;
  if (path.empty() && !headless && !remembered.last_workspace.empty() &&
      (is_postgis_address(remembered.last_workspace) || std::filesystem::exists(remembered.last_workspace)))
    path = remembered.last_workspace;
  if (!path.empty()) open_workspace(path);
}

App::~App() {
  for (BackgroundTask* t : {&task, &relief_task, &contour_task, &band_task}) t->cancel();
  for (BackgroundTask* t : {&task, &relief_task, &contour_task, &band_task}) t->wait();
  // A role that may not change the settings has kept its styles for the session only.
  if (styles_unsaved_ && ws_ && role_may(*this, "giatlas_settings").allowed) {
    try {
      write_styles();
    } catch (const std::exception&) {
      // Leaving: nothing useful to do with an error here.
    }
  }
  if (options_.screenshot.empty() && options_.bench_pan_frames == 0) {
    int w = 0, h = 0;
    glfwGetWindowSize(window_.get(), &w, &h);
    if (w > 0 && h > 0) remembered.window_width = w, remembered.window_height = h;
    save_app_state(remembered);
  }
  renderer_.reset();
  relief_.reset();
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
}

void App::notify(const std::string& message) {
  ui.status_message = message;
  redraw();
}

void App::add_glyphs_being_typed() {
  // The field being edited (typed, pasted or composed by an input method) may hold characters the
  // atlas lacks, drawn as "?" this frame: they join it, drawn from the next.
  const ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetActiveID());
  const ImFont* font = ImGui::GetFont();
  if (!st || !font) return;
  std::string missing;
  for (int i = 0; i < st->CurLenW && i < st->TextW.Size; ++i) {
    const unsigned c = st->TextW[i];
    if (c < 0x80 || font->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
    if (c < 0x800) {
      missing += static_cast<char>(0xC0 | (c >> 6));
    } else {
      missing += static_cast<char>(0xE0 | (c >> 12));
      missing += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    missing += static_cast<char>(0x80 | (c & 0x3F));
  }
  // Asked once: characters the font file itself lacks stay "?" without a rebuild every frame.
  if (!missing.empty() && asked_glyphs_.insert(missing).second) add_font_text(std::move(missing));
}

void App::add_font_text(std::string text) {
  extra_font_texts_.push_back(std::move(text));
  fonts_dirty_ = true;
}

void App::refresh_fonts() {
  std::vector<std::string> texts;
  for (const auto& l : scene.polygons)
    for (const auto& row : l.table.rows) texts.insert(texts.end(), row.begin(), row.end());
  for (const auto& l : scene.points)
    for (const auto& row : l.table.rows) texts.insert(texts.end(), row.begin(), row.end());
  for (const auto& [k, v] : styles.census_category) texts.push_back(k);
  for (int i = 0; i < kCheckResultCount; ++i) texts.push_back(result_label_zh(static_cast<CheckResult>(i)));
  for (std::string& l : field_labels_zh()) texts.push_back(std::move(l));  // identify and table headers
  texts.insert(texts.end(), extra_font_texts_.begin(), extra_font_texts_.end());
  if (ws_) texts.push_back(ws_->metadata().district_name);
  if (ws_ && ws_->postgis())  // the sentences of what the role cannot change (role_gate.h tooltips)
    for (const char* t : kGatedTables) texts.push_back(role_may_change(ws_->role(), true, t).reason);
  try {  // the programme window's register, catalogue and ranking (core texts and names)
    if (ws_)
      for (std::string& t : programme().texts()) texts.push_back(std::move(t));
  } catch (const Error&) {
    // a malformed --programme-date: the window says so; the font does without those names
  }
  // The altitude band's wording and the preview's findings (core texts, in Chinese too).
  texts.push_back(band_text_zh(AltitudeBand{1000.0, 1600.0}) + band_text_zh(AltitudeBand{1200.0, {}}) +
                  band_text_zh(AltitudeBand{{}, 1600.0}) + band_text_en(AltitudeBand{1000.0, 1600.0}));
  if (band_preview)
    for (const BandFinding& f : band_preview->zone.findings) texts.push_back(f.detail);
  fonts_.rebuild(16.0f * content_scale, texts);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  fonts_dirty_ = false;
  labels_dirty_ = true;
}

void App::install(std::unique_ptr<Workspace> ws, MapScene s, MapStyles st,
                  std::map<std::int64_t, ProducerResult> results) {
  // Reopening the same workspace after a write (a saved zone) keeps the view and the edit.
  const bool same_path = ws_ && ws && ws_->path() == ws->path();
  if (!same_path) {
    zone_editor.reset(), census_editor.reset(), census_ws.reset();
    band_preview.reset(), band_preview_key.clear();
    renderer_->set_overlay({});
  }
  ws_ = std::move(ws);
  scene = std::move(s);
  styles = std::move(st);
  ui.selection = {};
  ui.identified.clear();
  ++data_version;
  renderer_->set_scene(scene, styles);
  renderer_->set_selection(scene, ui.selection);
  apply_results(std::move(results));
  // The status bar's Gauss–Krüger zone follows the workspace, and its transform is made once.
  const Point c = scene.proj.to_lonlat(scene.extent.valid() ? scene.extent.center() : Point{});
  gk_epsg = cgcs2000_gk3_epsg(c.x);
  try {
    to_gk = make_transform(srs_cgcs2000(), srs_from_user("EPSG:" + std::to_string(gk_epsg)));
  } catch (const Error& e) {
    to_gk.reset();
    notify(e.what());
  }
  remembered.last_workspace = without_password(ws_->path());  // never a password in the settings file
  fonts_dirty_ = true;
  if (!same_path) zoom_to_all();
  start_relief();  // in the background; the map is usable meanwhile
  glfwSetWindowTitle(window_.get(), (std::string(tr(Str::app_title)) + " — " + ws_->shown()).c_str());
}

void App::styles_changed() {
  ++style_version;
  renderer_->update_colours(scene, styles);
  labels_dirty_ = true;
  styles_unsaved_ = true;
  redraw();
}

Workspace open_for_writing(const std::string& path) {
  LockWait wait;
  wait.limit = std::chrono::milliseconds(3000);
  return Workspace::open(path, false, wait);
}

void App::write_styles() {
  Workspace w = open_for_writing(ws_->path());  // the view's handle is read-only
  save_map_styles(w, styles);                  // the setting and the QGIS layer styles, together
}

void App::save_styles_if_settled() {
  // Saving while a slider is dragged would write the GeoPackage every frame; wait until the
  // edit ends.
  if (!styles_unsaved_ || !ws_ || ImGui::IsAnyItemActive()) return;
  styles_unsaved_ = false;
  // A role that may not change the workspace's settings keeps its styles for this session.
  if (const RoleVerdict v = role_may(*this, "giatlas_settings"); !v.allowed) return notify(v.reason);
  try {
    write_styles();
  } catch (const std::exception& e) {
    notify(e.what());
  }
}

const std::vector<std::pair<std::string, Rgba>>& App::legend(const std::string& layer) {
  const std::uint64_t key = data_version * 1000003ULL + style_version;
  if (key != legend_key_) legend_cache_.clear(), legend_key_ = key;
  auto it = legend_cache_.find(layer);
  if (it == legend_cache_.end()) it = legend_cache_.emplace(layer, legend_entries(styles, scene, layer)).first;
  return it->second;
}

void App::select(Selection s) {
  if (s == ui.selection) return;
  ui.selection = std::move(s);
  renderer_->set_selection(scene, ui.selection);
  redraw();
}

void App::frame() {
  std::string error;
  if (task.poll(*this, error) && !error.empty()) notify(error);
  poll_terrain_tasks();
  if (fonts_dirty_) refresh_fonts();
  int fbw = 0, fbh = 0, ww = 0, wh = 0;
  glfwGetFramebufferSize(window_.get(), &fbw, &fbh);
  glfwGetWindowSize(window_.get(), &ww, &wh);
  fb_per_window = ww > 0 ? static_cast<float>(fbw) / static_cast<float>(ww) : 1.0f;
  view.width = std::max(fbw, 1);
  view.height = std::max(fbh, 1);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // --mouse X,Y (with --screenshot): the pointer rests there, so hover and tooltips show in the frame.
  if (options_.mouse) ImGui::GetIO().MousePos = ImVec2(static_cast<float>(options_.mouse->x), static_cast<float>(options_.mouse->y));
  ImGui::NewFrame();
  handle_map_input(*this);
  draw_ui();
  add_glyphs_being_typed();
  if (labels_dirty_) rebuild_labels();
  draw_map_labels(*this);
  update_contours();
  draw_contour_labels(*this);
  ImGui::Render();

  glViewport(0, 0, fbw, fbh);
  glClearColor(0.87f, 0.91f, 0.94f, 1.0f);  // the land outside the district: pale blue-grey
  glClear(GL_COLOR_BUFFER_BIT);
  timespec t0{}, t1{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
  if (ui.show_relief) relief_->draw(view, ui.relief_tint, ui.relief_opacity);
  timespec tr{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &tr);
  last_relief_cpu_s = static_cast<double>(tr.tv_sec - t0.tv_sec) + static_cast<double>(tr.tv_nsec - t0.tv_nsec) * 1e-9;
  renderer_->draw(scene, styles, view, content_scale, contours_visible());
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
  last_draw_cpu_s = static_cast<double>(t1.tv_sec - t0.tv_sec) + static_cast<double>(t1.tv_nsec - t0.tv_nsec) * 1e-9;
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  save_styles_if_settled();
}

void App::draw_ui() {
  draw_zone_edit_overlay(*this);  // on the background list: under the windows, over the map
  draw_main_menu(*this);
  draw_layers_panel(*this);
  draw_identify_panel(*this);
  draw_attribute_table(*this);
  draw_check_panel(*this);
  draw_file_dialog(*this);
  draw_database_panel(*this);
  draw_help_window(*this);
  draw_zone_tools(*this);
  draw_import_panel(*this);
  draw_export_map(*this);
  draw_census_tool(*this);
  draw_inspection_plan_panel(*this);
  draw_programme_panel(*this);
  draw_scope_panel(*this);
  draw_record_edit_panel(*this);
  draw_trace_panel(*this);
  draw_history_panel(*this);
  draw_status_bar(*this);
}

void App::apply_edit_zone_option() {
  if (options_.edit_zone.empty() || !has_workspace()) return;
  ui.zone_gi = options_.edit_zone;
  ui.show_zone_tools = true;
  start_zone_edit(*this, options_.edit_zone, true);
  options_.edit_zone.clear();  // once, when the workspace is first open
}

int App::run() {
  if (!options_.screenshot.empty()) return run_screenshot();
  if (options_.bench_pan_frames > 0) return run_bench();
  while (!glfwWindowShouldClose(window_.get())) {
    if (task.running() || relief_task.running() || contour_task.running() || band_task.running())
      glfwWaitEventsTimeout(0.25);  // keep the progress bar moving
    else if (ui.frames_to_draw <= 0)
      glfwWaitEvents();  // idle: nothing is drawn until an event arrives
    else
      glfwPollEvents();
    if (ui.frames_to_draw <= 0) ui.frames_to_draw = 3;  // ImGui settles within a few frames
    frame();
    glfwSwapBuffers(window_.get());
    --ui.frames_to_draw;
    if (!options_.edit_zone.empty() && !task.running()) apply_edit_zone_option();
  }
  return 0;
}

}  // namespace giatlas::gui
