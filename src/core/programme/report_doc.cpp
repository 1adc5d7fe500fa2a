// Report documents as HTML, CSV and XLSX (PDF: report_pdf.cpp).
#include "programme/report_doc.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "error.h"
#include "geo/gdal.h"
#include "io/atomic_file.h"
#include "io/csv_cell.h"

namespace giatlas {

namespace {

const char* const kClassColours[5] = {"#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"};

std::string lower_ext(const std::string& path) {
  const auto dot = path.find_last_of('.');
  std::string e = dot == std::string::npos ? "" : path.substr(dot + 1);
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

std::string fmt(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

// A map area's rings as an SVG path in a frame of `w` × `h` pixels around `box`.
std::string svg_path(const MultiPolygon& m, const Box& box, double sx, double sy, double h) {
  std::string d;
  for (const Polygon& p : m.polygons)
    for (const Ring& r : p.rings) {
      std::string last;
      for (std::size_t i = 0; i < r.size(); ++i) {
        const std::string xy = fmt((r[i].x - box.minx) * sx) + " " + fmt(h - (r[i].y - box.miny) * sy);
        if (xy == last) continue;  // vertices closer than the drawing's 0.1 px
        d += (i == 0 ? "M" : "L") + xy;
        last = xy;
      }
      d += "Z";
    }
  return d;
}

std::string svg_map(const DocBlock& b) {
  Box box;
  double max = 0;
  for (const MapArea& a : b.areas) {
    for (const Polygon& p : a.geom.polygons)
      for (const Point& pt : p.rings.empty() ? Ring{} : p.rings.front()) box.expand(pt);
    max = std::max(max, a.value);
  }
  if (!box.valid()) return "";
  const double k = std::cos((box.miny + box.maxy) / 2 * M_PI / 180);
  const double w = 640, sx = w / (box.width() * k), h = std::round((box.maxy - box.miny) * sx);
  std::string s = "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + fmt(w) + "\" height=\"" +
                  fmt(h) + "\" viewBox=\"0 0 " + fmt(w) + " " + fmt(h) + "\">\n";
  for (const MapArea& a : b.areas)
    s += "<path fill-rule=\"evenodd\" fill=\"" + std::string(kClassColours[choropleth_class(a.value, max)]) +
         "\" stroke=\"#555\" stroke-width=\"0.6\" d=\"" + svg_path(a.geom, box, sx * k, sx, h) +
         "\"><title>" + html_escape(a.name) + "：" + fmt(a.value) + b.unit + "</title></path>\n";
  s += "</svg><figcaption>" + html_escape(b.text) + "　图例：";
  for (int c = 0; c < 5; ++c)
    s += "<span class=\"sw\" style=\"background:" + std::string(kClassColours[c]) + "\"></span>" +
         fmt(max * c / 5) + "–" + fmt(max * (c + 1) / 5) + " ";
  return s + b.unit + "</figcaption></figure>\n";
}

}  // namespace

int choropleth_class(double value, double max) {
  if (max <= 0 || value <= 0) return 0;
  return std::clamp(static_cast<int>(value / max * 5), 0, 4);
}

std::vector<const DocTable*> ReportDoc::tables() const {
  std::vector<const DocTable*> out;
  for (const DocBlock& b : blocks)
    if (b.kind == DocBlock::table) out.push_back(&b.tbl);
  return out;
}

std::string doc_html(const ReportDoc& d) {
  std::string s =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + html_escape(d.title) +
      "</title>\n<style>body{font-family:\"Noto Sans CJK SC\",sans-serif;margin:2em;color:#222}"
      "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:.25em .6em;"
      "text-align:left}th{background:#eef3ea}td.n{text-align:right}caption{text-align:left;font-weight:bold}"
      ".sw{display:inline-block;width:1em;height:1em;border:1px solid #888;vertical-align:middle;margin:0 "
      ".2em}"
      ".met{color:#1a7f37}.on_track{color:#9a6700}.behind{color:#cf222e}</style></head><body>\n";
  s += "<h1>" + html_escape(d.title) + "</h1>\n";
  if (!d.subtitle.empty()) s += "<p>" + html_escape(d.subtitle) + "</p>\n";
  for (const DocBlock& b : d.blocks) {
    switch (b.kind) {
      case DocBlock::heading:
        s += "<h2>" + html_escape(b.text) + "</h2>\n";
        break;
      case DocBlock::paragraph:
        s += "<p>" + html_escape(b.text) + "</p>\n";
        break;
      case DocBlock::choropleth:
        s += svg_map(b);
        break;
      case DocBlock::chart:
        s += svg_chart(b);
        break;
      case DocBlock::table: {
        const DocTable& t = b.tbl;
        s += "<table id=\"" + html_escape(t.name) + "\"><caption>" + html_escape(t.name) + "</caption>\n<tr>";
        for (const auto& c : t.header) s += "<th>" + html_escape(c) + "</th>";
        s += "</tr>\n";
        for (const auto& row : t.rows) {
          s += "<tr>";
          for (std::size_t i = 0; i < row.size(); ++i) {
            const bool n = i < t.numeric.size() && t.numeric[i];
            s += std::string(n ? "<td class=\"n\">" : "<td>") + html_escape(row[i]) + "</td>";
          }
          s += "</tr>\n";
        }
        if (t.rows.empty())
          s += "<tr><td colspan=\"" + std::to_string(t.header.size()) + "\">（无）</td></tr>\n";
        s += "</table>\n";
        break;
      }
    }
  }
  return s + "</body></html>\n";
}

std::string doc_csv(const ReportDoc& d) {
  const auto tables = d.tables();
  std::string out;
  for (const DocTable* t : tables) {
    if (tables.size() > 1) {
      if (!out.empty()) out += "\r\n";
      append_csv_text(out, t->name);
      out += "\r\n";
    }
    auto line = [&](const std::vector<std::string>& cells, bool header) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        const bool n = !header && i < t->numeric.size() && t->numeric[i];
        if (n)
          out += cells[i];  // a number the program formatted itself
        else
          append_csv_text(out, cells[i]);
      }
      out += "\r\n";
    };
    line(t->header, true);
    for (const auto& r : t->rows) line(r, false);
  }
  return out;
}

void write_doc_xlsx(const ReportDoc& d, const std::string& path, const std::string& what) {
  ensure_gdal();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("XLSX");
  if (!drv) throw Error(what + " " + path + ": GDAL has no XLSX driver");
  atomic_write(path, what, [&](const std::string& tmp) {
    QuietGdalErrors quiet;
    GdalDataset ds(drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw Error(what + " " + path + ": " + CPLGetLastErrorMsg());
    for (const DocTable* t : d.tables()) {
      // Sheet names: at most 31 characters, none of []:*?/\ .
      std::string sheet = t->name;
      for (char& c : sheet)
        if (std::string("[]:*?/\\").find(c) != std::string::npos) c = '_';
      OGRLayer* l = ds->CreateLayer(sheet.c_str(), nullptr, wkbNone, nullptr);
      if (!l) throw Error(what + " " + path + ": cannot add sheet " + sheet);
      for (std::size_t i = 0; i < t->header.size(); ++i) {
        const bool n = i < t->numeric.size() && t->numeric[i];
        OGRFieldDefn f(t->header[i].c_str(), n ? OFTReal : OFTString);
        if (l->CreateField(&f) != OGRERR_NONE)
          throw Error(what + " " + path + ": cannot add column " + t->header[i]);
      }
      for (const auto& row : t->rows) {
        OgrFeature f(OGRFeature::CreateFeature(l->GetLayerDefn()));
        for (std::size_t i = 0; i < row.size() && i < t->header.size(); ++i) {
          const bool n = i < t->numeric.size() && t->numeric[i];
          if (row[i].empty()) continue;
          if (n)
            f->SetField(static_cast<int>(i), std::atof(row[i].c_str()));
          else  // the same formula rule as CSV: a text cell never starts a formula
            f->SetField(static_cast<int>(i), (starts_like_formula(row[i]) ? "'" + row[i] : row[i]).c_str());
        }
        if (l->CreateFeature(f.get()) != OGRERR_NONE) throw Error(what + " " + path + ": cannot write a row");
      }
    }
    ds.reset();  // GDAL writes the workbook when the dataset closes
    if (CPLGetLastErrorType() >= CE_Failure) throw Error(what + " " + path + ": " + CPLGetLastErrorMsg());
  });
}

void write_doc(const ReportDoc& d, const std::string& path, const std::string& what) {
  const std::string e = lower_ext(path);
  if (e == "html" || e == "htm") return atomic_write_text(path, what, doc_html(d));
  if (e == "csv") return atomic_write_text(path, what, doc_csv(d));
  if (e == "xlsx") return write_doc_xlsx(d, path, what);
  if (e == "pdf") return write_doc_pdf(d, path, what);
  throw Error(what + " " + path + ": unknown format '." + e + "' (html, pdf, csv or xlsx)");
}

}  // namespace giatlas
