#pragma once

// The web app's built files (Vite's dist folder). Hashed assets under assets/ are cached as
// immutable; index.html is served for client-side routes (paths whose last segment has no
// extension) and is always revalidated. No path can name a file outside the root.

#include <filesystem>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace imagross::http {

// The Content-Type of a file from its extension; application/octet-stream when unknown.
std::string_view content_type_for(const std::filesystem::path& file);

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // Returns the file the request path names. Throws HttpError 404 for a missing file, a path
  // with ".." segments, or a link that leads outside the root.
  Response serve(const Request& request) const;

 private:
  Response file_response(const std::filesystem::path& file, std::string_view cache_control) const;

  std::filesystem::path root_;
};

}  // namespace imagross::http
