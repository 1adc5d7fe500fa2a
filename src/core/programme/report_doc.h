// A small report document — headings, paragraphs, tables and a choropleth of townships — and
// its writers: self-contained HTML (inline SVG map, no external files), PDF through cairo and
// pango (A4 pages, "Noto Sans CJK SC"), CSV and XLSX (GDAL's XLSX driver, one sheet per table).
// Every text cell of a CSV or XLSX goes through the formula rule of io/csv_cell.h.
// Every file is written atomically (io/atomic_file.h).
#pragma once
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "io/html_text.h"

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

// A bar chart: one bar per category (a year), with both axes labelled and their units named.
// Values in `y_unit` "%" are shares (0.5 = 50%); the y axis runs from 0 to y_max (DEFAULT 0:
// the largest value rounded up to a whole step, 1 for a share).
struct DocChart {
  std::string x_label, x_unit;  // 年份, 年
  std::string y_label, y_unit;  // 使用率, %   |   新增商标, 件
  std::vector<std::string> categories;
  std::vector<double> values;
  double y_max = 0;
  double target = -1;  // a target line at this value (-1 = none)
};
// The axis's top and its step (five steps) for `c`.
std::pair<double, double> chart_scale(const DocChart& c);
// A value as the chart's axis and bar labels write it ("50%", "3").
std::string chart_value_text(const DocChart& c, double v);
// The axis titles: "年份（年）", "使用率（%）".
std::string chart_axis_title(const std::string& label, const std::string& unit);

struct DocBlock {
  enum Kind { heading, paragraph, table, choropleth, chart } kind = paragraph;
  std::string text;  // heading / paragraph text, map or chart caption
  DocTable tbl;
  std::vector<MapArea> areas;
  std::string unit;  // choropleth legend unit
  DocChart chart_data;
};

struct ReportDoc {
  std::string title;
  std::string subtitle;
  std::vector<DocBlock> blocks;

  void h(const std::string& t) { blocks.push_back({DocBlock::heading, t, {}, {}, {}, {}}); }
  void p(const std::string& t) { blocks.push_back({DocBlock::paragraph, t, {}, {}, {}, {}}); }
  void add(DocTable t) { blocks.push_back({DocBlock::table, t.name, std::move(t), {}, {}, {}}); }
  void map(const std::string& caption, std::vector<MapArea> a, const std::string& unit) {
    blocks.push_back({DocBlock::choropleth, caption, {}, std::move(a), unit, {}});
  }
  void chart(const std::string& caption, DocChart c) {
    blocks.push_back({DocBlock::chart, caption, {}, {}, {}, std::move(c)});
  }
  std::vector<const DocTable*> tables() const;
};

std::string doc_html(const ReportDoc& d);
std::string svg_chart(const DocBlock& b);  // an HTML <figure> with an inline SVG bar chart
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
