// The programme's documents, in Chinese: the protection catalogue, the candidate ranking and the
// yearly report for the district government. Each is a ReportDoc (report_doc.h) that writes as
// HTML, PDF, CSV or XLSX; the GUI shows the same tables.
#pragma once
#include <string>

#include "programme/report_doc.h"

namespace giatlas {

class Workspace;

// One table, one row per resource (by category in the four categories' order, then name):
// 类别, 名称, 状态, 状态日期, 产地乡镇, 面积（亩）, 年产量（吨）, 农户, 企业, 生产历史（始于）,
// 普查点, 地理标志, 调查人, 调查日期, 知名度, 资料来源, 照片.
ReportDoc catalogue_doc(const Workspace& ws);

// The ranked candidate sheets (candidates.h) with each criterion's score and its source, the
// weights and the tie rule stated.
ReportDoc candidates_doc(const Workspace& ws);

// The yearly report for `year`, measured on `as_of` (DEFAULT: 31 December of the year, or today
// while the year is not over). Sections: targets; new registrations in the year; standards
// (published in the year, the due list, overdue and due within 90 days); authorised users and
// use rate per GI and per year since the plan began; census summary per township and category
// with a choropleth of census points per township; inspections done in the year and their
// results; the catalogue by category and status.
ReportDoc programme_report_doc(const Workspace& ws, int year, std::string as_of = "");

// The as-of date of a year's report, by the DEFAULT above.
std::string report_as_of(int year);

}  // namespace giatlas
