// QR codes through libqrencode (see qr_code.h).
#include "trace/qr_code.h"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "error.h"
#include "io/atomic_file.h"
#include "map/cairo_handles.h"

namespace giatlas {
namespace {

struct QrCodeDeleter {
  void operator()(QRcode* q) const {
    if (q) QRcode_free(q);
  }
};
using QrCodePtr = std::unique_ptr<QRcode, QrCodeDeleter>;

constexpr int kQuiet = 4;  // modules of quiet zone around the code

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

QrMatrix qr_encode(const std::string& text) {
  if (text.empty()) throw Error("QR code: nothing to encode");
  errno = 0;
  QrCodePtr q(QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                                QR_ECLEVEL_M));
  if (!q) throw Error("QR code of '" + text + "': " + (errno == ERANGE ? "too long for a QR code" : std::strerror(errno)));
  QrMatrix m;
  m.size = q->width;
  m.dark.resize(static_cast<std::size_t>(m.size) * m.size);
  for (int i = 0; i < m.size * m.size; ++i) m.dark[static_cast<std::size_t>(i)] = (q->data[i] & 1) != 0;
  return m;
}

void write_qr_png(const std::string& text, const std::string& path, int module_px) {
  if (module_px < 1 || module_px > 64) throw Error("QR code: module size must be 1 to 64 pixels");
  const QrMatrix m = qr_encode(text);
  const int side = (m.size + 2 * kQuiet) * module_px;
  CairoSurface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side));
  CairoContext cr(cairo_create(s.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x)
      if (m.at(x, y)) cairo_rectangle(cr.get(), (x + kQuiet) * module_px, (y + kQuiet) * module_px, module_px, module_px);
  cairo_fill(cr.get());
  cairo_surface_flush(s.get());
  std::string bytes;
  if (cairo_surface_write_to_png_stream(s.get(), append_bytes, &bytes) != CAIRO_STATUS_SUCCESS)
    throw Error("QR code " + path + ": PNG encoding failed");
  AtomicFile f(path, "QR code");
  f.open();
  f.write(bytes);
  f.commit();
}

std::string qr_svg(const std::string& text, int module_px) {
  const QrMatrix m = qr_encode(text);
  const int side = (m.size + 2 * kQuiet) * module_px;
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(side) + "\" height=\"" +
                  std::to_string(side) + "\" viewBox=\"0 0 " + std::to_string(m.size + 2 * kQuiet) + " " +
                  std::to_string(m.size + 2 * kQuiet) + "\" shape-rendering=\"crispEdges\">"
                  "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x)
      if (m.at(x, y)) {
        s += 'M';
        s += std::to_string(x + kQuiet);
        s += ' ';
        s += std::to_string(y + kQuiet);
        s += "h1v1h-1z";
      }
  s += "\"/></svg>";
  return s;
}

}  // namespace giatlas
