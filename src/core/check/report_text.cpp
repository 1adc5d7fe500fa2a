// The plain-text summary of an origin check that the CLI prints.
#include <cstdio>

#include "check/report_writers.h"

namespace giatlas {

std::string check_summary_text(const CheckReport& report) {
  const auto& o = report.options;
  char line[256];
  std::string t = "origin check — ";
  t += report.district;
  t += ", date ";
  t += o.date;
  std::snprintf(line, sizeof line, ", tolerance %.1f m, GI %s, %d threads, %.2f s\n", o.tolerance_m,
                o.gi.empty() ? "all" : o.gi.c_str(), o.threads, report.seconds);
  t += line;
  t += "zone versions used:\n";
  for (const auto& z : report.zones) {
    std::snprintf(line, sizeof line, "  %-24s v%-3d from %-10s %6lld producers%s%s\n", z.gi.c_str(), z.version,
                  z.effective_from.c_str(), static_cast<long long>(z.producers), z.band.any() ? "  " : "",
                  band_text_zh(z.band).c_str());
    t += line;
  }
  t += "results:\n";
  for (int k = 0; k < kCheckResultCount; ++k) {
    auto r = static_cast<CheckResult>(k);
    std::snprintf(line, sizeof line, "  %-22s %8lld  %s\n", result_code(r), static_cast<long long>(report.summary.by_result[k]),
                  result_label_zh(r));
    t += line;
  }
  std::snprintf(line, sizeof line, "  %-22s %8lld\n", "total", static_cast<long long>(report.summary.total));
  t += line;
  auto table = [&](const char* title, const std::map<std::string, std::vector<std::int64_t>>& m) {
    t += title;
    t += " (";
    for (int k = 0; k < kCheckResultCount; ++k) {
      if (k) t += " / ";
      t += result_code(static_cast<CheckResult>(k));
    }
    t += "):\n";
    for (const auto& [key, counts] : m) {
      t += "  ";
      t += key.empty() ? std::string("(none)") : key;
      t += ':';
      for (auto c : counts) {
        t += ' ';
        t += std::to_string(c);
      }
      t += "\n";
    }
  };
  table("by GI", report.summary.by_gi);
  table("by township", report.summary.by_township);
  if (!report.summary.by_cause.empty()) {
    t += "suspected causes:";
    for (const auto& [c, n] : report.summary.by_cause) {
      t += ' ';
      t += c;
      t += '=';
      t += std::to_string(n);
    }
    t += "\n";
  }
  return t;
}

}  // namespace giatlas
