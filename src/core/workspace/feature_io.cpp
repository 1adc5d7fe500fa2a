// Field access helpers for workspace tables.
#include "workspace/feature_io.h"

#include <cstdio>

#include "error.h"
#include "workspace/iso_date.h"

namespace giatlas {

FieldIndex::FieldIndex(OGRLayer& layer) : layer_(layer.GetName()) {
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) index_[defn->GetFieldDefn(i)->GetNameRef()] = i;
}

int FieldIndex::operator[](const char* name) const {
  auto it = index_.find(name);
  if (it == index_.end()) throw Error("workspace table '" + layer_ + "' has no field '" + name + "'");
  return it->second;
}

int FieldIndex::find(const char* name) const {
  auto it = index_.find(name);
  return it == index_.end() ? -1 : it->second;
}

void set_text(OGRFeature& f, int i, const std::string& v) {
  if (v.empty())
    f.SetFieldNull(i);
  else
    f.SetField(i, v.c_str());
}

void set_date(OGRFeature& f, int i, const std::string& iso) {
  if (iso.empty()) {
    f.SetFieldNull(i);
    return;
  }
  if (!is_iso_date(iso)) throw Error("invalid date '" + iso + "' (expected YYYY-MM-DD)");
  int y = 0, m = 0, d = 0;
  std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d);
  f.SetField(i, y, m, d);
}

void set_int(OGRFeature& f, int i, long long v) { f.SetField(i, static_cast<GIntBig>(v)); }
void set_real(OGRFeature& f, int i, double v) { f.SetField(i, v); }

std::string get_text(const OGRFeature& f, int i) {
  if (!f.IsFieldSetAndNotNull(i)) return "";
  return f.GetFieldAsString(i);
}

std::string get_date(const OGRFeature& f, int i) {
  if (!f.IsFieldSetAndNotNull(i)) return "";
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
  float ss = 0;
  if (!f.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz)) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

long long get_int(const OGRFeature& f, int i) {
  return f.IsFieldSetAndNotNull(i) ? f.GetFieldAsInteger64(i) : 0;
}

double get_real(const OGRFeature& f, int i) { return f.IsFieldSetAndNotNull(i) ? f.GetFieldAsDouble(i) : 0.0; }

std::optional<double> get_optional_real(const OGRFeature& f, int i) {
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
  return f.GetFieldAsDouble(i);
}

void set_optional_real(OGRFeature& f, int i, const std::optional<double>& v) {
  if (v) f.SetField(i, *v);
  else f.SetFieldNull(i);
}

}  // namespace giatlas
