#include "demo/promotions.h"

#include <set>

#include <gtest/gtest.h>

namespace imagross::demo {
namespace {

Product piece_product(int64_t price, int department = 8) {
  Product product;
  product.code = "8001234567890";
  product.name = "Spaghetti n.5 Valdora 500 g";
  product.department = department;
  product.unit = Unit::piece;
  product.list_price = price;
  return product;
}

Product weighed_product(int64_t price) {
  Product product = piece_product(price, 1);
  product.unit = Unit::kilogram;
  return product;
}

const Promotion& promotion(std::string_view code) {
  for (const Promotion& candidate : promotions()) {
    if (candidate.code == code) {
      return candidate;
    }
  }
  ADD_FAILURE() << "no promotion " << code;
  return promotions()[0];
}

TEST(PriceLine, WithoutPromotion) {
  const PricedLine line = price_line(piece_product(1990), 3000, nullptr);
  EXPECT_EQ(line.quantity, 3000);
  EXPECT_EQ(line.unit_price, 1990);
  EXPECT_EQ(line.discount, 0);
  EXPECT_EQ(line.amount, 5970);
}

TEST(PriceLine, WeighedGoodsRoundToCents) {
  // 0.745 kg at 12.90 is 9.6105, paid 9.61.
  const PricedLine line = price_line(weighed_product(12900), 745, nullptr);
  EXPECT_EQ(line.amount, 9610);
}

TEST(PriceLine, PercentOffRoundsHalfUp) {
  // 10% of 5.97 is 0.597, so 0.60 off.
  const PricedLine line = price_line(piece_product(1990), 3000, &promotion("SCONTO10"));
  EXPECT_EQ(line.discount, 600);
  EXPECT_EQ(line.amount, 5370);
}

TEST(PriceLine, ThreeForTwoSetsQuantity) {
  const PricedLine single = price_line(piece_product(1490), 1000, &promotion("3X2"));
  EXPECT_EQ(single.quantity, 3000);
  EXPECT_EQ(single.discount, 1490);
  EXPECT_EQ(single.amount, 2980);
  const PricedLine four = price_line(piece_product(1490), 4000, &promotion("3X2"));
  EXPECT_EQ(four.quantity, 6000);
  EXPECT_EQ(four.discount, 2980);
}

TEST(PriceLine, SecondAtHalfPrice) {
  const PricedLine line = price_line(piece_product(1990), 1000, &promotion("SECONDO50"));
  EXPECT_EQ(line.quantity, 2000);
  EXPECT_EQ(line.discount, 1000);  // half of 1.99, rounded half up to 1.00
  EXPECT_EQ(line.amount, 2980);
}

TEST(PriceLine, SpecialPriceEndsInNine) {
  // 75% of 1.99 is 1.4925: the special price is 1.49.
  const PricedLine line = price_line(piece_product(1990), 2000, &promotion("PREZZOSPECIALE"));
  EXPECT_EQ(line.discount, 1000);
  EXPECT_EQ(line.amount, 2980);
}

TEST(PriceLine, SpecialPriceOnWeighedGoods) {
  // 12.90 per kg becomes 9.59: 0.745 kg costs 9.61 listed and 7.14 on offer.
  const PricedLine line = price_line(weighed_product(12900), 745, &promotion("PREZZOSPECIALE"));
  EXPECT_EQ(line.discount, 2470);
  EXPECT_EQ(line.amount, 7140);
}

TEST(PriceLine, ReturnIsNegativeWithoutDiscount) {
  const PricedLine line = price_line(weighed_product(12900), -745, nullptr);
  EXPECT_EQ(line.quantity, -745);
  EXPECT_EQ(line.discount, 0);
  EXPECT_EQ(line.amount, -9610);
}

TEST(Promotions, CodesAreUnique) {
  std::set<std::string_view> codes;
  for (const Promotion& candidate : promotions()) {
    EXPECT_FALSE(candidate.code.empty());
    codes.insert(candidate.code);
  }
  EXPECT_EQ(codes.size(), promotions().size());
}

TEST(Promotions, ChoiceRespectsConditions) {
  Random random(11);
  const Product meat = weighed_product(22900);
  const Product wine = piece_product(8990, 13);
  ASSERT_EQ(department_name(13), "Enoteca");
  bool christmas_seen = false;
  for (int draw = 0; draw < 5000; ++draw) {
    const Promotion& without_card = choose_promotion(random, wine, 12, false);
    EXPECT_FALSE(without_card.cards_only) << without_card.code;
    christmas_seen = christmas_seen || without_card.code == "NATALE25";

    const Promotion& weighed = choose_promotion(random, meat, 7, true);
    EXPECT_FALSE(weighed.pieces_only) << weighed.code;
    EXPECT_NE(weighed.code, "NATALE25");
    EXPECT_NE(weighed.code, "PASQUA20");

    const Promotion& july_wine = choose_promotion(random, wine, 7, true);
    EXPECT_NE(july_wine.code, "NATALE25");
    EXPECT_NE(july_wine.code, "ESTATE20");
  }
  EXPECT_TRUE(christmas_seen);
}

}  // namespace
}  // namespace imagross::demo
