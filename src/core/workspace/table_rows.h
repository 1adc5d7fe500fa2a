// Whole rows of the workspace's tables as structs (each with an `id`, the feature id), read and
// written through one read and one write function per record type. The stores of the programme,
// the inspections and the production areas share these instead of each keeping a copy.
#pragma once
#include <string>
#include <vector>

#include "error.h"
#include "workspace/bulk_insert.h"
#include "workspace/feature_io.h"
#include "workspace/workspace.h"

namespace giatlas {

template <class T>
using RowReader = T (*)(const OGRFeature&, const FieldIndex&);
template <class T>
using RowWriter = void (*)(OGRFeature&, const FieldIndex&, const T&);

// The table, or nullptr for one of a later schema in a file opened read-only (not yet upgraded).
OGRLayer* find_table(const Workspace& ws, const char* name);
// The table to write; Error naming the workspace when it lacks it.
OGRLayer& table_for_writing(Workspace& ws, const char* name);

// A list kept in one text field, ';'-separated; empty items are dropped.
std::string join_field_list(const std::vector<std::string>& items);
std::vector<std::string> split_field_list(const std::string& text);

// Every row of the table in feature-id order; none when the file predates the table.
template <class T>
std::vector<T> read_rows(const Workspace& ws, const char* name, RowReader<T> read) {
  std::vector<T> out;
  OGRLayer* l = find_table(ws, name);
  if (!l) return out;
  const FieldIndex idx(*l);
  l->SetAttributeFilter(nullptr);
  l->ResetReading();
  while (OgrFeature f{l->GetNextFeature()}) {
    T row = read(*f, idx);
    row.id = f->GetFID();
    out.push_back(std::move(row));
  }
  return out;
}

// Adds `row` to the table (inside the caller's transaction); row.id becomes the new feature id.
template <class T>
void create_row(OGRLayer& l, const FieldIndex& idx, T& row, RowWriter<T> write) {
  OgrFeature f(OGRFeature::CreateFeature(l.GetLayerDefn()));
  write(*f, idx, row);
  if (l.CreateFeature(f.get()) != OGRERR_NONE)
    throw Error(std::string("writing to ") + l.GetName() + " failed: " + CPLGetLastErrorMsg());
  row.id = f->GetFID();
  if (row.id == OGRNullFID) throw Error(std::string("writing to ") + l.GetName() + " failed: no id came back");
}

// Adds every row to `l` (inside the caller's transaction) as one bulk load (BulkInsert; `pg`:
// the PostGIS connection, nullptr for a GeoPackage); each row's id becomes its new feature id.
template <class T, class Write>
void add_rows(GDALDataset* pg, OGRLayer& l, std::vector<T>& rows, Write write) {
  if (rows.empty()) return;
  const FieldIndex idx(l);
  BulkInsert out(pg, l, rows.size());
  for (T& row : rows) {
    OgrFeature f(OGRFeature::CreateFeature(l.GetLayerDefn()));
    write(*f, idx, row);
    row.id = out.add(*f);
  }
  out.finish();
}

// Adds every row in one transaction; each row's id becomes its new feature id.
template <class T>
void insert_rows(Workspace& ws, const char* name, std::vector<T>& rows, RowWriter<T> write) {
  Workspace::Transaction t(ws, name);
  add_rows(ws.pg_dataset(), table_for_writing(ws, name), rows, write);
  t.commit();
}

// Rewrites the row with feature id row.id in one transaction; Error when there is none.
template <class T>
void update_row(Workspace& ws, const char* name, const T& row, RowWriter<T> write) {
  Workspace::Transaction t(ws, name);
  OGRLayer& l = table_for_writing(ws, name);
  OgrFeature f(l.GetFeature(row.id));
  if (!f) throw Error(std::string(name) + " #" + std::to_string(row.id) + " does not exist");
  write(*f, FieldIndex(l), row);
  if (l.SetFeature(f.get()) != OGRERR_NONE) throw Error(std::string("updating ") + name + " failed");
  t.commit();
}

}  // namespace giatlas
