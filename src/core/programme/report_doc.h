// A small report document — headings, paragraphs, tables and a choropleth of townships — and
// its writers: self-contained HTML (inline SVG map, no external files), PDF through cairo and
// pango (A4 pages, "Noto Sans CJK SC"), CSV and XLSX (GDAL's XLSX driver, one sheet per table).
// Every text cell of a CSV or XLSX goes through the formula rule of io/csv_cell.h.
// Every file is written atomically (io/atomic_file.h).
#pragma once
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace giatlas {

struct DocTable {
  std::string name;  // sheet name (XLSX) and caption
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // per column: written as a number in XLSX (DEFAULT text)
};

struct MapArea {
  std::string name;
  MultiPolygon geom;  // lon/lat
  double value = 0;
};

struct DocBlock {
  enum Kind { heading, paragraph, table, choropleth } kind = paragraph;
  std::string text;  // heading / paragraph text, map caption
  DocTable tbl;
  std::vector<MapArea> areas;
  std::string unit;  // choropleth legend unit
};

struct ReportDoc {
  std::string title;
  std::string subtitle;
  std::vector<DocBlock> blocks;

  void h(const std::string& t) { blocks.push_back({DocBlock::heading, t, {}, {}, {}}); }
  void p(const std::string& t) { blocks.push_back({DocBlock::paragraph, t, {}, {}, {}}); }
  void add(DocTable t) { blocks.push_back({DocBlock::table, t.name, std::move(t), {}, {}}); }
  void map(const std::string& caption, std::vector<MapArea> a, const std::string& unit) {
    blocks.push_back({DocBlock::choropleth, caption, {}, std::move(a), unit});
  }
  std::vector<const DocTable*> tables() const;
};

std::string html_escape(const std::string& s);
std::string doc_html(const ReportDoc& d);
// By the extension of `path`: .html/.htm, .pdf, .csv (the document's tables one after another,
// each after a line with its name; with one table, only that table), .xlsx. `what` names the
// operation in errors. Error for another extension.
void write_doc(const ReportDoc& d, const std::string& path, const std::string& what);
void write_doc_pdf(const ReportDoc& d, const std::string& path, const std::string& what);
void write_doc_xlsx(const ReportDoc& d, const std::string& path, const std::string& what);
std::string doc_csv(const ReportDoc& d);

// The colour class (0..4) of `value` on a scale of five equal steps from 0 to `max`.
int choropleth_class(double value, double max);

}  // namespace giatlas
