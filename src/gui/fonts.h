// The CJK font of the interface and the map labels. The glyph set is built from the default
// Latin ranges, the 2,500 common simplified Chinese characters (what a person types), every UI
// string and the text of the open workspace (rarer characters of names), so the atlas stays
// far smaller than the font's 30,000 glyphs.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

namespace giatlas::gui {

// A font file and face; "" when none of the known CJK fonts is installed.
struct FontFace {
  std::string path;
  int index = 0;
};
// Noto Sans CJK SC (face 2 of the .ttc), else WenQuanYi Micro Hei (face 0); the face index is
// checked against the collection's header, since ImGui aborts on a face that does not exist.
FontFace find_cjk_font();
// Number of faces in a font file (1 for a plain .ttf/.otf, 0 when unreadable).
int font_face_count(const std::string& path);

class Fonts {
 public:
  // Rebuilds the atlas at `pixel_size` with glyphs for `texts` (plus the UI strings). Must be
  // called outside a frame; the caller re-creates the renderer's font texture afterwards.
  void rebuild(float pixel_size, const std::vector<std::string>& texts);
  bool has_cjk() const { return cjk_; }
  float size() const { return size_; }

 private:
  ImVector<ImWchar> ranges_;  // must outlive the atlas build
  bool cjk_ = false;
  float size_ = 16;
};

}  // namespace giatlas::gui
