// Mouse and keyboard on the map: drag to pan, wheel to zoom about the cursor, click to
// identify and select, Shift+drag to select by box, Ctrl+drag (or the zoom tool) to box-zoom.
#include <imgui.h>

#include <cmath>

#include "app.h"
#include "map/hit_test.h"
#include "panels.h"
#include "zone_edit.h"

namespace giatlas::gui {
namespace {

constexpr float kClickSlopPx = 4.0f;

// Features under a pixel in every visible layer, top layer first; points within a few pixels.
std::vector<Identified> identify_at(const App& app, const Point& fb_px) {
  std::vector<Identified> out;
  const Point m = app.view.to_map(fb_px);
  const double radius = (6.0 + 2.0) * app.content_scale * app.view.m_per_px;
  for (auto it = app.styles.order.rbegin(); it != app.styles.order.rend(); ++it) {
    const auto st = app.styles.layers.find(*it);
    if (st != app.styles.layers.end() && !st->second.visible) continue;
    if (const PointLayer* p = app.scene.point_layer(*it))
      for (std::size_t r : pick_points(*p, m, radius)) out.push_back({*it, r});
    if (const PolygonLayer* p = app.scene.polygon_layer(*it))
      for (std::size_t r : pick_polygons(*p, m)) out.push_back({*it, r});
  }
  return out;
}

// Box selection picks from the top-most visible layer that has something in the box.
Selection select_in_box(const App& app, const Point& a, const Point& b) {
  Box box;
  box.expand(app.view.to_map(a));
  box.expand(app.view.to_map(b));
  for (auto it = app.styles.order.rbegin(); it != app.styles.order.rend(); ++it) {
    const auto st = app.styles.layers.find(*it);
    if (st != app.styles.layers.end() && !st->second.visible) continue;
    std::vector<std::size_t> rows;
    if (const PointLayer* p = app.scene.point_layer(*it)) rows = select_points(*p, box);
    if (const PolygonLayer* p = app.scene.polygon_layer(*it)) rows = select_polygons(*p, box);
    if (!rows.empty()) return Selection{*it, {rows.begin(), rows.end()}};
  }
  return {};
}

// imgui 1.86 indexes keys by the backend's key codes (GLFW's) for all but a few named keys.
void keyboard(App& app) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureKeyboard) return;
  const double step_x = app.view.width / 8.0, step_y = app.view.height / 8.0;
  if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) app.view.pan_pixels(step_x, 0), app.redraw();
  if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) app.view.pan_pixels(-step_x, 0), app.redraw();
  if (ImGui::IsKeyPressed(GLFW_KEY_UP)) app.view.pan_pixels(0, step_y), app.redraw();
  if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) app.view.pan_pixels(0, -step_y), app.redraw();
  const Point mid{app.view.width / 2.0, app.view.height / 2.0};
  for (unsigned c : io.InputQueueCharacters) {
    if (c == '+' || c == '=') app.view.zoom_about(mid, 2.0), app.redraw();
    if (c == '-' || c == '_') app.view.zoom_about(mid, 0.5), app.redraw();
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_HOME)) app.zoom_to_all();
  if (app.ui.tool == Tool::edit_zone) {
    zone_edit_keys(app);  // Escape, Enter, Delete and Ctrl+Z / Ctrl+Y belong to the tool
  } else if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
    app.select({}), app.ui.tool = Tool::identify;
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_F1)) app.ui.show_help = !app.ui.show_help;
  if (!io.KeyCtrl && !io.KeyAlt) {
    if (ImGui::IsKeyPressed(GLFW_KEY_Z)) app.ui.tool = Tool::zoom_box;
    if (ImGui::IsKeyPressed(GLFW_KEY_I)) app.ui.tool = Tool::identify;
    if (ImGui::IsKeyPressed(GLFW_KEY_B)) app.ui.tool = Tool::select_box;
    if (ImGui::IsKeyPressed(GLFW_KEY_P)) app.ui.tool = Tool::pan;
    if (ImGui::IsKeyPressed(GLFW_KEY_S)) app.zoom_to_selection();
    if (ImGui::IsKeyPressed(GLFW_KEY_T)) app.ui.show_table = !app.ui.show_table;
    if (ImGui::IsKeyPressed(GLFW_KEY_L)) app.ui.show_layers = !app.ui.show_layers;
  }
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O)) open_file_dialog(app, FileDialogMode::open_workspace);
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_N)) open_file_dialog(app, FileDialogMode::new_workspace);
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_R)) app.run_check();
}

}  // namespace

void handle_map_input(App& app) {
  ImGuiIO& io = ImGui::GetIO();
  UiState& ui = app.ui;
  const float k = app.fb_per_window;
  const Point cursor{io.MousePos.x * k, io.MousePos.y * k};
  const bool over_map = !io.WantCaptureMouse && ImGui::IsMousePosValid();
  if (over_map && (cursor.x != ui.cursor.x || cursor.y != ui.cursor.y)) app.redraw(1);  // status bar follows
  ui.cursor = cursor;
  ui.cursor_on_map = over_map;
  keyboard(app);
  const bool editing = ui.tool == Tool::edit_zone;
  if (editing) zone_edit_hover(app, cursor, over_map);

  if (over_map && io.MouseWheel != 0) {
    app.view.zoom_about(cursor, std::pow(1.25, static_cast<double>(io.MouseWheel)));
    app.redraw();
  }
  const bool boxing_tool = ui.tool == Tool::select_box || ui.tool == Tool::zoom_box;
  if (over_map && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    ui.drag_start = cursor;
    ui.box_dragging = boxing_tool || io.KeyShift || io.KeyCtrl;
    ui.dragging = !ui.box_dragging;
    if (editing && zone_edit_press(app, cursor)) ui.dragging = ui.box_dragging = false;  // a vertex drag
  }
  if (over_map && ImGui::IsMouseClicked(ImGuiMouseButton_Middle)) ui.drag_start = cursor, ui.dragging = true;
  if (ui.dragging && (ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Middle))) {
    const ImVec2 d = io.MouseDelta;
    if (d.x != 0 || d.y != 0) {
      app.view.pan_pixels(d.x * k, d.y * k);
      app.redraw();
    }
  }
  if (ui.box_dragging && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    const float inv = 1.0f / k;
    ImGui::GetForegroundDrawList()->AddRect(
        ImVec2(static_cast<float>(ui.drag_start.x) * inv, static_cast<float>(ui.drag_start.y) * inv), io.MousePos,
        IM_COL32(0, 120, 215, 255), 0, 0, 1.5f * app.content_scale);
    ImGui::GetForegroundDrawList()->AddRectFilled(
        ImVec2(static_cast<float>(ui.drag_start.x) * inv, static_cast<float>(ui.drag_start.y) * inv), io.MousePos,
        IM_COL32(0, 120, 215, 40));
    app.redraw();
  }
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Middle)) {
    const double moved = std::hypot(cursor.x - ui.drag_start.x, cursor.y - ui.drag_start.y);
    const bool click = moved < kClickSlopPx * k && !io.WantCaptureMouse;
    if (ui.tool == Tool::census && click && ImGui::IsMouseReleased(ImGuiMouseButton_Left))
      census_click(app, app.scene.proj.to_lonlat(app.view.to_map(cursor)));
    if (editing && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
      zone_edit_release(app, cursor, click);
      if (click) zone_edit_click(app, cursor);
    }
    if (ui.box_dragging && !click) {
      if (ui.tool == Tool::zoom_box || (io.KeyCtrl && ui.tool != Tool::select_box))
        app.view.zoom_to_screen_rect(ui.drag_start, cursor);
      else
        app.select(select_in_box(app, ui.drag_start, cursor));
    } else if (click && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ui.tool != Tool::edit_zone &&
               ui.tool != Tool::census) {
      ui.identified = identify_at(app, cursor);
      if (ui.identified.empty()) {
        app.select({});
      } else {
        const Identified& top = ui.identified.front();
        Selection s = io.KeyCtrl && app.ui.selection.layer == top.layer ? app.ui.selection : Selection{top.layer, {}};
        if (io.KeyCtrl && s.rows.count(top.row)) s.rows.erase(top.row); else s.rows.insert(top.row);
        app.select(std::move(s));
        ui.show_identify = ui.tool == Tool::identify || ui.show_identify;
      }
    }
    ui.dragging = ui.box_dragging = false;
    app.redraw();
  }
}

}  // namespace giatlas::gui
