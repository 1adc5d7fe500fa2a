// What the app remembers between runs (window size, last workspace, recent folders), in
// $XDG_CONFIG_HOME/giatlas/state.json (DEFAULT: ~/.config/giatlas/state.json).
#pragma once
#include <string>

namespace giatlas::gui {

struct AppState {
  int window_width = 1280;
  int window_height = 800;
  std::string last_workspace;
  std::string last_folder;
  std::string language;  // "zh", "en", or "" to follow the locale
};

// The config folder ($XDG_CONFIG_HOME/giatlas or ~/.config/giatlas); "" when neither is set.
std::string config_dir();
// Missing or unreadable state gives the defaults (a broken file is not worth an error dialog).
AppState load_app_state();
// Written atomically (temp file + rename); failures are ignored and reported as false.
bool save_app_state(const AppState& s);

}  // namespace giatlas::gui
