#pragma once

// The query parameters of an upload (POST /api/v1/imports), checked before the body is read.

#include <string>

#include "api/query_reader.h"
#include "http/request.h"
#include "ingest/sales_import.h"

namespace imagross::api {

struct UploadRequest {
  std::string filename;  // as the client names the file; its extension tells the format
  SalesImportOptions options;
};

// Reads filename (required), preset, locale, encoding, delimiter, date_format and dry_run.
// Throws http::HttpError 400 naming the parameter at fault.
UploadRequest parse_upload_request(const http::QueryParams& params);

}  // namespace imagross::api
