// QR codes (libqrencode) of a lot's code, for the packaging: a module matrix, and a PNG of it
// drawn with cairo, written atomically.
#pragma once
#include <string>
#include <vector>

namespace giatlas {

struct QrMatrix {
  int size = 0;                // modules per side
  std::vector<bool> dark;      // row-major, size × size
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x]; }
};

// Encodes `text` (UTF-8, 8-bit mode, error correction level M). Error when it is empty or too
// long for a QR code.
QrMatrix qr_encode(const std::string& text);

// Writes the code of `text` as a PNG: `module_px` pixels per module (DEFAULT 8) and the quiet
// zone of 4 modules the standard asks for. Atomic; Error naming the path on failure.
void write_qr_png(const std::string& text, const std::string& path, int module_px = 8);

// The same matrix as an inline SVG element (for the lot's HTML page).
std::string qr_svg(const std::string& text, int module_px = 4);

}  // namespace giatlas
