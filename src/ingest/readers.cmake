# The readers of source files behind open_record_reader(): CSV, JSON and XLSX, plain or
# gzip-compressed, each streamed. Included from src/ingest/CMakeLists.txt.
set(readers_dir ${CMAKE_CURRENT_LIST_DIR})

add_library(imagross_ingest_readers STATIC
  ${readers_dir}/record_reader.cpp
  ${readers_dir}/source/byte_source.cpp
  ${readers_dir}/source/file_source.cpp
  ${readers_dir}/source/input_buffer.cpp
  ${readers_dir}/source/record_shape.cpp
  ${readers_dir}/encoding/utf8.cpp
  ${readers_dir}/encoding/windows1252.cpp
  ${readers_dir}/encoding/text_decoder.cpp
  ${readers_dir}/csv/csv_tokenizer.cpp
  ${readers_dir}/csv/csv_dialect.cpp
  ${readers_dir}/csv/csv_reader.cpp
  ${readers_dir}/json/json_scanner.cpp
  ${readers_dir}/json/json_reader.cpp
  ${readers_dir}/xlsx/zip_archive.cpp
  ${readers_dir}/xlsx/xml_stream.cpp
  ${readers_dir}/xlsx/workbook.cpp
  ${readers_dir}/xlsx/cell_styles.cpp
  ${readers_dir}/xlsx/shared_strings.cpp
  ${readers_dir}/xlsx/sheet_rows.cpp
  ${readers_dir}/xlsx/xlsx_reader.cpp)
target_include_directories(imagross_ingest_readers PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(imagross_ingest_readers
  PUBLIC imagross_common
  PRIVATE imagross::build_options simdjson::simdjson ZLIB::ZLIB libzip::zip EXPAT::EXPAT)

imagross_add_test(ingest_readers_test
  SOURCES
    ${readers_dir}/record_reader_test.cpp
    ${readers_dir}/source/byte_source_test.cpp
    ${readers_dir}/encoding/utf8_test.cpp
    ${readers_dir}/encoding/windows1252_test.cpp
    ${readers_dir}/csv/csv_tokenizer_test.cpp
    ${readers_dir}/csv/csv_dialect_test.cpp
    ${readers_dir}/csv/csv_reader_test.cpp
    ${readers_dir}/json/json_reader_test.cpp
    ${readers_dir}/xlsx/xlsx_reader_test.cpp
    ${readers_dir}/xlsx/sheet_rows_test.cpp
  LIBRARIES imagross_ingest_readers simdjson::simdjson ZLIB::ZLIB libzip::zip PkgConfig::XLSXWRITER)
