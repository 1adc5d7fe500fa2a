// The zone editing tool: clicks add snapped vertices, a vertex drag moves it, a click on an
// edge inserts one, Delete removes the hovered vertex, Ctrl+Z / Ctrl+Y undo and redo. Every
// change is a ZoneEditor call; this file converts between the screen and lon/lat and draws.
#include "zone_edit.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app.h"
#include "error.h"
#include "glfw.h"
#include "scope/zone_history.h"
#include "scope/zone_requests.h"
#include "strings.h"
#include "workspace/edit_conflict.h"

namespace giatlas::gui {
namespace {

Point to_lonlat(const App& app, const Point& fb) { return app.scene.proj.to_lonlat(app.view.to_map(fb)); }

ImVec2 to_window(const App& app, const Point& lonlat) {
  const Point s = app.view.to_screen(app.scene.proj.to_map(lonlat));
  const float inv = 1.0f / app.fb_per_window;
  return ImVec2(static_cast<float>(s.x) * inv, static_cast<float>(s.y) * inv);
}

// The pixel tolerance in lon/lat degrees at the cursor (the larger of the two axes, so that
// the target is never smaller than the marker the user sees).
double tolerance_deg(const App& app, const Point& cursor) {
  const double px = app.ui.zone_edit.snap_px * app.fb_per_window;
  const Point a = to_lonlat(app, cursor);
  const Point bx = to_lonlat(app, {cursor.x + px, cursor.y});
  const Point by = to_lonlat(app, {cursor.x, cursor.y + px});
  return std::max(std::abs(bx.x - a.x), std::abs(by.y - a.y));
}

MultiPolygon all_of(const std::vector<Township>& towns) {
  MultiPolygon m;
  for (const Township& t : towns)
    m.polygons.insert(m.polygons.end(), t.geom.polygons.begin(), t.geom.polygons.end());
  return m;
}

}  // namespace

OnInvalid zone_on_invalid(const App& app) {
  return app.ui.zone_edit.repair ? OnInvalid::repair : OnInvalid::refuse;
}

void report_edit(App& app, const EditResult& r) {
  if (!r.applied)
    app.notify(std::string(tr(Str::ze_refused)) + ": " + r.reason);
  else if (r.repaired)
    app.notify(std::string(tr(Str::ze_repaired)) + ": " + r.reason);
  else
    app.notify("");
  app.redraw();
}

void start_zone_edit(App& app, const std::string& gi, bool from_current, int version) {
  if (!app.has_workspace() || gi.empty()) return;
  const Workspace& ws = *app.workspace();
  MultiPolygon initial;
  if (from_current) {
    try {
      initial = find_zone_version(ws, gi, version).geom;
    } catch (const Error& e) {
      app.notify(e.what());
    }
  }
  app.zone_editor.emplace(std::move(initial));
  app.zone_editor_gi = gi;
  ZoneEditUi& ze = app.ui.zone_edit;
  // Started empty or from the newest version, the session replaces the newest version it saw.
  const std::vector<ZoneVersion> seen = ws.zone_versions(gi);
  ze.based_on = from_current && version > 0 ? version : seen.empty() ? 0 : seen.back().version;
  ze.conflict.reset();
  ze.conflict_text.clear();
  Snapper& snapper = app.zone_editor->snapper();
  snapper.add_layer(all_of(app.townships()));
  for (const GiProduct& g : app.gi_register()) {
    if (g.name == gi) continue;
    const std::vector<ZoneVersion> versions = ws.zone_versions(g.name);
    if (!versions.empty()) snapper.add_layer(versions.back().geom);
  }
  app.ui.zone_edit.hovered.reset();
  app.ui.zone_edit.moving.reset();
  app.ui.tool = Tool::edit_zone;
  app.redraw();
}

void save_zone_edit(App& app) {
  if (!app.zone_editor || !app.has_workspace()) return;
  ZoneEditUi& ze = app.ui.zone_edit;
  try {
    const ZoneSaveRequest req =
        drawn_save_request(app.zone_editor_gi, {ze.effective_from, ze.author, ze.note, ze.based_on});
    const std::string path = app.workspace()->path();
    ZoneVersion v;
    {
      Workspace writable = open_for_writing(path);
      v = save_zone(writable, app.zone_editor->geometry(), req);
    }
    ze.show_save = false;
    ze.based_on = v.version;
    ze.conflict.reset();
    ze.conflict_text.clear();
    app.ui.zone_history_key.clear();
    app.open_workspace(path);
    app.notify(req.gi + " v" + std::to_string(v.version) + " " + tr(Str::saved));
  } catch (const EditConflict& e) {
    // Nothing was written and the editor keeps the geometry: show theirs beside it.
    ze.conflict_text = e.what();
    ze.conflict_key = -1;
    try {
      ze.conflict = find_zone_version(*app.workspace(), app.zone_editor_gi, e.newer_version());
    } catch (const Error&) {
      ze.conflict.reset();
    }
    ze.show_save = true;
    app.notify(e.what());
    app.redraw();
  } catch (const Error& e) {
    app.notify(e.what());
  }
}

void save_zone_edit_over_conflict(App& app) {
  ZoneEditUi& ze = app.ui.zone_edit;
  if (!ze.conflict) return;
  ze.based_on = ze.conflict->version;  // seen: saved on top of it, as the next version
  save_zone_edit(app);
}

bool zone_edit_press(App& app, const Point& cursor) {
  if (!app.zone_editor || app.zone_editor->drawing()) return false;
  const auto v = app.zone_editor->nearest_vertex(to_lonlat(app, cursor), tolerance_deg(app, cursor));
  if (!v) return false;
  app.ui.zone_edit.moving = v;
  app.ui.zone_edit.moving_to = to_lonlat(app, cursor);
  return true;
}

void zone_edit_click(App& app, const Point& cursor) {
  if (!app.zone_editor) return;
  ZoneEditor& ed = *app.zone_editor;
  const Point p = to_lonlat(app, cursor);
  const double tol = tolerance_deg(app, cursor);
  if (ed.drawing() && !ed.draft_closed()) {
    ed.add_draft_vertex(p, tol);
    if (ed.draft_closed()) report_edit(app, ed.finish_draw(static_cast<DrawMode>(app.ui.zone_edit.draw_mode),
                                                           zone_on_invalid(app)));
    app.redraw();
    return;
  }
  if (ed.drawing() || ed.nearest_vertex(p, tol)) return;  // a vertex is moved by dragging
  if (const auto e = ed.nearest_edge(p, tol)) report_edit(app, ed.insert_vertex(e->after, e->at, zone_on_invalid(app)));
}

void zone_edit_release(App& app, const Point& cursor, bool click) {
  ZoneEditUi& ze = app.ui.zone_edit;
  if (!ze.moving || !app.zone_editor) return;
  const VertexRef v = *ze.moving;
  ze.moving.reset();
  if (click) return;  // a click on a vertex, not a move
  const Point p = app.zone_editor->snap(to_lonlat(app, cursor), tolerance_deg(app, cursor)).point;
  const MultiPolygon& g = app.zone_editor->geometry();
  if (v.polygon < g.polygons.size() && v.ring < g.polygons[v.polygon].rings.size() &&
      v.index < g.polygons[v.polygon].rings[v.ring].size() && g.polygons[v.polygon].rings[v.ring][v.index] == p)
    return;  // a click on a vertex, not a move
  report_edit(app, app.zone_editor->move_vertex(v, p, zone_on_invalid(app)));
}

void zone_edit_hover(App& app, const Point& cursor, bool over_map) {
  ZoneEditUi& ze = app.ui.zone_edit;
  ze.snap = Snap{};
  ze.hovered.reset();
  if (!app.zone_editor || !over_map) return;
  const Point p = to_lonlat(app, cursor);
  const double tol = tolerance_deg(app, cursor);
  ze.snap = app.zone_editor->snap(p, tol);
  if (ze.moving) ze.moving_to = ze.snap.point;
  if (!app.zone_editor->drawing() && !ze.moving) ze.hovered = app.zone_editor->nearest_vertex(p, tol);
}

void zone_edit_keys(App& app) {
  if (!app.zone_editor) return;
  ZoneEditor& ed = *app.zone_editor;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Z) && ed.undo()) report_edit(app, {true, false, ""});
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Y) && ed.redo()) report_edit(app, {true, false, ""});
  if (ed.drawing()) {
    if (ImGui::IsKeyPressed(GLFW_KEY_ENTER) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER))
      report_edit(app, ed.finish_draw(static_cast<DrawMode>(app.ui.zone_edit.draw_mode), zone_on_invalid(app)));
    if (ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE)) ed.remove_last_draft_vertex(), app.redraw();
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) ed.cancel_draw(), app.redraw();
  } else if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
    app.ui.tool = Tool::identify;
  }
  if (!ed.drawing() && app.ui.zone_edit.hovered &&
      (ImGui::IsKeyPressed(GLFW_KEY_DELETE) || ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE))) {
    report_edit(app, ed.delete_vertex(*app.ui.zone_edit.hovered, zone_on_invalid(app)));
    app.ui.zone_edit.hovered.reset();
  }
}

void draw_zone_edit_overlay(App& app) {
  if (!app.zone_editor || !app.scene.extent.valid()) return;
  const ZoneEditor& ed = *app.zone_editor;
  const ZoneEditUi& ze = app.ui.zone_edit;
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const float s = app.content_scale;
  const ImU32 line = IM_COL32(200, 30, 160, 255), vertex = IM_COL32(255, 255, 255, 255);
  // Vertex markers only on screen, and not so many that they hide the map (zoom in to edit).
  constexpr int kMaxMarkers = 3000;
  int markers = 0;
  const float width = static_cast<float>(app.view.width) / app.fb_per_window;
  const float height = static_cast<float>(app.view.height) / app.fb_per_window;
  std::vector<ImVec2> pts;
  if (ze.conflict && ze.conflict_overlay)  // the version saved meanwhile, under the edited outline
    for (const Polygon& poly : ze.conflict->geom.polygons)
      for (const Ring& ring : poly.rings) {
        pts.clear();
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) pts.push_back(to_window(app, ring[i]));
        if (pts.size() >= 2)
          dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(255, 140, 0, 255), ImDrawFlags_Closed, 3.0f * s);
      }
  for (std::size_t pi = 0; pi < ed.geometry().polygons.size(); ++pi) {
    const Polygon& poly = ed.geometry().polygons[pi];
    for (std::size_t ri = 0; ri < poly.rings.size(); ++ri) {
      const Ring& ring = poly.rings[ri];
      pts.clear();
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const bool moved = ze.moving && *ze.moving == VertexRef{pi, ri, i};
        pts.push_back(to_window(app, moved ? ze.moving_to : ring[i]));
      }
      if (pts.size() < 2) continue;
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), line, ImDrawFlags_Closed, 2.0f * s);
      ImVec2 last(-1e9f, -1e9f);
      for (std::size_t i = 0; i < pts.size() && markers < kMaxMarkers; ++i) {
        if (pts[i].x < 0 || pts[i].y < 0 || pts[i].x > width || pts[i].y > height) continue;
        const bool hot = ze.hovered && *ze.hovered == VertexRef{pi, ri, i};
        // Vertices closer than a marker to the last one drawn would only thicken the line.
        if (!hot && std::abs(pts[i].x - last.x) + std::abs(pts[i].y - last.y) < 6 * s) continue;
        last = pts[i];
        ++markers;
        dl->AddRectFilled(ImVec2(pts[i].x - 3 * s, pts[i].y - 3 * s), ImVec2(pts[i].x + 3 * s, pts[i].y + 3 * s),
                          hot ? IM_COL32(255, 200, 0, 255) : vertex);
        dl->AddRect(ImVec2(pts[i].x - 3 * s, pts[i].y - 3 * s), ImVec2(pts[i].x + 3 * s, pts[i].y + 3 * s), line);
      }
    }
  }
  if (ed.drawing()) {
    pts.clear();
    for (const Point& p : ed.draft()) pts.push_back(to_window(app, p));
    if (app.ui.cursor_on_map) pts.push_back(to_window(app, ze.snap.point));
    if (pts.size() >= 2)
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(0, 110, 220, 255), ImDrawFlags_None, 2.0f * s);
    for (std::size_t i = 0; i < ed.draft().size(); ++i)
      dl->AddCircleFilled(pts[i], (i == 0 ? 5.0f : 3.5f) * s, IM_COL32(0, 110, 220, 255));
  }
  if (ze.snap.kind != SnapKind::none) {
    const ImVec2 c = to_window(app, ze.snap.point);
    const ImU32 col = IM_COL32(255, 120, 0, 255);
    if (ze.snap.kind == SnapKind::vertex)
      dl->AddRect(ImVec2(c.x - 6 * s, c.y - 6 * s), ImVec2(c.x + 6 * s, c.y + 6 * s), col, 0, 0, 2.0f * s);
    else
      dl->AddCircle(c, 6 * s, col, 16, 2.0f * s);
  }
}

}  // namespace giatlas::gui
