// The trace window: a lot code in, the verdict out (core trace_lot), with the lot's production
// areas selected and zoomed to on the map, and the page and QR code written on request
// (core write_trace_html, write_qr_png). The trace is computed once per click, never per frame.
#include <imgui.h>
#include "imgui_stdlib.h"

#include <cmath>
#include <cstdio>

#include "app.h"
#include "error.h"
#include "panels.h"
#include "strings.h"
#include "trace/lot_trace.h"
#include "trace/qr_code.h"

namespace giatlas::gui {

namespace {

ImVec4 verdict_colour(TraceVerdict v) {
  switch (v) {
    case TraceVerdict::pass: return ImVec4(0.10f, 0.60f, 0.31f, 1);
    case TraceVerdict::review: return ImVec4(0.90f, 0.60f, 0.05f, 1);
    case TraceVerdict::fail: return ImVec4(0.85f, 0.18f, 0.16f, 1);
  }
  return ImVec4(1, 1, 1, 1);
}

std::string num(double v, const char* f) {
  char buf[48];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

}  // namespace

void trace_lot_code(App& app, const std::string& code) {
  UiState& ui = app.ui;
  ui.trace_error.clear();
  ui.trace_written.clear();
  app.last_trace.reset();
  try {
    auto t = std::make_shared<LotTrace>(trace_lot(*app.workspace(), code));
    app.add_font_text(trace_text(*t));
    // The lot's areas, selected on the map and zoomed to.
    Selection sel;
    sel.layer = kAreasLayer;
    if (const PolygonLayer* l = app.scene.polygon_layer(kAreasLayer))
      for (const AreaCheck& a : t->areas)
        for (std::size_t r = 0; r < l->size(); ++r)
          if (l->ids[r] == a.area_id) sel.rows.insert(r);
    app.last_trace = std::move(t);
    if (!sel.empty()) {
      app.select(std::move(sel));
      app.zoom_to_selection();
    }
  } catch (const Error& e) {
    ui.trace_error = e.what();
  }
}

void draw_trace_panel(App& app) {
  UiState& ui = app.ui;
  if (!ui.show_trace || !app.has_workspace()) return;
  const float s = app.content_scale;
  ImGui::SetNextWindowSize(ImVec2(560 * s, 460 * s), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::trace_title), &ui.show_trace)) return ImGui::End();
  ImGui::SetNextItemWidth(220 * s);
  const bool enter = ImGui::InputText(tr(Str::trace_code), &ui.trace_code, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button(tr(Str::trace_run)) || enter) && !ui.trace_code.empty()) trace_lot_code(app, ui.trace_code);
  if (!ui.trace_error.empty()) ImGui::TextColored(ImVec4(0.85f, 0.18f, 0.16f, 1), "%s", ui.trace_error.c_str());
  if (const LotTrace* t = app.last_trace.get()) {
    const Lot& l = t->lot;
    ImGui::Separator();
    ImGui::Text("%s  %s  %s  %.0f kg", l.code.c_str(), l.gi.c_str(), l.harvest_date.c_str(), l.quantity_kg);
    ImGui::TextColored(verdict_colour(t->verdict), "%s: %s · %s", tr(Str::trace_verdict), trace_verdict_zh(t->verdict),
                       trace_verdict_en(t->verdict));
    ImGui::Text("%s: %s", tr(Str::trace_producer),
                t->producer ? (t->producer->name + "（" + t->producer->credit_code + "）").c_str() : l.producer_name.c_str());
    for (const TraceReason& r : t->reasons)  // the mark's reason, in the interface language
      if (r.code == "authorised" || r.code == "not_authorised")
        ImGui::TextWrapped("%s: %s", tr(Str::trace_mark), (ui_language() == Language::chinese ? r.zh : r.en).c_str());
    ImGui::TextUnformatted(tr(Str::trace_areas));
    if (ImGui::BeginTable("##trace_areas", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
      for (const char* h : {"地块 area", "结果 result", "区内比例 share inside", "区外 亩 outside", "版本 zone"}) ImGui::TableSetupColumn(h);
      ImGui::TableHeadersRow();
      for (const AreaCheck& a : t->areas) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.code.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(area_result_label_zh(a.result));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(share_text(a.share).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(num(a.outside_mu(), "%.2f").c_str());
        ImGui::TableNextColumn();
        ImGui::Text("v%d", a.zone_version);
      }
      ImGui::EndTable();
    }
    ImGui::TextUnformatted(tr(Str::trace_reasons));
    for (const TraceReason& r : t->reasons) {
      ImGui::TextColored(verdict_colour(r.weight), "[%s]",
                         ui_language() == Language::chinese ? trace_verdict_zh(r.weight) : trace_verdict_code(r.weight));
      ImGui::SameLine();
      ImGui::TextWrapped("%s", (ui_language() == Language::chinese ? r.zh : r.en).c_str());
    }
    if (ImGui::Button(tr(Str::trace_write))) {
      try {
        write_trace_html(*t, l.code + ".html");
        write_qr_png(l.code, l.code + ".png");
        ui.trace_written = std::string(tr(Str::trace_written)) + ": " + l.code + ".html, " + l.code + ".png";
      } catch (const Error& e) {
        ui.trace_error = e.what();
      }
    }
    if (!ui.trace_written.empty()) {
      ImGui::SameLine();
      ImGui::TextUnformatted(ui.trace_written.c_str());
    }
  }
  ImGui::End();
}

}  // namespace giatlas::gui
