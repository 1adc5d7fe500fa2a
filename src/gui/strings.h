// Every text the interface shows, in one place: an id per string, its English and its Chinese
// text. tr(id) returns the text of the interface language, chosen once when the app starts.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace giatlas::gui {

// X(id, English text, Chinese text)
#define GIATLAS_UI_STRINGS(X) \
  X(app_title, "GI Atlas", "GI Atlas 地理标志图集") \
  X(menu_file, "File", "文件") \
  X(menu_open, "Open workspace…", "打开工作空间…") \
  X(menu_new, "New workspace…", "新建工作空间…") \
  X(menu_open_db, "Open database…", "打开数据库…") \
  X(db_title, "Open a workspace in a database", "打开数据库中的工作空间") \
  X(db_connection, "Connection (PG:dbname=… host=… user=…)", "连接（PG:dbname=… host=… user=…）") \
  X(db_password, "Password (not saved; ~/.pgpass also works)", "密码（不保存；也可用 ~/.pgpass）") \
  X(db_find, "Find workspaces", "查找工作空间") \
  X(db_none, "No GI Atlas workspace in this database.", "此数据库中没有 GI Atlas 工作空间。") \
  X(db_open, "Open", "打开") \
  X(menu_import, "Import…", "导入…") \
  X(menu_close, "Close workspace", "关闭工作空间") \
  X(menu_quit, "Quit", "退出") \
  X(menu_view, "View", "视图") \
  X(menu_tools, "Tools", "工具") \
  X(menu_help, "Help", "帮助") \
  X(layers_title, "Layers", "图层") \
  X(table_title, "Attribute table", "属性表") \
  X(identify_title, "Identify", "识别") \
  X(identify_hint, \
    "Click a feature on the map to see its attributes.", \
    "在地图上点击要素以查看其属性。") \
  X(check_title, "Origin check", "产地核查") \
  X(check_explain, \
    "Checks every producer's location against the zone of the GI it claims, in the " \
    "version in force on the check date, with a near-boundary band of the tolerance.", \
    "逐一核查每个生产者的位置是否在其所申明地理标志的保护范围内（采用核查日期生效" \
    "的范围版本，边界附近带宽为所设容差）。") \
  X(run_check, "Run origin check", "运行产地核查") \
  X(check_cause, "Producers to show", "显示的生产者") \
  X(check_cause_all, "all producers", "全部生产者") \
  X(check_cause_band, "off the altitude band (below, above, unknown)", "不在海拔范围内（低于、高于、无法读取）") \
  X(check_date, "Check date (YYYY-MM-DD, empty = today)", "核查日期（YYYY-MM-DD，留空为今天）") \
  X(check_tolerance, "Near-boundary tolerance (m)", "边界附近容差（米）") \
  X(check_report_out, "Report file (.html, .csv, .gpkg or .geojson)", "报告文件（.html、.csv、.gpkg 或 .geojson）") \
  X(check_write, "Write report", "写出报告") \
  X(check_written, "Report written", "报告已写出") \
  X(check_save_inspections, "Save as inspection records", "保存为检查记录") \
  X(check_saved, "inspection records saved", "条检查记录已保存") \
  X(check_first, "Run the origin check first.", "请先运行产地核查。") \
  X(running_check, "Origin check", "产地核查") \
  X(check_done, \
    "Origin check finished; producers are coloured by result.", \
    "产地核查完成；生产者已按结果着色。") \
  X(zone_tools_title, "Zone tools", "范围工具") \
  X(zone_selected_townships, "Townships or villages selected on the map", "地图上已选乡镇或村") \
  X(gi_new, "New GI…", "新增地理标志…") \
  X(gi_name, "Name", "名称") \
  X(gi_category, "Category", "类别") \
  X(gi_type, "Protection type", "保护类型") \
  X(gi_holder, "Holder", "持有人") \
  X(gi_add, "Add to the register", "加入名录") \
  X(gi_added, "added to the GI register as a candidate", "已作为候选加入地理标志名录") \
  X(zone_save_from_selection, \
    "Save union of the selected units as a new zone version", \
    "将所选乡镇或村合并保存为新的范围版本") \
  X(zone_hint, \
    "Select townships with a click (Ctrl+click adds) or Shift+drag; show the villages layer "  \
    "to pick villages instead.", \
    "单击选择乡镇（Ctrl+单击追加），或 Shift+拖动框选；显示“村”图层后可改选村。") \
  X(ze_start, "Edit the newest zone version", "编辑最新范围版本") \
  X(ze_start_empty, "Start an empty zone", "从空范围开始") \
  X(ze_stop, "Stop editing", "停止编辑") \
  X(ze_draw, "Draw polygon", "绘制多边形") \
  X(ze_draw_mode, "Drawn polygon", "绘制的多边形") \
  X(ze_mode_add, "adds", "并入") \
  X(ze_mode_subtract, "subtracts", "扣除") \
  X(ze_mode_replace, "replaces", "替换") \
  X(ze_finish, "Close polygon (Enter)", "闭合多边形（Enter）") \
  X(ze_cancel, "Cancel drawing (Esc)", "取消绘制（Esc）") \
  X(ze_undo, "Undo", "撤销") \
  X(ze_redo, "Redo", "重做") \
  X(ze_nothing, "nothing", "无") \
  X(ze_buffer_m, "Buffer (m)", "缓冲距离（米）") \
  X(ze_buffer, "Buffer", "缓冲") \
  X(ze_add_selected, "Add selected townships", "并入所选乡镇") \
  X(ze_subtract_selected, "Subtract selected townships", "扣除所选乡镇") \
  X(ze_clip, "Clip to district", "裁剪到区界") \
  X(ze_repair, "Repair invalid results instead of refusing", "自动修复无效结果（否则拒绝）") \
  X(ze_snap_px, "Snap tolerance (px)", "捕捉容差（像素）") \
  X(ze_vertices, "Vertices", "顶点数") \
  X(ze_area, "Area (km²)", "面积（平方千米）") \
  X(ze_invalid, "Invalid", "无效") \
  X(ze_save_as, "Save as new version…", "另存为新版本…") \
  X(ze_effective_from, \
    "Effective from (YYYY-MM-DD, empty = today)", \
    "生效日期（YYYY-MM-DD，留空为今天）") \
  X(ze_author, "Author", "编制人") \
  X(ze_note, "Note", "备注") \
  X(ze_save, "Save", "保存") \
  X(ze_conflict_kept, \
    "Your drawing is kept, unsaved. Compare it with theirs, then save yours on top of it if it should win.", \
    "你的绘制仍保留（未保存）。请先与对方版本比较，确认后可在其之上保存你的版本。") \
  X(ze_conflict_overlay, "Show their version (orange) over yours", "叠加显示对方版本（橙色）") \
  X(ze_conflict_theirs, "Their version, km²", "对方版本（平方千米）") \
  X(ze_conflict_mine, "Yours, unsaved, km²", "你的版本（未保存，平方千米）") \
  X(ze_conflict_only_theirs, "Only in theirs, km²", "仅对方有（平方千米）") \
  X(ze_conflict_only_mine, "Only in yours, km²", "仅你的有（平方千米）") \
  X(ze_save_anyway, "Save mine anyway as version", "仍保存我的版本为版本") \
  X(ze_history, "Zone history", "范围版本历史") \
  X(ze_version, "Version", "版本") \
  X(ze_from, "From", "起") \
  X(ze_to, "To", "止") \
  X(ze_added, "Added km²", "增加（平方千米）") \
  X(ze_removed, "Removed km²", "减少（平方千米）") \
  X(ze_source, "Source", "来源") \
  X(ze_refused, "Refused", "已拒绝") \
  X(ze_repaired, "Repaired", "已修复") \
  X(ze_edit_hint, \
    "Edit zone tool: click to add vertices (snapped), click the first vertex or " \
    "press Enter to close; drag a vertex to move it, click an edge to insert one," \
    " Delete removes the hovered vertex; Ctrl+Z / Ctrl+Y undo and redo.", \
    "范围编辑工具：单击添加顶点（自动捕捉），单击第一个顶点或按 Enter 闭合" \
    "；拖动顶点可移动，单击边可插入顶点，Delete 删除鼠标下的顶点；Ctrl" \
    "+Z / Ctrl+Y 撤销与重做。") \
  X(menu_export_map, "Export map…", "导出地图…") \
  X(export_title, "Export map", "导出地图") \
  X(export_version, "Version (0 = newest)", "版本（0 为最新）") \
  X(export_paper, "Paper", "纸张") \
  X(export_out, "File (.pdf, .png or .svg)", "文件（.pdf、.png 或 .svg）") \
  X(export_dpi, "DPI (PNG)", "分辨率 DPI（PNG）") \
  X(export_relief, "Relief from the DEM (hillshade, contours)", "地形（据DEM晕渲、等高线）") \
  X(export_areas, "Production areas, coloured by their check", "生产基地（按核查结果着色）") \
  X(export_run, "Export", "导出") \
  X(exporting, "Exporting map", "正在导出地图") \
  X(export_done, "Map written", "地图已写出") \
  X(tool_census, "Record census point", "记录普查点") \
  X(census_title, "Census points", "普查点") \
  X(census_start, "Start recording (click the map)", "开始记录（单击地图）") \
  X(census_stop, "Stop recording", "停止记录") \
  X(census_hint, \
    "Click the map where the census point is, fill in the form, Record.", \
    "在地图上单击普查点位置，填写表单，然后点“记录”。") \
  X(census_product, "Product", "产品") \
  X(census_category, "Category", "类别") \
  X(census_surveyor, "Surveyor", "调查人") \
  X(census_date, "Survey date (YYYY-MM-DD)", "调查日期（YYYY-MM-DD）") \
  X(census_output, "Annual output (t)", "年产量（吨）") \
  X(census_area, "Area (亩)", "面积（亩）") \
  X(census_households, "Households", "户数") \
  X(census_note, "Note", "备注") \
  X(census_location, "Location (lon, lat)", "位置（经度，纬度）") \
  X(census_record, "Record", "记录") \
  X(census_recorded, "Census point recorded", "普查点已记录") \
  X(plan_title, "Inspection plan", "抽查计划") \
  X(plan_by_ratio, "By ratio", "按比例") \
  X(plan_count, "Producers to visit", "抽查生产者数") \
  X(plan_ratio, "Ratio", "比例") \
  X(plan_seed, "Seed", "随机种子") \
  X(plan_stratify, "Stratify by GI", "按地理标志分层") \
  X(plan_all_gis, "(every GI)", "（全部地理标志）") \
  X(plan_date, "Date (YYYY-MM-DD, empty = today)", "日期（YYYY-MM-DD，留空为今天）") \
  X(plan_draw, "Draw", "抽取") \
  X(plan_summary, "Visits / eligible", "抽查 / 可抽对象") \
  X(plan_out, "File (.csv or .html)", "文件（.csv 或 .html）") \
  X(plan_write, "Write", "写出") \
  X(plan_written, "Plan written", "计划已写出") \
  X(plan_save, "Save as planned inspections", "保存为计划检查记录") \
  X(plan_saved, "Planned inspections saved", "计划检查记录已保存") \
  X(plan_name, "Plan name", "计划名称") \
  X(plan_save_named, "Save as a named plan (draft)", "保存为命名计划（草稿）") \
  X(plan_recusals, "Recusals (回避)", "回避人次") \
  X(visit_title, "Record a visit", "登记检查结果") \
  X(visit_plan, "Saved plan", "已保存的计划") \
  X(visit_refresh, "Reload plans", "重新读取计划") \
  X(visit_no, "Visit", "检查序号") \
  X(visit_present, "Inspectors present", "到场检查人员") \
  X(visit_finding, "Finding", "检查结果") \
  X(visit_action, "Action", "处理措施") \
  X(visit_follow_up, "Follow-up date", "复查日期") \
  X(visit_x, "Measured x / longitude", "实测 x / 经度") \
  X(visit_y, "Measured y / latitude", "实测 y / 纬度") \
  X(visit_crs, "Its CRS (EPSG:4490, GCJ-02, …)", "坐标系（EPSG:4490、GCJ-02 等）") \
  X(visit_accuracy, "Accuracy (m, 0 = not given)", "精度（米，0 为未填）") \
  X(visit_evidence, "Evidence files (comma-separated paths)", "证据文件（路径，逗号分隔）") \
  X(visit_note, "Note", "备注") \
  X(visit_record, "Record (a new record; nothing is overwritten)", "登记（新增记录，不覆盖原记录）") \
  X(visit_recorded, "Visit recorded", "检查结果已登记") \
  X(visit_current, "Current record", "当前记录") \
  X(visit_none, "not yet recorded", "尚未登记") \
  X(plan_producer, "Producer", "生产者") \
  X(plan_township, "Township", "乡镇") \
  X(plan_inspectors, "Inspectors", "检查人员") \
  X(plan_date_col, "Date", "日期") \
  X(gi, "GI", "地理标志") \
  X(saved, "saved", "已保存") \
  X(help_title, "Keyboard and mouse", "键盘与鼠标") \
  X(help_key, "Key / gesture", "按键 / 手势") \
  X(help_action, "Action", "操作") \
  X(key_drag, "Left or middle drag", "左键或中键拖动") \
  X(key_arrows, "Arrow keys", "方向键") \
  X(key_wheel, "Mouse wheel", "鼠标滚轮") \
  X(key_plus_minus, "+ / -", "+ / -") \
  X(key_ctrl_drag, "Ctrl + drag", "Ctrl + 拖动") \
  X(key_shift_drag, "Shift + drag", "Shift + 拖动") \
  X(key_click, "Click", "单击") \
  X(key_ctrl_click, "Ctrl + click", "Ctrl + 单击") \
  X(key_home, "Home", "Home") \
  X(key_s, "S", "S") \
  X(key_i_b_z_p, "I / B / Z / P", "I / B / Z / P") \
  X(key_t, "T", "T") \
  X(key_l, "L", "L") \
  X(key_esc, "Esc", "Esc") \
  X(key_ctrl_o, "Ctrl + O", "Ctrl + O") \
  X(key_ctrl_n, "Ctrl + N", "Ctrl + N") \
  X(key_ctrl_r, "Ctrl + R", "Ctrl + R") \
  X(key_f1, "F1", "F1") \
  X(help_pan, "Pan the map", "平移地图") \
  X(help_pan_keys, "Pan by an eighth of the window", "按窗口的八分之一平移") \
  X(help_zoom_wheel, "Zoom about the cursor", "以光标为中心缩放") \
  X(help_zoom_keys, "Zoom in / out about the centre", "以窗口中心放大 / 缩小") \
  X(help_zoom_box, "Zoom to the dragged box", "缩放到拖出的矩形") \
  X(help_select_box, "Select features in the dragged box", "选择拖出矩形内的要素") \
  X(help_identify, "Identify and select the feature under the cursor", "识别并选择光标下的要素") \
  X(help_toggle_select, "Add to / remove from the selection", "加入 / 移出选择集") \
  X(help_zoom_all, "Zoom to the whole workspace", "缩放到整个工作空间") \
  X(help_zoom_selection, "Zoom to the selection", "缩放到选择集") \
  X(help_tools, "Tools: identify, box select, box zoom, pan", "工具：识别、框选、框缩放、平移") \
  X(help_table, "Show / hide the attribute table", "显示 / 隐藏属性表") \
  X(help_layers, "Show / hide the layers panel", "显示 / 隐藏图层面板") \
  X(help_clear, "Clear the selection, back to identify", "清除选择，回到识别工具") \
  X(help_open, "Open a workspace", "打开工作空间") \
  X(help_new, "Create a workspace", "新建工作空间") \
  X(help_check, "Run the origin check", "运行产地核查") \
  X(help_help, "This window", "本窗口") \
  X(tool, "Tool", "工具") \
  X(tool_pan, "Pan", "平移") \
  X(tool_identify, "Identify", "识别") \
  X(tool_select_box, "Select by box", "框选") \
  X(tool_zoom_box, "Zoom to box", "框缩放") \
  X(tool_edit_zone, "Edit zone", "编辑范围") \
  X(scale, "Scale", "比例尺") \
  X(cancel, "Cancel", "取消") \
  X(busy, "Still working on the previous task.", "上一个任务仍在进行。") \
  X(opening, "Opening", "正在打开") \
  X(rolled_back, "An interrupted change was rolled back; the workspace is as it was before it.", \
    "上次中断的修改已回滚，工作区恢复到修改前的状态。") \
  X(no_workspace, "No workspace open (File → Open).", "未打开工作空间（文件 → 打开）。") \
  X(layer, "Layer", "图层") \
  X(layer_townships, "Townships 乡镇", "乡镇") \
  X(layer_villages, "Villages 村", "村") \
  X(layer_zones, "GI zones 保护范围", "地理标志保护范围") \
  X(layer_census, "Census points 普查点", "普查点") \
  X(layer_producers, "Producers 生产者", "生产者") \
  X(layer_resources, "GI resources 地理标志资源", "地理标志资源") \
  X(style, "Style", "样式") \
  X(opacity, "Opacity", "不透明度") \
  X(fill_colour, "Fill", "填充") \
  X(zone_wash, "Fill wash (in the GI's colour)", "填充淡色（地理标志颜色）") \
  X(outline_colour, "Outline", "边线") \
  X(outline_width, "Outline width", "边线宽度") \
  X(symbol, "Symbol", "符号") \
  X(symbol_circle, "Circle", "圆形") \
  X(symbol_square, "Square", "方形") \
  X(symbol_triangle, "Triangle", "三角形") \
  X(symbol_diamond, "Diamond", "菱形") \
  X(point_size, "Size", "大小") \
  X(label_field, "Label field", "标注字段") \
  X(no_labels, "(no labels)", "（不标注）") \
  X(unchecked, "Not checked", "未核查") \
  X(zoom_short, "Zoom", "缩放") \
  X(zoom_to_layer, "Zoom to layer", "缩放到图层") \
  X(zoom_to_feature, "Zoom to feature", "缩放到要素") \
  X(zoom_to_selection, "Zoom to selection", "缩放到选择集") \
  X(zoom_all, "Zoom to workspace", "缩放到工作空间") \
  X(zoom_in, "Zoom in", "放大") \
  X(zoom_out, "Zoom out", "缩小") \
  X(clear_selection, "Clear selection", "清除选择") \
  X(filter_hint, "Filter (any column)", "筛选（任意列）") \
  X(field, "Field", "字段") \
  X(value, "Value", "值") \
  X(result, "Result", "结果") \
  X(code, "Code", "代码") \
  X(producers_count, "Producers", "生产者数") \
  X(total, "Total", "合计") \
  X(open_workspace_title, "Open workspace", "打开工作空间") \
  X(new_workspace_title, "New workspace", "新建工作空间") \
  X(parent_folder, "Up", "上一级") \
  X(folder, "folder", "文件夹") \
  X(file_name, "File name", "文件名") \
  X(district, "District", "区县") \
  X(open, "Open", "打开") \
  X(create, "Create", "创建") \
  X(file_exists, "already exists", "已存在") \
  X(file_missing, "is not a file", "不是文件") \
  X(import_title, "Import", "导入") \
  X(import_source, "Source file", "源文件") \
  X(import_kind, "Import as", "导入为") \
  X(import_crs, "CRS (empty: as declared)", "坐标系（留空：按文件声明）") \
  X(import_encoding, "Encoding (empty: detect)", "编码（留空：自动识别）") \
  X(import_dry_run, "Dry run (check only, write nothing)", "试运行（只检查，不写入）") \
  X(import_update_existing, "Update producers already in the workspace", "更新工作空间中已有的生产者") \
  X(import_update_existing_tip, \
    "A row with the credit code and GI of a producer the workspace has (or, " \
    "without a code, its name and GI) replaces that producer's record. Off: such " \
    "rows are rejected, so importing the same list twice adds nothing.", \
    "与工作空间中某生产者统一社会信用代码及地理标志相同（无代码时为名称及地理标志" \
    "相同）的行，将替换该生产者的记录。不勾选时此类行被拒绝，同一名单导入两次不会" \
    "重复添加。") \
  X(import_run, "Import", "导入") \
  X(import_browse, "Browse…", "浏览…") \
  X(import_done, "Import finished.", "导入完成。") \
  X(import_report, "Import report", "导入报告") \
  X(import_counts, \
    "read %lld, accepted %lld, rejected %lld, with warnings %lld, updating existing %lld%s", \
    "读取 %lld 行，接受 %lld，拒绝 %lld，含警告 %lld，更新已有 %lld%s") \
  X(dry_run_suffix, " (dry run)", "（试运行）") \
  X(import_encoding_is, "encoding: %s", "编码：%s") \
  X(import_crs_is, "CRS: %s", "坐标系：%s") \
  X(import_columns_is, "columns: %s", "列：%s") \
  X(col_where, "where", "位置") \
  X(col_row, "row", "行") \
  X(col_status, "status", "状态") \
  X(col_code, "code", "代码") \
  X(col_message, "message", "说明") \
  X(status_rejected, "rejected", "拒绝") \
  X(status_warning, "warning", "警告") \
  X(kind_townships, "townships", "乡镇") \
  X(kind_villages, "villages", "村") \
  X(kind_zones, "zones", "保护范围") \
  X(kind_census, "census points", "普查点") \
  X(kind_producers, "producers", "生产者") \
  X(kind_inspectors, "inspectors", "执法人员") \
  X(relief_title, "Relief", "地形") \
  X(relief_hillshade, "Hillshade", "地形晕渲") \
  X(relief_tint, "Hypsometric tint", "分层设色") \
  X(relief_contours, "Contour lines (larger scales)", "等高线（较大比例尺）") \
  X(relief_building, "Building the relief", "正在生成地形晕渲") \
  X(relief_none, "No DEM in this workspace.", "本工作空间没有数字高程模型（DEM）。") \
  X(contours_task, "Contour lines", "等高线") \
  X(altitude_at, "altitude %.1f m", "海拔 %.1f 米") \
  X(altitude_void, "no altitude (DEM void)", "无海拔（DEM 空洞）") \
  X(altitude_outside, "no altitude (outside the DEM)", "无海拔（超出 DEM 范围）") \
  X(band_title, "Altitude band", "海拔范围") \
  X(band_min, "Minimum altitude (m)", "最低海拔（米）") \
  X(band_max, "Maximum altitude (m)", "最高海拔（米）") \
  X(band_no_dem, \
    "The workspace has no DEM: import one to limit a zone to an altitude band.", \
    "工作空间没有数字高程模型（DEM），导入后才能按海拔范围限定保护范围。") \
  X(band_computing, "Computing the band zone", "正在计算海拔范围") \
  X(band_preview_area, \
    "Preview: %.3f km² (%.0f 亩), %.1f%% of the units' %.3f km²", \
    "预览：%.3f 平方千米（%.0f 亩），为所选单元的 %.1f%%（单元共 %.3f 平方千米）") \
  X(band_save, "Save units ∩ band as a new zone version", "将所选单元与海拔范围的交集保存为新的范围版本") \
  X(band_pick_units, "Select townships or villages first.", "请先选择乡镇或村。") \
  X(cancelled, "cancelled", "已取消") \
  X(menu_language, "Language", "语言") \
  X(lang_follow_system, "As the system (locale)", "跟随系统（区域设置）") \
  X(lang_restart, "The interface language changes when GI Atlas starts again.", \
    "界面语言将在下次启动 GI Atlas 时生效。") \
  X(prog_title, "GI programme", "地理标志工作") \
  X(prog_as_of, "As of (YYYY-MM-DD, empty = today)", "统计日期（YYYY-MM-DD，留空为今天）") \
  X(prog_targets, "Targets", "规划目标") \
  X(prog_register, "Register", "登记簿") \
  X(prog_catalogue, "Catalogue", "保护目录") \
  X(prog_candidates, "Candidates", "培育对象排序") \
  X(prog_per_year, "Per year: use rate (bars) and new GI trademarks", "历年：专用标志使用率（柱）与新增地理标志商标") \
  X(prog_use_rate, "Use rate", "使用率") \
  X(prog_new_tm, "New trademarks", "新增商标") \
  X(prog_status, "Status", "状态") \
  X(prog_registration, "Registration", "注册") \
  X(prog_standard, "Standard", "标准") \
  X(prog_users, "Users (current / all)", "使用主体（在用/累计）") \
  X(prog_name, "Name", "名称") \
  X(prog_category, "Category", "类别") \
  X(prog_date, "Date", "日期") \
  X(prog_townships, "Townships", "乡镇") \
  X(prog_points, "Census points", "普查点") \
  X(prog_rank, "Rank", "名次") \
  X(prog_total, "Total", "总分") \
  X(prog_change_status, "Change the selected resource's status to", "将所选资源状态改为") \
  X(prog_type, "Protection type", "保护类型") \
  X(prog_number, "Number", "编号") \
  X(prog_authority, "Authority", "注册机关") \
  X(prog_save, "Save", "保存") \
  X(prog_saved, "Saved", "已保存") \
  X(prog_add_standard, "Record a standard of the selected GI", "为所选地理标志登记标准") \
  X(prog_add_user, "Record an authorised user of the selected GI", "为所选地理标志登记授权使用主体") \
  X(prog_title_field, "Title", "名称") \
  X(prog_published, "Published", "发布日期") \
  X(prog_approved, "Approved", "批准日期") \
  X(prog_expiry, "Expiry (optional)", "有效期至（可选）") \
  X(prog_select_row, "Select a row first.", "请先选择一行。") \
  X(prog_year, "Year", "年度") \
  X(prog_edit_gi, "Edit the selected GI (category, holder)", "修改所选地理标志（类别、持有人）") \
  X(prog_add_resource, "Add a resource to the library", "新增资源") \
  X(prog_area_mu, "Area (mu)", "面积（亩）") \
  X(prog_output, "Yearly output (t)", "年产量（吨）") \
  X(prog_households, "Households", "农户") \
  X(prog_firms, "Firms", "企业") \
  X(prog_since, "Produced since (year)", "始产年份") \
  X(prog_surveyor, "Surveyor", "调查人") \
  X(prog_add_protection, "Record a protection of the selected GI", "为所选地理标志登记保护") \
  X(prog_holder, "Holder", "持有人") \
  X(prog_level, "Level", "级别") \
  X(prog_credit_code, "Credit code", "统一社会信用代码") \
  X(prog_user_list, "Authorised users of the selected GI", "所选地理标志的授权使用主体") \
  X(prog_change_user, "Change the selected user's status to", "将所选使用主体状态改为") \
  X(prog_register_status, "Change the selected GI's register status to", "将所选地理标志登记状态改为") \
  X(prog_score_title, "Score the selected candidate", "为所选培育对象评分") \
  X(prog_criterion, "Criterion", "指标") \
  X(prog_score, "Score (1-5)", "分值（1-5）") \
  X(prog_note, "Note", "说明") \
  X(prog_reason, "Reason (when the score differs from the data's)", "改分理由（与数据评分不同时）") \
  X(prog_assessor, "Assessor", "评分人") \
  X(prog_weights, "Weights of the six criteria", "六项指标权重") \
  X(prog_edit_target, "Edit the selected target", "修改所选目标") \
  X(prog_target, "Target", "目标") \
  X(prog_threshold, "Target value", "目标值") \
  X(prog_from, "From", "起") \
  X(prog_to, "To", "止") \
  X(scope_title, "Scope statement", "地域范围说明") \
  X(rec_title, "Edit record", "编辑记录") \
  X(rec_edit, "Edit…", "编辑…") \
  X(rec_register_entry, "Register entry", "登记条目") \
  X(rec_producer, "Producer", "生产者") \
  X(rec_field, "Field", "字段") \
  X(rec_theirs, "Saved meanwhile", "他人已保存") \
  X(rec_yours, "Yours (not saved)", "你的（未保存）") \
  X(rec_save_anyway, "Save mine over theirs", "以我的值覆盖保存") \
  X(rec_take_theirs, "Discard mine, take theirs", "放弃我的修改，采用对方的") \
  X(rec_lonlat, "Location lon, lat (CGCS2000)", "位置 经度、纬度（CGCS2000）") \
  X(scope_copy, "Copy", "复制") \
  X(scope_copied, "Copied to the clipboard", "已复制到剪贴板") \
  X(layer_areas, "Production areas 生产地块", "生产地块") \
  X(kind_areas, "production areas", "生产地块") \
  X(kind_lots, "lots", "批次") \
  X(trace_title, "Trace a lot", "批次溯源") \
  X(history_title, "History…", "修改历史…") \
  X(history_table, "Table", "表") \
  X(history_since, "Since (YYYY-MM-DD)", "起始日期（YYYY-MM-DD）") \
  X(history_show, "Show", "显示") \
  X(history_count, "changes, newest first", "条修改，最新在前") \
  X(history_none, "No changes recorded", "没有修改记录") \
  X(history_gpkg, "A GeoPackage keeps no audit trail: the history of changes exists on PostGIS workspaces only", "GeoPackage 不保存审计记录：修改历史只在 PostGIS 工作区中才有") \
  X(history_when, "When", "时间") \
  X(history_who, "Who", "用户") \
  X(history_row, "Row", "行") \
  X(history_action, "Action", "操作") \
  X(history_changes, "What changed", "修改内容") \
  X(trace_code, "Lot code", "批次号") \
  X(trace_run, "Trace", "溯源") \
  X(trace_verdict, "Verdict", "结论") \
  X(trace_producer, "Producer", "生产者") \
  X(trace_mark, "Special mark", "专用标志") \
  X(trace_areas, "Areas on the harvest date", "采收日各地块核查") \
  X(trace_reasons, "Reasons", "理由") \
  X(trace_write, "Write page and QR code", "导出网页和二维码") \
  X(trace_written, "Written", "已导出")

enum class Str {
#define GIATLAS_STR_ID(id, en, zh) id,
  GIATLAS_UI_STRINGS(GIATLAS_STR_ID)
#undef GIATLAS_STR_ID
  count
};

enum class Language { english, chinese };

// The text of `id` in `lang`.
const char* tr_in(Language lang, Str id);
// "zh", "zh_CN.UTF-8", "zh-Hans" … -> Chinese; "en…", "C", "POSIX" -> English; else nothing.
std::optional<Language> language_named(const std::string& name);
// The interface language from, in order: an explicit choice (the --lang flag, then the
// GIATLAS_LANG variable, then the saved setting; "" or an unknown name counts as none), then
// the locale (LC_ALL, LC_MESSAGES, LANG, the first one set), else English.
Language choose_language(const std::vector<std::string>& choices, const std::vector<std::string>& locale);
// The code written to GIATLAS_LANG and the settings: "zh" or "en".
const char* language_code(Language lang);

// The interface language of this process: GIATLAS_LANG when the first text is asked for
// (main() sets it from choose_language() before anything is drawn), else the locale. Fixed
// for the life of the process; switching is a setting that takes effect at the next start.
Language ui_language();
// tr_in(ui_language(), id).
const char* tr(Str id);

}  // namespace giatlas::gui
