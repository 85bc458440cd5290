#include "auth/passwords.h"

#include <gtest/gtest.h>

#include <sodium.h>

namespace imagross::auth {
namespace {

std::string policy_error(std::string_view password) {
  const auto status = check_password_policy(password);
  return status.ok() ? "ok" : status.error().code + ": " + status.error().message;
}

TEST(Passwords, HashIsArgon2idAndVerifies) {
  const auto hash = hash_password("correct horse battery");
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$")) << hash;
  EXPECT_TRUE(verify_password(hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(hash, "correct horse batterY"));
  EXPECT_FALSE(verify_password(hash, ""));
}

TEST(Passwords, SaltMakesEveryHashDifferent) {
  EXPECT_NE(hash_password("same password here"), hash_password("same password here"));
}

TEST(Passwords, MalformedHashNeverVerifies) {
  EXPECT_FALSE(verify_password("", "anything at all"));
  EXPECT_FALSE(verify_password("$argon2id$v=19$garbage", "anything at all"));
  EXPECT_FALSE(verify_password(std::string(1000, 'a'), "anything at all"));
}

TEST(Passwords, CurrentHashNeedsNoRehash) {
  EXPECT_FALSE(password_needs_rehash(hash_password("a fine password")));
}

TEST(Passwords, WeakerHashNeedsRehash) {
  char weaker[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(weaker, "pw", 2, crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(verify_password(weaker, "pw"));
  EXPECT_TRUE(password_needs_rehash(weaker));
  EXPECT_TRUE(password_needs_rehash("not a hash"));
}

TEST(Passwords, PolicyAcceptsLongEnough) {
  EXPECT_EQ(policy_error("ten chars!"), "ok");
  EXPECT_EQ(policy_error("àèìòùàèìòù"), "ok");  // ten code points, twenty bytes
  EXPECT_EQ(policy_error(std::string(kMaxPasswordLength - 1, 'a') + "b"), "ok");
}

TEST(Passwords, PolicyRejectsShortLongRepeatedAndInvalid) {
  EXPECT_TRUE(policy_error("nine char")
                  .starts_with("weak_password: the password must be at "
                               "least 10"));
  EXPECT_TRUE(policy_error("").starts_with("weak_password"));
  EXPECT_TRUE(policy_error(std::string(kMaxPasswordLength + 1, 'x') + "y")
                  .starts_with("weak_password: the password must be at most"));
  EXPECT_EQ(policy_error("aaaaaaaaaaaa"),
            "weak_password: the password must not be one character repeated");
  EXPECT_EQ(policy_error("valid start \xff\xfe end"),
            "weak_password: the password is not valid UTF-8 text");
  EXPECT_EQ(policy_error("overlong \xc0\xaf slash"),
            "weak_password: the password is not valid UTF-8 text");
  EXPECT_EQ(policy_error("surrogate \xed\xa0\x80 here"),
            "weak_password: the password is not valid UTF-8 text");
}

}  // namespace
}  // namespace imagross::auth
