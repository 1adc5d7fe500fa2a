// Encoding decision for DBF and CSV files (see encoding.h for the order of the rules).
#include "io/encoding.h"
#include "io/text_bytes.h"

#include <cpl_string.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "error.h"
#include "io/vsi_file.h"

namespace giatlas {
namespace {

namespace fs = std::filesystem;

std::string trim(std::string s) {
  auto sp = [](unsigned char c) { return std::isspace(c) != 0; };
  s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), sp));
  s.erase(std::find_if_not(s.rbegin(), s.rend(), sp).base(), s.end());
  return s;
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

// The sidecar with `ext` next to `path`, matching either case (.cpg / .CPG).
// Through GDAL's virtual files, so that a shapefile inside a .zip is decided the same way.
std::string sidecar(const std::string& path, const char* lower, const char* upper) {
  fs::path p(path);
  for (const char* ext : {lower, upper}) {
    fs::path q = p;
    q.replace_extension(ext);
    if (vsi_exists(q.string())) return q.string();
  }
  return "";
}

std::string read_prefix(const std::string& path, std::size_t max_bytes) { return vsi_read(path, max_bytes); }

// A UTF-8 check that tolerates a multi-byte character cut at the end of a prefix read.
bool utf8_prefix(std::string bytes) {
  for (int cut = 0; cut < 4 && !bytes.empty(); ++cut) {
    if (is_utf8(bytes)) return true;
    const auto last = static_cast<unsigned char>(bytes.back());
    if (last < 0x80) return false;  // the damage is not a cut character
    bytes.pop_back();
  }
  return is_utf8(bytes);
}

}  // namespace

const char* encoding_rule_name(EncodingRule r) {
  switch (r) {
    case EncodingRule::UserOption: return "user option";
    case EncodingRule::Cpg: return ".cpg file";
    case EncodingRule::LanguageDriver: return "DBF language driver";
    case EncodingRule::DetectedUtf8: return "detected: valid UTF-8";
    case EncodingRule::DetectedGb18030: return "detected: not valid UTF-8";
    case EncodingRule::DetectedDamagedUtf8: return "detected: UTF-8 with damaged bytes";
    case EncodingRule::ByteOrderMark: return "UTF-8 byte order mark";
  }
  return "?";
}

std::string describe(const EncodingDecision& d) {
  std::string s = d.encoding + " (" + encoding_rule_name(d.rule);
  if (!d.detail.empty()) s += "; " + d.detail;
  return s + ")";
}

bool is_utf8(const std::string& bytes) {
  return CPLIsUTF8(bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), 0x7fffffff))) != 0;
}

std::string ldid_encoding(unsigned char ldid) {
  // Language driver ids of dBASE / ArcGIS and the code page each stands for. 0x57 ("ANSI") is
  // deliberately absent: many programs write it whatever the real encoding is.
  struct Entry {
    unsigned char id;
    const char* cp;
  };
  static const Entry kTable[] = {
      {0x01, "CP437"},  {0x02, "CP850"},  {0x03, "CP1252"}, {0x04, "MACINTOSH"}, {0x08, "CP865"},
      {0x09, "CP437"},  {0x0A, "CP850"},  {0x0B, "CP437"},  {0x0D, "CP437"},     {0x0E, "CP850"},
      {0x0F, "CP437"},  {0x10, "CP850"},  {0x11, "CP437"},  {0x12, "CP850"},     {0x13, "CP932"},
      {0x14, "CP850"},  {0x15, "CP437"},  {0x16, "CP850"},  {0x17, "CP865"},     {0x18, "CP437"},
      {0x19, "CP437"},  {0x1A, "CP850"},  {0x1B, "CP437"},  {0x1C, "CP863"},     {0x1D, "CP850"},
      {0x1F, "CP852"},  {0x22, "CP852"},  {0x23, "CP852"},  {0x24, "CP860"},     {0x25, "CP850"},
      {0x26, "CP866"},  {0x37, "CP850"},  {0x40, "CP852"},  {0x4D, "CP936"},     {0x4E, "CP949"},
      {0x4F, "CP950"},  {0x50, "CP874"},  {0x58, "CP1252"}, {0x59, "CP1252"},    {0x64, "CP852"},
      {0x65, "CP866"},  {0x66, "CP865"},  {0x67, "CP861"},  {0x6A, "CP737"},     {0x6B, "CP857"},
      {0x78, "CP950"},  {0x79, "CP949"},  {0x7A, "CP936"},  {0x7B, "CP932"},     {0x7C, "CP874"},
      {0x86, "CP737"},  {0x87, "CP852"},  {0x88, "CP857"},  {0xC8, "CP1250"},    {0xC9, "CP1251"},
      {0xCA, "CP1254"}, {0xCB, "CP1253"}, {0xCC, "CP1257"},
  };
  for (const Entry& e : kTable)
    if (e.id == ldid) return e.cp;
  return "";
}

EncodingDecision decide_dbf_encoding(const std::string& path, const std::string& user_option) {
  if (!trim(user_option).empty()) return {trim(user_option), EncodingRule::UserOption, ""};

  const std::string cpg = sidecar(path, ".cpg", ".CPG");
  if (!cpg.empty()) {
    const std::string text = trim(read_prefix(cpg, 256));
    if (!text.empty()) {
      // GDAL reads digits as a Windows code page ("936" -> CP936); say the same.
      const bool digits = std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
      return {digits ? "CP" + text : text, EncodingRule::Cpg, ".cpg says '" + text + "'"};
    }
  }

  const std::string dbf = sidecar(path, ".dbf", ".DBF");
  if (dbf.empty()) throw Error("shapefile " + path + ": its .dbf attribute table is missing");
  const std::string head = read_prefix(dbf, 32);
  if (head.size() < 32) throw Error(dbf + ": truncated DBF header (" + std::to_string(head.size()) + " bytes)");
  const auto ldid = static_cast<unsigned char>(head[29]);
  std::string note;
  if (ldid != 0) {
    const std::string cp = ldid_encoding(ldid);
    if (!cp.empty()) return {cp, EncodingRule::LanguageDriver, "LDID " + hex_byte(ldid)};
    note = ldid == 0x57 ? "LDID 0x57 ignored (generic)" : "LDID " + hex_byte(ldid) + " unknown";
  }

  // Detection over the field names and the records (capped: the decision is the same for a
  // sample of a few MiB, and a million-row DBF should not be read twice). Only text goes into
  // the check: field-descriptor bytes such as lengths are binary.
  const std::string bytes = read_prefix(dbf, 16u << 20);
  const std::size_t header_len = static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
  std::string text;
  for (std::size_t off = 32; off + 32 <= std::min(header_len, bytes.size()); off += 32) {
    if (bytes[off] == '\x0D') break;
    const std::string name = bytes.substr(off, 11);
    text += name.substr(0, name.find('\0'));
    text += ' ';
  }
  if (header_len < bytes.size()) text += bytes.substr(header_len);
  const bool truncated = bytes.size() == (16u << 20);
  if (truncated ? utf8_prefix(text) : is_utf8(text)) return {"UTF-8", EncodingRule::DetectedUtf8, note};
  return {"GB18030", EncodingRule::DetectedGb18030, note};
}

EncodingDecision decide_text_encoding(const std::string& path, const std::string& user_option) {
  if (!trim(user_option).empty()) return {trim(user_option), EncodingRule::UserOption, ""};
  const std::string bytes = read_prefix(path, 16u << 20);
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) return {"UTF-8", EncodingRule::ByteOrderMark, ""};
  const bool truncated = bytes.size() == (16u << 20);
  if (truncated ? utf8_prefix(bytes) : is_utf8(bytes)) return {"UTF-8", EncodingRule::DetectedUtf8, ""};
  // Not clean UTF-8: weigh the whole text. A few damaged bytes in UTF-8 text stay UTF-8 (the
  // importer repairs and names them); only text that is mostly not UTF-8 is read as GB18030.
  const Utf8Evidence e = utf8_evidence(bytes);
  if (e.mostly_utf8())
    return {"UTF-8", EncodingRule::DetectedDamagedUtf8,
            std::to_string(e.multibyte) + " UTF-8 characters, " + std::to_string(e.invalid) + " invalid bytes, " + std::to_string(e.nul) + " NUL bytes"};
  return {"GB18030", EncodingRule::DetectedGb18030, ""};
}

}  // namespace giatlas
