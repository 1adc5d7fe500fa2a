// Reading and writing OGR feature fields by name, with "" <-> NULL and ISO dates.
// Field indexes are looked up once per layer (FieldIndex), not per feature.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "geo/gdal.h"
#include "workspace/iso_date.h"  // is_iso_date, used by set_date

namespace giatlas {

class FieldIndex {
 public:
  explicit FieldIndex(OGRLayer& layer);
  // REQUIRES: the layer has a field `name` (the schema guarantees it); Error otherwise.
  int operator[](const char* name) const;
  // The field's index, or -1 when the layer lacks it (a field added by a later schema version).
  int find(const char* name) const;

 private:
  std::map<std::string, int> index_;
  std::string layer_;
};

void set_text(OGRFeature& f, int i, const std::string& v);
void set_date(OGRFeature& f, int i, const std::string& iso);  // Error for a malformed date
void set_int(OGRFeature& f, int i, long long v);
void set_real(OGRFeature& f, int i, double v);

std::string get_text(const OGRFeature& f, int i);
std::string get_date(const OGRFeature& f, int i);  // "YYYY-MM-DD" or ""
long long get_int(const OGRFeature& f, int i);
double get_real(const OGRFeature& f, int i);
// nullopt for a null field or i < 0 (no such field).
std::optional<double> get_optional_real(const OGRFeature& f, int i);
// Writes null for nullopt.
void set_optional_real(OGRFeature& f, int i, const std::optional<double>& v);

}  // namespace giatlas
