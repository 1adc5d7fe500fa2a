// Source columns -> workspace fields, by name with Chinese and English aliases, or as the user
// maps them (--field target=SOURCE, --lon/--lat).
#pragma once
#include <map>
#include <string>
#include <vector>

namespace giatlas {

enum class ImportKind;

// The fields a kind reads (besides geometry): e.g. producers -> name, credit_code, gi,
// authorised, authorised_since, township, note, lon, lat, crs.
std::vector<std::string> import_targets(ImportKind kind);

// Lower-case, full-width folded, without spaces, '_', '-', '.', and without a bracketed suffix
// ("经度（°）" -> "经度", "Credit_Code" -> "creditcode").
std::string normalise_field_name(const std::string& name);

struct FieldMap {
  std::map<std::string, int> index;  // target -> source field index
  int get(const std::string& target) const {
    auto it = index.find(target);
    return it == index.end() ? -1 : it->second;
  }
  // "name=企业名称, credit_code=统一社会信用代码, lon=经度, lat=纬度"
  std::string describe(const std::vector<std::string>& source_fields) const;
};

// Maps `source_fields` for `kind`. Overrides (target -> source column name, matched exactly
// first, then normalised) win over aliases; lon_column / lat_column are overrides of lon / lat.
// Throws Error naming `where` for an unknown target or a column that is not there (listing the
// columns there are).
FieldMap map_fields(ImportKind kind, const std::vector<std::string>& source_fields,
                    const std::map<std::string, std::string>& overrides, const std::string& lon_column,
                    const std::string& lat_column, const std::string& where);

}  // namespace giatlas
