// Runs without user input: screenshots for tests and docs, the panning benchmark, and a pixel
// probe for checking screenshots.
#pragma once
#include <string>

namespace giatlas::gui {

// Prints "R G B A" of pixel (x, y) (origin top-left) of a PNG. Returns 0, or 1 with a message
// on stderr for an unreadable file or a pixel outside the image.
int probe_png(const std::string& path, int x, int y);

}  // namespace giatlas::gui
