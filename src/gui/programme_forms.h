// The programme window's editing forms: add a resource, record a protection or a standard, add
// an authorised user and change its status (dated), change a GI's register status (dated), score
// a candidate, set the criteria weights and edit a target. Each form calls the core function the
// CLI calls (programme/catalogue.h, register_book.h, candidates.h, targets.h) on a writable
// handle, then reopens the workspace; a refusal is shown as the core's one-line message.
//
// No undo: these records are only ever added (a status change is a new dated record), as in the
// CLI; the GUI's undo is for unsaved drawing (zones, census points), not for saved records.
#pragma once
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "programme/candidates.h"
#include "programme/programme_model.h"

namespace giatlas {
class Workspace;
struct ProgrammeView;
}  // namespace giatlas

namespace giatlas::gui {

class App;

// The forms' fields (one instance in UiState).
struct ProgrammeForms {
  GiResource resource;  // the "add a resource" form
  int resource_category = 0;
  std::string resource_townships;  // comma separated
  int prot_type = 1;               // index into gi_protection_types()
  std::string prot_no, prot_date, prot_authority = "国家知识产权局", prot_holder;
  int std_level = 2;  // index into standard_levels() (地方标准)
  std::string user_code;
  int user_row = -1;         // selected user of the selected GI
  int user_next_status = 1;  // index into mark_use_statuses()
  std::string user_date, user_expiry;
  int gi_category = 0,
      gi_category_loaded = 0;  // the selected GI's fields, loaded when the selection changes (gi_key)
  std::string gi_holder, gi_key;
  int reg_next_status = 3;  // index into gi_statuses() (revoked)
  std::string reg_date;
  int candidate_row = -1, criterion = 0, score = 3;
  std::string score_note, score_reason, score_assessor, score_date;
  CriterionWeights weights{};
  std::string weights_key;  // the view the weights were loaded from
  int target_row = -1;
  double threshold = 0;
  std::string target_from, target_to, target_key;  // target_key: the target the fields hold
  std::vector<std::string> drawn;                  // forms drawn this frame (--print-layout)
  std::string select_gi;                           // --programme-gi: select this register row once
};

// Runs `write` on a writable handle of the open workspace, then reloads it; on Error, notifies
// the message and writes nothing more.
void programme_write(App& app, const std::function<void(Workspace&)>& write);

// The forms under each tab (programme_panel.cpp calls them after its tables).
void draw_resource_form(App& app, const ProgrammeView& v);
void draw_register_forms(App& app, const ProgrammeView& v, const std::string& gi, int gi_row);
void draw_score_forms(App& app, const ProgrammeView& v);
void draw_target_form(App& app, const ProgrammeView& v);

}  // namespace giatlas::gui
