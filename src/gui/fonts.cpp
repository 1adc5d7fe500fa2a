// Finding and loading the CJK font with a glyph set built from the text in use and the common
// simplified characters (see fonts.h).
#include "fonts.h"

#include <filesystem>
#include <fstream>

#include "strings.h"

namespace giatlas::gui {

int font_face_count(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char head[12] = {};
  if (!in.read(reinterpret_cast<char*>(head), sizeof head)) return 0;
  if (head[0] == 't' && head[1] == 't' && head[2] == 'c' && head[3] == 'f')  // TrueType collection
    return (head[8] << 24) | (head[9] << 16) | (head[10] << 8) | head[11];
  return 1;
}

FontFace find_cjk_font() {
  static const FontFace known[] = {{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2},
                                   {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0},
                                   {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0}};
  for (const FontFace& f : known)
    if (font_face_count(f.path) > f.index) return f;
  return {};
}

void Fonts::rebuild(float pixel_size, const std::vector<std::string>& texts) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  size_ = pixel_size;
  const FontFace face = find_cjk_font();
  cjk_ = !face.path.empty();
  if (!cjk_) {
    ImFontConfig cfg;
    cfg.SizePixels = pixel_size;
    io.Fonts->AddFontDefault(&cfg);
    io.Fonts->Build();
    return;
  }
  ImFontGlyphRangesBuilder b;
  b.AddRanges(io.Fonts->GetGlyphRangesDefault());
  // The 2,500 common simplified characters too: a name or a note typed into a form shows as typed
  // even when nothing in the workspace uses its characters yet.
  b.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
  for (int i = 0; i < static_cast<int>(Str::count); ++i) b.AddText(tr(static_cast<Str>(i)));
  for (const std::string& t : texts) b.AddText(t.c_str(), t.c_str() + t.size());
  b.AddText("°′″·—…×÷≤≥→←↑↓①②③中文");  // 中文: the language menu names itself in Chinese
  ranges_.clear();
  b.BuildRanges(&ranges_);
  ImFontConfig cfg;
  cfg.FontNo = face.index;
  cfg.OversampleH = 2;  // a third less atlas than the default 3, no visible difference at 16 px
  io.Fonts->AddFontFromFileTTF(face.path.c_str(), pixel_size, &cfg, ranges_.Data);
  io.Fonts->Build();
}

}  // namespace giatlas::gui
