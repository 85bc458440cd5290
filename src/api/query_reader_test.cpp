#include "api/query_reader.h"

#include <gtest/gtest.h>

#include <array>

#include "api/testing/http_error.h"
#include "common/civil_time.h"
#include "http/errors.h"

namespace imagross::api {
namespace {

constexpr std::array<std::string_view, 5> kAccepted{"a", "n", "flag", "day", "pick"};

using testing::error_of;

TEST(QueryReader, RejectsUnknownParameter) {
  const http::QueryParams params{{"a", "1"}, {"stor", "PV07"}};
  const auto error = error_of([&] { QueryReader reader(params, kAccepted); });
  EXPECT_EQ(error.status(), 400);
  EXPECT_EQ(error.code(), "invalid_parameter");
  EXPECT_EQ(error.parameter(), "stor");
  EXPECT_NE(std::string(error.what()).find("unknown parameter 'stor'"), std::string::npos);
}

TEST(QueryReader, ListsAcceptedParameters) {
  const http::QueryParams params{{"stor", "PV07"}};
  const auto error = error_of([&] { QueryReader reader(params, kAccepted); });
  EXPECT_NE(std::string(error.what()).find("this route accepts: a, n, flag, day, pick"),
            std::string::npos);
}

TEST(QueryReader, ReportsRouteWithoutParameters) {
  const http::QueryParams params{{"member_id", "2"}};
  const auto error = error_of([&] { QueryReader reader(params, {}); });
  EXPECT_EQ(error.parameter(), "member_id");
  EXPECT_EQ(std::string(error.what()),
            "unknown parameter 'member_id'; this route takes no query parameters");
}

TEST(QueryReader, RejectsRepeatedSingleParameter) {
  const http::QueryParams params{{"n", "1"}, {"n", "2"}};
  const QueryReader reader(params, kAccepted);
  const auto error = error_of([&] { (void)reader.single("n"); });
  EXPECT_EQ(error.parameter(), "n");
}

TEST(QueryReader, ReadsRepeatedValuesInOrder) {
  const http::QueryParams params{{"a", "x"}, {"n", "1"}, {"a", "y"}};
  const QueryReader reader(params, kAccepted);
  const std::vector<std::string_view> expected{"x", "y"};
  EXPECT_EQ(reader.all("a"), expected);
}

TEST(QueryReader, RejectsEmptyRepeatedValue) {
  const http::QueryParams params{{"a", ""}};
  const QueryReader reader(params, kAccepted);
  EXPECT_EQ(error_of([&] { (void)reader.all("a"); }).parameter(), "a");
}

TEST(QueryReader, ReadsIntegersInRange) {
  const http::QueryParams params{{"n", "42"}};
  const QueryReader reader(params, kAccepted);
  EXPECT_EQ(reader.integer("n", 1, 100, 7), 42);
  EXPECT_EQ(reader.integer("missing", 1, 100, 7), 7);
}

TEST(QueryReader, RejectsBadIntegers) {
  for (const auto* text : {"0", "101", "-1", "1.5", "abc", "", "99999999999999999999", "4 2"}) {
    const http::QueryParams params{{"n", text}};
    const QueryReader reader(params, kAccepted);
    const auto error = error_of([&] { (void)reader.integer("n", 1, 100, 7); });
    EXPECT_EQ(error.parameter(), "n") << text;
  }
}

TEST(QueryReader, ReadsBooleans) {
  EXPECT_TRUE(QueryReader({{"flag", "true"}}, kAccepted).boolean("flag"));
  EXPECT_FALSE(QueryReader({{"flag", "false"}}, kAccepted).boolean("flag"));
  EXPECT_FALSE(QueryReader({}, kAccepted).boolean("flag"));
  const http::QueryParams params{{"flag", "yes"}};
  EXPECT_EQ(error_of([&] { (void)QueryReader(params, kAccepted).boolean("flag"); }).parameter(),
            "flag");
}

TEST(QueryReader, ReadsDates) {
  const http::QueryParams params{{"day", "2026-02-28"}};
  EXPECT_EQ(QueryReader(params, kAccepted).date("day"), days_from_civil({2026, 2, 28}));
  EXPECT_FALSE(QueryReader({}, kAccepted).date("day"));
}

TEST(QueryReader, RejectsMalformedAndImpossibleDates) {
  for (const auto* text : {"2026-02-30", "2026-13-01", "2026-2-1", "01/02/2026", "2026-02-28x", "",
                           "1969-12-31", "2200-01-01"}) {
    const http::QueryParams params{{"day", text}};
    const auto error = error_of([&] { (void)QueryReader(params, kAccepted).date("day"); });
    EXPECT_EQ(error.parameter(), "day") << text;
    EXPECT_NE(std::string(error.what()).find(std::string("'") + text + "'"), std::string::npos)
        << error.what();
  }
}

TEST(QueryReader, ReadsChoices) {
  const http::QueryParams params{{"pick", "b"}};
  EXPECT_EQ(QueryReader(params, kAccepted).choice("pick", {"a", "b"}, "a"), "b");
  EXPECT_EQ(QueryReader({}, kAccepted).choice("pick", {"a", "b"}, "a"), "a");
  const http::QueryParams bad{{"pick", "c"}};
  const auto error = error_of([&] {
    (void)QueryReader(bad, kAccepted).choice("pick", {"a", "b"}, "a");
  });
  EXPECT_STREQ(error.what(), "pick must be one of a, b, got 'c'");
}

}  // namespace
}  // namespace imagross::api
