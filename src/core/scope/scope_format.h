// The scope statement written out: Chinese plain text (as an application states it), Markdown
// (for dossiers) and JSON (for other programs). All three print the same numbers.
#pragma once
#include <string>

#include "scope/scope_statement.h"

namespace giatlas {

// "地域范围：武隆区仙女山街道、双河镇…共N个乡镇M个行政村，地理坐标为东经…，北纬…，总面积…平方公里（…公顷，…亩）。"
// followed by the centroid, the boundary vintage and, for synthetic data, a note saying so.
// DEFAULT: km² and 公顷 with two decimals, 亩 rounded to whole 亩.
std::string scope_text(const ScopeStatement& s);
std::string scope_markdown(const ScopeStatement& s);
// Keys: gi, district, synthetic, version, effective_from, effective_to, source, townships[…],
// township_count, partial_count, village_count (null when unknown), extent{…, text},
// area{m2, km2, ha, mu}, centroid{lon, lat, text}, boundary_vintage. Pretty-printed.
std::string scope_json(const ScopeStatement& s);

// "text" | "md" | "json"; throws Error for another name.
std::string format_scope(const ScopeStatement& s, const std::string& format);

}  // namespace giatlas
