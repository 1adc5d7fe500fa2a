// giatlas: the desktop map. Usage:
//   giatlas [--workspace W] [--view lon,lat,scale] [--size WxH] [--show WINDOW,...]
//           [--screenshot out.png [--frames N]]
//           [--print-screen-xy lon,lat]... [--print-layout] [--bench-pan N]
//           [--edit-zone GI [--zone-click lon,lat]...] [--tint]
//           [--check [--check-date D] ...] [--band-units CODE,... [--band-min M] [--band-max M]]
//   giatlas --probe image.png x y        (prints the RGBA of one pixel; for tests)
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "app.h"
#include "error.h"
#include "headless.h"
#include "strings.h"

namespace {

using giatlas::Error;
using giatlas::Point;

const char* const kUsage =
    "usage: giatlas [--workspace W.gpkg] [--view lon,lat,scale] [--size WxH] [--lang zh|en] [--show WINDOW,...]\n"
    "               [--screenshot out.png [--frames N]]\n"
    "               [--print-screen-xy lon,lat]... [--print-layout] [--bench-pan N]\n"
    "               [--edit-zone GI [--zone-click lon,lat]...]\n"
    "               [--check [--check-date D] [--check-tolerance M] [--check-gi GI] [--check-cause CODES] [--check-report F]]\n"
    "               [--tint] [--band-units CODE,... [--band-min M] [--band-max M]] [--bench-no-relief]\n"
    "       giatlas --probe image.png x y\n"
    "  --view            centre (lon/lat) and scale denominator, e.g. 107.75,29.35,250000 (default: whole workspace)\n"
    "  --size            window size in pixels (default: the remembered size, 1280x800 at first)\n"
    "  --lang            interface language, 中文 (zh) or English (en) (default: the saved choice, else the locale)\n"
    "  --show            open these windows at start: zone-tools, check, plan, export, census, import, table,\n"
    "                    layers, identify, programme, scope, trace\n"
    "  --programme-date  the programme window's as-of date, YYYY-MM-DD (default: today)\n"
    "  --visit           PLAN:N: the plan window's visit form opens on visit N of saved plan PLAN\n"
    "  --trace           with --screenshot: open the trace window and trace this lot (its areas selected)\n"
    "  --programme-tab   the programme window's tab at start: targets, register, catalogue, candidates\n"
    "  --programme-gi    the register row (a GI's name) selected in the programme window at start\n"
    "  --screenshot      render with no input, write the last frame as PNG and exit\n"
    "  --frames          with --screenshot: frames drawn before it is written (default 4); prints\n"
    "                    'frames N cache_reads R' (the workspace is read once per load, never per frame)\n"
    "  --print-screen-xy print the window pixel of a lon/lat under the final view (with --screenshot)\n"
    "  --mouse X,Y       with --screenshot: the pointer rests at X,Y (window coordinates): hover, tooltips\n"
    "  --history-table T, --history-since DATE  the history window's filters (with --show history)\n"
    "  --print-layout    print the view, layer styles, legend and placed labels (with --screenshot)\n"
    "  --edit-zone       open the zone tools and edit GI's newest zone version\n"
    "  --zone-click      with --screenshot: draw a polygon with the zone tool, one click per point (snapped)\n"
    "  --edit-record     with --screenshot: open the record editor on producer:ID or gi:ID; --record-set F=V\n"
    "                    types a field, --record-stale F=V as if opened when the row held V, --record-save\n"
    "                    presses Save, --record-save-anyway also saves over a newer row once refused\n"
    "  --zone-based-on   with --edit-zone: the session opened on version N (as if someone saved since)\n"
    "  --zone-save       with --screenshot: press Save after the clicks; --zone-save-anyway: and, when\n"
    "                    refused for a newer version, save on top of it; --zone-effective D: its date\n"
    "  --check           with --screenshot: open the check window and run the origin check as it does (its\n"
    "                    options as flags); write its report to F (.html, .csv, .gpkg, .geojson)\n"
    "  --tint            the relief's hypsometric tint on (the layers panel's checkbox)\n"
    "  --band-units      with --screenshot: open the zone tools with these township/village codes selected and\n"
    "                    the altitude band --band-min/--band-max; waits for the preview and prints it\n"
    "  --bench-pan       load a generated 1,000,000-vertex layer with 100,000 points and a 30 m synthetic DEM's\n"
    "                    hillshade (--bench-no-relief: without), pan N frames, print timings\n"
    "  --probe           print the R G B A of pixel (x, y) of a PNG and exit\n";

std::vector<double> numbers(const std::string& text, char sep, std::size_t count, const std::string& option) {
  std::vector<double> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t next = text.find(sep, pos);
    const std::string part = text.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    char* end = nullptr;
    const double v = std::strtod(part.c_str(), &end);
    if (part.empty() || *end != '\0') throw Error(option + ": '" + text + "' is not " + std::to_string(count) + " numbers");
    out.push_back(v);
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  if (out.size() != count) throw Error(option + ": '" + text + "' is not " + std::to_string(count) + " numbers");
  return out;
}

giatlas::gui::LaunchOptions parse(int argc, char** argv) {
  giatlas::gui::LaunchOptions o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw Error(a + ": missing value");
      return argv[++i];
    };
    if (a == "--workspace") {
      o.workspace = value();
    } else if (a == "--view") {
      const auto v = numbers(value(), ',', 3, a);
      if (v[2] <= 0) throw Error("--view: the scale denominator must be positive");
      o.view_center = Point{v[0], v[1]};
      o.view_scale = v[2];
    } else if (a == "--size") {
      const auto v = numbers(value(), 'x', 2, a);
      if (v[0] < 64 || v[1] < 64 || v[0] > 16384 || v[1] > 16384) throw Error("--size: between 64 and 16384 pixels");
      o.width = static_cast<int>(v[0]);
      o.height = static_cast<int>(v[1]);
    } else if (a == "--lang") {
      o.language = value();
      if (!giatlas::gui::language_named(o.language)) throw Error("--lang: zh or en, not '" + o.language + "'");
    } else if (a == "--screenshot") {
      o.screenshot = value();
    } else if (a == "--frames") {
      const auto v = numbers(value(), ',', 1, a);
      if (v[0] < 1 || v[0] > 10000) throw Error("--frames: between 1 and 10000");
      o.screenshot_frames = static_cast<int>(v[0]);
    } else if (a == "--show") {
      const std::string v = value();
      for (std::size_t pos = 0; pos <= v.size();) {
        const std::size_t next = v.find(',', pos);
        const std::string name = v.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
        if (!name.empty()) o.show.push_back(name);
        if (next == std::string::npos) break;
        pos = next + 1;
      }
    } else if (a == "--print-screen-xy") {
      const auto v = numbers(value(), ',', 2, a);
      o.print_screen_xy.push_back({v[0], v[1]});
    } else if (a == "--edit-zone") {
      o.edit_zone = value();
    } else if (a == "--zone-click") {
      const auto v = numbers(value(), ',', 2, a);
      o.zone_clicks.push_back({v[0], v[1]});
    } else if (a == "--zone-based-on") {
      o.zone_based_on = static_cast<int>(numbers(value(), ',', 1, a)[0]);
    } else if (a == "--edit-record") {
      o.edit_record = value();
    } else if (a == "--record-set" || a == "--record-stale") {
      const std::string v = value();
      const auto eq = v.find('=');
      if (eq == std::string::npos) throw Error(a + " wants FIELD=VALUE, not '" + v + "'");
      (a == "--record-set" ? o.record_set : o.record_stale).push_back({v.substr(0, eq), v.substr(eq + 1)});
    } else if (a == "--record-save") {
      o.record_save = true;
    } else if (a == "--record-save-anyway") {
      o.record_save = o.record_save_anyway = true;
    } else if (a == "--zone-effective") {
      o.zone_effective = value();
    } else if (a == "--zone-save") {
      o.zone_save = true;
    } else if (a == "--zone-save-anyway") {
      o.zone_save = o.zone_save_anyway = true;
    } else if (a == "--check") {
      o.check = true;
    } else if (a == "--check-date") {
      o.check_date = value();
    } else if (a == "--check-gi") {
      o.check_gi = value();
    } else if (a == "--check-cause") {
      o.check_causes = value();
    } else if (a == "--check-tolerance") {
      o.check_tolerance = numbers(value(), ',', 1, a)[0];
      if (o.check_tolerance < 0) throw Error("--check-tolerance: metres, not negative");
    } else if (a == "--check-report") {
      o.check_report = value();
    } else if (a == "--visit") {
      const std::string v = value();
      const auto colon = v.rfind(':');
      if (colon == std::string::npos || colon + 1 >= v.size() ||
          v.find_first_not_of("0123456789", colon + 1) != std::string::npos)
        throw Error("--visit: write PLAN:N (a saved plan's name and a visit number)");
      o.visit_plan = v.substr(0, colon);
      o.visit_no = std::stoi(v.substr(colon + 1));
    } else if (a == "--mouse") {
      const std::vector<double> xy = numbers(value(), ',', 2, a);
      o.mouse = Point{xy[0], xy[1]};
    } else if (a == "--history-table") {
      o.history_table = value();
    } else if (a == "--history-since") {
      o.history_since = value();
    } else if (a == "--trace") {
      o.trace_lot = value();
    } else if (a == "--programme-date") {
      o.programme_date = value();
    } else if (a == "--programme-gi") {
      o.programme_gi = value();
    } else if (a == "--programme-tab") {
      const std::string t = value();
      const char* tabs[] = {"targets", "register", "catalogue", "candidates"};
      for (int k = 0; k < 4; ++k)
        if (t == tabs[k]) o.programme_tab = k;
      if (o.programme_tab < 0) throw Error("--programme-tab: targets, register, catalogue or candidates, not '" + t + "'");
    } else if (a == "--tint") {
      o.relief_tint = true;
    } else if (a == "--band-units") {
      const std::string v = value();
      for (std::size_t pos = 0; pos <= v.size();) {
        const std::size_t next = v.find(',', pos);
        const std::string code = v.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
        if (!code.empty()) o.band_units.push_back(code);
        if (next == std::string::npos) break;
        pos = next + 1;
      }
      if (o.band_units.empty()) throw Error("--band-units: at least one township or village code");
    } else if (a == "--band-min") {
      o.band_min = numbers(value(), ',', 1, a)[0];
    } else if (a == "--band-max") {
      o.band_max = numbers(value(), ',', 1, a)[0];
    } else if (a == "--bench-no-relief") {
      o.bench_relief = false;
    } else if (a == "--print-layout") {
      o.print_layout = true;
    } else if (a == "--bench-pan") {
      const auto v = numbers(value(), ',', 1, a);
      if (v[0] < 1) throw Error("--bench-pan: at least one frame");
      o.bench_pan_frames = static_cast<int>(v[0]);
    } else if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else {
      throw Error("unknown option '" + a + "'\n" + kUsage);
    }
  }
  if (!o.band_units.empty() && !o.band_min && !o.band_max)
    throw Error("--band-units: give --band-min and/or --band-max");
  return o;
}

}  // namespace

#if defined(__SANITIZE_ADDRESS__)
// Under `make test-sanitize` the desktop app runs without leak detection: the GL driver's JIT
// code (llvmpipe under Xvfb) allocates from code LeakSanitizer cannot name or suppress. Memory
// errors are still caught; the core's leaks are checked by the test binary and the CLI.
extern "C" const char* __asan_default_options() { return "detect_leaks=0"; }
#endif

int main(int argc, char** argv) {
  try {
    if (argc >= 2 && std::string(argv[1]) == "--probe") {
      if (argc != 5) throw Error("--probe: usage: giatlas --probe image.png x y");
      return giatlas::gui::probe_png(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
    }
    const giatlas::gui::LaunchOptions options = parse(argc, argv);
    // The interface language is decided here, once, before any text is drawn: tr() reads it
    // from GIATLAS_LANG on first use.
    auto env = [](const char* name) -> std::string {
      const char* v = std::getenv(name);
      return v ? v : "";
    };
    const auto lang = giatlas::gui::choose_language(
        {options.language, env("GIATLAS_LANG"), giatlas::gui::load_app_state().language},
        {env("LC_ALL"), env("LC_MESSAGES"), env("LANG")});
    ::setenv("GIATLAS_LANG", giatlas::gui::language_code(lang), 1);
    giatlas::gui::App app(options);
    return app.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "giatlas: %s\n", e.what());
    return 1;
  }
}
