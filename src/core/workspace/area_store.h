// Reading and writing the schema-4 tables: production areas, lots and GI yields. Every write is
// one Workspace transaction (joining the caller's when one is open); ids are written back.
// A schema-3 file opened read-only has none of these tables: readers return nothing for it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "workspace/area_model.h"

namespace giatlas {

class Workspace;

std::vector<ProductionArea> read_production_areas(const Workspace& ws);  // in id order
std::vector<Lot> read_lots(const Workspace& ws);                          // in id order
std::optional<Lot> find_lot(const Workspace& ws, const std::string& code);
std::vector<GiYield> read_gi_yields(const Workspace& ws);
std::optional<GiYield> find_gi_yield(const Workspace& ws, const std::string& gi);

// Plain inserts; the checked front doors are the importer (io/import.h) and set_gi_yield.
void insert_production_areas(Workspace& ws, std::vector<ProductionArea>& rows);
void insert_lots(Workspace& ws, std::vector<Lot>& rows);
// Records the yield of y.gi. Error when kg_per_mu <= 0 or tolerance < 0. A GI that has one is
// given a new value only with `replace` (nothing recorded is silently overwritten); the
// replaced value is kept in the new row's basis text ("replaces 2500 kg/亩 ±20%").
GiYield set_gi_yield(Workspace& ws, GiYield y, bool replace = false);

}  // namespace giatlas
