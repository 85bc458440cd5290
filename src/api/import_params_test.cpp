#include "api/import_params.h"

#include <gtest/gtest.h>

#include "api/import_service.h"
#include "http/errors.h"

namespace imagross::api {
namespace {

std::string failing_parameter(const http::QueryParams& params) {
  try {
    parse_upload_request(params);
  } catch (const http::HttpError& error) {
    EXPECT_EQ(error.status(), 400);
    return error.parameter();
  }
  return "(no error)";
}

TEST(ImportParams, ReadsEveryOption) {
  const auto upload = parse_upload_request({{"filename", "vendite.csv"},
                                            {"preset", "online-retail"},
                                            {"locale", "it-IT"},
                                            {"encoding", "windows-1252"},
                                            {"delimiter", "semicolon"},
                                            {"date_format", "%d/%m/%Y %H:%M"},
                                            {"dry_run", "true"}});
  EXPECT_EQ(upload.filename, "vendite.csv");
  EXPECT_EQ(upload.options.preset, "online-retail");
  EXPECT_EQ(upload.options.locale, Locale::it_IT);
  EXPECT_EQ(upload.options.reader.encoding, TextEncoding::windows1252);
  EXPECT_EQ(upload.options.reader.delimiter, ';');
  EXPECT_EQ(upload.options.date_format, "%d/%m/%Y %H:%M");
  EXPECT_TRUE(upload.options.dry_run);
}

TEST(ImportParams, DefaultsLeaveDetectionOn) {
  const auto upload = parse_upload_request({{"filename", "a.csv"}});
  EXPECT_FALSE(upload.options.locale);
  EXPECT_FALSE(upload.options.reader.encoding);
  EXPECT_FALSE(upload.options.reader.delimiter);
  EXPECT_FALSE(upload.options.dry_run);
}

TEST(ImportParams, ReadsDelimiterNamesAndCharacters) {
  EXPECT_EQ(
      parse_upload_request({{"filename", "a"}, {"delimiter", "tab"}}).options.reader.delimiter,
      '\t');
  EXPECT_EQ(parse_upload_request({{"filename", "a"}, {"delimiter", "|"}}).options.reader.delimiter,
            '|');
}

TEST(ImportParams, RejectsBadOptions) {
  EXPECT_EQ(failing_parameter({}), "filename");
  EXPECT_EQ(failing_parameter({{"filename", ""}}), "filename");
  EXPECT_EQ(failing_parameter({{"filename", "a\nb.csv"}}), "filename");
  EXPECT_EQ(failing_parameter({{"filename", std::string(256, 'a')}}), "filename");
  EXPECT_EQ(failing_parameter({{"filename", "a"}, {"preset", "Online Retail"}}), "preset");
  EXPECT_EQ(failing_parameter({{"filename", "a"}, {"preset", ""}}), "preset");
  EXPECT_EQ(failing_parameter({{"filename", "a"}, {"locale", "fr-FR"}}), "locale");
  EXPECT_EQ(failing_parameter({{"filename", "a"}, {"encoding", "latin1"}}), "encoding");
  EXPECT_EQ(failing_parameter({{"filename", "a"}, {"delimiter", "::"}}), "delimiter");
  EXPECT_EQ(failing_parameter({{"filename", "a"}, {"date_format", "dd/mm/yyyy"}}), "date_format");
  EXPECT_EQ(failing_parameter({{"filename", "a"}, {"mapping", "/etc/passwd"}}), "mapping");
  EXPECT_EQ(failing_parameter({{"filename", "a"}, {"filename", "b"}}), "filename");
}

TEST(SafeFileName, KeepsOnlySafeCharacters) {
  EXPECT_EQ(safe_file_name("vendite 2026.csv"), "vendite_2026.csv");
  EXPECT_EQ(safe_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(safe_file_name("C:\\exports\\città.csv.gz"), "citt__.csv.gz");
  EXPECT_EQ(safe_file_name("..."), "upload");
  EXPECT_EQ(safe_file_name(".hidden.csv"), "hidden.csv");
  EXPECT_EQ(safe_file_name(std::string(150, 'a') + ".csv").size(), 100u);
  EXPECT_TRUE(safe_file_name(std::string(150, 'a') + ".csv").ends_with(".csv"));
}

}  // namespace
}  // namespace imagross::api
