// The resource library and the protection catalogue (分类保护目录): resources in four categories,
// each moving through the catalogue by dated status records that are only ever added.
//
// Statuses, in order: resource (资源) → catalogued (列入保护目录) → candidate (培育对象) →
// applying (申报中) → registered (已注册), and registered → revoked (已撤销).
// LEGAL TRANSITIONS (catalogue_transition_problem): one step forward; one step back from
// catalogued, candidate or applying (taken off the catalogue, dropped as a candidate, an
// application refused or withdrawn); registered → revoked; revoked → applying (a new
// application). Anything else — skipping a step, the same status again — is refused, and a
// status record may not be dated before the resource's latest one.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "programme/programme_model.h"

namespace giatlas {

class Workspace;

const std::vector<std::string>& resource_categories();  // 特色农产品, 传统手工业品, 道地药材, 非物质文化遗产
const std::vector<std::string>& catalogue_statuses();  // resource … registered, revoked
std::string catalogue_status_zh(
    const std::string& status);  // 资源, 列入保护目录, …; the code itself if unknown

// "" when a resource may move from `from` to `to`, else why not ("cannot go from resource to
// registered: one step at a time (next: catalogued)"). `from` "" = a new resource: only
// "resource" is allowed, or any status for a GI registered before the library existed
// (`first_record_any`).
std::string catalogue_transition_problem(const std::string& from, const std::string& to,
                                         bool first_record_any = false);

// The latest record of `resource_id` (by date, then id), nullopt when it has none.
std::optional<CatalogueStatusRecord> current_status(const std::vector<CatalogueStatusRecord>& records,
                                                    std::int64_t resource_id);

// Adds a resource to the library with its first status record, dated r.survey_date (DEFAULT
// today): "resource", or "registered" for a GI registered before the library existed
// (`initial_status` "registered" REQUIRES r.gi to name a GI the register holds as registered).
// Checks: a name, not already in the library; category one of the four; townships named in the
// workspace; dates YYYY-MM-DD; numbers not negative. Error (nothing written) otherwise. Returns
// the resource with its id.
GiResource add_resource(Workspace& ws, GiResource r, const std::string& recorded_by = "",
                        const std::string& initial_status = "resource");

// The resource named `name` (Error when the library has none).
GiResource find_resource(const Workspace& ws, const std::string& name);

// Moves resource `name` to `to` on `date` (DEFAULT today) after the transition rule above, in
// one transaction, and keeps the GI register in step: from candidate on, the resource has a
// register entry (its `gi`, DEFAULT its own name, added by add_new_gi when missing) whose status
// follows (candidate, applying, registered, revoked). Moving to registered needs a protection:
// either `protection` (recorded with it; its gi, holder and date filled from the resource, the
// register and `date` when empty) or one the GI already holds. Error, nothing written, otherwise.
CatalogueStatusRecord change_catalogue_status(Workspace& ws, const std::string& name, const std::string& to,
                                              std::string date, const std::string& recorded_by = "",
                                              const std::string& note = "",
                                              std::optional<GiProtection> protection = std::nullopt);

// The catalogue as published: one row per resource, with its status and the date it got it.
struct CatalogueRow {
  GiResource resource;
  std::string status;
  std::string status_date;
  int census_points = 0;  // census points linked to it
};
// Every resource, grouped by category in resource_categories() order, then by name, with its
// status on `as_of` (DEFAULT "": its latest record); resources with no record by then are left out.
std::vector<CatalogueRow> catalogue(const Workspace& ws, const std::string& as_of = "");

}  // namespace giatlas
