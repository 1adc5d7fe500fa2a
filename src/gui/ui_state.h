// All state of the user interface in one struct (what is open, the tool, the selection, the
// view). Domain state (the workspace, check results) lives in the core types the App holds.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "check/origin_check.h"
#include "programme_forms.h"
#include "geo/geometry.h"
#include "scope/zone_editor.h"
#include "workspace/model.h"
#include "workspace/pg_audit.h"

namespace giatlas::gui {

enum class Tool { pan, identify, select_box, zoom_box, edit_zone, census };

// The selection shared by the map and the attribute tables: rows of one layer.
struct Selection {
  std::string layer;
  std::set<std::size_t> rows;
  bool empty() const { return rows.empty(); }
  friend bool operator==(const Selection&, const Selection&) = default;
};

enum class FileDialogMode { open_workspace, new_workspace, import_source };

// The ImGui-drawn file dialog (file_dialog.cpp).
struct FileDialogState {
  bool open = false;
  FileDialogMode mode = FileDialogMode::open_workspace;
  std::string folder;
  std::string file_name;
  std::string district = "武隆区";
  std::string error;
};

// One identified feature, shown in the identify panel.
struct Identified {
  std::string layer;
  std::size_t row = 0;
};

// The zone editing tool (zone_edit_tool.cpp) and its part of the zone tools window.
struct ZoneEditUi {
  std::optional<VertexRef> hovered;  // vertex under the cursor
  std::optional<VertexRef> moving;   // vertex being dragged
  Point moving_to;                   // lon/lat, snapped, while dragging
  Snap snap;                         // snap target under the cursor; kind none = no marker
  float snap_px = 10.0f;             // DEFAULT: 10 window pixels, converted to map units
  double buffer_m = 50.0;
  int draw_mode = 0;  // 0 add, 1 subtract, 2 replace (DrawMode order)
  bool repair = false;
  bool show_save = false;
  std::string effective_from, author, note;
  // Validity and area of the edited geometry, recomputed when its fingerprint changes (GEOS's
  // validity check is too slow for every frame of a 10,000-vertex zone).
  double stats_key = -1;
  std::string invalid;
  double km2 = 0;
  // The version the session started from (0: none): every save carries it, so that a version
  // saved by someone else meanwhile refuses the save (core EditConflict) instead of being
  // silently followed. Then `conflict` holds that version (drawn over the edited zone while
  // `conflict_overlay`), `conflict_text` the refusal, `conflict_cmp` the two compared (computed
  // again when the edited geometry changes: conflict_key); the edited geometry stays as it was.
  int based_on = 0;
  std::optional<ZoneVersion> conflict;
  std::string conflict_text;
  bool conflict_overlay = true;
  double conflict_key = -1;
  double conflict_only_theirs_km2 = 0, conflict_only_mine_km2 = 0, conflict_theirs_km2 = 0, conflict_mine_km2 = 0;
};

// The record editor (record_edit_panel.cpp): one register entry or one producer, the row as it
// was read when the form opened (`*_before`, what the save is checked against) and the form.
// After a refused save `conflict` holds the refusal and `*_now` the row as it is now; the form
// keeps the person's values.
struct RecordEditUi {
  bool open = false;
  bool producer = false;  // else a register entry
  GiProduct gi_before, gi_form, gi_now;
  Producer producer_before, producer_form, producer_now;
  std::string lon, lat;  // the form's corrected location (decimal degrees, CGCS2000)
  std::string conflict;
};

// One row of the zone history table, with the change against the previous version.
struct ZoneHistoryRow {
  int version = 0;
  std::string from, to, source, author, note;
  double km2 = 0, added_km2 = 0, removed_km2 = 0;
};

struct UiState {
  // The role-gated items drawn (role_gate.h), by label without its ##id: the table each writes,
  // whether the role may, where it was drawn (window coordinates) and whether its tooltip showed;
  // printed by --print-layout.
  struct RoleGateSeen {
    std::string table;
    bool allowed = true;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool tooltip = false;
  };
  std::map<std::string, RoleGateSeen> role_gates;
  bool show_history = false;  // Tools -> History… (history_panel.cpp)
  struct History {
    std::string table, since;           // the filters ("" for all)
    std::vector<AuditEntry> entries;    // newest first
    std::vector<std::string> tables;    // the workspace's tables, for the filter
    std::string error;                  // the last read's error, or the GeoPackage's line
    std::uint64_t read_version = ~std::uint64_t{0};  // data_version of the last read
    bool stale = true;                  // the filters changed: read again
  } history;
  Tool tool = Tool::identify;
  Selection selection;
  std::vector<Identified> identified;

  bool show_layers = true;
  bool show_identify = false;
  bool show_table = false;
  bool show_help = false;
  bool show_import = false;
  bool show_check = false;
  // The origin check's options and report file (the check window).
  std::string check_date;      // "" = today
  float check_tolerance = static_cast<float>(CheckOptions{}.tolerance_m);  // metres
  std::string check_gi;        // "" = every GI
  std::string check_causes;    // "" = every producer; else cause codes, comma-separated (CheckOptions::causes)
  std::string check_out;       // report path; "" = origin_check.html beside the workspace
  bool show_zone_tools = false;
  std::string table_layer = "producers";
  std::string table_filter;
  int table_sort_column = -1;
  bool table_sort_ascending = true;
  std::vector<std::size_t> table_rows;  // filtered and sorted rows, cached per table_key
  std::string table_key;

  // Mouse interaction on the map.
  bool dragging = false;
  bool box_dragging = false;
  Point drag_start;      // window pixels
  Point cursor;          // window pixels
  bool cursor_on_map = false;

  FileDialogState file_dialog;
  std::string zone_gi;
  // The "New GI" form of the zone tools (a GI must be in the register before it has a zone).
  bool show_new_gi = false;
  std::string new_gi_name, new_gi_holder;
  int new_gi_category = 0, new_gi_type = 0;  // indexes into gi_categories() / gi_protection_types()
  ZoneEditUi zone_edit;
  // The census tool (census_tool.cpp): the form of the next point and where it was clicked.
  bool show_census = false;
  CensusPoint census_form;
  bool census_has_location = false;
  // The programme window (programme_panel.cpp): the as-of date ("" = today), its selections
  // and its forms.
  bool show_programme = false;
  std::string programme_date;
  int programme_tab = -1;  // a tab to select at the next frame (0 targets … 3 candidates), -1 none
  int programme_gi = -1, programme_resource = -1;  // selected rows (register, catalogue)
  int programme_next_status = 1;                   // index into catalogue_statuses()
  std::string programme_change_date, programme_reg_type = "地理标志证明商标", programme_reg_no,
      programme_reg_authority = "国家知识产权局";
  std::string programme_std_no, programme_std_title, programme_std_date;
  std::string programme_user_name, programme_user_code, programme_user_approved, programme_user_expiry;
  ProgrammeForms programme_forms;  // the window's other forms (programme_forms.h)
  RecordEditUi record_edit;
  // The scope statement window (scope_panel.cpp): the GI, and its statement for that GI and
  // load (scope_key), as text and as Markdown.
  bool show_scope = false;
  bool scope_show_md = false;
  std::string scope_gi, scope_key, scope_text, scope_md, scope_error;
  // The inspection plan panel (inspection_plan_panel.cpp).
  bool show_plan = false;
  bool plan_by_ratio = false;
  int plan_count = 10;
  float plan_ratio = 0.05f;
  int plan_seed = 0;
  bool plan_stratify = false;
  std::string plan_gi;  // "" = every GI
  std::string plan_date;
  std::string plan_out;
  std::string plan_save_name;
  // The visit form of the plan window (visit_form_panel.cpp): the saved plans and the chosen
  // plan's visits and current records, read when the form loads or reloads (never per frame),
  // and the fields of the record being entered.
  struct VisitForm {
    bool loaded = false;
    std::vector<std::string> plans;  // saved plan names
    std::string plan;                // the chosen one
    int visit_no = 0;                // 0 = none chosen
    std::vector<std::pair<int, std::string>> visits;  // visit no, "producer — planned inspectors"
    std::vector<std::vector<std::string>> planned;    // the planned inspectors of each visit
    std::vector<std::string> current;                 // per visit: its current record, "" none
    std::vector<std::string> roster;                  // active inspectors
    std::set<std::string> present;
    std::string date, follow_up, x, y, crs, evidence, note;
    int finding = 0, action = 0;
    float accuracy_m = 0;
    std::int64_t corrects = 0;  // the current record of the chosen visit, 0 none
  } visit;
  // File → Open database… (database_panel.cpp): a PostgreSQL/PostGIS connection, its workspaces.
  bool show_database = false;
  std::string db_connection = "PG:dbname=gi";
  std::string db_password;
  std::vector<std::pair<std::string, std::string>> db_found;  // schema, district
  bool db_searched = false;
  std::string db_error;
  // File → Export map… (export_map_panel.cpp).
  bool show_export = false;
  std::string export_gi;
  int export_version = 0;  // 0 = newest
  int export_paper = 0;    // 0 A4, 1 A3
  std::string export_out;  // the format follows the extension
  int export_dpi = 300;
  bool export_relief = true;  // hillshade and contours when the workspace has a DEM
  bool export_areas = false;  // the GI's production areas over the zone (RenderOptions::areas)
  std::vector<ZoneHistoryRow> zone_history;  // cached per zone_history_key
  std::string zone_history_key;
  // The import form (import_panel.cpp).
  std::string import_source;
  int import_kind = 4;  // ImportKind::Producers
  // The trace window (trace_panel.cpp): the lot code typed, and what the last trace said.
  bool show_trace = false;
  std::string trace_code, trace_error, trace_written;
  std::string import_crs;
  std::string import_encoding;
  bool import_dry_run = false;
  bool import_update_existing = false;
  // The relief layer (layers panel): hillshade, hypsometric tint, contour lines.
  bool show_relief = true;
  bool relief_tint = false;
  float relief_opacity = 1.0f;
  bool show_contours = true;
  // The zone tools' altitude band (either bound optional; used when the workspace has a DEM).
  bool band_min_on = false, band_max_on = false;
  double band_min_m = 1200, band_max_m = 1600;
  std::string status_message;  // last error or notice, shown in the status bar
  int frames_to_draw = 3;      // redraw countdown; idle waits for events when it reaches 0
};

}  // namespace giatlas::gui
