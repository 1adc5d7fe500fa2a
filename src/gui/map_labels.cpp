// Map labels: placed by the core each frame (no overlaps, hidden when they do not fit) and
// drawn with the CJK font on ImGui's background draw list, under every panel.
#include <imgui.h>

#include "app.h"
#include "map/labels.h"
#include "panels.h"

namespace giatlas::gui {

void draw_map_labels(App& app) {
  std::vector<LabelCandidate> all;
  std::vector<std::pair<std::size_t, std::size_t>> origin;  // (layer cache, index)
  for (std::size_t l = 0; l < app.labels.size(); ++l)
    for (std::size_t i = 0; i < app.labels[l].candidates.size(); ++i) {
      all.push_back(app.labels[l].candidates[i]);
      origin.push_back({l, i});
    }
  app.drawn_labels.clear();
  if (all.empty()) return;
  const std::vector<PlacedLabel> placed = place_labels(all, app.view);
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  ImFont* font = ImGui::GetFont();
  const float inv = 1.0f / app.fb_per_window;
  for (const PlacedLabel& p : placed) {
    const auto [l, i] = origin[p.candidate];
    const bool zone = app.labels[l].layer == "zones";
    const float size = zone ? font->FontSize * 1.1f : font->FontSize;
    const std::string& text = app.labels[l].texts[i];
    const ImVec2 at(static_cast<float>(p.screen.minx) * inv, static_cast<float>(p.screen.miny) * inv);
    const ImU32 ink = zone ? IM_COL32(10, 40, 90, 255) : IM_COL32(60, 60, 60, 255);
    // A white halo keeps the text readable over fills and lines.
    const float h = 1.0f * app.content_scale;
    for (const ImVec2 d : {ImVec2(-h, 0), ImVec2(h, 0), ImVec2(0, -h), ImVec2(0, h), ImVec2(-h, -h), ImVec2(h, h),
                           ImVec2(-h, h), ImVec2(h, -h)})
      dl->AddText(font, size, ImVec2(at.x + d.x, at.y + d.y), IM_COL32(255, 255, 255, 220), text.c_str(),
                  text.c_str() + text.size());
    dl->AddText(font, size, at, ink, text.c_str(), text.c_str() + text.size());
    app.drawn_labels.push_back({app.labels[l].layer, text, p.screen, all[p.candidate].anchor});
  }
}

}  // namespace giatlas::gui
