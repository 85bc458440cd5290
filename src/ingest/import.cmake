# The sales, members and points history imports: column mapping, value conversion, reject reports and the import pipeline,
# on top of the file readers of readers.cmake. Included from src/ingest/CMakeLists.txt.
set(import_dir ${CMAKE_CURRENT_LIST_DIR})

add_library(imagross_ingest STATIC
  ${import_dir}/mapping/field_table.cpp
  ${import_dir}/mapping/sales_field.cpp
  ${import_dir}/mapping/member_field.cpp
  ${import_dir}/mapping/points_field.cpp
  ${import_dir}/mapping/column_mapping.cpp
  ${import_dir}/mapping/presets.cpp
  ${import_dir}/convert/date_time.cpp
  ${import_dir}/convert/date_format.cpp
  ${import_dir}/convert/format_detection.cpp
  ${import_dir}/convert/values.cpp
  ${import_dir}/convert/row_fields.cpp
  ${import_dir}/convert/line_converter.cpp
  ${import_dir}/convert/member_converter.cpp
  ${import_dir}/convert/receipt_line_counter.cpp
  ${import_dir}/convert/line_converter_fields.cpp
  ${import_dir}/report/reject_report.cpp
  ${import_dir}/import_plan.cpp
  ${import_dir}/import_tracker.cpp
  ${import_dir}/import_run.cpp
  ${import_dir}/batch_queue.cpp
  ${import_dir}/sales_import_run.cpp
  ${import_dir}/sales_import.cpp
  ${import_dir}/member_import.cpp
  ${import_dir}/points_import.cpp)
target_include_directories(imagross_ingest PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(imagross_ingest
  PUBLIC imagross_ingest_readers imagross_storage imagross_common imagross_domain
  PRIVATE Boost::json fmt::fmt spdlog::spdlog Threads::Threads imagross::build_options)

imagross_add_test(ingest_test
  SOURCES
    ${import_dir}/mapping/sales_field_test.cpp
    ${import_dir}/mapping/column_mapping_test.cpp
    ${import_dir}/mapping/presets_test.cpp
    ${import_dir}/convert/date_time_test.cpp
    ${import_dir}/convert/format_detection_test.cpp
    ${import_dir}/convert/values_test.cpp
    ${import_dir}/convert/line_converter_test.cpp
    ${import_dir}/convert/receipt_line_counter_test.cpp
    ${import_dir}/report/reject_report_test.cpp
    ${import_dir}/batch_queue_test.cpp
    ${import_dir}/sales_import_test.cpp
    ${import_dir}/sales_import_fixtures_test.cpp
    ${import_dir}/member_import_test.cpp
    ${import_dir}/points_import_test.cpp
    ${import_dir}/online_retail_test.cpp
  LIBRARIES imagross_ingest imagross_storage imagross_ingest_readers SQLite::SQLite3 Boost::json ZLIB::ZLIB)
