// Loading and saving the remembered app state (see app_state.h).
#include "app_state.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "error.h"
#include "io/atomic_file.h"

namespace giatlas::gui {

namespace fs = std::filesystem;

std::string config_dir() {
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return (fs::path(x) / "giatlas").string();
  if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".config" / "giatlas").string();
  return "";
}

AppState load_app_state() {
  AppState s;
  const std::string dir = config_dir();
  if (dir.empty()) return s;
  std::ifstream in(fs::path(dir) / "state.json");
  if (!in) return s;
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    s.window_width = std::clamp(j.value("window_width", s.window_width), 320, 16384);
    s.window_height = std::clamp(j.value("window_height", s.window_height), 240, 16384);
    s.last_workspace = j.value("last_workspace", std::string());
    s.last_folder = j.value("last_folder", std::string());
    s.language = j.value("language", std::string());
  } catch (const nlohmann::json::exception&) {
    return AppState{};
  }
  return s;
}

bool save_app_state(const AppState& s) {
  const std::string dir = config_dir();
  if (dir.empty()) return false;
  std::error_code ec;
  fs::create_directories(dir, ec);
  const std::string text = nlohmann::json{{"window_width", s.window_width},
                                          {"window_height", s.window_height},
                                          {"last_workspace", s.last_workspace},
                                          {"last_folder", s.last_folder},
                                          {"language", s.language}}
                               .dump(1);
  try {
    atomic_write_text((fs::path(dir) / "state.json").string(), "window state", text);
  } catch (const Error&) {
    return false;  // the window state is a convenience: not saving it is not worth a message
  }
  return true;
}

}  // namespace giatlas::gui
