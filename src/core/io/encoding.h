// Which text encoding a DBF or CSV file is in, and which rule decided it. Shapefile DBFs in
// China are often GBK/GB18030 without a .cpg; guessing silently loses names, so the decision and
// its reason are reported with every import.
#pragma once
#include <string>

namespace giatlas {

// The rules, in the order they are tried.
enum class EncodingRule {
  UserOption,      // the user named one (--encoding)
  Cpg,             // the shapefile's .cpg sidecar
  LanguageDriver,  // byte 29 of the .dbf header (LDID), except the generic 87 (0x57)
  DetectedUtf8,    // the text bytes are valid UTF-8 (pure ASCII included)
  DetectedGb18030, // not valid UTF-8: GB18030, the superset of GBK and GB2312
  DetectedDamagedUtf8,  // UTF-8 text with a few invalid or NUL bytes (io/text_bytes.h), repaired
  ByteOrderMark,   // a CSV starting with the UTF-8 byte order mark
};
const char* encoding_rule_name(EncodingRule r);  // "user option", ".cpg", "DBF language driver" …

struct EncodingDecision {
  std::string encoding;  // an iconv name GDAL accepts: "UTF-8", "GB18030", "CP936", "CP1252" …
  EncodingRule rule = EncodingRule::DetectedUtf8;
  std::string detail;    // e.g. ".cpg says 'GBK'", "LDID 0x4D", "LDID 0x57 ignored"
};
// "GB18030 (detected: not valid UTF-8; LDID 0x57 ignored)"
std::string describe(const EncodingDecision& d);

// Decides the encoding of a shapefile's attribute table. `path` is the .shp or the .dbf.
// REQUIRES: the .dbf exists (Error naming it otherwise). DEFAULT: user_option "" = not given.
EncodingDecision decide_dbf_encoding(const std::string& path, const std::string& user_option);

// Decides the encoding of a delimited text file (CSV/TSV): user option, then a UTF-8 BOM, then
// detection. Reads at most the first 16 MiB for detection.
EncodingDecision decide_text_encoding(const std::string& path, const std::string& user_option);

// The iconv name for a DBF language-driver id, "" when the byte names none (0, 0x57, unknown).
std::string ldid_encoding(unsigned char ldid);

// True when `bytes` is valid UTF-8.
bool is_utf8(const std::string& bytes);

}  // namespace giatlas
