#include "http/static_files.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <fstream>

#include "http/errors.h"

namespace imagross::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("imagross-static-test-" + std::to_string(::getpid()));
    root_ = base_ / "dist";
    fs::create_directories(root_ / "assets");
    write(root_ / "index.html", "<html>app</html>");
    write(root_ / "assets" / "index-1a2b3c.js", "console.log(1)");
    write(root_ / "favicon.svg", "<svg/>");
    write(base_ / "secret.txt", "secret");
    fs::create_symlink(base_ / "secret.txt", root_ / "link.txt");
  }
  void TearDown() override { fs::remove_all(base_); }

  static void write(const fs::path& file, const std::string& content) {
    std::ofstream(file) << content;
  }
  Response serve(const std::string& path) const {
    Request request;
    request.path = path;
    return StaticFiles(root_).serve(request);
  }
  int status_of(const std::string& path) const {
    try {
      return serve(path).status;
    } catch (const HttpError& error) {
      return error.status();
    }
  }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesIndexAtRoot) {
  const auto response = serve("/");
  EXPECT_EQ(response.file.filename(), "index.html");
  EXPECT_EQ(response.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(response.header("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, CachesHashedAssetsForever) {
  const auto response = serve("/assets/index-1a2b3c.js");
  EXPECT_EQ(response.file.filename(), "index-1a2b3c.js");
  EXPECT_EQ(response.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(response.header("Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, RevalidatesUnhashedFiles) {
  const auto response = serve("/favicon.svg");
  EXPECT_EQ(response.header("Content-Type"), "image/svg+xml");
  EXPECT_EQ(response.header("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, ServesIndexForClientRoutes) {
  EXPECT_EQ(serve("/dashboard").file.filename(), "index.html");
  EXPECT_EQ(serve("/imports/12").file.filename(), "index.html");
}

TEST_F(StaticFilesTest, MissingFileWithExtensionIs404) {
  EXPECT_EQ(status_of("/assets/missing.js"), 404);
}

TEST_F(StaticFilesTest, RejectsTraversal) {
  EXPECT_EQ(status_of("/../secret.txt"), 404);
  EXPECT_EQ(status_of("/assets/../../secret.txt"), 404);
  EXPECT_EQ(status_of("/..\\secret.txt"), 404);
  EXPECT_EQ(status_of(std::string("/index.html\0x", 13)), 404);
}

TEST_F(StaticFilesTest, RejectsLinksLeavingRoot) {
  EXPECT_EQ(status_of("/link.txt"), 404);
}

TEST_F(StaticFilesTest, ReportsUnbuiltApp) {
  fs::remove(root_ / "index.html");
  try {
    serve("/dashboard");
    FAIL() << "expected an error";
  } catch (const HttpError& error) {
    EXPECT_EQ(error.status(), 404);
    EXPECT_EQ(error.code(), "web_app_not_built");
  }
}

TEST(ContentType, KnowsCommonTypes) {
  EXPECT_EQ(content_type_for("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("a.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("a.json"), "application/json; charset=utf-8");
  EXPECT_EQ(content_type_for("a.unknown"), "application/octet-stream");
  EXPECT_EQ(content_type_for("noextension"), "application/octet-stream");
}

}  // namespace
}  // namespace imagross::http
