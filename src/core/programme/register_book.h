// The register's lifecycle records beside gi_products: each GI's protections, its standards
// and the authorised users of the GI special mark, with the checks every front door applies.
//
// One rule for older entries: a gi_products row's own registration (protection_type,
// registration_no, registration_date, holder) and standard (standard_no, standard_date) count as
// a protection and a standard of that GI unless the programme tables already hold one with the
// same number, so a schema-2 register needs no migration and `register set` keeps working.
#pragma once
#include <string>
#include <vector>

#include "programme/programme_model.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

const std::vector<std::string>& standard_levels();  // 国家标准, 行业标准, 地方标准, 团体标准, 企业标准
const std::vector<std::string>& mark_use_statuses();   // active, suspended, revoked
std::string mark_use_status_zh(const std::string& s);  // 使用中, 暂停使用, 已撤销

// The merge described above, for a register and the programme table rows.
std::vector<GiProtection> merged_protections(const std::vector<GiProduct>& reg,
                                             const std::vector<GiProtection>& rows);
std::vector<GiStandard> merged_standards(const std::vector<GiProduct>& reg,
                                         const std::vector<GiStandard>& rows);
std::vector<GiProtection> gi_protections(const Workspace& ws);
std::vector<GiStandard> gi_standards(const Workspace& ws);

// The GI's first registration date ("" when it has none).
std::string first_registration(const std::vector<GiProtection>& protections, const std::string& gi);

// Records a protection of a GI in the register. Checks: the GI exists; type one of
// gi_protection_types(); a registration number; a registration date; the number not already
// recorded for that GI. The register entry's own registration fields are filled when empty and
// its status becomes registered. Error (nothing written) otherwise.
GiProtection add_protection(Workspace& ws, GiProtection p);

// Records a published standard. Checks: the GI exists; a number and a publication date; level
// one of standard_levels() (DEFAULT 地方标准 when empty); the number not already recorded for it.
GiStandard add_standard(Workspace& ws, GiStandard s);

// Records an authorised user. Checks: the GI exists; a name; an approval date; status one of
// mark_use_statuses() (DEFAULT active); expiry, when given, after approval. The user is linked to
// the producer of the same GI with the same credit code (else the same name) when producer_id is
// 0, and that producer is marked authorised since the approval date (so the origin check sees it).
MarkUser add_mark_user(Workspace& ws, MarkUser u);

// Records a change of a user's status (and optionally a new expiry) on `date` (DEFAULT today) as
// a new dated record (schema 4); the user's row is never rewritten. Checks: a user `id` exists;
// status one of mark_use_statuses(); dates YYYY-MM-DD; the date not before its approval nor
// before its latest change; the status differs from the one in force on that date, unless a new
// expiry is given. Error (nothing written) otherwise. Returns the user with its changes.
MarkUser set_mark_user_status(Workspace& ws, std::int64_t id, const std::string& status,
                              const std::string& expiry, std::string date = "",
                              const std::string& recorded_by = "", const std::string& note = "");

// Changes a register entry's status on `date` (DEFAULT today): gi_products.status becomes
// `status` and a dated register_status record is added, in one transaction. Checks: the GI
// exists; status one of gi_statuses(); the date YYYY-MM-DD and not before the GI's latest record.
// Error (nothing written) otherwise. A file without the register_status table (schema 3,
// read-only) refuses, like every write to it.
RegisterStatusRecord set_register_status(Workspace& ws, const std::string& gi, const std::string& status,
                                         std::string date = "", const std::string& recorded_by = "",
                                         const std::string& note = "");

}  // namespace giatlas
