// The sample's GI programme, 2021–2026: the resource library and its catalogue steps, new
// registrations, standards, authorised users, candidate scores and yearly inspections. Fixed,
// hand-written dates (no random draws), so the yearly report's numbers are known:
//   registered GIs on 2025-12-31: 6 (高山萝卜 2013, 高山白菜 2015, 猪腰枣 2016, 高山甘蓝 2023-06-08,
//     羊角豆干 2024-04-18, 老鹰茶 2025-02-20); on 2026-11-30: 7 (+ 碗碗羊肉 2026-05-18)
//   new GI trademarks 2021–2025: 3 (萝卜 2022-03-20, 白菜 2022-11-10, 老鹰茶 2025-02-20) → behind 5
//   use rate: 2021 2/3, 2022 2/3, 2023 3/4, 2024 4/5, 2025 4/6, on 2026-11-30 4/7
//   current authorised users: 2025-12-31 6 (met), 2026-11-30 5
//   standards: 甘蓝 late (due 2025-06-08, published 2025-09-01); 羊角豆干 overdue from 2026-04-18;
//     老鹰茶 due 2027-02-20 (due within 90 days on 2026-11-30); 碗碗羊肉 on time (2026-08-20)
//   inspections: 30 in 2025, 36 in 2026, results as the producers were planted
#pragma once
#include <vector>

#include "sample/generator.h"

namespace giatlas {

class Workspace;

// REQUIRES: the sample's register, townships, census points, inspectors and producers written
// (`truth` as add_producers returned it). Works for any producer count, including none.
void add_programme_history(Workspace& ws, const std::vector<SampleTruth>& truth);

}  // namespace giatlas
