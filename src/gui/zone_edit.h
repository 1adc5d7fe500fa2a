// The zone editing tool: starting a session over core ZoneEditor, the map interaction of
// Tool::edit_zone and the overlay that shows the edited geometry (zone_edit_tool.cpp).
// The editor works in lon/lat (as the workspace stores zones); the map in local metres.
#pragma once
#include <string>

#include "geo/geometry.h"
#include "scope/zone_editor.h"

namespace giatlas::gui {

class App;

// Opens an editing session on `gi`: its newest zone version when `from_current` (an empty zone,
// with the reason in the status bar, when it has none), else an empty zone. Snapping targets: townships, then the other GIs' zones.
// `version`: that version instead of the newest (DEFAULT 0: the newest); the session is based on it.
void start_zone_edit(App& app, const std::string& gi, bool from_current, int version = 0);
// Shows a refused edit's reason, or what a repair changed, in the status bar.
void report_edit(App& app, const EditResult& r);
// The choice the window's "repair" box makes. DEFAULT: refuse.
OnInvalid zone_on_invalid(const App& app);
// Saves the edited geometry as a new version of the session's GI, then reloads the map. The save
// carries the version the session started from: when someone saved a newer one meanwhile it is
// refused (nothing written, the geometry kept) and ui.zone_edit.conflict holds theirs.
void save_zone_edit(App& app);
// After a refusal, once the person has seen theirs: saves the edited geometry on top of it.
void save_zone_edit_over_conflict(App& app);

// Map input for Tool::edit_zone (cursor in framebuffer pixels). zone_edit_press returns true
// when it took the press (a vertex drag starts) so the map does not pan.
bool zone_edit_press(App& app, const Point& cursor);
void zone_edit_click(App& app, const Point& cursor);
void zone_edit_release(App& app, const Point& cursor, bool click);
void zone_edit_hover(App& app, const Point& cursor, bool over_map);
void zone_edit_keys(App& app);
// Draws the draft, the edited zone, its vertices and the snap marker over the map.
void draw_zone_edit_overlay(App& app);

}  // namespace giatlas::gui
