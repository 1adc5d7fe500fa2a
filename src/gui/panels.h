// The panels and tools of the window, one file each. Every function draws its part for the
// current frame and calls App actions (core functions) for what the user asks.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "ui_state.h"

namespace giatlas::gui {

class App;

void draw_main_menu(App& app);        // main_menu.cpp: File / View / Tools / Help
void draw_layers_panel(App& app);     // layers_panel.cpp: visibility, order, style, legend
void draw_identify_panel(App& app);   // identify_panel.cpp: attributes of clicked features
void draw_attribute_table(App& app);  // attribute_table_panel.cpp: sort, filter, zoom to row
void draw_check_panel(App& app);      // check_panel.cpp: run the origin check, progress, summary
void draw_file_dialog(App& app);      // file_dialog.cpp: open / new workspace browser
void draw_database_panel(App& app);   // database_panel.cpp: a PostGIS connection and its workspaces
void draw_help_window(App& app);      // help_window.cpp: keyboard shortcuts
void draw_zone_tools(App& app);       // zone_tools.cpp: zone from townships, zone editing, save
void draw_zone_history(App& app);
// zone_band_tool.cpp: the altitude band of a zone from units, its preview and save.
void draw_zone_band_section(App& app, const std::vector<std::string>& codes);     // zone_history_panel.cpp: versions and area changes
void draw_export_map(App& app);       // export_map_panel.cpp: printable scope map (render_map)
void draw_census_tool(App& app);      // census_tool.cpp: record census points, undo / redo
// A click on the map with the census tool (lon/lat) fills the form's location.
void census_click(App& app, const Point& lonlat);
void draw_inspection_plan_panel(App& app);  // inspection_plan_panel.cpp: draw, write, save
void draw_visit_form(App& app);             // visit_form_panel.cpp: record a visit of a saved plan
void draw_programme_panel(App& app);
void draw_scope_panel(App& app);      // scope_panel.cpp: the statement of a GI's zone in force, to copy  // programme_panel.cpp: targets, register, catalogue, candidates
// record_edit_panel.cpp: a register entry or a producer, saved against the row it began from.
void draw_record_edit_panel(App& app);
void open_record_edit(App& app, bool producer, std::int64_t id);
void save_record_edit(App& app);
// After a refusal, once theirs was seen: saves the form over the row as it is now.
void save_record_edit_over(App& app);
// Sets a form field (`in_before`: the row as the form read it) by its column name, as typing
// would (tests); false for a field the form does not have.
bool set_record_field(App& app, const std::string& field, const std::string& value, bool in_before);
void draw_import_panel(App& app);     // import_panel.cpp: import a file, report as a table
void draw_history_panel(App& app);    // history_panel.cpp: the audit trail of a PostGIS workspace
void draw_trace_panel(App& app);      // trace_panel.cpp: a lot's verdict, its areas selected on the map
// Traces lot `code` as the trace window's button does (trace_panel.cpp).
void trace_lot_code(App& app, const std::string& code);
void draw_status_bar(App& app);       // status_bar.cpp: cursor position, scale, tool, progress
void handle_map_input(App& app);      // map_input.cpp: pan, zoom, identify, select
void draw_map_labels(App& app);       // map_labels.cpp: placed labels on the background list
void draw_contour_labels(App& app);   // terrain_view.cpp: contour levels at large scales
void draw_relief_section(App& app);   // layers_panel.cpp: hillshade, tint, contours

// Opens the file dialog (file_dialog.cpp).
void open_file_dialog(App& app, FileDialogMode mode);

}  // namespace giatlas::gui
