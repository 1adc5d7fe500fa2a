// What a refusal of the database says: the server's texts classified, and the one sentence that
// names the user's role and what it cannot change.
#include "workspace/pg_refusal.h"

#include <catch2/catch.hpp>

using namespace giatlas;

TEST_CASE("permission denied names the table the server refused, without its schema") {
  PgRefusal r =
      classify_pg_refusal("writing to gi_zones failed: ERROR:  permission denied for table gi_zones");
  CHECK(r.kind == RefusalKind::privilege);
  CHECK(r.table == "gi_zones");
  r = classify_pg_refusal("ERROR:  permission denied for table wulong.producers\n");
  CHECK(r.table == "producers");
  CHECK(classify_pg_refusal("ERROR:  permission denied for sequence census_points_fid_seq").kind ==
        RefusalKind::privilege);
}

TEST_CASE("a row policy and the append-only trigger are told apart from a missing privilege") {
  PgRefusal r =
      classify_pg_refusal("ERROR:  new row violates row-level security policy for table \"census_points\"");
  CHECK(r.kind == RefusalKind::row_policy);
  CHECK(r.table == "census_points");
  CHECK(classify_pg_refusal(row_policy_refusal_text("census_points", "census point #4")).kind ==
        RefusalKind::row_policy);
  r = classify_pg_refusal(std::string("ERROR:  ") + kZoneAppendOnlyMessage + "\nCONTEXT: PL/pgSQL function");
  CHECK(r.kind == RefusalKind::append_only);
  CHECK(r.table == "gi_zones");
}

TEST_CASE("other errors are no refusal") {
  CHECK(classify_pg_refusal("ERROR:  duplicate key value violates unique constraint").kind ==
        RefusalKind::none);
  CHECK(classify_pg_refusal("").kind == RefusalKind::none);
  CHECK(classify_pg_refusal("locked by another process").kind == RefusalKind::none);
}

TEST_CASE("a viewer refused on the metadata row is told what it tried to change") {
  const PgRefusal r = classify_pg_refusal("ERROR:  permission denied for table giatlas_metadata");
  CHECK(refusal_sentence({"viewer", ""}, r, "gi_zones") ==
        "your role (viewer) cannot change zones (你的角色（查看者）不能修改保护范围)");
  CHECK(refusal_sentence({"viewer", ""}, r, "") ==
        "your role (viewer) cannot change this workspace (你的角色（查看者）不能修改工作区)");
}

TEST_CASE("the sentence names the table refused over the one the change began with") {
  const PgRefusal r = classify_pg_refusal("ERROR:  permission denied for table producers");
  CHECK(refusal_sentence({"surveyor", "仙女山街道"}, r, "") ==
        "your role (surveyor) cannot change producers (你的角色（调查员）不能修改生产者)");
}

TEST_CASE("a surveyor with a home township is told it may change that township's points only") {
  const PgRefusal r{RefusalKind::row_policy, "census_points"};
  CHECK(refusal_sentence({"surveyor", "仙女山街道"}, r, "") ==
        "your role (surveyor of 仙女山街道) can change census points of 仙女山街道 only "
        "(你的角色（仙女山街道的调查员）只能修改仙女山街道的普查点)");
}

TEST_CASE("zone versions are append-only for every role but admin, and for users with no role") {
  const PgRefusal r{RefusalKind::append_only, "gi_zones"};
  CHECK(refusal_sentence({"surveyor", ""}, r, "")
            .rfind("your role (surveyor) cannot rewrite or delete zone versions", 0) == 0);
  CHECK(refusal_sentence({}, r, "").rfind("you have no role in this workspace and cannot rewrite", 0) == 0);
}
