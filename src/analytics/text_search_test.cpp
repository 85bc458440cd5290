#include "analytics/text_search.h"

#include <gtest/gtest.h>

namespace imagross::analytics {
namespace {

TEST(FoldForSearch, LowersAsciiAndDropsAccents) {
  EXPECT_EQ(fold_for_search("Caffè Qualità ROSSA"), "caffe qualita rossa");
  EXPECT_EQ(fold_for_search("CITTÀ"), "citta");
  EXPECT_EQ(fold_for_search("Ñandú Øl Æble"), "nandu ol aeble");
  EXPECT_EQ(fold_for_search("Straße Łódź Œuvre"), "strasse lodz oeuvre");
}

TEST(FoldForSearch, KeepsOtherCharacters) {
  EXPECT_EQ(fold_for_search("8001234567890 x 2 = 5€"), "8001234567890 x 2 = 5€");
  EXPECT_EQ(fold_for_search("3×4÷2"), "3×4÷2");
  EXPECT_EQ(fold_for_search("Ελληνικά"), "Ελληνικά");
  EXPECT_EQ(fold_for_search(""), "");
}

TEST(FoldForSearch, KeepsInvalidUtf8Bytes) {
  const std::string lone_lead = "a\xC3";
  EXPECT_EQ(fold_for_search(lone_lead), lone_lead);
  const std::string bad_continuation = "\xC3(X";
  EXPECT_EQ(fold_for_search(bad_continuation), "\xC3(x");
}

}  // namespace
}  // namespace imagross::analytics
