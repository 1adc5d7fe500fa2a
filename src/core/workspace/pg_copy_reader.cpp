// Producers by binary COPY (see pg_copy_reader.h).
#include "workspace/pg_copy_reader.h"

#include <libpq-fe.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#include "error.h"
#include "workspace/schema.h"
#include "workspace/store_address.h"

namespace giatlas {

namespace {

struct ConnCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using PgConn = std::unique_ptr<PGconn, ConnCloser>;
struct ResultClearer {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultClearer>;
struct CopyBufferFree {
  void operator()(char* p) const { PQfreemem(p); }
};
using CopyBuffer = std::unique_ptr<char, CopyBufferFree>;

// The binary COPY stream: an 11-byte signature, flags, a header extension, then per row a field
// count and each field's length (-1: NULL) and bytes, all big-endian; a count of -1 ends it.
class BinaryCopyParser {
 public:
  explicit BinaryCopyParser(const std::function<void(Producer&&)>& fn) : fn_(fn) {}

  // Takes the next piece of the stream; false at the end marker.
  bool feed(const char* data, std::size_t n) {
    buf_.append(data, n);
    std::size_t at = 0;
    if (!header_done_) {
      static constexpr char kSignature[] = "PGCOPY\n\377\r\n";
      if (buf_.size() < 19) return true;
      if (std::memcmp(buf_.data(), kSignature, 11) != 0) throw Error("not a binary COPY stream");
      const std::uint32_t ext = u32(buf_.data() + 15);
      if (buf_.size() < 19 + static_cast<std::size_t>(ext)) return true;
      at = 19 + ext;
      header_done_ = true;
    }
    bool more = true;
    while (more) {
      const std::size_t row_start = at;
      if (buf_.size() - at < 2) break;
      const auto fields = static_cast<std::int16_t>(u16(buf_.data() + at));
      at += 2;
      if (fields == -1) {
        more = false;
        break;
      }
      if (fields != 14) throw Error("unexpected row of " + std::to_string(fields) + " columns");
      Field f[14];
      bool whole = true;
      for (auto& fld : f) {
        if (buf_.size() - at < 4) {
          whole = false;
          break;
        }
        const auto len = static_cast<std::int32_t>(u32(buf_.data() + at));
        at += 4;
        if (len < 0) continue;
        if (buf_.size() - at < static_cast<std::size_t>(len)) {
          whole = false;
          break;
        }
        fld = {buf_.data() + at, static_cast<std::size_t>(len), true};
        at += static_cast<std::size_t>(len);
      }
      if (!whole) {
        at = row_start;
        break;
      }
      row(f);
    }
    buf_.erase(0, at);
    return more;
  }
  std::size_t rows() const { return rows_; }

 private:
  struct Field {
    const char* p = nullptr;
    std::size_t n = 0;
    bool set = false;
  };
  static std::uint16_t u16(const char* p) {
    const auto* b = reinterpret_cast<const unsigned char*>(p);
    return static_cast<std::uint16_t>(b[0] << 8 | b[1]);
  }
  static std::uint32_t u32(const char* p) {
    const auto* b = reinterpret_cast<const unsigned char*>(p);
    return std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 | b[3];
  }
  static std::uint64_t u64(const char* p) { return std::uint64_t{u32(p)} << 32 | u32(p + 4); }
  static std::string text(const Field& f) { return f.set ? std::string(f.p, f.n) : std::string(); }
  static std::string date(const Field& f) {
    if (!f.set) return "";
    if (f.n != 4) throw Error("a date column of " + std::to_string(f.n) + " bytes");
    return pg_date_text(static_cast<std::int32_t>(u32(f.p)));
  }
  static double float8(const Field& f) {
    if (f.n != 8) throw Error("a float8 column of " + std::to_string(f.n) + " bytes");
    const std::uint64_t bits = u64(f.p);
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }

  void row(const Field* f) {
    if (!f[0].set || f[0].n != 8) throw Error("a row without its id");
    Producer p;
    p.id = static_cast<std::int64_t>(u64(f[0].p));
    p.name = text(f[1]);
    p.credit_code = text(f[2]);
    p.gi = text(f[3]);
    p.authorised = f[4].set && f[4].n == 4 && u32(f[4].p) != 0;
    p.authorised_since = date(f[5]);
    p.raw_x = text(f[6]);
    p.raw_y = text(f[7]);
    p.raw_crs = text(f[8]);
    p.location_issue = text(f[9]);
    p.township = text(f[10]);
    p.note = text(f[11]);
    if (f[12].set && f[13].set) p.location = Point{float8(f[12]), float8(f[13])};
    ++rows_;
    fn_(std::move(p));
  }

  const std::function<void(Producer&&)>& fn_;
  std::string buf_;
  bool header_done_ = false;
  std::size_t rows_ = 0;
};

// The server's first line, without anything of the connection string.
std::string first_line(const char* message) {
  std::string m = message ? message : "";
  if (const auto nl = m.find('\n'); nl != std::string::npos) m.resize(nl);
  return m.empty() ? "unknown error" : m;
}

}  // namespace

std::string pg_date_text(std::int32_t days_since_2000) {
  // Civil date from days since 1970-01-01 (proleptic Gregorian, in 400-year eras).
  const std::int64_t z = std::int64_t{days_since_2000} + 10957 + 719468;  // 2000-01-01 is day 10957 of 1970
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2);
  if (y < 1 || y > 9999) return "";  // also the server's ±infinity (INT32_MIN, INT32_MAX)
  char out[48];  // room for any int, as the compiler cannot see the ranges
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return out;
}

bool pg_copy_producers(const std::string& conninfo, const std::string& schema, const std::string& shown,
                       const std::function<void(Producer&&)>& fn) {
  if (conninfo.empty() || !plain_sql_identifier(schema)) return false;
  PgConn conn(PQconnectdb((conninfo + " client_encoding='UTF8' application_name='giatlas reader'").c_str()));
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK) return false;
  const std::string sql =
      "COPY (SELECT p.fid::int8, name::text, credit_code::text, gi::text, authorised::int4, authorised_since, "
      "raw_x::text, raw_y::text, raw_crs::text, location_issue::text, township::text, note::text, "
      "ST_X(geom)::float8, ST_Y(geom)::float8 FROM " +
      schema + "." + table::kProducers + " p ORDER BY p.fid) TO STDOUT (FORMAT binary)";
  {
    // In id order by the primary key's index (a sort of the whole table would spill to disk),
    // and no JIT compilation, which the planner then thinks worth it and which only costs here.
    PgResult set(PQexec(conn.get(), "SET enable_sort TO off; SET jit TO off"));
    if (!set || PQresultStatus(set.get()) != PGRES_COMMAND_OK) return false;
  }
  {
    PgResult r(PQexec(conn.get(), sql.c_str()));
    if (!r || PQresultStatus(r.get()) != PGRES_COPY_OUT) return false;  // refused before any row
  }
  BinaryCopyParser parser(fn);
  bool more = true;
  for (;;) {
    char* raw = nullptr;
    const int n = PQgetCopyData(conn.get(), &raw, 0);
    CopyBuffer data(raw);
    if (n == -1) break;  // the stream is complete
    if (n == -2)
      throw Error("reading producers of " + shown + ": " + first_line(PQerrorMessage(conn.get())));
    if (n > 0 && more) more = parser.feed(data.get(), static_cast<std::size_t>(n));
  }
  PgResult done(PQgetResult(conn.get()));
  if (!done || PQresultStatus(done.get()) != PGRES_COMMAND_OK)
    throw Error("reading producers of " + shown + ": " +
                first_line(done ? PQresultErrorMessage(done.get()) : PQerrorMessage(conn.get())));
  if (more) throw Error("reading producers of " + shown + ": the stream ended without its end marker");
  return true;
}

}  // namespace giatlas
