// Workspace addresses (see store_address.h). Connection strings are "key=value" pairs separated
// by spaces; a value may be single-quoted with \' and \\ escapes (libpq's rules).
#include "workspace/store_address.h"

#include <cctype>
#include <filesystem>
#include <vector>

#include "error.h"

namespace giatlas {

namespace {

struct Option {
  std::string key;
  std::string value;
  std::size_t begin = 0, end = 0;  // the whole "key=value" in the string
};

// The options of the part after "PG:". Unparseable text is left alone (GDAL will say why).
std::vector<Option> options_of(const std::string& s, std::size_t from) {
  std::vector<Option> out;
  std::size_t i = from;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) break;
    Option o;
    o.begin = i;
    while (i < s.size() && s[i] != '=' && !std::isspace(static_cast<unsigned char>(s[i]))) o.key += s[i++];
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size() || s[i] != '=') {  // a bare word (GDAL also takes "PG:dbname"): no option
      o.end = i;
      continue;
    }
    ++i;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i < s.size() && s[i] == '\'') {
      ++i;
      while (i < s.size() && s[i] != '\'') {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        o.value += s[i++];
      }
      if (i < s.size()) ++i;  // the closing quote
    } else {
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) o.value += s[i++];
    }
    o.end = i;
    for (char& c : o.key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

bool is_postgis_address(const std::string& text) {
  return text.size() >= 3 && (text[0] == 'P' || text[0] == 'p') && (text[1] == 'G' || text[1] == 'g') &&
         text[2] == ':';
}

bool plain_sql_identifier(const std::string& name) {
  if (name.empty() || name.size() > 63) return false;
  if (std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_') || static_cast<unsigned char>(c) >= 0x80)
      return false;
  return true;
}

std::string mask_password(const std::string& connection) {
  if (!is_postgis_address(connection)) return connection;
  std::string out = connection;
  const auto opts = options_of(connection, 3);
  for (auto it = opts.rbegin(); it != opts.rend(); ++it)
    if (it->key == "password") out.replace(it->begin, it->end - it->begin, "password=***");
  return out;
}

std::string without_password(const std::string& connection) {
  if (!is_postgis_address(connection)) return connection;
  std::string out = connection;
  const auto opts = options_of(connection, 3);
  for (auto it = opts.rbegin(); it != opts.rend(); ++it)
    if (it->key == "password") {
      std::size_t b = it->begin, e = it->end;
      while (b > 3 && out[b - 1] == ' ') --b;
      if (b == 3)  // the first option: the spaces after it go instead
        while (e < out.size() && out[e] == ' ') ++e;
      out.erase(b, e - b);
    }
  return out;
}

std::string default_output_folder(const std::string& workspace) {
  if (is_postgis_address(workspace)) return ".";
  const std::string folder = std::filesystem::path(workspace).parent_path().string();
  return folder.empty() ? "." : folder;
}

std::string with_schema(const std::string& connection, const std::string& schema) {
  std::string out = connection;
  const auto opts = options_of(connection, 3);
  for (auto it = opts.rbegin(); it != opts.rend(); ++it)
    if (it->key == "active_schema" || it->key == "schemas") {
      std::size_t b = it->begin;
      while (b > 3 && out[b - 1] == ' ') --b;  // with the space before it
      out.erase(b, it->end - b);
    }
  if (out.size() > 3 && out.back() != ' ') out += ' ';
  return out + "active_schema=" + schema;
}

std::string libpq_conninfo(const std::string& connection) {
  if (!is_postgis_address(connection)) return "";
  const auto opts = options_of(connection, 3);
  // A bare word is an option the parser skipped: the text between options must be blank.
  std::size_t at = 3;
  for (const Option& o : opts) {
    for (std::size_t i = at; i < o.begin; ++i)
      if (!std::isspace(static_cast<unsigned char>(connection[i]))) return "";
    at = o.end;
  }
  for (std::size_t i = at; i < connection.size(); ++i)
    if (!std::isspace(static_cast<unsigned char>(connection[i]))) return "";
  std::string out;
  for (const Option& o : opts) {
    if (o.key == "active_schema" || o.key == "schemas" || o.key == "tables" || o.key.empty()) continue;
    if (!out.empty()) out += ' ';
    out += o.key + "='";
    for (char c : o.value) {
      if (c == '\\' || c == '\'') out += '\\';
      out += c;
    }
    out += '\'';
  }
  return out;
}

StoreAddress parse_store_address(const std::string& text) {
  StoreAddress a;
  a.path = text;
  a.shown = text;
  if (!is_postgis_address(text)) return a;
  a.kind = StoreKind::postgis;
  a.shown = mask_password(text);
  for (const Option& o : options_of(text, 3)) {
    if (o.key != "active_schema" && o.key != "schemas") continue;
    if (o.value.find(',') != std::string::npos)
      throw Error("workspace " + a.shown + ": name one schema (the workspace's), not a list");
    if (!plain_sql_identifier(o.value))
      throw Error("workspace " + a.shown + ": schema name '" + o.value +
                  "' must be letters, digits and _ (not starting with a digit, at most 63 bytes)");
    a.schema = o.value;
  }
  return a;
}

}  // namespace giatlas
