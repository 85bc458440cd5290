#include "http/static_files.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "http/errors.h"
#include "http/quote.h"

namespace imagross::http {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kContentTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".map", "application/json; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
    {".txt", "text/plain; charset=utf-8"},
    {".xml", "application/xml"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff", "font/woff"},
    {".woff2", "font/woff2"},
    {".ttf", "font/ttf"},
    {".wasm", "application/wasm"},
}};

// Vite names every file under assets/ after a hash of its content.
constexpr std::string_view kHashedAssets = "assets/";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

// The relative path a request names, or nullopt when it tries to leave the root.
std::optional<fs::path> relative_path(std::string_view request_path) {
  if (request_path.find('\0') != std::string_view::npos ||
      request_path.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  fs::path relative;
  std::size_t start = 0;
  while (start < request_path.size()) {
    auto end = request_path.find('/', start);
    if (end == std::string_view::npos) {
      end = request_path.size();
    }
    const auto segment = request_path.substr(start, end - start);
    if (segment == "..") {
      return std::nullopt;
    }
    if (!segment.empty() && segment != ".") {
      relative /= segment;
    }
    start = end + 1;
  }
  return relative;
}

bool is_inside(const fs::path& file, const fs::path& root) {
  std::error_code error;
  const auto real = fs::weakly_canonical(file, error);
  if (error) {
    return false;
  }
  const auto [root_end, file_it] =
      std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  return root_end == root.end();
}

}  // namespace

std::string_view content_type_for(const fs::path& file) {
  const auto extension = file.extension().string();
  for (const auto& [known, type] : kContentTypes) {
    if (extension == known) {
      return type;
    }
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {
  std::error_code error;
  const auto canonical = fs::weakly_canonical(root_, error);
  if (!error) {
    root_ = canonical;
  }
}

Response StaticFiles::serve(const Request& request) const {
  const auto relative = relative_path(request.path);
  if (!relative) {
    throw not_found("no file at " + quote_value(request.path));
  }
  std::error_code error;
  const auto file = root_ / *relative;
  if (!relative->empty() && fs::is_regular_file(file, error) && is_inside(file, root_)) {
    const bool hashed = relative->generic_string().starts_with(kHashedAssets);
    return file_response(file, hashed ? kImmutable : kRevalidate);
  }

  // A path without an extension is a route of the single-page app, which index.html handles.
  const bool client_route = relative->empty() || !relative->filename().has_extension();
  const auto index = root_ / "index.html";
  if (client_route && fs::is_regular_file(index, error)) {
    return file_response(index, kRevalidate);
  }
  if (client_route) {
    throw HttpError(404, "web_app_not_built",
                    "the web app is not built: index.html is missing from the web directory; "
                    "run `npm run build` in web/ or pass --web-dir");
  }
  throw not_found("no file at " + quote_value(request.path));
}

Response StaticFiles::file_response(const fs::path& file, std::string_view cache_control) const {
  Response response;
  response.file = file;
  response.set_header("Content-Type", std::string(content_type_for(file)));
  response.set_header("Cache-Control", std::string(cache_control));
  return response;
}

}  // namespace imagross::http
