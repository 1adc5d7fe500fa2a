// Reading and writing the GI programme's tables of a workspace (schema 3). Every write is one
// Workspace transaction (joining the caller's when one is open); ids are assigned and written back.
// A schema-2 file opened read-only has none of these tables: readers return nothing for it.
#pragma once
#include <vector>

#include "programme/programme_model.h"

namespace giatlas {

class Workspace;

std::vector<GiResource> read_resources(const Workspace& ws);
std::vector<CatalogueStatusRecord> read_status_records(const Workspace& ws);  // in id order
std::vector<GiProtection> read_protection_rows(const Workspace& ws);  // the table only (see gi_protections)
std::vector<GiStandard> read_standard_rows(const Workspace& ws);      // the table only (see gi_standards)
// Each user with its dated status changes (MarkUser::changes, none in a schema-3 file).
std::vector<MarkUser> read_mark_users(const Workspace& ws);
std::vector<MarkUserStatusRecord> read_mark_user_changes(const Workspace& ws);  // in id order
std::vector<RegisterStatusRecord> read_register_status(const Workspace& ws);    // in id order
std::vector<ProgrammeTarget> read_target_rows(const Workspace& ws);  // the table only (see programme_targets)
std::vector<CandidateScore> read_scores(const Workspace& ws);

// Plain inserts, no checks: the checked front doors are in catalogue.h, register_book.h,
// targets.h and candidates.h.
void insert_resources(Workspace& ws, std::vector<GiResource>& rows);
void update_resource(Workspace& ws, const GiResource& row);  // by id; Error when it does not exist
void insert_status_records(Workspace& ws, std::vector<CatalogueStatusRecord>& rows);
void insert_protections(Workspace& ws, std::vector<GiProtection>& rows);
void insert_standards(Workspace& ws, std::vector<GiStandard>& rows);
void insert_mark_users(Workspace& ws, std::vector<MarkUser>& rows);
void insert_mark_user_changes(Workspace& ws, std::vector<MarkUserStatusRecord>& rows);
void insert_register_status(Workspace& ws, std::vector<RegisterStatusRecord>& rows);
void insert_scores(Workspace& ws, std::vector<CandidateScore>& rows);
// Writes `t` over the row with the same key, or adds it.
void put_target(Workspace& ws, ProgrammeTarget& t);

}  // namespace giatlas
