// The desktop application: owns the window, the open workspace and its map scene, the view,
// the UI state, and the actions every panel calls (each a thin layer over core functions).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app_state.h"
#include "fonts.h"
#include "geo/gdal.h"
#include "io/import_report.h"
#include "glfw.h"
#include "map/labels.h"
#include "map/scene.h"
#include "map/style.h"
#include "census/census_editor.h"
#include "check/origin_check.h"
#include "map_renderer.h"
#include "programme/inspection_plan.h"
#include "programme/programme_view.h"
#include "scope/zone_editor.h"
#include "map/contour_mesh.h"
#include "relief_renderer.h"
#include "task.h"
#include "trace/lot_trace.h"
#include "terrain/band_zone_build.h"
#include "terrain/dem.h"
#include "ui_state.h"
#include "workspace/workspace.h"

namespace giatlas::gui {

// Command-line options of the desktop app (see main.cpp for the syntax).
struct LaunchOptions {
  std::string workspace;           // "" = the last one, if it still exists
  std::optional<Point> view_center;  // lon/lat
  double view_scale = 0;           // 1:N; 0 = fit the whole workspace
  int width = 0, height = 0;       // 0 = remembered size
  std::string screenshot;          // write one frame here and exit
  int screenshot_frames = 4;       // frames drawn before the last one is written (ImGui lays out over 2-3)
  std::vector<std::string> show;   // windows open at start: zone-tools, check, plan, export, layers…
  std::vector<Point> print_screen_xy;  // lon/lat points whose pixel positions are printed
  bool print_layout = false;       // print view, styles, legend and placed labels (for tests)
  int bench_pan_frames = 0;        // > 0: time this many panning frames and exit
  bool bench_relief = true;        // --bench-pan draws a 30 m synthetic DEM's hillshade under the layers
  bool relief_tint = false;        // --tint: the hypsometric tint on
  // With --screenshot: the zone tools' band for these unit codes (waits for the preview, prints it).
  std::vector<std::string> band_units;
  std::optional<double> band_min, band_max;
  std::string language;            // --lang: "zh" or "en" ("" = GIATLAS_LANG, the saved setting, the locale)
  std::string edit_zone;           // open the zone editor on this GI's newest version
  std::vector<Point> zone_clicks;  // lon/lat clicks of the zone tool, drawing a polygon (screenshot)
  // With --edit-zone: the session as if opened at this version (-1: the newest), then, after
  // the clicks, Save pressed (zone_save) and, when refused, "save mine anyway" (zone_save_anyway).
  int zone_based_on = -1;
  // The record editor: --edit-record producer:ID|gi:ID, fields typed (--record-set F=V), the
  // form as if opened when the row held other values (--record-stale F=V), then Save pressed
  // (--record-save) and, when refused, "save mine over theirs" (--record-save-anyway).
  std::string edit_record;
  std::vector<std::pair<std::string, std::string>> record_set, record_stale;
  bool record_save = false, record_save_anyway = false;
  bool zone_save = false, zone_save_anyway = false;
  std::string zone_effective;  // typed into the save form's "effective from" before saving
  // With --screenshot: run the origin check with these options (as the check window does) and
  // write its report to check_report when that is set.
  bool check = false;
  std::string check_date, check_gi, check_report, check_causes;
  int programme_tab = -1;      // --programme-tab: targets, register, catalogue or candidates
  std::string trace_lot;       // --trace: open the trace window on this lot (with --screenshot)
  std::string programme_date;  // --programme-date: the programme window's as-of date ("" = today)
  std::string programme_gi;    // --programme-gi: the register row selected at start (by name)
  std::string visit_plan;      // --visit PLAN:N: the plan window's visit form opens on that visit
  int visit_no = 0;
  std::optional<Point> mouse;  // --mouse X,Y: the pointer rests there (window coordinates)
  std::string history_table, history_since;  // --history-table, --history-since: the history window's filters
  double check_tolerance = CheckOptions{}.tolerance_m;
};

// Label candidates of one layer, measured once per scene / style / font.
struct LabelLayerCache {
  std::string layer;
  std::vector<std::string> texts;
  std::vector<LabelCandidate> candidates;
};

// A label as drawn in the last frame (framebuffer pixels), for --print-layout.
struct DrawnLabel {
  std::string layer, text;
  Box screen;
  LabelAnchor anchor;
};

class App {
 public:
  explicit App(const LaunchOptions& options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  int run();

  // --- actions (panels call these) ---------------------------------------------------------
  void open_workspace(const std::string& path);  // in the background; the map follows when ready
  void create_workspace(const std::string& path, const std::string& district);
  void close_workspace();
  // The origin check with the check window's options (ui.check_*), on a worker thread.
  void run_check();
  // Writes the last check's report (.html, .csv, .gpkg or .geojson by extension), in the background.
  void write_check_report_file(const std::string& path);
  // Saves the last check's results as inspection records (with the zone versions used).
  void save_check_inspections();
  void zoom_to_all();
  void zoom_to_layer(const std::string& layer);
  void zoom_to_selection();
  // Shows `map_box` in the window area not covered by the layers panel and the status bar.
  void fit_free_area(const Box& map_box);
  void zoom_to_row(const std::string& layer, std::size_t row);
  void select(Selection s);
  // Legend entries of a layer, cached until the data or the styles change.
  const std::vector<std::pair<std::string, Rgba>>& legend(const std::string& layer);
  void styles_changed();  // recolour, relabel and (once editing settles) save to the workspace
  // --- terrain (terrain_view.cpp) ---
  // Loads the DEM and builds the relief levels in the background (after a workspace is installed).
  void start_relief();
  // Each frame: when the view needs contour lines it does not have, computes them in the
  // background for the visible area with a margin (never per frame).
  void update_contours();
  bool contours_visible() const;
  // The zone tools' band preview for `keys` (unit codes) ∩ `band`, in the background; the
  // result shows as an outline on the map. Clears it when keys are empty or the band is none.
  void request_band_preview(const std::vector<std::string>& keys, const AltitudeBand& band);
  // Saves the current preview as a new version of `gi`'s zone (band_save_request + save_zone).
  void save_band_preview(const std::string& gi);
  // "altitude 1234.5 m" / "no altitude (DEM void)" at a lon/lat; "" without a DEM.
  std::string altitude_text(const Point& lonlat) const;
  // Screenshots and tests: waits for the relief, contour and band tasks and installs their results.
  void finish_terrain_tasks();
  void redraw(int frames = 3) { ui.frames_to_draw = std::max(ui.frames_to_draw, frames); }
  void notify(const std::string& message);
  // Installs a freshly built scene (main thread).
  void install(std::unique_ptr<Workspace> ws, MapScene scene, MapStyles styles,
               std::map<std::int64_t, ProducerResult> results);
  void apply_results(std::map<std::int64_t, ProducerResult> results);
  bool has_workspace() const { return ws_ != nullptr; }
  // The open workspace, read-only (writes open their own handle; see open_workspace).
  const Workspace* workspace() const { return ws_.get(); }
  // What the windows list from the open workspace: the GI register, townships and villages,
  // each read once per load (data_version), never per frame. Every write reopens the workspace
  // (open_workspace), which bumps data_version and so refreshes them. REQUIRES: has_workspace().
  const std::vector<GiProduct>& gi_register();
  const std::vector<Township>& townships();
  // The programme window's data (core programme_view) on ui.programme_date, read once per load
  // or date change.
  const ProgrammeView& programme();
  // Adds the glyphs of `text` (core wording shown in a window) to the interface font at the next frame.
  void add_font_text(std::string text);
  // Characters in the text field being edited that the atlas lacks join it (App::frame).
  void add_glyphs_being_typed();
  const std::vector<Village>& villages();

  // --- state panels read and write ----------------------------------------------------------
  UiState ui;
  MapStyles styles = default_map_styles();
  MapScene scene;
  Viewport view;  // framebuffer pixels
  AppState remembered;
  BackgroundTask task;
  // Terrain work, apart from `task` so that it never blocks a user's action.
  BackgroundTask relief_task, contour_task, band_task;
  std::shared_ptr<const DemGrid> dem;  // the workspace's DEM, once loaded; null = none
  std::string relief_key;              // workspace path + DEM record the relief was built from
  ContourMesh contours;                // the lines' area, interval and labels (lines are on the GPU)
  int relief_builds = 0, contour_jobs = 0;  // background jobs started (tests: never per frame)
  int cache_reads = 0;  // reads of the register/townships/villages caches (tests: never per frame)
  std::shared_ptr<const UnitsBandZone> band_preview;
  std::string band_preview_key, band_preview_error;
  std::vector<LabelLayerCache> labels;
  std::vector<DrawnLabel> drawn_labels;
  std::map<std::string, std::int64_t> check_counts;  // result code -> producers
  std::shared_ptr<const CheckReport> last_check;     // the last check run here, for its report
  std::shared_ptr<const LotTrace> last_trace;        // the trace window's last lot
  std::optional<ImportReport> last_import;
  std::optional<ZoneEditor> zone_editor;  // the zone being edited (lon/lat), when a session is open
  std::string zone_editor_gi;
  std::optional<InspectionPlan> plan;  // the last drawn inspection plan
  // The census recording session: its own writable handle (every change is saved at once),
  // declared before the editor that refers to it so that it is closed after it.
  std::unique_ptr<Workspace> census_ws;
  std::unique_ptr<CensusEditor> census_editor;
  std::uint64_t data_version = 0;  // bumped whenever scene contents change (caches key on it)
  std::uint64_t style_version = 0;
  double last_draw_cpu_s = 0;    // thread CPU time of the last map draw, relief included (benchmark)
  double last_relief_cpu_s = 0;  // of which the relief's draw call
  float content_scale = 1.0f;
  float fb_per_window = 1.0f;  // framebuffer pixels per window coordinate
  int gk_epsg = 0;
  OgrTransform to_gk;  // lon/lat -> CGCS2000 Gauss–Krüger, created once per workspace
  GLFWwindow* window() const { return window_.get(); }

 private:
  // Rows read from the workspace, and the data_version they were read at.
  template <class Row>
  struct CachedRows {
    std::vector<Row> rows;
    std::uint64_t version = ~std::uint64_t{0};
  };
  CachedRows<GiProduct> gi_register_;
  std::optional<ProgrammeView> programme_;
  std::string programme_key_;
  CachedRows<Township> townships_;
  CachedRows<Village> villages_;
  void frame();
  void draw_ui();
  void refresh_fonts();
  void rebuild_labels();
  void save_styles_if_settled();
  void write_styles();  // core save_map_styles through a writable handle of its own
  int run_screenshot();
  void play_zone_clicks();
  void play_zone_save();
  void play_record_edit();
  void apply_edit_zone_option();  // --edit-zone, once the workspace is open
  int run_bench();
  void load_bench_relief(const Box& lonlat_area);
  void print_layout() const;

  LaunchOptions options_;
  GlfwSession glfw_;
  GlfwWindow window_;
  std::unique_ptr<MapRenderer> renderer_;
  std::unique_ptr<ReliefRenderer> relief_;
  void poll_terrain_tasks();
  void play_band_options();  // --band-units …, once the workspace is open (screenshot mode)
  std::unique_ptr<Workspace> ws_;
  Fonts fonts_;
  bool fonts_dirty_ = false;
  std::vector<std::string> extra_font_texts_;
  std::set<std::string> asked_glyphs_;  // missing characters already added once (add_glyphs_being_typed)
  bool labels_dirty_ = true;
  bool styles_unsaved_ = false;
  bool imgui_ready_ = false;
  std::map<std::string, std::vector<std::pair<std::string, Rgba>>> legend_cache_;
  std::uint64_t legend_key_ = ~0ULL;
};

// A writable handle for a change made on the UI thread. Another process's lock is waited for
// 3 s at most (the window does not redraw meanwhile), then refused with the holder named in
// the panel's error line.
Workspace open_for_writing(const std::string& path);

}  // namespace giatlas::gui
