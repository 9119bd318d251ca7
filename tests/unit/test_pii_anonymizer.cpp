#include <gtest/gtest.h>

#include <string>

#include "core/keyed_hash.hpp"
#include "core/pii_anonymizer.hpp"

using tde::core::anonymize_database_name;
using tde::core::Detection;
using tde::core::PiiAnonymizer;
using tde::core::PiiType;

namespace {

const std::string kKey = "unit-test-secret-0123456789abcdef";

const PiiAnonymizer &anonymizer() {
    static PiiAnonymizer instance;
    return instance;
}

std::string anon(const std::string &text) { return anonymizer().anonymize(text, kKey); }

std::vector<PiiType> types_in(const std::string &text) {
    std::vector<PiiType> out;
    for (const Detection &d : anonymizer().detect(text)) out.push_back(d.type);
    return out;
}

}  // namespace

TEST(KeyedHash, MatchesRfc4231TestCase2) {
    EXPECT_EQ(tde::core::hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(KeyedHash, TokenDependsOnKeyAndEntity) {
    auto a = tde::core::keyed_token("k1", "email", "x@y.com");
    EXPECT_EQ(a.size(), 12u);
    EXPECT_EQ(a, tde::core::keyed_token("k1", "email", "x@y.com"));
    EXPECT_NE(a, tde::core::keyed_token("k2", "email", "x@y.com"));
    EXPECT_NE(a, tde::core::keyed_token("k1", "database_name", "x@y.com"));
}

TEST(KeyedHash, RandomBytesHaveRequestedLength) {
    auto a = tde::core::random_bytes(32);
    auto b = tde::core::random_bytes(32);
    EXPECT_EQ(a.size(), 32u);
    EXPECT_NE(a, b);
}

TEST(Email, ReplacedWithKeyedTokenKeepingDomain) {
    std::string out = anon("Email john.doe@example.com about the order");
    ASSERT_EQ(out.find("john.doe"), std::string::npos);
    std::string token = tde::core::keyed_token(kKey, "email", "john.doe@example.com");
    EXPECT_EQ(out, "Email user_" + token + "@example.com about the order");
}

TEST(Email, SameAddressInAnyCaseGivesSameToken) {
    EXPECT_EQ(anon("John.Doe@Example.COM"), anon("john.doe@example.com"));
}

TEST(Email, NotSwallowingSurroundingCjkText) {
    std::string out = anon("请联系john@example.com获取报告");
    EXPECT_EQ(out.find("john@"), std::string::npos);
    EXPECT_EQ(out.rfind("请联系user_", 0), 0u);
    EXPECT_NE(out.find("@example.com获取报告"), std::string::npos);
}

TEST(Email, FalsePositivesAreKept) {
    for (const char *s : {"logo@2x.png", "react@18.2.0", "%@gmail.com", "price @ 5.00",
                          "user@localhost", "a@b"}) {
        EXPECT_EQ(anon(s), s) << s;
    }
}

TEST(Email, TokenIsNotAnonymizedAgain) {
    std::string once = anon("write to jane@corp.example.org now");
    EXPECT_EQ(anon(once), once);
}

TEST(Phone, UsFormatsKeepLastFour) {
    EXPECT_EQ(anon("Call 555-123-4567 today"), "Call XXX-XXX-4567 today");
    EXPECT_EQ(anon("Call (555) 123-4567"), "Call XXX-XXX-4567");
    EXPECT_EQ(anon("Call 555.123.4567."), "Call XXX-XXX-4567.");
    EXPECT_EQ(anon("Call +1 555 123 4567"), "Call XXX-XXX-4567");
    EXPECT_EQ(anon("Call 555-123-4567 ext. 89"), "Call XXX-XXX-4567");
}

TEST(Phone, UnicodeSeparators) {
    EXPECT_EQ(anon("Call 555\u2013123\u20134567"), "Call XXX-XXX-4567");
    EXPECT_EQ(anon("Call 555\u00a0123\u00a04567"), "Call XXX-XXX-4567");
}

TEST(Phone, InternationalPrefix) {
    EXPECT_EQ(anon("Ring +44 20 7946 0958 please"), "Ring XXX-XXX-0958 please");
    EXPECT_EQ(anon("Ring 0049 30 901820 please"), "Ring XXX-XXX-1820 please");
}

TEST(Phone, DatesTimesRangesAndCountersAreKept) {
    for (const char *s : {"orders from 2024-01-15 to 2024-02-15", "at 12:34:56",
                          "pages 123-456", "processed 1234567890 rows", "order #12345678",
                          "version 1.2.3", "amount 1,234,567.89"}) {
        EXPECT_EQ(anon(s), s) << s;
    }
}

TEST(Ssn, ValidSsnMasked) {
    EXPECT_EQ(anon("SSN 123-45-6789 on file"), "SSN XXX-XX-6789 on file");
    EXPECT_EQ(anon("ssn: 123456789"), "ssn: XXX-XX-6789");
}

TEST(Ssn, InvalidAreasGroupsSerialsAreKept) {
    for (const char *s : {"000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567",
                          "123-45-0000", "123-45 6789"}) {
        EXPECT_TRUE(types_in(s).empty()) << s;
    }
}

TEST(Ssn, BareNineDigitsOnlyNearKeyword) {
    EXPECT_EQ(anon("invoice 123456789"), "invoice 123456789");
}

TEST(Card, LuhnValidCardsMasked) {
    EXPECT_EQ(anon("card 4111-1111-1111-1111 charged"), "card XXXX-XXXX-XXXX-1111 charged");
    EXPECT_EQ(anon("card 4111 1111 1111 1111"), "card XXXX-XXXX-XXXX-1111");
    EXPECT_EQ(anon("card 5500005555555559"), "card XXXX-XXXX-XXXX-5559");
    EXPECT_EQ(anon("amex 3782 822463 10005"), "amex XXXX-XXXX-XXXX-0005");
    EXPECT_EQ(anon("mc 2223000048400011"), "mc XXXX-XXXX-XXXX-0011");
}

TEST(Card, InvalidNumbersKept) {
    for (const char *s : {"1234-5678-9012-3456", "4111-1111 1111-1111", "41111111111111112",
                          "ts 1700000000000", "stamp 20240115123045", "4111111111111111999"}) {
        EXPECT_TRUE(types_in(s).empty()) << s;
    }
}

TEST(Ipv4, ValidAddressesMasked) {
    EXPECT_EQ(anon("from 192.168.1.1 today"), "from XXX.XXX.XXX.1 today");
    EXPECT_EQ(anon("host 10.0.0.123:5432"), "host XXX.XXX.XXX.123:5432");
}

TEST(Ipv4, NotIps) {
    for (const char *s : {"1.2.3.4.5", "256.1.1.1", "v1.2.3.4", "3.14159", "1.2.3"}) {
        EXPECT_TRUE(types_in(s).empty()) << s;
    }
}

TEST(Ipv6, AddressesMasked) {
    EXPECT_EQ(anon("from 2001:db8::ff00:42:8329 x"), "from XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:8329 x");
    EXPECT_EQ(anon("net fe80::1%eth0"), "net XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:1");
    EXPECT_EQ(anon("net 2001:db8::/32"), "net XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:0/32");
    EXPECT_EQ(types_in("::ffff:192.0.2.128"), std::vector<PiiType>{PiiType::IPv6});
}

TEST(Ipv6, MacsTimesAndCastsKept) {
    for (const char *s : {"00:1a:2b:3c:4d:5e", "at 12:34:56", "created_at::date", "x::dec",
                          "std::string", "::1"}) {
        EXPECT_TRUE(types_in(s).empty()) << s;
    }
}

TEST(Overlaps, LongestSpanWinsAndOffsetsStayValid) {
    std::string text = "é Contact 4111 1111 1111 1111 or bob@example.com, 555-123-4567";
    auto found = anonymizer().detect(text);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].type, PiiType::CreditCard);
    EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "4111 1111 1111 1111");
    EXPECT_EQ(found[1].type, PiiType::Email);
    EXPECT_EQ(found[2].type, PiiType::Phone);
}

TEST(Idempotence, OutputIsStable) {
    for (const char *s :
         {"mail a.b@example.com, call 555-123-4567, SSN 123-45-6789, card 4111111111111111, "
          "ip 192.168.0.7, v6 2001:db8::1"}) {
        std::string once = anon(s);
        EXPECT_EQ(anon(once), once) << once;
    }
}

TEST(DatabaseName, HashedAndIdempotent) {
    std::string token = anonymize_database_name("production_db", kKey);
    EXPECT_EQ(token.rfind("db_", 0), 0u);
    EXPECT_EQ(token.size(), 15u);
    EXPECT_EQ(anonymize_database_name(token, kKey), token);
    EXPECT_EQ(anonymize_database_name("production_db", kKey), token);
    EXPECT_NE(anonymize_database_name("production_db", "other key"), token);
}

TEST(Validators, Luhn) {
    EXPECT_TRUE(tde::core::luhn_valid("4111111111111111"));
    EXPECT_FALSE(tde::core::luhn_valid("4111111111111112"));
    EXPECT_FALSE(tde::core::luhn_valid("1234567890123456"));
}

TEST(Validators, Tld) {
    EXPECT_TRUE(tde::core::is_known_tld("com"));
    EXPECT_TRUE(tde::core::is_known_tld("IO"));
    EXPECT_FALSE(tde::core::is_known_tld("png"));
}
