// The record editor: one register entry or one producer (its corrected location too) in a form,
// saved through core save_gi_product_edit / save_producer_edit against the row as the form read
// it. When someone saved the row meanwhile the save is refused: the window says who and when,
// lists each field they changed beside the person's value (which stays in the form), and offers
// to save over theirs once seen, or to take theirs.
#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "role_gate.h"
#include "app.h"
#include "error.h"
#include "imgui_stdlib.h"
#include "panels.h"
#include "strings.h"
#include "workspace/record_edits.h"

namespace giatlas::gui {
namespace {

std::string coord_text(const std::optional<Point>& p, bool lon) {
  if (!p) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", lon ? p->x : p->y);
  return buf;
}

std::map<std::string, std::string> fields_of(const GiProduct& g) {
  return {{"name", g.name}, {"category", g.category}, {"protection_type", g.protection_type},
          {"status", g.status}, {"registration_no", g.registration_no}, {"registration_date", g.registration_date},
          {"holder", g.holder}, {"standard_no", g.standard_no}, {"standard_date", g.standard_date}};
}

std::map<std::string, std::string> fields_of(const Producer& p) {
  return {{"name", p.name}, {"credit_code", p.credit_code}, {"gi", p.gi},
          {"authorised", p.authorised ? "yes" : "no"}, {"authorised_since", p.authorised_since},
          {"raw_x", p.raw_x}, {"raw_y", p.raw_y}, {"raw_crs", p.raw_crs},
          {"location", p.location ? coord_text(p.location, true) + ", " + coord_text(p.location, false) : ""},
          {"location_issue", p.location_issue}, {"township", p.township}, {"note", p.note}};
}

// The form's location text into the producer: both empty = no location; else two numbers.
void apply_location(RecordEditUi& r) {
  if (r.lon.empty() && r.lat.empty()) {
    r.producer_form.location.reset();
    return;
  }
  char* end_x = nullptr;
  char* end_y = nullptr;
  const double x = std::strtod(r.lon.c_str(), &end_x), y = std::strtod(r.lat.c_str(), &end_y);
  if (end_x == r.lon.c_str() || *end_x || end_y == r.lat.c_str() || *end_y || x < -180 || x > 180 || y < -90 || y > 90)
    throw Error("producer location: '" + r.lon + ", " + r.lat + "' is not a longitude and latitude in degrees");
  r.producer_form.location = Point{x, y};
}

void show_location(RecordEditUi& r) {
  r.lon = coord_text(r.producer_form.location, true);
  r.lat = coord_text(r.producer_form.location, false);
}

// Theirs beside the person's value, for each field the other save changed.
void draw_conflict(App& app, RecordEditUi& r) {
  const float s = app.content_scale;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 440 * s);
  ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.1f, 1), "%s", r.conflict.c_str());
  ImGui::PopTextWrapPos();
  const auto changed = r.producer ? changed_fields(r.producer_before, r.producer_now) : changed_fields(r.gi_before, r.gi_now);
  const auto theirs = r.producer ? fields_of(r.producer_now) : fields_of(r.gi_now);
  const auto mine = r.producer ? fields_of(r.producer_form) : fields_of(r.gi_form);
  if (ImGui::BeginTable("##conflict", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(tr(Str::rec_field));
    ImGui::TableSetupColumn(tr(Str::rec_theirs));
    ImGui::TableSetupColumn(tr(Str::rec_yours));
    ImGui::TableHeadersRow();
    for (const std::string& f : changed) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(f.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(theirs.at(f).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(mine.at(f).c_str());
    }
    ImGui::EndTable();
  }
  if (gated_button(app, r.producer ? "producers" : "gi_products", tr(Str::rec_save_anyway))) save_record_edit_over(app);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::rec_take_theirs))) {
    r.producer_before = r.producer_form = r.producer_now;
    r.gi_before = r.gi_form = r.gi_now;
    show_location(r);
    r.conflict.clear();
  }
}

}  // namespace

void open_record_edit(App& app, bool producer, std::int64_t id) {
  if (!app.has_workspace()) return;
  RecordEditUi& r = app.ui.record_edit;
  r = RecordEditUi{};
  r.open = true;
  r.producer = producer;
  const Workspace& ws = *app.workspace();
  if (producer) {
    const auto p = ws.producer(id);
    if (!p) return app.notify("producer #" + std::to_string(id) + " does not exist");
    r.producer_before = r.producer_form = *p;
    show_location(r);
  } else {
    const auto g = ws.gi_product(id);
    if (!g) return app.notify("GI product #" + std::to_string(id) + " does not exist");
    r.gi_before = r.gi_form = *g;
  }
}

void save_record_edit(App& app) {
  if (!app.has_workspace()) return;
  RecordEditUi& r = app.ui.record_edit;
  const std::string path = app.workspace()->path();
  try {
    if (r.producer) apply_location(r);
    {
      Workspace writable = open_for_writing(path);  // closed before the map reopens the workspace
      if (r.producer)
        save_producer_edit(writable, r.producer_before, r.producer_form);
      else
        save_gi_product_edit(writable, r.gi_before, r.gi_form);
    }
    r.producer_before = r.producer_form;
    r.gi_before = r.gi_form;
    r.conflict.clear();
    app.open_workspace(path);
    app.notify((r.producer ? r.producer_form.name : r.gi_form.name) + " " + tr(Str::saved));
  } catch (const EditConflict& e) {
    r.conflict = e.what();
    const Workspace& ws = *app.workspace();
    if (r.producer) {
      if (const auto now = ws.producer(r.producer_before.id)) r.producer_now = *now;
    } else if (const auto now = ws.gi_product(r.gi_before.id)) {
      r.gi_now = *now;
    }
    app.notify(e.what());
  } catch (const Error& e) {
    app.notify(e.what());
  }
}

bool set_record_field(App& app, const std::string& field, const std::string& value, bool in_before) {
  RecordEditUi& r = app.ui.record_edit;
  app.add_font_text(value);  // as typed: its characters join the font atlas
  if (r.producer) {
    Producer& p = in_before ? r.producer_before : r.producer_form;
    std::map<std::string, std::string*> f{{"name", &p.name}, {"credit_code", &p.credit_code},
                                          {"township", &p.township}, {"note", &p.note}};
    if (!in_before && (field == "lon" || field == "lat")) return (field == "lon" ? r.lon : r.lat) = value, true;
    if (!f.count(field)) return false;
    *f[field] = value;
    return true;
  }
  GiProduct& g = in_before ? r.gi_before : r.gi_form;
  std::map<std::string, std::string*> f{{"category", &g.category}, {"protection_type", &g.protection_type},
                                        {"status", &g.status}, {"registration_no", &g.registration_no},
                                        {"holder", &g.holder}, {"standard_no", &g.standard_no}};
  if (!f.count(field)) return false;
  *f[field] = value;
  return true;
}

void save_record_edit_over(App& app) {
  RecordEditUi& r = app.ui.record_edit;
  if (r.conflict.empty()) return;
  r.producer_before = r.producer_now;  // seen: theirs is what the save is checked against now
  r.gi_before = r.gi_now;
  save_record_edit(app);
}

void draw_record_edit_panel(App& app) {
  RecordEditUi& r = app.ui.record_edit;
  if (!r.open || !app.has_workspace()) return;
  const float s = app.content_scale;
  ImGui::SetNextWindowSize(ImVec2(460 * s, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::rec_title), &r.open)) return ImGui::End();
  // Which record: a register entry picked here, or the producer opened from the identify panel.
  const std::string current = r.producer ? std::string(tr(Str::rec_producer)) + " #" + std::to_string(r.producer_form.id) + " " +
                                               r.producer_form.name
                                         : r.gi_form.name;
  if (ImGui::BeginCombo(tr(Str::rec_register_entry), current.c_str())) {
    for (const GiProduct& g : app.gi_register())
      if (ImGui::Selectable(g.name.c_str(), !r.producer && g.id == r.gi_form.id)) open_record_edit(app, false, g.id);
    ImGui::EndCombo();
  }
  const bool any = r.producer ? r.producer_before.id > 0 : r.gi_before.id > 0;
  if (any && r.producer) {
    ImGui::InputText("name", &r.producer_form.name);
    ImGui::InputText("credit_code", &r.producer_form.credit_code);
    ImGui::InputText("township", &r.producer_form.township);
    ImGui::InputText("note", &r.producer_form.note);
    ImGui::TextUnformatted(tr(Str::rec_lonlat));
    ImGui::SetNextItemWidth(140 * s);
    ImGui::InputText("##lon", &r.lon);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140 * s);
    ImGui::InputText("##lat", &r.lat);
  } else if (any) {
    ImGui::InputText("category", &r.gi_form.category);
    ImGui::InputText("protection_type", &r.gi_form.protection_type);
    ImGui::InputText("status", &r.gi_form.status);
    ImGui::InputText("registration_no", &r.gi_form.registration_no);
    ImGui::InputText("registration_date", &r.gi_form.registration_date);
    ImGui::InputText("holder", &r.gi_form.holder);
    ImGui::InputText("standard_no", &r.gi_form.standard_no);
    ImGui::InputText("standard_date", &r.gi_form.standard_date);
  }
  ImGui::BeginDisabled(!any);
  if (gated_button(app, r.producer ? "producers" : "gi_products", tr(Str::ze_save))) save_record_edit(app);
  ImGui::EndDisabled();
  if (!r.conflict.empty()) draw_conflict(app, r);
  ImGui::End();
}

}  // namespace giatlas::gui
