// The card images read back by an independent decoder: zbarimg (Debian's zbar-tools) must get
// the card number back from every PNG, and from every SVG once rsvg-convert (librsvg2-bin) has
// rasterised it. The PNGs are also decoded with libpng to check their pixels.

#include "cards/card_images.h"

#include <gtest/gtest.h>
#include <png.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "cards/barcode_symbols.h"
#include "cards/symbol_drawings.h"
#include "common/ean13.h"

namespace imagross::cards {
namespace {

namespace fs = std::filesystem;

// Runs a shell command and returns its standard output; the exit status goes to `status`.
std::string run(const std::string& command, int* status = nullptr) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) {
    return {};
  }
  std::string output;
  std::array<char, 4096> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) {
    output.append(buffer.data(), n);
  }
  const int result = ::pclose(pipe.release());
  if (status != nullptr) {
    *status = result;
  }
  return output;
}

bool has_tool(const std::string& name) {
  int status = 0;
  run("command -v " + name + " >/dev/null 2>&1", &status);
  return status == 0;
}

class CardImagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() /
                 ("imagross-cards-" + std::to_string(::getpid()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  fs::path write(const std::string& name, const std::string& bytes) const {
    const fs::path path = directory_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  // zbarimg's lines for one image, such as "EAN-13:2991000000016\n".
  static std::string decode(const fs::path& image) {
    return run("zbarimg --quiet '" + image.string() + "' 2>/dev/null");
  }

  // The SVG rasterised by librsvg, then decoded.
  std::string decode_svg(const fs::path& svg) const {
    const fs::path png = fs::path(svg).replace_extension(".svg.png");
    run("rsvg-convert --background-color=white -o '" + png.string() + "' '" + svg.string() +
        "' 2>&1");
    return decode(png);
  }

  static std::string image(Symbol symbol, ImageFormat format, const std::string& number) {
    const auto rendered = render_card_image(symbol, format, number);
    EXPECT_TRUE(rendered.ok()) << number;
    return rendered.ok() ? rendered->bytes : std::string();
  }

  fs::path directory_;
};

// Card numbers of the chain (prefix 2991) with random serials, plus one number for each first
// digit, which selects the parity pattern of the left half of an EAN-13.
std::vector<std::string> card_numbers(std::size_t random_count) {
  std::vector<std::string> numbers;
  for (char first = '0'; first <= '9'; ++first) {
    numbers.push_back(complete_ean13(std::string(1, first) + "12345678901"));
  }
  std::mt19937_64 random(20260315);
  std::uniform_int_distribution<int> serial(0, 99'999'999);
  for (std::size_t i = 0; i < random_count; ++i) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "2991%08d", serial(random));
    numbers.push_back(complete_ean13(digits));
  }
  numbers.push_back(complete_ean13("299100000000"));
  numbers.push_back(complete_ean13("299199999999"));
  return numbers;
}

TEST_F(CardImagesTest, Ean13PngDecodesWithZbarimg) {
  ASSERT_TRUE(has_tool("zbarimg")) << "install zbar-tools (scripts/install-deps.sh)";
  for (const auto& number : card_numbers(40)) {
    const auto path = write(number + ".png", image(Symbol::ean13, ImageFormat::png, number));
    EXPECT_EQ(decode(path), "EAN-13:" + number + "\n") << number;
  }
}

TEST_F(CardImagesTest, Ean13SvgDecodesAfterRasterising) {
  if (!has_tool("rsvg-convert")) {
    GTEST_SKIP() << "rsvg-convert missing: install librsvg2-bin (scripts/install-deps.sh)";
  }
  for (const auto& number : card_numbers(20)) {
    const auto path = write(number + ".svg", image(Symbol::ean13, ImageFormat::svg, number));
    EXPECT_EQ(decode_svg(path), "EAN-13:" + number + "\n") << number;
  }
}

TEST_F(CardImagesTest, QrPngDecodesWithZbarimg) {
  ASSERT_TRUE(has_tool("zbarimg")) << "install zbar-tools (scripts/install-deps.sh)";
  for (const auto& number : card_numbers(20)) {
    const auto path = write(number + ".png", image(Symbol::qr, ImageFormat::png, number));
    EXPECT_EQ(decode(path), "QR-Code:" + number + "\n") << number;
  }
}

TEST_F(CardImagesTest, QrSvgDecodesAfterRasterising) {
  if (!has_tool("rsvg-convert")) {
    GTEST_SKIP() << "rsvg-convert missing: install librsvg2-bin (scripts/install-deps.sh)";
  }
  for (const auto& number : card_numbers(10)) {
    const auto path = write(number + ".svg", image(Symbol::qr, ImageFormat::svg, number));
    EXPECT_EQ(decode_svg(path), "QR-Code:" + number + "\n") << number;
  }
}

TEST_F(CardImagesTest, SmallestScaleStillDecodes) {
  ASSERT_TRUE(has_tool("zbarimg"));
  const std::string number = "2991000000016";
  const auto ean = render_card_image(Symbol::ean13, ImageFormat::png, number, 2);
  ASSERT_TRUE(ean.ok());
  EXPECT_EQ(decode(write("ean.png", ean->bytes)), "EAN-13:" + number + "\n");
  const auto qr = render_card_image(Symbol::qr, ImageFormat::png, number, 2);
  ASSERT_TRUE(qr.ok());
  EXPECT_EQ(decode(write("qr.png", qr->bytes)), "QR-Code:" + number + "\n");
}

struct GrayPixels {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> data;

  uint8_t at(int x, int y) const {
    return data[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                static_cast<std::size_t>(x)];
  }
};

GrayPixels read_png(const std::string& bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  EXPECT_NE(png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()), 0);
  image.format = PNG_FORMAT_GRAY;
  GrayPixels pixels{static_cast<int>(image.width), static_cast<int>(image.height), {}};
  pixels.data.resize(PNG_IMAGE_SIZE(image));
  EXPECT_NE(png_image_finish_read(&image, nullptr, pixels.data.data(), 0, nullptr), 0);
  return pixels;
}

TEST(CardImagePng, BarsMatchModulesAtMidHeight) {
  const std::string number = "2991234567897";
  const auto png = render_card_image(Symbol::ean13, ImageFormat::png, number);
  ASSERT_TRUE(png.ok());
  EXPECT_EQ(png->content_type, "image/png");
  const GrayPixels pixels = read_png(png->bytes);
  ASSERT_EQ(pixels.width, 113 * kEan13PixelsPerModule);
  ASSERT_EQ(pixels.height, 82 * kEan13PixelsPerModule);

  const auto modules = encode_ean13(number);
  ASSERT_TRUE(modules.ok());
  const int y = 40 * kEan13PixelsPerModule;
  for (int x = 0; x < pixels.width; ++x) {
    const int module = x / kEan13PixelsPerModule - 11;
    const bool dark = module >= 0 && module < 95 && modules->dark[static_cast<std::size_t>(module)];
    EXPECT_EQ(pixels.at(x, y), dark ? 0 : 255) << "x " << x;
  }
}

TEST(CardImagePng, DrawsEveryDigitUnderTheBars) {
  const std::string number = "2991234567897";
  const auto png = render_card_image(Symbol::ean13, ImageFormat::png, number);
  ASSERT_TRUE(png.ok());
  const GrayPixels pixels = read_png(png->bytes);
  const int scale = kEan13PixelsPerModule;
  const int top = static_cast<int>(
      (Ean13Geometry::kTopMargin + Ean13Geometry::kBarHeight + Ean13Geometry::kGuardExtension) *
      scale);
  const int bottom = static_cast<int>(pixels.height - Ean13Geometry::kBottomMargin * scale);
  for (int index = 0; index < 13; ++index) {
    // A column through the middle of each digit crosses ink, except through a "1", whose
    // stem sits right of the centre.
    const int centre = static_cast<int>(Ean13Geometry::digit_centre(index) * scale);
    int dark = 0;
    for (int y = top; y < bottom; ++y) {
      for (int x = centre - 2 * scale; x <= centre + 2 * scale; ++x) {
        dark += pixels.at(x, y) < 128 ? 1 : 0;
      }
    }
    EXPECT_GT(dark, 10) << "digit " << index;
  }
  for (int x = 0; x < pixels.width; ++x) {
    EXPECT_EQ(pixels.at(x, pixels.height - 1), 255) << "bottom margin, x " << x;
  }
}

TEST(CardImageSvg, IsAnSvgDocumentWithTitle) {
  const auto svg = render_card_image(Symbol::ean13, ImageFormat::svg, "2991000000016");
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ(svg->content_type, "image/svg+xml");
  EXPECT_EQ(svg->bytes.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg->bytes.find("viewBox=\"0 0 113 82\""), std::string::npos);
  EXPECT_NE(svg->bytes.find("width=\"452\" height=\"328\""), std::string::npos);
  EXPECT_NE(svg->bytes.find("<title>EAN-13 2991000000016</title>"), std::string::npos);
}

TEST(CardImageSvg, EscapesTitleText) {
  const auto svg = render_card_image(Symbol::qr, ImageFormat::svg, "a<b>&\"c'");
  ASSERT_TRUE(svg.ok());
  EXPECT_NE(svg->bytes.find("<title>QR a&lt;b&gt;&amp;&quot;c&apos;</title>"), std::string::npos);
}

TEST(CardImage, RejectsInvalidEan13) {
  const auto image = render_card_image(Symbol::ean13, ImageFormat::png, "2991000000017");
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.error().code, "invalid_ean13");
}

}  // namespace
}  // namespace imagross::cards
