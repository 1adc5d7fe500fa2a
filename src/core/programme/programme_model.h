// The GI programme's records (schema 3): the resource library, its catalogue status history,
// each GI's protections and standards, the authorised users of the GI special mark, the
// programme's targets and the candidate assessment scores. Plain values; dates "YYYY-MM-DD".
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace giatlas {

// A GI resource (地理标志产品资源) found by the survey: one product, not one point. Census
// points link to it by CensusPoint::resource_id.
struct GiResource {
  std::int64_t id = 0;
  std::string name;                    // 武隆羊角豆干
  std::string category;                // one of resource_categories()
  std::vector<std::string> townships;  // names of the townships where it is produced
  double area_mu = 0;                  // 亩 (0 = not known)
  double annual_output_t = 0;          // tonnes a year
  int households = 0;
  int firms = 0;
  int since_year = 0;               // produced since (0 = not known)
  std::string history;              // 历史渊源
  std::string reputation;           // 知名度 notes
  std::string sources;              // 资料来源
  std::vector<std::string> photos;  // file paths
  std::string surveyor;
  std::string survey_date;
  std::string gi;  // the register entry (GiProduct::name) it became, "" while it has none
  friend bool operator==(const GiResource&, const GiResource&) = default;
};

// One dated step of a resource through the catalogue. Records are only added, never rewritten;
// the resource's status is its latest record (by date, then id).
struct CatalogueStatusRecord {
  std::int64_t id = 0;
  std::int64_t resource_id = 0;
  std::string status;  // one of catalogue_statuses()
  std::string date;
  std::string recorded_by;
  std::string note;
  friend bool operator==(const CatalogueStatusRecord&, const CatalogueStatusRecord&) = default;
};

// One protection of a GI (a GI may hold several: a trademark and an agricultural-product GI).
struct GiProtection {
  std::int64_t id = 0;
  std::string gi;
  std::string protection_type;  // one of gi_protection_types()
  std::string registration_no;
  std::string registration_date;
  std::string authority;  // 国家知识产权局 | 农业农村部 …
  std::string holder;     // 持有人
  friend bool operator==(const GiProtection&, const GiProtection&) = default;
};

struct GiStandard {
  std::int64_t id = 0;
  std::string gi;
  std::string number;  // DB50/T 1234-2023
  std::string title;
  std::string level;      // one of standard_levels()
  std::string published;  // publication date
  friend bool operator==(const GiStandard&, const GiStandard&) = default;
};

// One dated change of a mark user's status (schema 4): records are only added, never rewritten;
// the status in force on a date is the latest record on or before it (by date, then id), else
// the status the user was approved with.
struct MarkUserStatusRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string status;  // one of mark_use_statuses()
  std::string date;
  std::string expiry;  // the expiry from this date on ("" = unchanged)
  std::string recorded_by;
  std::string note;
  friend bool operator==(const MarkUserStatusRecord&, const MarkUserStatusRecord&) = default;
};

// One dated change of a register entry's status (schema 4), added by set_register_status and by
// the catalogue's status changes; gi_products.status is the latest one.
struct RegisterStatusRecord {
  std::int64_t id = 0;
  std::string gi;
  std::string status;  // one of gi_statuses()
  std::string date;
  std::string recorded_by;
  std::string note;
  friend bool operator==(const RegisterStatusRecord&, const RegisterStatusRecord&) = default;
};

// A user authorised to use the GI special mark (地理标志专用标志使用主体).
struct MarkUser {
  std::int64_t id = 0;
  std::string gi;
  std::int64_t producer_id = 0;  // the producers row (and so the origin check); 0 = not linked
  std::string name;
  std::string credit_code;
  std::string approved;  // approval date
  std::string status;    // one of mark_use_statuses(): the status it was approved with
  std::string expiry;    // "" = no expiry (as approved)
  std::string note;
  std::vector<MarkUserStatusRecord>
      changes;  // its dated status changes, by (date, id); read, not written, with the row
  friend bool operator==(const MarkUser&, const MarkUser&) = default;
};

// A programme target: `metric` measured on a date and compared with `threshold` (programme/targets.h).
struct ProgrammeTarget {
  std::int64_t id = 0;
  std::string key;  // stable name, e.g. new_trademarks
  std::string title;
  std::string metric;  // one of target_metrics()
  double threshold = 0;
  std::string period_from, period_to;
  friend bool operator==(const ProgrammeTarget&, const ProgrammeTarget&) = default;
};

// One assessor's score of one criterion of one resource; the latest (date, id) per resource and
// criterion counts.
struct CandidateScore {
  std::int64_t id = 0;
  std::int64_t resource_id = 0;
  std::string criterion;  // one of candidate_criteria()
  int score = 0;          // 1..5
  std::string note;
  std::string override_reason;  // why a score differs from the one the data gives (scale, reach)
  std::string assessor;
  std::string date;
  friend bool operator==(const CandidateScore&, const CandidateScore&) = default;
};

}  // namespace giatlas
