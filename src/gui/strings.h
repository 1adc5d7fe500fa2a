// Every text the interface shows, in one place so a Chinese translation can follow: an id per
// string and its English text. tr(id) returns the text of the active language.
#pragma once

namespace giatlas::gui {

// X(id, English text)
#define GIATLAS_UI_STRINGS(X)                                                              \
  X(app_title, "GI Atlas")                                                                 \
  X(menu_file, "File")                                                                     \
  X(menu_open, "Open workspace…")                                                          \
  X(menu_new, "New workspace…")                                                            \
  X(menu_import, "Import…")                                                                \
  X(menu_close, "Close workspace")                                                         \
  X(menu_quit, "Quit")                                                                     \
  X(menu_view, "View")                                                                     \
  X(menu_tools, "Tools")                                                                   \
  X(menu_help, "Help")                                                                     \
  X(layers_title, "Layers")                                                                \
  X(table_title, "Attribute table")                                                        \
  X(identify_title, "Identify")                                                            \
  X(identify_hint, "Click a feature on the map to see its attributes.")                    \
  X(check_title, "Origin check")                                                           \
  X(check_explain, "Checks every producer's location against the zone of the GI it "       \
                   "claims (zone version in force today, 30 m near-boundary band).")       \
  X(run_check, "Run origin check")                                                         \
  X(running_check, "Origin check")                                                         \
  X(check_done, "Origin check finished; producers are coloured by result.")                \
  X(zone_tools_title, "Zone tools")                                                        \
  X(zone_selected_townships, "Townships selected on the map")                              \
  X(zone_save_from_selection, "Save union of selected townships as a new zone version")    \
  X(zone_hint, "Select townships with a click (Ctrl+click adds) or Shift+drag.")           \
  X(ze_start, "Edit the newest zone version")                                            \
  X(ze_start_empty, "Start an empty zone")                                               \
  X(ze_stop, "Stop editing")                                                             \
  X(ze_draw, "Draw polygon")                                                             \
  X(ze_draw_mode, "Drawn polygon")                                                       \
  X(ze_mode_add, "adds")                                                                 \
  X(ze_mode_subtract, "subtracts")                                                       \
  X(ze_mode_replace, "replaces")                                                         \
  X(ze_finish, "Close polygon (Enter)")                                                  \
  X(ze_cancel, "Cancel drawing (Esc)")                                                   \
  X(ze_undo, "Undo")                                                                     \
  X(ze_redo, "Redo")                                                                     \
  X(ze_nothing, "nothing")                                                               \
  X(ze_buffer_m, "Buffer (m)")                                                           \
  X(ze_buffer, "Buffer")                                                                 \
  X(ze_add_selected, "Add selected townships")                                           \
  X(ze_subtract_selected, "Subtract selected townships")                                 \
  X(ze_clip, "Clip to district")                                                         \
  X(ze_repair, "Repair invalid results instead of refusing")                             \
  X(ze_snap_px, "Snap tolerance (px)")                                                   \
  X(ze_vertices, "Vertices")                                                             \
  X(ze_area, "Area (km²)")                                                               \
  X(ze_invalid, "Invalid")                                                               \
  X(ze_save_as, "Save as new version…")                                                  \
  X(ze_effective_from, "Effective from (YYYY-MM-DD, empty = today)")                     \
  X(ze_author, "Author")                                                                 \
  X(ze_note, "Note")                                                                     \
  X(ze_save, "Save")                                                                     \
  X(ze_history, "Zone history")                                                          \
  X(ze_version, "Version")                                                               \
  X(ze_from, "From")                                                                     \
  X(ze_to, "To")                                                                         \
  X(ze_added, "Added km²")                                                               \
  X(ze_removed, "Removed km²")                                                           \
  X(ze_source, "Source")                                                                 \
  X(ze_refused, "Refused")                                                               \
  X(ze_repaired, "Repaired")                                                             \
  X(ze_edit_hint, "Edit zone tool: click to add vertices (snapped), click the first "     \
                  "vertex or press Enter to close; drag a vertex to move it, click an "   \
                  "edge to insert one, Delete removes the hovered vertex; Ctrl+Z / "      \
                  "Ctrl+Y undo and redo.")                                               \
  X(menu_export_map, "Export map…")                                                      \
  X(export_title, "Export map")                                                          \
  X(export_version, "Version (0 = newest)")                                              \
  X(export_paper, "Paper")                                                               \
  X(export_out, "File (.pdf, .png or .svg)")                                             \
  X(export_dpi, "DPI (PNG)")                                                             \
  X(export_run, "Export")                                                                \
  X(exporting, "Exporting map")                                                          \
  X(export_done, "Map written")                                                          \
  X(tool_census, "Record census point")                                                  \
  X(census_title, "Census points")                                                       \
  X(census_start, "Start recording (click the map)")                                     \
  X(census_stop, "Stop recording")                                                       \
  X(census_hint, "Click the map where the census point is, fill in the form, Record.")   \
  X(census_product, "Product")                                                           \
  X(census_category, "Category")                                                         \
  X(census_surveyor, "Surveyor")                                                         \
  X(census_date, "Survey date (YYYY-MM-DD)")                                             \
  X(census_output, "Annual output (t)")                                                  \
  X(census_area, "Area (亩)")                                                            \
  X(census_households, "Households")                                                     \
  X(census_note, "Note")                                                                 \
  X(census_location, "Location (lon, lat)")                                              \
  X(census_record, "Record")                                                             \
  X(census_recorded, "Census point recorded")                                            \
  X(plan_title, "Inspection plan")                                                      \
  X(plan_by_ratio, "By ratio")                                                           \
  X(plan_count, "Producers to visit")                                                    \
  X(plan_ratio, "Ratio")                                                                 \
  X(plan_seed, "Seed")                                                                   \
  X(plan_stratify, "Stratify by GI")                                                     \
  X(plan_all_gis, "(every GI)")                                                          \
  X(plan_date, "Date (YYYY-MM-DD, empty = today)")                                       \
  X(plan_draw, "Draw")                                                                   \
  X(plan_summary, "Visits / eligible")                                                   \
  X(plan_out, "File (.csv or .html)")                                                    \
  X(plan_write, "Write")                                                                 \
  X(plan_written, "Plan written")                                                        \
  X(plan_save, "Save as planned inspections")                                            \
  X(plan_saved, "Planned inspections saved")                                             \
  X(plan_producer, "Producer")                                                           \
  X(plan_township, "Township")                                                           \
  X(plan_inspectors, "Inspectors")                                                       \
  X(plan_date_col, "Date")                                                               \
  X(gi, "GI")                                                                              \
  X(saved, "saved")                                                                        \
  X(help_title, "Keyboard and mouse")                                                      \
  X(help_key, "Key / gesture")                                                             \
  X(help_action, "Action")                                                                 \
  X(key_drag, "Left or middle drag")                                                       \
  X(key_arrows, "Arrow keys")                                                              \
  X(key_wheel, "Mouse wheel")                                                              \
  X(key_plus_minus, "+ / -")                                                               \
  X(key_ctrl_drag, "Ctrl + drag")                                                          \
  X(key_shift_drag, "Shift + drag")                                                        \
  X(key_click, "Click")                                                                    \
  X(key_ctrl_click, "Ctrl + click")                                                        \
  X(key_home, "Home")                                                                      \
  X(key_s, "S")                                                                            \
  X(key_i_b_z_p, "I / B / Z / P")                                                          \
  X(key_t, "T")                                                                            \
  X(key_l, "L")                                                                            \
  X(key_esc, "Esc")                                                                        \
  X(key_ctrl_o, "Ctrl + O")                                                                \
  X(key_ctrl_n, "Ctrl + N")                                                                \
  X(key_ctrl_r, "Ctrl + R")                                                                \
  X(key_f1, "F1")                                                                          \
  X(help_pan, "Pan the map")                                                               \
  X(help_pan_keys, "Pan by an eighth of the window")                                       \
  X(help_zoom_wheel, "Zoom about the cursor")                                              \
  X(help_zoom_keys, "Zoom in / out about the centre")                                      \
  X(help_zoom_box, "Zoom to the dragged box")                                              \
  X(help_select_box, "Select features in the dragged box")                                 \
  X(help_identify, "Identify and select the feature under the cursor")                     \
  X(help_toggle_select, "Add to / remove from the selection")                              \
  X(help_zoom_all, "Zoom to the whole workspace")                                          \
  X(help_zoom_selection, "Zoom to the selection")                                          \
  X(help_tools, "Tools: identify, box select, box zoom, pan")                              \
  X(help_table, "Show / hide the attribute table")                                         \
  X(help_layers, "Show / hide the layers panel")                                           \
  X(help_clear, "Clear the selection, back to identify")                                   \
  X(help_open, "Open a workspace")                                                         \
  X(help_new, "Create a workspace")                                                        \
  X(help_check, "Run the origin check")                                                    \
  X(help_help, "This window")                                                              \
  X(tool, "Tool")                                                                          \
  X(tool_pan, "Pan")                                                                       \
  X(tool_identify, "Identify")                                                             \
  X(tool_select_box, "Select by box")                                                      \
  X(tool_zoom_box, "Zoom to box")                                                          \
  X(tool_edit_zone, "Edit zone")                                                           \
  X(scale, "Scale")                                                                        \
  X(cancel, "Cancel")                                                                      \
  X(busy, "Still working on the previous task.")                                           \
  X(opening, "Opening")                                                                    \
  X(no_workspace, "No workspace open (File → Open).")                                      \
  X(layer, "Layer")                                                                        \
  X(layer_townships, "Townships 乡镇")                                                     \
  X(layer_villages, "Villages 村")                                                         \
  X(layer_zones, "GI zones 保护范围")                                                      \
  X(layer_census, "Census points 普查点")                                                  \
  X(layer_producers, "Producers 生产者")                                                   \
  X(style, "Style")                                                                        \
  X(opacity, "Opacity")                                                                    \
  X(fill_colour, "Fill")                                                                   \
  X(outline_colour, "Outline")                                                             \
  X(outline_width, "Outline width")                                                        \
  X(symbol, "Symbol")                                                                      \
  X(symbol_circle, "Circle")                                                               \
  X(symbol_square, "Square")                                                               \
  X(symbol_triangle, "Triangle")                                                           \
  X(symbol_diamond, "Diamond")                                                             \
  X(point_size, "Size")                                                                    \
  X(label_field, "Label field")                                                            \
  X(no_labels, "(no labels)")                                                              \
  X(unchecked, "Not checked")                                                              \
  X(zoom_short, "Zoom")                                                                    \
  X(zoom_to_layer, "Zoom to layer")                                                        \
  X(zoom_to_feature, "Zoom to feature")                                                    \
  X(zoom_to_selection, "Zoom to selection")                                                \
  X(zoom_all, "Zoom to workspace")                                                         \
  X(zoom_in, "Zoom in")                                                                    \
  X(zoom_out, "Zoom out")                                                                  \
  X(clear_selection, "Clear selection")                                                    \
  X(filter_hint, "Filter (any column)")                                                    \
  X(field, "Field")                                                                        \
  X(value, "Value")                                                                        \
  X(result, "Result")                                                                      \
  X(code, "Code")                                                                          \
  X(producers_count, "Producers")                                                          \
  X(total, "Total")                                                                        \
  X(open_workspace_title, "Open workspace")                                                \
  X(new_workspace_title, "New workspace")                                                  \
  X(parent_folder, "Up")                                                                   \
  X(folder, "folder")                                                                      \
  X(file_name, "File name")                                                                \
  X(district, "District")                                                                  \
  X(open, "Open")                                                                          \
  X(create, "Create")                                                                      \
  X(file_exists, "already exists")                                                         \
  X(file_missing, "is not a file")                                                         \
  X(import_title, "Import")                                                                \
  X(import_source, "Source file")                                                          \
  X(import_kind, "Import as")                                                              \
  X(import_crs, "CRS (empty: as declared)")                                                \
  X(import_encoding, "Encoding (empty: detect)")                                           \
  X(import_dry_run, "Dry run (check only, write nothing)")                                 \
  X(import_update_existing, "Update producers already in the workspace")                    \
  X(import_update_existing_tip, "A row with the credit code and GI of a producer the workspace "  \
                                "has (or, without a code, its name and GI) replaces that "      \
                                "producer's record. Off: such rows are rejected, so importing "  \
                                "the same list twice adds nothing.")                            \
  X(import_run, "Import")                                                                  \
  X(import_browse, "Browse…")                                                              \
  X(import_done, "Import finished.")                                                       \
  X(import_report, "Import report")

enum class Str {
#define GIATLAS_STR_ID(id, text) id,
  GIATLAS_UI_STRINGS(GIATLAS_STR_ID)
#undef GIATLAS_STR_ID
  count
};

// The text of `id` in the active language (English until a translation is added).
const char* tr(Str id);

}  // namespace giatlas::gui
