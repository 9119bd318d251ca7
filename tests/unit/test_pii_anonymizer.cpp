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

// A name with an apostrophe is part of the address, and SQL's doubled
// apostrophe gives the token of the question's spelling; SQL string prefixes
// and keywords glued to a quote stay outside it.
TEST(Email, ApostropheInTheLocalPart) {
    const std::string question = anon("reset for jane.o'neil@example.com");
    EXPECT_EQ(question.find("jane"), std::string::npos) << question;
    EXPECT_EQ(anon("WHERE email = 'jane.o''neil@example.com'"),
              "WHERE email = '" + question.substr(question.find("user_")) + "'");
    for (const char *prefix : {"E'", "N'", "_utf8mb4'", "_binary'", "LIKE'"}) {
        const std::string out = anon(std::string("WHERE email ") + prefix + "x.y@example.com'");
        EXPECT_NE(out.find(std::string(prefix) + "user_"), std::string::npos) << out;
    }
}

// An encoded query string ("q=email%3Djohn%40...") gives the token of the
// plain address: the encoded '=' ends the label.
TEST(Email, PercentEncodedDelimitersEndTheLocalPart) {
    const std::string plain = anon("john.doe@example.com");
    EXPECT_EQ(anon("q=email%3Djohn.doe%40example.com"), "q=email%3D" + plain);
    EXPECT_EQ(anon("next=%2Fusers%3Femail%3Djohn.doe%40example.com"), "next=%2Fusers%3Femail%3D" + plain);
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

// An ISO date ends a stretch of digits for the screens (may_hold_pii and the
// phone detectors' own): numbers next to dates are still found.
TEST(Phone, NumbersNextToIsoDatesAreFound) {
    EXPECT_EQ(anon("on 2023-06-01 call 212-555-0100"), "on 2023-06-01 call XXX-XXX-0100");
    EXPECT_EQ(anon("2023-06-01 (212) 555-0100"), "2023-06-01 XXX-XXX-0100");
    EXPECT_EQ(anon("2024/01/31 +44 20 7946 0958"), "2024/01/31 XXX-XXX-0958");
    EXPECT_EQ(anon("phone 212 555 0100, 2024-02-29"), "phone XXX-XXX-0100, 2024-02-29");
    EXPECT_EQ(anon("called 2125550100 on 2023-06-01"), "called XXX-XXX-0100 on 2023-06-01");
    EXPECT_EQ(anon("SSN 123-45-6789 since 2020-01-01"), "SSN XXX-XX-6789 since 2020-01-01");
    EXPECT_EQ(anon("2023-06-01 4111 1111 1111 1111"), "2023-06-01 XXXX-XXXX-XXXX-1111");
    // Not dates, so counted: a month 13, a date glued to more digits.
    EXPECT_EQ(anon("tel 2023-13-01"), "tel XXX-XXX-1301");
}

// A label ending in a digit and a colon is no time ("phone2:..."); a time's
// fraction of a second is no phone number.
TEST(Phone, AfterALabelWithADigitAndAColon) {
    EXPECT_EQ(anon("phone2:2125550100"), "phone2:XXX-XXX-0100");
    EXPECT_EQ(anon("row 3:2125550100 phone"), "row 3:XXX-XXX-0100 phone");
    EXPECT_EQ(anon("took 00:01:02.345678 s"), "took 00:01:02.345678 s");
}

// Labels of other scripts in any case (a sentence's first word).
TEST(Phone, CyrillicLabelInAnyCase) {
    for (const char *label : {"телефон", "Телефон", "ТЕЛЕФОН"}) {
        const std::string text = std::string(label) + ": 8 (495) 123-45-67";
        const std::string out = anon(text);
        EXPECT_EQ(out.find("123-45-67"), std::string::npos) << out;
        EXPECT_EQ(out.rfind(label, 0), 0u) << out;
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

// ---------------------------------------------------------------------------
// Upgrade: folding, libphonenumber, options, stricter detectors.

#include "core/error.hpp"
#include "core/text_fold.hpp"

using tde::core::fold_text;
using tde::core::PiiOptions;
using tde::core::valid_utf8;

namespace {

std::string span(const std::string &text, const Detection &d) {
    return text.substr(d.begin, d.end - d.begin);
}

// Detections of one anonymizer as "type:value" strings.
std::vector<std::string> found_in(const PiiAnonymizer &a, const std::string &text) {
    std::vector<std::string> out;
    for (const Detection &d : a.detect(text))
        out.push_back(std::string(tde::core::pii_type_name(d.type)) + ":" + span(text, d));
    return out;
}

std::vector<std::string> found_in(const std::string &text) { return found_in(anonymizer(), text); }

const PiiAnonymizer &multi_region() {
    static PiiAnonymizer instance([] {
        PiiOptions o;
        o.phone_regions = {"US", "GB", "DE", "FR", "ES", "JP", "CN"};
        return o;
    }());
    return instance;
}

using Found = std::vector<std::string>;

}  // namespace

TEST(TextFold, AsciiIsNotCopied) {
    auto f = fold_text("plain ascii 123");
    EXPECT_FALSE(f.changed());
    EXPECT_EQ(f.text(), "plain ascii 123");
    EXPECT_EQ(f.to_original(5), 5u);
}

TEST(TextFold, NonFoldableUnicodeIsNotCopied) {
    auto f = fold_text("中文 ä");
    EXPECT_FALSE(f.changed());
}

TEST(TextFold, FullwidthSpacesAndDashesFoldWithOffsetMap) {
    std::string s = "é ｊｏｈｎ＠ｘ．ｃｏ　5\u2013 6\u00a07";
    auto f = fold_text(s);
    EXPECT_TRUE(f.changed());
    EXPECT_EQ(f.text(), "é john@x.co 5  6 7");  // an en dash not between digits is a space
    // "john@x.co" starts after "é " (3 bytes) in both.
    size_t b = f.text().find("john");
    size_t e = b + std::string("john@x.co").size();
    EXPECT_EQ(f.to_original(b), 3u);
    EXPECT_EQ(s.substr(f.to_original(b), f.to_original(e) - f.to_original(b)),
              "ｊｏｈｎ＠ｘ．ｃｏ");
    EXPECT_EQ(f.to_original(f.text().size()), s.size());
}

TEST(TextFold, DashesBetweenDigitsAndBetweenWords) {
    EXPECT_EQ(fold_text("555\u2013123\u2013""4567").text(), "555-123-4567");
    EXPECT_EQ(fold_text("\uff15\u2013\uff16").text(), "5-6");
    EXPECT_EQ(fold_text("john@example.com\u2013thanks").text(), "john@example.com thanks");
    EXPECT_EQ(fold_text("a\u2014b\u2015c\u2010d").text(), "a b c-d");
}

TEST(TextFold, ZeroWidthCharactersDropped) {
    std::string s = "a\u200bb\xc2\xad" "c";
    auto f = fold_text(s);
    EXPECT_EQ(f.text(), "abc");
    EXPECT_EQ(f.to_original(1), 4u);  // 'b' after the 3-byte ZWSP
    EXPECT_EQ(f.to_original(3), s.size());
}

TEST(TextFold, InvalidBytesKept) {
    std::string s = "\xff\xfe ｘ \xe2\x80";
    auto f = fold_text(s);
    EXPECT_EQ(f.text(), "\xff\xfe x \xe2\x80");
}

TEST(TextFold, Utf8Validation) {
    EXPECT_TRUE(valid_utf8("héllo 中文 😀"));
    EXPECT_FALSE(valid_utf8("\xc0\xaf"));          // overlong
    EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));      // surrogate
    EXPECT_FALSE(valid_utf8("\xf4\x90\x80\x80"));  // > U+10FFFF
    EXPECT_FALSE(valid_utf8("abc\xe4\xb8"));       // truncated
}

TEST(Email, FullwidthAddressDetectedAndReplacedWholly) {
    std::string text = "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ に連絡";
    auto found = anonymizer().detect(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(span(text, found[0]), "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ");
    EXPECT_EQ(found[0].normalized, "john@example.com");
    std::string token = tde::core::keyed_token(kKey, "email", "john@example.com");
    EXPECT_EQ(anon(text), "user_" + token + "@example.com に連絡");
}

TEST(Email, LocalPartRules) {
    EXPECT_EQ(found_in("a..b@example.com"), Found{});
    EXPECT_EQ(found_in("x.@example.com"), Found{});
    // LIKE wildcards before an address do not hide it (they are not part of it).
    EXPECT_EQ(found_in("_x@example.com"), (Found{"email:x@example.com"}));
    EXPECT_EQ(found_in("LIKE '%john.doe@example.com%'"), (Found{"email:john.doe@example.com"}));
    EXPECT_EQ(found_in("LIKE '%_jane@gmail.com'"), (Found{"email:jane@gmail.com"}));
    EXPECT_EQ(found_in("a..%x@example.com"), Found{});  // after an invalid local part: still not one
    EXPECT_EQ(found_in("x_%@gmail.com"), Found{});
    EXPECT_EQ(found_in("a.b-c+tag@example.com"), (Found{"email:a.b-c+tag@example.com"}));
    EXPECT_EQ(found_in("9@example.com"), (Found{"email:9@example.com"}));
}

TEST(Email, DomainRules) {
    EXPECT_EQ(found_in("x@example.com2"), Found{});
    EXPECT_EQ(found_in("x@example.notatld"), Found{});
    EXPECT_EQ(found_in("x@-bad.com"), Found{});
    EXPECT_EQ(found_in("mail x@Sub.Example.CO.UK now"), (Found{"email:x@Sub.Example.CO.UK"}));
    // A missing space after the sentence: the address still goes.
    EXPECT_EQ(found_in("x@example.com.Thanks"), (Found{"email:x@example.com"}));
    EXPECT_EQ(anon("Mail X@Example.COM"), "Mail user_" + tde::core::keyed_token(kKey, "email", "x@example.com") +
                                             "@example.com");
}

TEST(Email, AsciiClassesStopAtCjkAndAccents) {
    EXPECT_EQ(found_in("请联系john@example.com获取报告"), (Found{"email:john@example.com"}));
    EXPECT_EQ(found_in("メールはtanaka@example.jpです"), (Found{"email:tanaka@example.jp"}));
}

TEST(Phone, NormalizedToE164) {
    auto first = [](const std::string &text) {
        auto found = anonymizer().detect(text);
        return found.empty() ? std::string("<none>") : found[0].normalized;
    };
    EXPECT_EQ(first("call (212) 456-7890"), "+12124567890");
    EXPECT_EQ(first("call 212.456.7890"), "+12124567890");
    EXPECT_EQ(first("call +44 20 7946 0958"), "+442079460958");
    EXPECT_EQ(first("call 0049 30 901820"), "+4930901820");
    EXPECT_EQ(first("call +33 1 42 68 53 00"), "+33142685300");
    EXPECT_EQ(first("call 555-123-4567"), "+15551234567");
}

TEST(Phone, ExtensionsAreTakenButNotKept) {
    EXPECT_EQ(anon("Call 212 456 7890 x123 now"), "Call XXX-XXX-7890 now");
    EXPECT_EQ(anon("Call (212) 456-7890 ext. 5"), "Call XXX-XXX-7890");
    EXPECT_EQ(anon("Call 212-456-7890 extension 42, thanks"), "Call XXX-XXX-7890, thanks");
    EXPECT_EQ(anon("Call 212-456-7890 #12"), "Call XXX-XXX-7890");
}

TEST(Phone, UnicodeAndFullwidthForms) {
    EXPECT_EQ(anon("Call 212\u2011456\u20117890"), "Call XXX-XXX-7890");
    EXPECT_EQ(anon("Call +44\u00a020\u00a07946\u00a00958"), "Call XXX-XXX-0958");
    EXPECT_EQ(anon("電話 ５５５－１２３－４５６７ まで"), "電話 XXX-XXX-4567 まで");
    EXPECT_EQ(anon("Tel. +49\u202f30\u202f901820"), "Tel. XXX-XXX-1820");
}

TEST(Phone, InternationalForms) {
    EXPECT_EQ(anon("Ring +81 3-1234-5678"), "Ring XXX-XXX-5678");
    EXPECT_EQ(anon("Ring +86 138 0013 8000"), "Ring XXX-XXX-8000");
    EXPECT_EQ(anon("Ring +44 7700 900123"), "Ring XXX-XXX-0123");
    EXPECT_EQ(anon("Ring +4930901820"), "Ring XXX-XXX-1820");
    EXPECT_EQ(anon("Ring 001 212 555 0100"), "Ring XXX-XXX-0100");
    EXPECT_EQ(anon("Ring 011 44 20 7946 0958"), "Ring XXX-XXX-0958");
}

TEST(Phone, NationalFormatsFollowTheRegionList) {
    // (No phone label right before the number: see LabelledNumbersInAnyRegion.)
    const char *uk = "ring 020 7946 0958 now";
    const char *de = "Wähle 030 901820 bitte";
    EXPECT_EQ(anon(uk), uk);  // default region list is {"US"}
    EXPECT_EQ(anon(de), de);
    EXPECT_EQ(multi_region().anonymize(uk, kKey), "ring XXX-XXX-0958 now");
    EXPECT_EQ(multi_region().anonymize(de, kKey), "Wähle XXX-XXX-1820 bitte");
    auto found = multi_region().detect(de);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].normalized, "+4930901820");
}

TEST(Phone, ZerosAfterABracketedAreaCodeAreNoInternationalPrefix) {
    PiiOptions o;
    o.phone_regions = {"NL"};
    PiiAnonymizer nl(o);
    EXPECT_EQ(nl.anonymize("Which tickets mention (020) 0023872?", kKey), "Which tickets mention XXX-XXX-3872?");
    EXPECT_EQ(nl.anonymize("Call 00 31 20 123 4567 today", kKey), "Call XXX-XXX-4567 today");
}

TEST(Phone, LabelledNumbersInAnyRegion) {
    // Right after a phone label, a number is masked whatever the region list
    // says: national formats of other regions, local and invalid numbers.
    EXPECT_EQ(anon("call 020 7946 0958 now"), "call XXX-XXX-0958 now");
    EXPECT_EQ(anon("tel 06 12 34 56 78"), "tel XXX-XXX-5678");
    EXPECT_EQ(anon("Phone: 0612345678."), "Phone: XXX-XXX-5678.");
    EXPECT_EQ(anon("phone number 555-0123"), "phone number XXX-XXX-0123");
    EXPECT_EQ(anon("mobile no. 98765 43210"), "mobile no. XXX-XXX-3210");
    EXPECT_EQ(anon("customer phone 123 456 789"), "customer phone XXX-XXX-6789");
    EXPECT_EQ(anon("phone (02) 9374 4000 ext 12"), "phone XXX-XXX-4000");
    EXPECT_EQ(anon("Phone is +44 (0)20 7946 0958"), "Phone is XXX-XXX-0958");
    // Not numbers of a phone: too short, dates, amounts, years, other words
    // between label and number, letters glued to the digits.
    // After a weaker label (call, mobile, cell, sms, contact) only what is
    // written like a phone number or is a valid one.
    EXPECT_EQ(anon("Call customer on 07700 900123"), "Call customer on XXX-XXX-0123");
    EXPECT_EQ(anon("Contact: 2125550199"), "Contact: XXX-XXX-0199");
    EXPECT_EQ(anon("customer phone 912 345 678"), "customer phone XXX-XXX-5678");
    // A bracket closed after the number is not part of it.
    EXPECT_EQ(anon("chats from Ann (phone 6959656115) in 2024"), "chats from Ann (phone XXX-XXX-6115) in 2024");
    EXPECT_EQ(anon("Ann (tel. (02) 9374 4000)"), "Ann (tel. XXX-XXX-4000)");
    for (const char *kept :
         {"call at 2024-03-15 10:30:00 from queue 7", "sms at 2024-03-15 09:00 UTC", "call at 1710000000",
          "Show details for call number 10023456", "call no 4567890 transcript", "sms number 12345678 status",
          "callback 12345678 status", "call customer 12345678 back", "mobile user 12345678 sessions",
          "cell 1234567 contains a formula error", "Which agent handled call 20240315-000123?",
          "library call number 978-3-16-148410-0", "mobile: 12500000 sessions", "sms: 1500000 sent",
          "How many SMS to 1500000 users were delivered?", "phone: 1 234 567 units", "tel: 12 345 678 rows",
          "mobile: 1.234.567 installs", "call 1000000-2000000 bucket", "phone 1000000 to 2000000",
          "call 2.5 1234567", "mobile 1234567,5", "cell 310-260-12345 drop rate",
          "List contacts for account 4155550123", "Show mobile order 5512345678",
          "How many calls did agent 2025550143 take?", "Phone sales for store 2125550100"})
        EXPECT_EQ(anon(kept), kept) << kept;
    for (const char *kept : {"phone 1234", "Phone: 2024-01-15", "phone numbers 4 and 5", "tel 2024-2025 budget",
                             "phone model 12345678", "call 3 times", "phone id 6502530000",
                             "phone bill 1,234,567.89", "phone 1234567abc",
                             "fax 12/31/2024"})
        EXPECT_EQ(anon(kept), kept) << kept;
}

TEST(Phone, BareDigitRunsNeedAPhoneWord) {
    EXPECT_EQ(found_in("log counter 2024031512"), Found{});
    EXPECT_EQ(found_in("id 6502530000 duplicated"), Found{});
    EXPECT_EQ(found_in("processed 2125550100 rows"), Found{});
    EXPECT_EQ(found_in("call me at 2125550100"), (Found{"phone:2125550100"}));
    EXPECT_EQ(found_in("Telefon: 2125550100"), (Found{"phone:2125550100"}));
    EXPECT_EQ(found_in("hotel 2125550100"), Found{});
    EXPECT_EQ(found_in("ids 101 102 1003 1004"), Found{});
    EXPECT_EQ(found_in("call 555 123 4567 5 times"), (Found{"phone:555 123 4567"}));
}

TEST(Phone, DatesTimesRangesCountersAndIdsKeptInEveryRegion) {
    for (const char *s :
         {"orders from 2024-01-15 to 2024-02-15", "at 12:34:56", "pages 123-456", "processed 1234567890 rows",
          "order #12345678", "version 1.2.3", "amount 1,234,567.89", "am 05.03.2024 um 12:30",
          "on 12/31/2023 10:00", "invoices INV-2024-000123", "SSN 666-12-3456 invalid",
          "range 2024-03-05 12:30:45", "ISBN 978-3-16-148410-0", "scores 100 200 300 400 500",
          "log 1700000000004 ms", "build 10.0.19041.1", "uuid 123e4567-e89b-12d3-a456-426614174000",
          "Revenue 2023\u20132024 per quarter", "id 0012345678"}) {
        EXPECT_EQ(found_in(s), Found{}) << s;
        EXPECT_EQ(found_in(multi_region(), s), Found{}) << "multi-region: " << s;
    }
}

TEST(Phone, IpAddressesWinOverPhoneReadings) {
    EXPECT_EQ(found_in(multi_region(), "traffic to 172.16.254.1/24"), (Found{"ipv4:172.16.254.1"}));
}

TEST(Options, RegionCodes) {
    EXPECT_TRUE(PiiAnonymizer::valid_region_code("US"));
    EXPECT_TRUE(PiiAnonymizer::valid_region_code("gb"));
    EXPECT_TRUE(PiiAnonymizer::valid_region_code("De"));
    EXPECT_FALSE(PiiAnonymizer::valid_region_code("XX"));
    EXPECT_FALSE(PiiAnonymizer::valid_region_code("USA"));
    EXPECT_FALSE(PiiAnonymizer::valid_region_code(""));
    EXPECT_FALSE(PiiAnonymizer::valid_region_code("U"));
    EXPECT_FALSE(PiiAnonymizer::valid_region_code("1A"));
}

TEST(Options, DefaultIsUs) {
    EXPECT_EQ(PiiOptions().phone_regions, std::vector<std::string>{"US"});
    EXPECT_EQ(anonymizer().options().phone_regions, std::vector<std::string>{"US"});
}

TEST(Options, RegionsNormalized) {
    PiiOptions o;
    o.phone_regions = {"gb", "GB", "de"};
    PiiAnonymizer a(o);
    EXPECT_EQ(a.options().phone_regions, (std::vector<std::string>{"GB", "DE"}));
}

TEST(Options, UnknownRegionThrows22023) {
    PiiOptions o;
    o.phone_regions = {"US", "XX"};
    try {
        PiiAnonymizer a(o);
        FAIL() << "no exception";
    } catch (const tde::core::Error &e) {
        EXPECT_STREQ(e.sqlstate(), "22023");
        EXPECT_NE(std::string(e.what()).find("XX"), std::string::npos);
    }
    o.phone_regions = {"call me 555-123-4567"};
    try {
        PiiAnonymizer a(o);
        FAIL() << "no exception";
    } catch (const tde::core::Error &e) {
        EXPECT_EQ(std::string(e.what()).find("4567"), std::string::npos) << e.what();
    }
}

TEST(Options, EmptyRegionListStillFindsInternationalNumbers) {
    PiiOptions o;
    o.phone_regions.clear();
    PiiAnonymizer a(o);
    EXPECT_EQ(a.anonymize("ring +44 20 7946 0958", kKey), "ring XXX-XXX-0958");
    EXPECT_EQ(a.anonymize("ring 212-555-0100", kKey), "ring XXX-XXX-0100");  // NANP shape
}

TEST(Card, BrandsAndLengths) {
    EXPECT_EQ(anon("visa 4222222222222"), "visa XXXX-XXXX-XXXX-2222");
    EXPECT_EQ(anon("mc 2221000000000009"), "mc XXXX-XXXX-XXXX-0009");
    EXPECT_EQ(anon("mc 2720990000000007"), "mc XXXX-XXXX-XXXX-0007");
    EXPECT_EQ(anon("discover 6011 1111 1111 1117"), "discover XXXX-XXXX-XXXX-1117");
    EXPECT_EQ(anon("jcb 3530-1113-3330-0000"), "jcb XXXX-XXXX-XXXX-0000");
    EXPECT_EQ(anon("diners 3056 930902 5904"), "diners XXXX-XXXX-XXXX-5904");
    EXPECT_EQ(anon("amex 378282246310005"), "amex XXXX-XXXX-XXXX-0005");
    EXPECT_EQ(anon("visa (19) 4000 0000 0000 0000 006"), "visa (19) XXXX-XXXX-XXXX-0006");
    EXPECT_EQ(anon("discover-19 6011000000000000001"), "discover-19 XXXX-XXXX-XXXX-0001");
}

TEST(Card, BrandLengthMismatchesKept) {
    EXPECT_TRUE(tde::core::card_brand_valid("4111111111111111"));
    EXPECT_FALSE(tde::core::card_brand_valid("411111111111111"));    // Visa 15
    EXPECT_FALSE(tde::core::card_brand_valid("37828224631000"));     // Amex 14
    EXPECT_FALSE(tde::core::card_brand_valid("2220990000000000"));   // below 2221
    EXPECT_FALSE(tde::core::card_brand_valid("2721000000000000"));   // above 2720
    EXPECT_FALSE(tde::core::card_brand_valid("1234567890123456"));
    EXPECT_EQ(found_in("mc 2721000000000006"), Found{});
}

TEST(Card, GluedSeparatorsAndTimestamps) {
    for (const char *s : {"4111-1111-1111-1111-1", "x4111111111111111", "4111111111111111x",
                          "4111 1111-1111 1111", "ts 1700000000004",
                          "stamp 20240115123042", "batch 20231231235950"}) {
        EXPECT_EQ(found_in(s), Found{}) << s;
    }
}

// A number in groups of four with spaces is complete on its own: a date, a
// year or another card next to it does not hide it.
TEST(Card, SpacedGroupsNextToOtherNumbers) {
    EXPECT_EQ(found_in("Card 4111 1111 1111 1111 12/26 was declined"), (Found{"credit_card:4111 1111 1111 1111"}));
    EXPECT_EQ(found_in("On 2024-03-05 4111 1111 1111 1111 was charged"), (Found{"credit_card:4111 1111 1111 1111"}));
    EXPECT_EQ(found_in("Cards 4111 1111 1111 1111 5555 5555 5555 4444 compared"),
              (Found{"credit_card:4111 1111 1111 1111", "credit_card:5555 5555 5555 4444"}));
    EXPECT_EQ(found_in("9 4111 1111 1111 1111"), (Found{"credit_card:4111 1111 1111 1111"}));
    // Amex and Diners written in fours.
    EXPECT_EQ(found_in("Amex 3782 8224 6310 005 was charged"), (Found{"credit_card:3782 8224 6310 005"}));
    EXPECT_EQ(found_in("Diners 3056 9309 0259 04 was charged"), (Found{"credit_card:3056 9309 0259 04"}));
}

TEST(Ssn, KeywordsAndShapes) {
    EXPECT_EQ(anon("SSN#457555462"), "SSN#XXX-XX-5462");
    EXPECT_EQ(anon("social security number 536221234"), "social security number XXX-XX-1234");
    EXPECT_EQ(anon("536221234 (SSN)"), "XXX-XX-1234 (SSN)");
    EXPECT_EQ(anon("SSN 536 22 1234"), "SSN XXX-XX-1234");
    EXPECT_EQ(found_in("classname 536221234"), Found{});
    EXPECT_EQ(found_in("SSN 666221234"), Found{});
    EXPECT_EQ(found_in("SSN 1536221234"), Found{});
    EXPECT_EQ(found_in("123-45-67890"), Found{});
    EXPECT_EQ(found_in("123 45-6789"), Found{});
}

TEST(Ipv4, OctetsAndBoundaries) {
    EXPECT_EQ(anon("from 10.0.0.1."), "from XXX.XXX.XXX.1.");
    EXPECT_EQ(anon("(255.255.255.255)"), "(XXX.XXX.XXX.255)");
    EXPECT_EQ(anon("net 10.0.0.0/8"), "net XXX.XXX.XXX.0/8");
    for (const char *s : {"1.2.3.4.5", "1.2.3.4.", "999.1.1.1", "1.256.1.1", "1.2.3.4a", "a1.2.3.4",
                          "1.2.3.4.5.6.7.8", ".1.2.3.4"}) {
        if (std::string(s) == "1.2.3.4.") continue;  // sentence end: an address
        EXPECT_EQ(found_in(s), Found{}) << s;
    }
}

TEST(Ipv6, Forms) {
    EXPECT_EQ(found_in("a 2001:0db8:85a3:0000:0000:8a2e:0370:7334 b"),
              (Found{"ipv6:2001:0db8:85a3:0000:0000:8a2e:0370:7334"}));
    EXPECT_EQ(found_in("[2001:db8::1]:443"), (Found{"ipv6:2001:db8::1"}));
    EXPECT_EQ(found_in("fe80::1%eth0 up"), (Found{"ipv6:fe80::1%eth0"}));
    EXPECT_EQ(found_in("::ffff:192.0.2.128"), (Found{"ipv6:::ffff:192.0.2.128"}));
    // IPv4-mapped: the IPv4 mask's shape, one octet shown (not the last hex group, two).
    EXPECT_EQ(anon("::ffff:192.0.2.128"), "XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXX.XXX.XXX.128");
    EXPECT_EQ(anon(anon("::ffff:192.0.2.128")), anon("::ffff:192.0.2.128"));
    EXPECT_EQ(anon("net 2001:db8::/48 x"), "net XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:0/48 x");
    auto found = anonymizer().detect("at 2001:0DB8:0000::0001");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].normalized, "2001:db8::1");
}

TEST(Ipv6, NotAddresses) {
    for (const char *s : {"1::dec", "SELECT 1::dec", "x::dec", "created_at::date", "a::int8",
                          "00:1a:2b:3c:4d:5e", "12:34:56", "12:34", "2001:db8::/129", "2001:db8:::1",
                          "ab::cd::ef"}) {
        EXPECT_EQ(found_in(s), Found{}) << s;
    }
}

TEST(Overlaps, LongestSpanWins) {
    // The IPv4 address inside the IPv4-mapped IPv6 address is not reported.
    EXPECT_EQ(found_in("::ffff:10.1.2.3"), (Found{"ipv6:::ffff:10.1.2.3"}));
    // The card is longer than any phone reading of its groups.
    EXPECT_EQ(found_in(multi_region(), "card 4111 1111 1111 1111"), (Found{"credit_card:4111 1111 1111 1111"}));
}

TEST(Offsets, MultiByteTextAround) {
    std::string text = "Ünïcødé 😀 ａ：ｂ 212\u2013555\u20130100 ｘ＠ｅｘａｍｐｌｅ．ｃｏｍ 中";
    auto found = anonymizer().detect(text);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(span(text, found[0]), "212\u2013555\u20130100");
    EXPECT_EQ(span(text, found[1]), "ｘ＠ｅｘａｍｐｌｅ．ｃｏｍ");
    std::string out = anon(text);
    EXPECT_TRUE(valid_utf8(out));
    EXPECT_EQ(out.rfind("Ünïcødé 😀 ａ：ｂ XXX-XXX-0100 user_", 0), 0u) << out;
    EXPECT_NE(out.find("@example.com 中"), std::string::npos) << out;
}

TEST(Idempotence, TrickyInputs) {
    for (const char *s :
         {"4567 555-123-4567 890", "+1 555-123-4567 4567", "XXX-XXX-4567 212-555-0100",
          "user_0123456789ab@example.com", "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ ５５５－１２３－４５６７",
          "2001:db8::1 2001:db8::2", "4111111111111111 4111111111111111",
          "SSN 123-45-6789 123-45-6789", "call 212 555 0100 212 555 0101",
          // Found by the fuzzer: replacements whose kept digits met the text
          // after them used to chain into new detections round after round.
          "Com051-.0510>9-512045-1051-.IPv6 -.0510-512040::00-512010-512040::00-512045-1051-.0510-5~12-"
          ".0510-~1245-1051-.0510-5~12-.0510-~129202"}) {
        std::string once = anon(s);
        EXPECT_EQ(anon(once), once) << s << " -> " << once;
        std::string multi = multi_region().anonymize(s, kKey);
        EXPECT_EQ(multi_region().anonymize(multi, kKey), multi) << s << " -> " << multi;
    }
}

TEST(Robustness, InvalidUtf8AndEdgeInputsDoNotThrow) {
    for (std::string s : {std::string(), std::string("@"), std::string("\xff\xfe 212-555-0100 \xc3"),
                          std::string(1000, '9'), std::string(500, '@') + "a.com",
                          std::string("+") + std::string(300, '1'), std::string("::") + std::string(400, ':'),
                          std::string(2000, '.') + "1.2.3.4"}) {
        EXPECT_NO_THROW(anon(s));
    }
    EXPECT_EQ(anon("\xff\xfe 212-555-0100 \xc3"), "\xff\xfe XXX-XXX-0100 \xc3");
}

TEST(Idempotence, KeptDigitsOfAReplacementStartNoNewValue) {
    for (const char *s : {"XXX-XXX-2040::00", "XXX-XX-6789-123-4567", "XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:1-212-555-0100",
                          "XXX.XXX.XXX.1.2.3.4", "XXXX-XXXX-XXXX-4111-1111-1111-1111"}) {
        EXPECT_EQ(found_in(s), Found{}) << s;
    }
}

TEST(Idempotence, OnlyWholeMasksProtectTheirTail) {
    EXPECT_EQ(found_in("ref XXX-555-123-4567"), (Found{"phone:555-123-4567"}));
}

// Red-team cases (second review): personal data next to counts, dates, labels
// and typographic dashes is still found; codes that only look like phones are
// kept.
TEST(RedTeam, InternationalNumberBeforeACountOrDate) {
    EXPECT_EQ(found_in("Calls from +44 20 7946 0958 10 days ago"), (Found{"phone:+44 20 7946 0958"}));
    EXPECT_EQ(found_in("Call +44 20 7946 0958 12:30 today"), (Found{"phone:+44 20 7946 0958"}));
    EXPECT_EQ(found_in("Calls from +44 20 7946 0958 2024-03-05"), (Found{"phone:+44 20 7946 0958"}));
    EXPECT_EQ(found_in("Mobile +33 6 12 34 56 78 3 SMS"), (Found{"phone:+33 6 12 34 56 78"}));
    EXPECT_EQ(found_in("Call 0044 20 7946 0958 3 times"), (Found{"phone:0044 20 7946 0958"}));
    EXPECT_EQ(found_in("Calls +91 98765 43210 20 times"), (Found{"phone:+91 98765 43210"}));
}

TEST(RedTeam, LabelsAndDashesAroundValues) {
    EXPECT_EQ(found_in("Tel.+49 30 1234567 bitte"), (Found{"phone:+49 30 1234567"}));
    EXPECT_EQ(found_in("Call +44 20 7946 0958\u2014urgent"), (Found{"phone:+44 20 7946 0958"}));
    EXPECT_EQ(found_in("Calls to +44 20 7946 0958/0959 failed"), (Found{"phone:+44 20 7946 0958"}));
    EXPECT_EQ(found_in("Contact the owner\u2014john@example.com\u2014for details"),
              (Found{"email:john@example.com"}));
    EXPECT_EQ(found_in("IPv6:2001:db8::1 blocked"), (Found{"ipv6:2001:db8::1"}));
    EXPECT_EQ(found_in("addr:2001:db8::1 in log"), (Found{"ipv6:2001:db8::1"}));
    EXPECT_EQ(found_in("Why does 2001:db8::1: connection refused happen?"), (Found{"ipv6:2001:db8::1"}));
    EXPECT_EQ(found_in("Link-local fe80::1%eth0."), (Found{"ipv6:fe80::1%eth0"}));
    EXPECT_EQ(found_in("SSNs: 123456789, 234567890"), (Found{"ssn:123456789", "ssn:234567890"}));
    EXPECT_EQ(found_in("Email john@example.com.It bounced twice"), (Found{"email:john@example.com"}));
    EXPECT_EQ(found_in("Call me (2125550100) now"), (Found{"phone:2125550100"}));
}

TEST(RedTeam, CodesThatOnlyLookLikePhones) {
    for (const char *s : {"Invoice INV-212-555-0100 paid", "Order #A-212-555-0100 shipped",
                          "SKU 800-555-0199-XL sold out", "Part number 123.456.7890-A in stock",
                          "IBAN DE89 3704 0044 0532 0130 00 transfers", "WHERE id IN (2125550100, 2125550101)",
                          "Log counter (2024031512) keeps growing"}) {
        EXPECT_EQ(found_in(s), Found{}) << s;
    }
    EXPECT_EQ(anon("Call me (2125550100) now"), "Call me (XXX-XXX-0100) now");
}

TEST(RedTeam, VersionStringsAreNotAddresses) {
    for (const char *s : {"Version 1.2.3.4 of the agent", "Release 1.2.3.4-beta", "Section 4.2.1.3 says",
                          "UA Chrome/120.0.0.0 Safari", "firmware: 2.10.0.7", "ver. 10.0.0.1"}) {
        EXPECT_EQ(found_in(s), Found{}) << s;
    }
    EXPECT_EQ(found_in("Build host 10.1.2.3 is down"), (Found{"ipv4:10.1.2.3"}));
    EXPECT_EQ(found_in("server 10.0.0.1 version check"), (Found{"ipv4:10.0.0.1"}));
}

TEST(RedTeam, MoreEdgesOfAddressesAndNumbers) {
    EXPECT_EQ(found_in("Write to user@example.xn--p1ai today"), (Found{"email:user@example.xn--p1ai"}));
    EXPECT_EQ(found_in("mail john@example.com- then call"), (Found{"email:john@example.com"}));
    EXPECT_EQ(found_in("SSN of John Smith from accounting is 123456789"), (Found{"ssn:123456789"}));
    EXPECT_EQ(found_in("SSN123-45-6789 on file"), (Found{"ssn:123-45-6789"}));
    EXPECT_EQ(found_in("EUI-64 00:1a:2b:ff:fe:3c:4d:5e of the NIC"), Found{});
    EXPECT_EQ(multi_region().anonymize("電話 03ー1234ー5678 まで", kKey), "電話 XXX-XXX-5678 まで");
    EXPECT_EQ(anon("データーベース"), "データーベース");
}

// Second review.
TEST(RedTeam2, FoldingOfInvisibleMarksDigitsAndPercentEscapes) {
    EXPECT_EQ(fold_text("john\u200e@example.com").text(), "john@example.com");
    EXPECT_EQ(fold_text("\u202a212\u202c-555-0100").text(), "212-555-0100");
    EXPECT_EQ(fold_text("\u0662\u0661\u0662-\u0665\u0665\u0665-\u0660\u0661\u0660\u0660").text(), "212-555-0100");
    EXPECT_EQ(fold_text("\u0968\u0967\u0968").text(), "212");
    EXPECT_EQ(fold_text("a%40b.com x=%2B1%20212 100%25").text(), "a@b.com x=+1 212 100%25");
    // Only URL-encoded values: a SQL LIKE wildcard before a value stays.
    EXPECT_EQ(fold_text("LIKE '%404-555-0163%'").text(), "LIKE '%404-555-0163%'");
    EXPECT_EQ(anon("?email=frank%40example.com&x=1"),
              "?email=user_" + tde::core::keyed_token(kKey, "email", "frank@example.com") + "@example.com&x=1");
}

TEST(RedTeam2, AddressesInMarkdownUrlsAndShapes) {
    EXPECT_EQ(found_in("_kate@example.com_ wrote"), (Found{"email:kate@example.com"}));
    EXPECT_EQ(found_in("Email kate@gmail.Com please"), (Found{"email:kate@gmail.Com"}));
    EXPECT_EQ(found_in("intro@2x.mov and logo@3x.zip"), Found{});
    EXPECT_EQ(anon("ssh deploy@10.0.0.5"), "ssh deploy@XXX.XXX.XXX.5");
    EXPECT_EQ(found_in("arr[1::2] and df.iloc[10::5]"), Found{});
    EXPECT_EQ(found_in("range 10.0.0.5..10.0.0.9"), (Found{"ipv4:10.0.0.5", "ipv4:10.0.0.9"}));
    EXPECT_EQ(anon("Call (212) 5550100 today"), "Call XXX-XXX-0100 today");
}

TEST(RedTeam2, NumbersKeywordsAndLists) {
    EXPECT_EQ(found_in("Phones: 212-555-0100/212-555-0101"), (Found{"phone:212-555-0100", "phone:212-555-0101"}));
    EXPECT_EQ(found_in("Umsatz 2.345.678.901 EUR im Jahr 2023"), Found{});
    EXPECT_EQ(found_in("Build 16.0.5555.1212 shipped"), Found{});
    EXPECT_EQ(found_in("Shifts on 2024-03-05/06"), Found{});
    EXPECT_EQ(found_in("2125550100 is my phone number"), (Found{"phone:2125550100"}));
    EXPECT_EQ(found_in("Ring buffer of 2125550100 bytes"), Found{});
    EXPECT_EQ(found_in("Count tin cans in lot 123456789"), Found{});
    EXPECT_EQ(found_in("TIN 123456789"), (Found{"ssn:123456789"}));
    EXPECT_EQ(found_in("social_security_number = 123456789"), (Found{"ssn:123456789"}));
    EXPECT_EQ(found_in("SSN list: 123456789, 234567890, 345678901, 456789012, 567890123, 678901234"),
              (Found{"ssn:123456789", "ssn:234567890", "ssn:345678901", "ssn:456789012", "ssn:567890123",
                     "ssn:678901234"}));
    EXPECT_EQ(multi_region().anonymize("手机 138 0013 8000", kKey), "手机 XXX-XXX-8000");
}

TEST(RedTeam2, RegexDotsAndSlashLists) {
    EXPECT_EQ(fold_text("^kate@example\\.com$").text(), "^kate@example.com$");
    // (Only an escaped dot between letters or digits loses its backslash; an
    // escaped line break or tab is white space, round 10.)
    EXPECT_EQ(fold_text("a\\qb \\.x").text(), "a\\qb \\.x");
    EXPECT_EQ(fold_text("a\\nb \\.x").text(), "a b \\.x");
    EXPECT_EQ(fold_text("a\\\\nb").text(), "a\\\\nb");
    EXPECT_EQ(found_in("WHERE email ~* '^kate@example\\.com$'"), (Found{"email:kate@example\\.com"}));
    EXPECT_EQ(found_in("call 2125550100/2125550101 today"), (Found{"phone:2125550100", "phone:2125550101"}));
    EXPECT_EQ(found_in("call id/2125550100 today"), Found{});
}

TEST(RedTeam2, LikeWildcardsAroundValues) {
    EXPECT_EQ(found_in("LIKE '%404-555-0163%'"), (Found{"phone:404-555-0163"}));
    EXPECT_EQ(found_in("LIKE '_212-555-0100%'"), (Found{"phone:212-555-0100"}));
    EXPECT_EQ(found_in("LIKE '%123-45-6789_'"), (Found{"ssn:123-45-6789"}));
    EXPECT_EQ(found_in("LIKE '_4111 1111 1111 1111'"), (Found{"credit_card:4111 1111 1111 1111"}));
    EXPECT_EQ(found_in("LIKE '10.1.2.3_%'"), (Found{"ipv4:10.1.2.3"}));
    EXPECT_EQ(found_in("order_2125550100 and id_123-45-6789"), Found{});
    EXPECT_EQ(found_in("Room 12 410-54-7231"), (Found{"ssn:410-54-7231"}));
}

// Round 6: analyst questions in several languages.
TEST(RedTeam6, DecimalsAndFractionsOfSecondsAreNoPhones) {
    for (const char *s : {"Position 51.5074 -0.1278 and 48.8566, 2.3522", "Elapsed 00:01:02.345678 and more",
                          "Session duration 01:02:03.456789"})
        EXPECT_EQ(found_in(multi_region(), s), Found{}) << s;
    EXPECT_EQ(multi_region().anonymize("Kunde 030.1234 5678 anrufen", kKey), "Kunde XXX-XXX-5678 anrufen");
}

TEST(RedTeam6, YearAndZeroPaddedSerialIsACode) {
    for (const char *s : {"Invoice 2024 000123 status", "Receipt 2023 000456 paid", "Batch 2024 001234 done"}) {
        EXPECT_EQ(found_in(s), Found{}) << s;
        EXPECT_EQ(found_in(multi_region(), s), Found{}) << s;
    }
    EXPECT_EQ(anon("call me at 2024 001234"), "call me at XXX-XXX-1234");
}

TEST(RedTeam6, DottedAmountsWithACurrencyAreNoAddresses) {
    for (const char *s : {"Umsatz über 1.200.000.000 Euro im Jahr 2023", "Umsatz 1.200.250.100,50 € im Jahr",
                          "Budget € 1.100.200.000 total", "Volumen 2.100.000.000 USD"})
        EXPECT_EQ(found_in(s), Found{}) << s;
    EXPECT_EQ(found_in("Hosts 10.0.0.1,10.0.0.2 and 10.0.0.3, 10.0.0.4"),
              (Found{"ipv4:10.0.0.1", "ipv4:10.0.0.2", "ipv4:10.0.0.3", "ipv4:10.0.0.4"}));
    EXPECT_EQ(found_in("Paid $12 from 10.0.0.5 yesterday"), (Found{"ipv4:10.0.0.5"}));
}

TEST(RedTeam6, RegexAnchorsAroundNumbersAreNoCurrency) {
    EXPECT_EQ(anon("WHERE phone ~ '^2125550100$'"), "WHERE phone ~ '^XXX-XXX-0100$'");
    EXPECT_EQ(anon("WHERE ip ~ '^10.0.0.5$'"), "WHERE ip ~ '^XXX.XXX.XXX.5$'");
    EXPECT_EQ(anon("tel 0612345678$"), "tel XXX-XXX-5678$");
    for (const char *s : {"phone bill 612 345 678 $ total", "Phone 612345678 \xe2\x82\xac"})
        EXPECT_EQ(found_in(s), Found{}) << s;
}

TEST(RedTeam6, SignedRoundCountsAreNoPhones) {
    for (const char *s : {"Rows changed +12000000 vs last week", "Net adds +3400000 subscribers", "Delta +44000000 MAU"}) {
        EXPECT_EQ(found_in(s), Found{}) << s;
        EXPECT_EQ(found_in(multi_region(), s), Found{}) << s;
    }
    EXPECT_EQ(anon("Call +14155550100 today"), "Call XXX-XXX-0100 today");
    EXPECT_EQ(anon("Orders from +447911123456"), "Orders from XXX-XXX-3456");
}

TEST(RedTeam6, PhoneLabelsOfOtherScriptsAndCompounds) {
    // Right after the label: any region's format, with only US configured.
    EXPECT_EQ(anon("请统计手机13912345678的订单"), "请统计手机XXX-XXX-5678的订单");
    EXPECT_EQ(anon("電話番号090-1234-5678の顧客"), "電話番号XXX-XXX-5678の顧客");
    EXPECT_EQ(anon("客户电话是021-62345678"), "客户电话是XXX-XXX-5678");
    EXPECT_EQ(anon("전화번호 010-1234-5678 고객"), "전화번호 XXX-XXX-5678 고객");
    EXPECT_EQ(anon("Telefonnummer 0176 12345678 Kunde"), "Telefonnummer XXX-XXX-5678 Kunde");
    EXPECT_EQ(anon("連絡先 080-1111-2222 の会員"), "連絡先 XXX-XXX-2222 の会員");
    // Numbers of other things, counts and amounts stay.
    for (const char *s : {"注文番号2024-000123の配送状況", "郵便番号100-0001の顧客", "订单号码13912345678的状态",
                          "销售手机 1234567 台的门店", "电话费12345678元", "手机型号 12345678 的销量",
                          "联系方式：13912345678"})
        EXPECT_EQ(anon(s), s) << s;
}

// Round 7: consistency and idempotence as properties, encodings, long inputs.

TEST(RedTeam7, InvisibleCharactersAroundAValueAreNotPartOfItsSpan) {
    // A zero-width space, joiner or soft hyphen right after a value stays in
    // the text (only the value's own bytes are replaced).
    for (const char *mark : {"\u200b", "\u200d", "\u00ad", "\u2060", "\ufeff"}) {
        const std::string m = mark;
        EXPECT_EQ(anon(m + "212-555-0100" + m + " x"), m + "XXX-XXX-0100" + m + " x") << mark;
        const std::string email = m + "john@example.com" + m;
        auto found = anonymizer().detect(email);
        ASSERT_EQ(found.size(), 1u);
        EXPECT_EQ(span(email, found[0]), "john@example.com");
        EXPECT_EQ(anon("<" + m + "10.1.2.3" + m + m + ">"), "<" + m + "XXX.XXX.XXX.3" + m + m + ">");
    }
    // Inside a value the marks are part of it.
    EXPECT_EQ(anon("jo\u200bhn@exam\u00adple.com!"), anon("john@example.com!"));
    auto f = fold_text("a\u200b\u200bb");
    EXPECT_EQ(f.to_original(1), 7u);
    EXPECT_EQ(f.to_original_end(1), 1u);
    EXPECT_EQ(f.to_original_end(2), 8u);
}

TEST(RedTeam7, Ipv4MappedAddressGetsOneMaskHoweverWritten) {
    const std::string mask = "XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXX.XXX.XXX.23";
    for (const char *s : {"::ffff:192.168.1.23", "::FFFF:192.168.1.23", "0:0:0:0:0:ffff:192.168.1.23", "::ffff:c0a8:117",
                          "0000:0000:0000:0000:0000:ffff:c0a8:0117", "::FFFF:C0A8:0117"})
        EXPECT_EQ(anon(std::string("from ") + s + " ok"), "from " + mask + " ok") << s;
    EXPECT_EQ(anon("nat64 64:ff9b::c000:217 ok"), "nat64 XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXX.XXX.XXX.23 ok");
    EXPECT_EQ(anon("nat64 64:ff9b::192.0.2.23 ok"), "nat64 XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXX.XXX.XXX.23 ok");
    // Other addresses keep their last hex group.
    EXPECT_EQ(anon("from 2001:db8::117 ok"), "from XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:117 ok");
    EXPECT_EQ(anon("::ffff:c0a8:117/128"), mask + "/128");
}

TEST(RedTeam7, Ipv6InMarkdownEmphasis) {
    EXPECT_EQ(anon("host _2001:db8::1_ down"), "host _XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:1_ down");
    EXPECT_EQ(anon("host __2001:DB8:0:0:0:0:0:1__ down"), "host __XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:1__ down");
    EXPECT_EQ(anon("_fe80::1ff:fe23:4567:890a%eth0_"), "_XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:890a_");
    EXPECT_EQ(anon("_2001:db8:abcd:12::/64_"), "_XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:0/64_");
    EXPECT_EQ(anon("_::ffff:192.168.1.23_"), "_XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXX.XXX.XXX.23_");
    // Glued to a word by '_' it is still part of an identifier.
    for (const char *s : {"host_2001:db8::1", "2001:db8::1_backup", "ab_cd::1"}) EXPECT_EQ(found_in(s), Found{}) << s;
}

TEST(RedTeam7, AddressInAnyCaseOfItsScriptGivesOneToken) {
    for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"ИВАН@example.com", "иван@example.com"},
             {"Иван.Петров@Example.com", "иван.петров@example.com"},
             {"ŁUKASZ.ŻÓŁW@example.pl", "łukasz.żółw@example.pl"},
             {"ΝΙΚΟΣ@example.gr", "νικος@example.gr"},
             {"ĐỨC.NGUYỄN@example.vn", "đức.nguyễn@example.vn"},
             {"ƯƠNG@example.vn", "ương@example.vn"},
             {"JOSÉ@EXAMPLE.COM", "josé@example.com"},
             {"user@BÜCHER.DE", "user@bücher.de"}}) {
        EXPECT_EQ(anon("from " + a + " ok"), anon("from " + b + " ok")) << a;
        EXPECT_NE(anon("from " + b + " ok"), "from " + b + " ok") << b;
    }
    EXPECT_EQ(anon("user@BÜCHER.de").substr(17), "@bücher.de");
    // ASCII tokens are unchanged.
    EXPECT_EQ(anon("John.Doe@Example.COM"), anon("john.doe@example.com"));
}

TEST(RedTeam7, HtmlReferencesAndJsonEscapesInsideValues) {
    const std::string token = anon("john@example.com");
    for (const char *s : {"john&#64;example.com", "john&#064;example.com", "john&#x40;example.com", "john&#X40;example.com",
                          "john&commat;example.com", "john\\u0040example.com", "john\\u0040example&#46;com",
                          "jo\\u200bhn@example.com", "jo&shy;hn@example.com"})
        EXPECT_EQ(anon(s), token) << s;
    EXPECT_EQ(anon("<a href=\"mailto:john&#64;example.com\">mail</a>"),
              "<a href=\"mailto:" + token + "\">mail</a>");
    EXPECT_EQ(anon("{\"email\":\"john\\u0040example.com\"}"), "{\"email\":\"" + token + "\"}");
    EXPECT_EQ(anon("call 212&nbsp;555&nbsp;0100 now"), "call XXX-XXX-0100 now");
    EXPECT_EQ(anon("212&#8209;555&#8209;0100"), "XXX-XXX-0100");
    EXPECT_EQ(anon("212&ndash;555&ndash;0100"), "XXX-XXX-0100");
    EXPECT_EQ(anon("ssn 123&#45;45&#45;6789"), "ssn XXX-XX-6789");
    EXPECT_EQ(anon("host 10&#46;1&#46;2&#46;3"), "host XXX.XXX.XXX.3");
    // Other references and escapes, and text around them, stay as they are.
    for (const char *s : {"Q&amp;A &lt;b&gt; &#169; 2024 &ndash; &nbsp; R&D", "path C:\\users\\u1234\\x", "AT&T &#64 x",
                          "a &commat b", "\\u004", "&#xZZ; &#; &#x; &nbsp"})
        EXPECT_EQ(anon(s), s) << s;
    EXPECT_EQ(anon("Q&amp;A for john@example.com &amp; jane"), "Q&amp;A for " + token + " &amp; jane");
}

TEST(RedTeam8, AddressesSpelledOutWithBracketedAtAndDot) {
    const std::string token = anon("jane.doe@example.com");
    for (const char *s : {"jane.doe(at)example.com", "jane.doe [at] example.com", "jane.doe [at] example [dot] com",
                          "jane.doe (AT) example (DOT) com", "jane.doe{at}example{dot}com", "jane(dot)doe(at)example.com",
                          "jane.doe  [at]  example.com"})
        EXPECT_EQ(anon(s), token) << s;
    EXPECT_EQ(anon("write to jane.doe [at] example [dot] com today"), "write to " + token + " today");
    EXPECT_EQ(anon("SELECT * FROM users WHERE note LIKE '%jane.doe(at)example.com%'"),
              "SELECT * FROM users WHERE note LIKE '%" + token + "%'");
    // No address without a real domain, and brackets elsewhere stay.
    for (const char *s : {"meet me (at) 5pm", "SELECT count(at) FROM t", "sum(dot) over (partition by at)",
                          "flag [at] risk", "x (at)", "(at) home", "a [at]b [dot]", "look (at) this [dot] point"})
        EXPECT_EQ(anon(s), s) << s;
}

TEST(RedTeam7, SpacedNumberAfterADateOrTimeIsNoListItem) {
    EXPECT_EQ(anon("on 2024-03-15 212 555 0100 called"), "on 2024-03-15 XXX-XXX-0100 called");
    EXPECT_EQ(anon("2024-03-15 10:30:00 212 555 0100 inbound"), "2024-03-15 10:30:00 XXX-XXX-0100 inbound");
    EXPECT_EQ(anon("[15/03/2024] 212 555 0100"), "[15/03/2024] XXX-XXX-0100");
    EXPECT_EQ(anon("212 555 0100 2024-03-15"), "XXX-XXX-0100 2024-03-15");
    EXPECT_EQ(anon("212 555 0100 at 10:30"), "XXX-XXX-0100 at 10:30");
    // Lists of plain numbers still need a phone word.
    for (const char *s : {"ids 101 102 1003 1004", "ids 7 212 555 0100 9", "totals 12 345 678 9012 3456"})
        EXPECT_EQ(anon(s), s) << s;
}

TEST(RedTeam7, AddressListedAfterAShorterVersionIsNoVersion) {
    EXPECT_EQ(anon("upgraded to v1.2.3 and 192.168.1.23 rebooted"), "upgraded to v1.2.3 and XXX.XXX.XXX.23 rebooted");
    EXPECT_EQ(anon("version 2.4, 10.0.0.5 down"), "version 2.4, XXX.XXX.XXX.5 down");
    // Lists of four-part versions stay.
    for (const char *s : {"Users on versions 4.2.0.1 and 4.2.0.2", "Upgrade v1.2.3.4, 1.2.3.5 and 1.2.3.6"})
        EXPECT_EQ(anon(s), s) << s;
}

TEST(RedTeam7, Ipv6GluedByAColonToAnotherValue) {
    const std::string v6 = "XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:1";
    EXPECT_EQ(anon("电话212-555-0100：2001:db8::1 服务器"), "电话XXX-XXX-0100：" + v6 + " 服务器");
    EXPECT_EQ(anon("卡4111 1111 1111 1111：2001:db8::1"), "卡XXXX-XXXX-XXXX-1111：" + v6);
    EXPECT_EQ(anon("XXXX-XXXX-XXXX-1111:2001:db8::1"), "XXXX-XXXX-XXXX-1111:" + v6);
    // Ranges of addresses keep both ends.
    EXPECT_EQ(anon("range 2001:db8::1-2001:db8::ff"), "range " + v6 + "-XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:ff");
    EXPECT_EQ(anon("range fe80::1-fe80::5"), "range XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:1-XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:5");
}

TEST(RedTeam7, Ipv6FollowedByAColonAndAnotherValue) {
    const std::string v6 = "XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:1";
    EXPECT_EQ(anon("服务器2001:db8::1：212-555-0100"), "服务器" + v6 + "：XXX-XXX-0100");
    EXPECT_EQ(anon("addr 2001:db8::1:123-45-6789 ok"), "addr " + v6 + ":XXX-XX-6789 ok");
    EXPECT_EQ(anon("zone fe80::1%eth0：2024-03-15 up"), "zone " + v6 + "：2024-03-15 up");
    EXPECT_EQ(anon("ssh fe80::1%eth0:22 refused"), "ssh " + v6 + ":22 refused");
    EXPECT_EQ(anon("net 2001:db8::/32:80"), "net XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:0/32:80");
    // An address's own last group followed by a range or a word stays whole.
    EXPECT_EQ(anon("range 2001:db8::1:2-2001:db8::1:9"),
              "range XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:2-XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:9");
}

TEST(RedTeam7, Ipv6AfterAFullwidthColonOrTheEndOfANumber) {
    const std::string v6 = "XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:1";
    EXPECT_EQ(anon("节点1：2001:db8::1 宕机"), "节点1：" + v6 + " 宕机");
    EXPECT_EQ(anon("2024-03-15：fe80::1%eth0"), "2024-03-15：" + v6);
    EXPECT_EQ(anon("10:30:00：2001:db8::1"), "10:30:00：" + v6);
    EXPECT_EQ(anon("v1.2.3:fe80::1 up"), "v1.2.3:" + v6 + " up");
    EXPECT_EQ(anon("pages 12-15:2001:db8::1 up"), "pages 12-15:" + v6 + " up");
    // An address written in fullwidth forms is one address.
    EXPECT_EQ(anon("ＩＰ ２００１：ｄｂ８：：１ 宕机"), "ＩＰ " + v6 + " 宕机");
    // Times and ratios stay.
    for (const char *s : {"会议10：30：00开始", "比分3：2", "at 12:34:56"}) EXPECT_EQ(anon(s), s) << s;
}

TEST(RedTeam7, Ipv6BetweenTwoFullwidthColons) {
    const std::string v6 = "XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:1";
    EXPECT_EQ(anon("地址：2001:db8::1：故障"), "地址：" + v6 + "：故障");
    EXPECT_EQ(anon("テキスト：2001:db8::1：123-45-6789"), "テキスト：" + v6 + "：XXX-XX-6789");
    EXPECT_EQ(anon("😀：fe80::1：2001:db8::1"), "😀：" + v6 + "：" + v6);
}

TEST(RedTeam7, PhoneNumberAsAWholeUrlPathSegment) {
    for (const char *number : {"212-555-0100", "(212) 555-0100", "212.555.0100", "+1-212-555-0100", "+12125550100",
                               "1-212-555-0100", "212\u2013555\u20130100"}) {
        const std::string n = number;
        EXPECT_EQ(anon("https://crm.example.com/contacts/" + n + "/edit"),
                  "https://crm.example.com/contacts/XXX-XXX-0100/edit") << n;
        EXPECT_EQ(anon("GET /api/phones/" + n + "?full=1"), "GET /api/phones/XXX-XXX-0100?full=1") << n;
        EXPECT_EQ(anon("see /p/" + n), "see /p/XXX-XXX-0100") << n;
    }
    // Bare ids in paths, codes glued into a segment and lists stay as they were.
    for (const char *s : {"GET /api/orders/2125550100/items", "/sku/INV-212-555-0100/x", "/p/212-555-0100-XL/z",
                          "GET /v1/2024-03-15/report"})
        EXPECT_EQ(anon(s), s) << s;
}

// Round 9: an ideographic full stop is an address's dot only inside an
// address (the span maps back to the original bytes); a percent-escape
// escaped twice is the character it stands for.
TEST(RedTeam9, IdeographicFullStopAndDoubleEscapes) {
    using tde::core::fold_text;
    const std::string s = "邮箱zhangsan@163\u3002com\u3002谢谢";
    auto f = fold_text(s);
    EXPECT_EQ(f.text(), "邮箱zhangsan@163.com\u3002谢谢");
    const size_t b = f.text().find("zhangsan"), e = f.text().find("com") + 3;
    EXPECT_EQ(s.substr(f.to_original(b), f.to_original_end(e) - f.to_original(b)), "zhangsan@163\u3002com");
    EXPECT_EQ(anon(s).find("zhangsan"), std::string::npos);
    EXPECT_NE(anon(s).find("@163.com\u3002谢谢"), std::string::npos) << anon(s);
    for (const char *kept : {"版本1\u30022\u30023\u30024发布", "我们在2024\u3002今天", "x@y\u3002", "a\u3002b@c"})
        EXPECT_EQ(fold_text(kept).text(), kept) << kept;
    EXPECT_EQ(fold_text("q=john%2540example.com").text(), "q=john@example.com");
    EXPECT_EQ(fold_text("q=%252B1%2520212").text(), "q=+1 212");
    EXPECT_EQ(fold_text("25%2525 done").text(), "25%2525 done");
    EXPECT_EQ(fold_text("'%2540'").text(), "'%2540'");  // a SQL LIKE wildcard before digits
}

// A value assigned to a weak phone hint (a SQL comparison, a URL parameter, a
// JSON member) may be stored without its region's trunk prefix; a number in
// prose after the same hint may not (a Unix time is no German number).
TEST(Phone, AssignedValuesMayLackTheTrunkPrefix) {
    const PiiAnonymizer &m = multi_region();
    for (const char *text : {"SELECT * FROM users WHERE mobile = '7911123456'",
                             "SELECT name FROM contacts WHERE cell='7911123456'", "/api/sms?mobile=7911123456&x=1",
                             "{\"mobile\": \"7911123456\", \"plan\": \"basic\"}"}) {
        const std::string out = m.anonymize(text, kKey);
        EXPECT_EQ(out.find("7911123456"), std::string::npos) << text << " -> " << out;
        EXPECT_NE(out.find("XXX-XXX-3456"), std::string::npos) << out;
    }
    for (const char *text : {"call at 1710498600 failed", "sms at 1709251200 bounced twice", "mobile 7911123456 users"})
        EXPECT_EQ(m.anonymize(text, kKey), text);
}

// Round 10: a form's label on one line and its value on the next (or after a
// tab) is still the value's label; the corpus format cannot hold a line break.
TEST(RedTeam10, LabelAboveOrBesideItsValue) {
    EXPECT_EQ(anon("mobile\n612 34 56 78"), "mobile\nXXX-XXX-5678");
    EXPECT_EQ(anon("Mobile:\n\n612 34 56 78"), "Mobile:\n\nXXX-XXX-5678");
    EXPECT_EQ(anon("Kontakt:\nTel.\t030 1234567\nFax 030 1234568"), "Kontakt:\nTel.\tXXX-XXX-4567\nFax XXX-XXX-4568");
    EXPECT_EQ(anon("Name: Jane\r\nPhone: 020 7946 0958\r\n"), "Name: Jane\r\nPhone: XXX-XXX-0958\r\n");
    for (const char *text : {"mobile users\n1234567", "Phone\nCount: 1234567", "phone orders\n2024-03-15 12345678"})
        EXPECT_EQ(anon(text), text);
    // Only a label that starts its line (after a list's or table's markup at
    // most) is a caption of the next line: words before it on its line make
    // it part of a phrase (the trigger's contexts rely on this: "zip: phone:"
    // before a zip code that follows a list of phone numbers).
    EXPECT_EQ(anon("- **Mobile:**\n612 34 56 78"), "- **Mobile:**\nXXX-XXX-5678");
    EXPECT_EQ(anon("| Phone |\n612 34 56 78"), "| Phone |\nXXX-XXX-5678");
    for (const char *text : {"zip: phone:\n9021012", "\xE2\x80\xA6 cell_no: \n1234567", "the old phone\n1234567 rows"})
        EXPECT_EQ(anon(text), text);
}

// Review of round 10: "driver" is a version word for a dotted quad only (a
// phone number after it is still one); a routing or ARP table lists
// addresses; "iPhone" is a product name, not the keyword "phone".
TEST(RedTeam10Review, DriverTableAndIPhone) {
    const PiiAnonymizer &a = multi_region();
    for (const char *text : {"your driver 020 7946 0958 will call", "driver: 07700 900123", "Driver 030 1234567",
                             "Delivery driver 0161 496 0000"})
        EXPECT_NE(a.anonymize(text, kKey), text) << text;
    EXPECT_EQ(anon("update the driver 31.0.15.3179 on all laptops"), "update the driver 31.0.15.3179 on all laptops");
    EXPECT_NE(anon("routing table 10.20.30.40 entry"), "routing table 10.20.30.40 entry");
    EXPECT_NE(anon("ARP table 192.168.1.10 at 00:1a:2b:3c:4d:5e"), "ARP table 192.168.1.10 at 00:1a:2b:3c:4d:5e");
    EXPECT_EQ(anon("iPhone 4155550132 sold"), "iPhone 4155550132 sold");
    EXPECT_NE(anon("customerPhone 4155550132"), "customerPhone 4155550132");
}

// Round 12: tables pasted with real line breaks and tabs (the corpus format
// cannot hold them): CSV, TSV, Markdown, COPY ... FROM STDIN; a header names
// its columns however many rows follow. And values wrapped across a line
// break after a dash between digit groups or after an address's '@'.
TEST(RedTeam12, TablesWithRealLineBreaksAndTabs) {
    EXPECT_EQ(anon("id,name,phone,city,signup_date,plan,referrer\n1,Ann Lee,6502530000,Palo Alto,2024-01-02,pro,google\n"
                   "2,Bob Roe,2125550100,NYC,2024-02-03,free,bing\n3,Cy Doe,4155550132,SF,2024-03-04,pro,ads"),
              "id,name,phone,city,signup_date,plan,referrer\n1,Ann Lee,XXX-XXX-0000,Palo Alto,2024-01-02,pro,google\n"
              "2,Bob Roe,XXX-XXX-0100,NYC,2024-02-03,free,bing\n3,Cy Doe,XXX-XXX-0132,SF,2024-03-04,pro,ads");
    EXPECT_EQ(anon("emp_id\tname\tdept\tmobile\r\n17\tAnn Lee\tSales\t0612345678\r\n18\tBob Roe\tOps\t07700 900123\r\n"),
              "emp_id\tname\tdept\tmobile\r\n17\tAnn Lee\tSales\tXXX-XXX-5678\r\n18\tBob Roe\tOps\tXXX-XXX-0123\r\n");
    EXPECT_EQ(anon("COPY people (name, ssn, city) FROM STDIN;\nAnn\t078051120\tBoston\nBob\t219099999\tAustin\n\\."),
              "COPY people (name, ssn, city) FROM STDIN;\nAnn\tXXX-XX-1120\tBoston\nBob\tXXX-XX-9999\tAustin\n\\.");
    EXPECT_EQ(anon("| name | city | plan | phone |\n|---|---|---|---|\n| Ann | Paris | pro | 06 12 34 56 78 |\n"
                   "| Bob | Lyon | free | 06 87 65 43 21 |"),
              "| name | city | plan | phone |\n|---|---|---|---|\n| Ann | Paris | pro | XXX-XXX-5678 |\n"
              "| Bob | Lyon | free | XXX-XXX-4321 |");
    // A blank line right under the header ends nothing; a row with another number of cells ends the table.
    EXPECT_EQ(anon("name,phone\n\nAnn,0612345678\nnote: 2 rows\n7,1234567"),
              "name,phone\n\nAnn,XXX-XXX-5678\nnote: 2 rows\n7,1234567");
    // Counts under "mobile", ids and models stay.
    for (const char *text : {"month\tmobile\ttablet\n2024-01\t12345678\t2345678", "cell_id,rsrp\n310260123,-95",
                             "phone_model,units\nPixel 8,12345678", "device;phone_count\nA;1234567",
                             "name,notes\nAnn,call 1234567 times"})
        EXPECT_EQ(anon(text), text) << text;
}

TEST(RedTeam12, ValuesWrappedAcrossALineBreak) {
    EXPECT_EQ(anon("Phone: 650-253-\n0000 (wrapped)"), "Phone: XXX-XXX-0000 (wrapped)");
    EXPECT_EQ(anon("SSN 078-05-\r\n  1120 on the form"), "SSN XXX-XX-1120 on the form");
    EXPECT_EQ(anon("Card 4111-1111-\n1111-1111 declined"), "Card XXXX-XXXX-XXXX-1111 declined");
    const std::string email = anon("Email jane.doe@\nexample.com bounced");
    EXPECT_EQ(email.find("jane"), std::string::npos) << email;
    EXPECT_NE(email.find("@example.com bounced"), std::string::npos) << email;
    // A dash at the end of a line before a word, a list or a year range stays.
    for (const char *text : {"Q1 2024 -\n2025 plan", "items 1-\nfoo", "Range 2019-\n2020 of sales", "x - \n- y"})
        EXPECT_EQ(anon(text), text) << text;
}

// Review of round 12: large inputs of the shapes that once took seconds
// (26 s, 1.2 s, 3.2 s, +2.3 s on about 1 MB: the anonymizer runs per row in a
// trigger) give the right answer; their cost is measured by
// bench/pii_throughput.cpp (its "large inputs" part: full size against a
// quarter, about 4x when linear), not timed here.
TEST(Review12, UnclosedValuesTuplesFindNothing) {
    std::string text;
    for (int i = 0; i < 60000; ++i) text += "(phone) values ((";
    EXPECT_TRUE(anonymizer().detect(text).empty());
}

TEST(Review12, ManyLikePatternsFindNothing) {
    std::string text;
    for (int i = 0; i < 60000; ++i) text += " 'ab@%'";
    EXPECT_TRUE(anonymizer().detect(text).empty());
}

TEST(Review12, VersionColumnOfManyRowsHasNoAddresses) {
    std::string text = "host,version\n";
    for (int i = 0; i < 40000; ++i)
        text += "h" + std::to_string(i) + ",10." + std::to_string(i % 250) + "." + std::to_string(i / 250 % 250) + "." +
                std::to_string(i % 7) + "\n";
    EXPECT_TRUE(anonymizer().detect(text).empty());  // versions, no addresses
}

TEST(Review12, PhoneColumnOfManyRowsIsMaskedRowByRow) {
    std::string text = "id,phone\n";
    for (int i = 0; i < 20000; ++i) text += std::to_string(i) + "," + std::to_string(1000000 + i * 7 % 8999999) + "\n";
    EXPECT_GT(anonymizer().detect(text).size(), 19000u);
}

// Review of round 12: column names with other characters and box-drawing
// separators; address columns named after a driver or a build agent; one
// sentence among a header's cells; HTML tables (one header per table,
// colspan); JSON under a phone key read only where it holds the phone's values.
TEST(Review12, HeaderCellsWithOtherCharacters) {
    EXPECT_EQ(anon("id,Customer Name,Phone #,Signup Date\n1,Ann Lee,0612345678,2024-01-02"),
              "id,Customer Name,Phone #,Signup Date\n1,Ann Lee,XXX-XXX-5678,2024-01-02");
    EXPECT_EQ(anon("id,Phone (mobile)\n1,0612345678"), "id,Phone (mobile)\n1,XXX-XXX-5678");
    // One sentence among the cells names no column; the others still do.
    EXPECT_EQ(anon("id,phone,notes about this customer here?\n1,0612345678,x"),
              "id,phone,notes about this customer here?\n1,XXX-XXX-5678,x");
}

TEST(Review12, AddressColumnsNamedAfterDriversOrBuilds) {
    for (const char *text : {"driver_ip,rider_ip,build_agent_ip\n10.1.2.3,10.4.5.6,10.7.8.9",
                             "{\"driver_ips\": [\"10.1.2.3\", \"10.4.5.6\"]}"}) {
        const std::string out = anon(text);
        EXPECT_EQ(out.find("10.1.2.3"), std::string::npos) << out;
        EXPECT_EQ(out.find("10.4.5.6"), std::string::npos) << out;
    }
    for (const char *text : {"host,app_version,firmware_version\nh1,1.2.3.4,5.6.7.8", "host,build_version\nh1,1.2.3.4"})
        EXPECT_EQ(anon(text), text) << text;
}

TEST(Review12, HtmlTablesEndAndSpanColumns) {
    // The phone header of the first table names no column of the second.
    const std::string two = "<table><tr><th>name</th><th>phone</th></tr><tr><td>Ann</td><td>0612345678</td></tr></table>"
                            "<table><tr><td>job</td><td>2024031512</td></tr></table>";
    EXPECT_EQ(anon(two), "<table><tr><th>name</th><th>phone</th></tr><tr><td>Ann</td><td>XXX-XXX-5678</td></tr></table>"
                         "<table><tr><td>job</td><td>2024031512</td></tr></table>");
    // colspan="2": the phone column is the third.
    EXPECT_EQ(anon("<table><tr><th colspan=\"2\">name</th><th>phone</th><th>batch</th></tr>"
                   "<tr><td>Ann</td><td>Lee</td><td>0612345678</td><td>2024031512</td></tr></table>"),
              "<table><tr><th colspan=\"2\">name</th><th>phone</th><th>batch</th></tr>"
              "<tr><td>Ann</td><td>Lee</td><td>XXX-XXX-5678</td><td>2024031512</td></tr></table>");
}

TEST(Review12, JsonUnderAPhoneKeyOnlyItsValues) {
    const std::string nested = "{\"phone\": {\"number\": \"4155550123\", \"verified\": true, \"source\": "
                               "\"crm-import\", \"sync\": {\"batch_ids\": [2024031512]}}}";
    const std::string out = anon(nested);
    EXPECT_EQ(out.find("4155550123"), std::string::npos) << out;
    EXPECT_NE(out.find("[2024031512]"), std::string::npos) << out;
    // A spreadsheet's cell is no phone.
    for (const char *text : {"{\"cell\": {\"ref\": \"B2\", \"value\": \"00123456789\"}}",
                             "{\"cell\": {\"ref\": \"B2\", \"formatted\": \"0123 456 789\"}}"})
        EXPECT_EQ(anon(text), text) << text;
    // The phone's own objects still count.
    const std::string phones = anon("{\"phones\": [{\"type\": \"home\", \"value\": \"0612345678\"}]}");
    EXPECT_EQ(phones.find("0612345678"), std::string::npos) << phones;
}

TEST(Review12, LikePatternOnlyForAPersonsLocalPart) {
    for (const char *text : {"SELECT * FROM t WHERE name LIKE 'react-dom@%' OR msg LIKE 'error@%'",
                             "x LIKE 'v2@%' OR y LIKE 'requests@%' OR z LIKE 'sha256@%'",
                             "a LIKE 'build@%' OR b LIKE 'noreply@%' OR c LIKE 'test@%'"})
        EXPECT_EQ(anon(text), text) << text;
    const std::string out = anon("WHERE email LIKE 'jane.doe@%' OR e LIKE '%john_smith@%'");
    EXPECT_EQ(out.find("jane.doe"), std::string::npos) << out;
    EXPECT_EQ(out.find("john_smith"), std::string::npos) << out;
}

// Review of round 12: a table ends at a blank line after its rows, at a
// caption line ("...:") and at another header; a phone column among device or
// channel categories is a pivot; a cell under a phone column must look like a
// phone number; box-drawing tables; a bare run after a cut-off count.
TEST(Review12, TablesEndAtBlankLinesCaptionsAndNewHeaders) {
    const std::string csv = "id,phone\n1,0612345678\n\nNow the orders export, with the columns order id and order "
                            "number:\norder_id,order_number\n17,2024031512";
    std::string expected = csv;
    expected.replace(expected.find("0612345678"), 10, "XXX-XXX-5678");
    EXPECT_EQ(anon(csv), expected);
    EXPECT_EQ(anon("| name | phone |\n|---|---|\n| Ann | 0612345678 |\n\n| job | epoch_seconds |\n|---|---|\n"
                   "| backup | 2024031512 |"),
              "| name | phone |\n|---|---|\n| Ann | XXX-XXX-5678 |\n\n| job | epoch_seconds |\n|---|---|\n"
              "| backup | 2024031512 |");
    // psql output: the second header (a rule under it) starts a new table.
    EXPECT_EQ(anon(" name | phone\n------+------------\n Ann  | 0612345678\n job    | epoch\n--------+-------\n"
                   " backup | 2024031512\n"),
              " name | phone\n------+------------\n Ann  | XXX-XXX-5678\n job    | epoch\n--------+-------\n"
              " backup | 2024031512\n");
    // A line of prose with as many commas ends the table; a note in a row does not.
    EXPECT_EQ(anon("id,phone\n1,0612345678\nBelow are the orders, grouped by the order id\n17,2024031512"),
              "id,phone\n1,XXX-XXX-5678\nBelow are the orders, grouped by the order id\n17,2024031512");
    EXPECT_EQ(anon("id,phone\n1,0612345678\n2,see the notes below\n3,0612345679"),
              "id,phone\n1,XXX-XXX-5678\n2,see the notes below\n3,XXX-XXX-5679");
    // Same number of columns without a blank line: a snake_case header row.
    EXPECT_EQ(anon("id,phone\n1,0612345678\norder_id,order_number\n17,2024031512"),
              "id,phone\n1,XXX-XXX-5678\norder_id,order_number\n17,2024031512");
}

TEST(Review12, PhoneColumnsOfPivotsAndCellShapes) {
    for (const char *text : {"week,phone,tablet,desktop\n2024-W01,81234567,4500,120000",
                             "channel,phone,email,chat\nsupport_minutes,1203455,20000,3000",
                             "id,phone\n1,20240315\n2,1700000000123"})
        EXPECT_EQ(anon(text), text) << text;
    EXPECT_EQ(anon("id,phone\n1,20240315\n2,0612345678"), "id,phone\n1,20240315\n2,XXX-XXX-5678");
}

TEST(Review12, BoxDrawingTables) {
    const std::string box = anon("\u250c\u2500\u2500\u252c\u2500\u2500\u2510\n\u2502 name \u2502 phone \u2502\n"
                                 "\u251c\u2500\u2500\u253c\u2500\u2500\u2524\n\u2502 Ann \u2502 0612345678 \u2502\n"
                                 "\u2514\u2500\u2500\u2534\u2500\u2500\u2518");
    EXPECT_EQ(box.find("0612345678"), std::string::npos) << box;
    EXPECT_NE(box.find("\u2502 Ann \u2502"), std::string::npos) << box;
}

TEST(Review12, BareRunAfterACutOffCount) {
    for (const char *text : {"SELECT x - 1 - 2024031512 FROM t", "SELECT * FROM t WHERE n > 1 -- 2024031512 is the batch id"})
        EXPECT_EQ(anon(text), text) << text;
    EXPECT_EQ(anon("SELECT 1 -- 6502530000 is the on-call phone"), "SELECT 1 -- XXX-XXX-0000 is the on-call phone");
}

// Red team round 13, review: a text with many numbers (a phone list of tens
// of thousands of rows) is read in time linear in its size; each number
// after its label, and each bare one near a phone word, is still found, and
// a value between a phone word and a bare number still widens the window.
TEST(RedTeam13, ManyNumbersEachFound) {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "phone 2125550100 tel 0612345678 ";
    EXPECT_EQ(anonymizer().detect(text).size(), 10000u);
    EXPECT_NE(anon("phone of jane.doe@example.com, a.very.long.name@example.com and 6502530000").find("XXX-XXX-0000"),
              std::string::npos);
}

// Red team round 13: an international prefix dialed from the US before
// groups of three ("011 254 712 345 678" is no amount); versions compared in
// SQL; a column named after a build or release that holds machines; 64-bit
// ids that pass Luhn; India's 5-5 mobile grouping after a label; labels
// "simu" (Swahili) and "cel"; a dialer's pause after a number.
TEST(RedTeam13, UsInternationalPrefixBeforeGroupsOfThree) {
    for (const char *text : {"Dial 011 254 712 345 678 from the US office", "Dial 011 61 412 345 678 now"}) {
        const std::string out = anon(text);
        EXPECT_EQ(out.find("345 678"), std::string::npos) << out;
        EXPECT_EQ(out.find("12 345"), std::string::npos) << out;
        EXPECT_NE(out.find("XXX-XXX-5678"), std::string::npos) << out;
    }
    // Amounts in groups of three still are amounts.
    for (const char *text : {"Revenue 254 712 345 678 in 2023", "Total 1.234.567.890 units"})
        EXPECT_EQ(anon(text), text) << text;
}

TEST(RedTeam13, VersionsComparedInSql) {
    for (const char *text : {"WHERE version >= '15.4.0.1' AND version < '16.0.0.0'",
                             "WHERE version <> '1.2.3.4'", "WHERE version != '1.2.3.4'",
                             "WHERE app_version IN ('4.2.0.1', '4.2.0.2')",
                             "WHERE firmware_version NOT IN ('2.4.1.10', '2.4.1.11')",
                             "WHERE release BETWEEN '1.2.3.4' AND '1.2.3.9'",
                             "SELECT * FROM builds WHERE build_number = '1.0.0.12'"})
        EXPECT_EQ(anon(text), text) << text;
    // Addresses compared the same way stay masked, also under a column named
    // after a build or release that holds machines.
    for (const char *text : {"WHERE client_ip NOT IN ('10.0.0.1', '10.0.0.2')", "WHERE ip >= '10.0.0.1'",
                             "WHERE build_host = '10.0.0.1'", "WHERE release_server IN ('10.0.0.1')",
                             "WHERE fw_version_id = 3 AND host = '10.0.0.1'",
                             // In prose "in" is no SQL operator: the machine the firmware is on.
                             "Update the firmware in 10.0.0.1 tonight", "Deploy the build in 10.0.0.1",
                             "the release not in 10.0.0.1", "Upgrade the firmware (10.0.0.1) tonight"}) {
        const std::string out = anon(text);
        EXPECT_EQ(out.find("10.0.0.1"), std::string::npos) << out;
    }
}

TEST(RedTeam13, TableColumnsNamedAfterBuildsThatHoldMachines) {
    for (const char *text : {"build_host,status\n10.0.0.5,ok", "release_server;state\n10.0.0.5;up"}) {
        const std::string out = anon(text);
        EXPECT_EQ(out.find("10.0.0.5"), std::string::npos) << out;
    }
    for (const char *text : {"app,build_number\nweb,1.2.3.4", "app,release_tag\nweb,1.2.3.4", "host,Build No\nh1,1.2.3.4"})
        EXPECT_EQ(anon(text), text) << text;
}

TEST(RedTeam13, SixtyFourBitIdsAreNoCards) {
    // Luhn-valid and brand-valid 19-digit runs.
    for (const char *text : {"queryid 4611686018427387900 is the slowest statement",
                             "WHERE queryid = -4611686018427387900", "SELECT id FROM t WHERE id = 4611686018427387900",
                             "values (-4611686018427387900, 1)"})
        EXPECT_EQ(anon(text), text) << text;
    // A card word, or no id word: a card.
    for (const char *text : {"Card 4611686018427387900 declined", "queryid of the card payment 4611686018427387900",
                             "charged 4611686018427387900 twice", "4111111111111111"}) {
        const std::string out = anon(text);
        EXPECT_NE(out.find("XXXX-XXXX-XXXX-"), std::string::npos) << out;
    }
    // Sixteen digits after an id word stay a card.
    EXPECT_EQ(anon("id 4111111111111111"), "id XXXX-XXXX-XXXX-1111");
    // The original digits are gone where a card is read.
    for (const char *text : {"Card 4611686018427387900 declined", "charged 4611686018427387900 twice"})
        EXPECT_EQ(anon(text).find("4611686018427387900"), std::string::npos) << anon(text);
}

// Review of round 13: only a name for a 64-bit id (queryid, a snowflake id;
// "id" compared in SQL or JSON) makes a Luhn-valid 17-19 digit run an integer;
// account, order, member, transaction and employee numbers are cards, and a
// minus sign in prose is no SQL number's.
TEST(RedTeam13Review, CardsAfterAccountAndOrderWords) {
    for (const char *text : {"Why was account 6212345678901234569 flagged for fraud?", "account: 6212345678901234569",
                             "account #6212345678901234569", "order 6212345678901234569 refund status",
                             "Transaction 3528000000000000015 failed yesterday",
                             "look up member 6011000990139424124", "employee 220012345678901231 reimbursement",
                             "refund to -6212345678901234569", "account id 6212345678901234569",
                             "WHERE account_number = 6212345678901234569"}) {
        const std::string out = anon(text);
        for (const char *digits : {"6212345678901234569", "3528000000000000015", "6011000990139424124",
                                   "220012345678901231"})
            EXPECT_EQ(out.find(digits), std::string::npos) << out;
        EXPECT_NE(out.find("XXXX-XXXX-XXXX-"), std::string::npos) << out;
    }
    for (const char *text : {"SELECT * FROM customers WHERE id = 6212345678901234569",
                             "SELECT query FROM pg_stat_statements WHERE queryid = -8345678901234567890",
                             "queryid 6212345678901234569 is slow", "{\"user_id\": 6212345678901234569}",
                             "WHERE user_id IN (6212345678901234569, 6212345678901234569)",
                             "pg_stat_statements queryid -8345678901234567890 and -4611686018427387900",
                             "queryids 4611686018427387900, 4611686018427387900, 6212345678901234569, 6212345678901234569",
                             "snowflake 6212345678901234569 joined", "VALUES (-6212345678901234569, 1)"})
        EXPECT_EQ(anon(text), text) << text;
}

TEST(RedTeam13, MoreLabelsAndIndianMobileGrouping) {
    for (const char *text : {"Mobile: 98765 43210 customer in Pune", "\u092e\u094b\u092c\u093e\u0907\u0932: 98765 43210",
                             "Namba ya simu: 0712 345 678 mteja", "Cel #: 0917 123 4567 customer",
                             "Phone 98765-43210"}) {
        const std::string out = anon(text);
        EXPECT_NE(out.find("XXX-XXX-"), std::string::npos) << out;
        // The original digits are gone (only the last four stay in the mask).
        for (const char *digits : {"98765", "0712 345", "0917 123"})
            EXPECT_EQ(out.find(digits), std::string::npos) << out;
    }
    // Two groups of five without a label, starting lower or with a dot, and counts.
    for (const char *text : {"Zip codes 90230 90299 in Illinois", "Mobile: 12345 67890", "mobile 98765.43210",
                             "Cel animation frames 120 and 240 per scene", "simulation 0712 345 678"})
        EXPECT_EQ(anon(text), text) << text;
}

TEST(RedTeam13, DialerPauseAfterAnInternationalNumber) {
    EXPECT_EQ(anon("Dial string +14155550132p123 in the PBX"), "Dial string XXX-XXX-0132p123 in the PBX");
    EXPECT_EQ(anon("+14155550132w5 then"), "XXX-XXX-0132w5 then");
    EXPECT_EQ(anon("SKU +14155550132px is no number"), "SKU +14155550132px is no number");
}

TEST(RedTeam13, WalPositionsAreNoGermanNumbers) {
    PiiOptions options;
    options.phone_regions = {"US", "DE"};
    PiiAnonymizer de(options);
    for (const char *text : {"checkpoint at 0/3000060 done", "SELECT pg_wal_lsn_diff('0/3000060', '0/1000000')",
                             "redo starts at 0/1234567"})
        EXPECT_EQ(de.anonymize(text, kKey), text) << text;
    // A German number written with its area code before the slash still is one.
    for (const char *text : {"Büro 030/12345678 Berlin", "Telefon 0/30 1234567"}) {
        const std::string out = de.anonymize(text, kKey);
        EXPECT_NE(out.find("XXX-XXX-"), std::string::npos) << out;
        EXPECT_EQ(out.find("1234"), std::string::npos) << out;
    }
}

TEST(RedTeam13, PercentEncodedBracketsOfAnIpv6Address) {
    for (const char *text : {"http://example.com/?host=%5B2001:db8::1%5D:8080",
                             "next=%2Fconnect%3Fhost%3D%5B2001%3Adb8%3A%3A1%5D"}) {
        const std::string out = anon(text);
        EXPECT_EQ(out.find("db8"), std::string::npos) << out;
        EXPECT_NE(out.find("%5B"), std::string::npos) << out;
    }
    EXPECT_NE(anon("http://example.com/?host=%5B2001:db8::1%5D:8080").find("%5D:8080"), std::string::npos);
    // Encoded brackets of a form's array keys stay as written.
    EXPECT_EQ(anon("?ids%5B%5D=1&ids%5B%5D=2"), "?ids%5B%5D=1&ids%5B%5D=2");
}

// Review of round 13: an SQL operator between a bare version word and a
// dotted quad counts only where the word is a column of SQL; in prose the
// quad names a machine.
TEST(RedTeam13Review, SqlOperatorsAfterVersionWordsInProse) {
    for (const char *text : {"the build in (10.0.0.1) failed", "the release in (10.0.0.1, 10.0.0.2) broke",
                             "firmware between '10.0.0.1' and '10.0.0.9' is flaky",
                             "the build like '10.0.0.1' box is down", "release > 10.0.0.5 is our gateway",
                             "the firmware <10.0.0.7> keeps rebooting", "pushed the build => 10.0.0.1",
                             "the release != 10.0.0.3 host"}) {
        const std::string out = anon(text);
        for (const char *quad : {"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.5", "10.0.0.7", "10.0.0.9"})
            EXPECT_EQ(out.find(quad), std::string::npos) << out;
        EXPECT_NE(out.find("XXX.XXX.XXX."), std::string::npos) << out;
    }
    for (const char *text : {"WHERE release BETWEEN '1.2.3.4' AND '1.2.3.9'",
                             "SELECT * FROM t WHERE t.release > '1.2.3.4'", "WHERE \"build\" IN ('1.2.3.4', '1.2.3.5')",
                             "WHERE version >= '15.4.0.1' AND version < '16.0.0.0'",
                             "SELECT * FROM fw WHERE build <> '1.0.0.12' OR build NOT IN ('1.0.0.13')",
                             "WHERE server_version = '10.2.0.1'",
                             // "version" names no machine: its operators need no SQL.
                             "Requires version >= 10.2.0.1 of the agent"})
        EXPECT_EQ(anon(text), text) << text;
}

// Review of round 13: every item of a version list is a version, however
// long the list (IN and NOT IN).
TEST(RedTeam13Review, LongVersionLists) {
    for (const char *head : {"WHERE firmware_version IN (", "WHERE firmware_version NOT IN (", "WHERE release IN (",
                             "WHERE version NOT IN ("}) {
        for (int n : {2, 6, 30}) {
            std::string text = head;
            for (int i = 1; i <= n; ++i) text += (i > 1 ? ", '10.2." : "'10.2.") + std::to_string(i / 10) + "." + std::to_string(i % 10) + "'";
            text += ")";
            EXPECT_EQ(anon(text), text) << text;
        }
    }
    // The list ends at its bracket: an address list after it is masked.
    const std::string out = anon("WHERE release IN ('10.0.0.1') OR ip IN ('10.0.0.2', '10.0.0.3')");
    EXPECT_NE(out.find("'10.0.0.1'"), std::string::npos) << out;
    EXPECT_EQ(out.find("10.0.0.2"), std::string::npos) << out;
    EXPECT_EQ(out.find("10.0.0.3"), std::string::npos) << out;
}

// Review of round 13: a word for a machine or an address anywhere in a
// column's name wins over the version word and the number word at its end.
TEST(RedTeam13Review, AddressWordsInsideVersionColumnNames) {
    for (const char *text : {"WHERE build_ip_no = '10.0.0.1'", "WHERE firmware_ip_nr = '10.0.0.1'",
                             "WHERE release_addr_num = '10.0.0.1'", "WHERE build_server_number = '10.0.0.1'",
                             "WHERE fw_host_build IN ('10.0.0.1')", "build_ip_no,status\n10.0.0.1,ok"}) {
        const std::string out = anon(text);
        EXPECT_EQ(out.find("10.0.0.1"), std::string::npos) << out;
    }
    for (const char *text : {"WHERE build_number = '1.0.0.12'", "app,release_tag\nweb,1.2.3.4",
                             "SELECT ip_version, server_version FROM t WHERE server_version = '10.2.0.1'"})
        EXPECT_EQ(anon(text), text) << text;
}

// Review of round 13: India's 5-5 grouping after a weak label is no pair of
// amounts in a row of columns; "simu" is a weak label.
TEST(RedTeam13Review, IndianGroupingAndSimu) {
    for (const char *text : {"Revenue by channel: mobile 75000 82000 desktop 50000 61000", "mobile 70000 80000",
                             "Revenue by channel: mobile 75123 82456 desktop 50123 61456", "mobile 98765 43210 91234",
                             "simu 20240101 results", "Simu 12345678", "simu run 0712345678 steps"})
        EXPECT_EQ(anon(text), text) << text;
    for (const char *text : {"Mobile: 98765 43210", "mobile no. 98765 43210", "Find the customer with mobile 98765 43210 in Pune",
                             "Mobile: 98765 43210, 91234 56789"}) {
        const std::string out = anon(text);
        EXPECT_EQ(out.find("98765"), std::string::npos) << out;
        EXPECT_EQ(out.find("91234"), std::string::npos) << out;
    }
    for (const char *text : {"Namba ya simu: 0712 345 678 mteja", "simu: +255 712 345 678", "namba ya simu 0712345678"}) {
        const std::string out = anon(text);
        EXPECT_EQ(out.find("345"), std::string::npos) << out;
    }
}

// Review of round 13: encoded brackets around every address of a list, and
// before a space.
TEST(RedTeam13Review, PercentEncodedBracketsInLists) {
    for (const char *text : {"?hosts=%5B2001:db8::1%5D,%5B2001:db8::2%5D", "?hosts=%5B2001:db8::1%5D;%5B2001:db8::2%5D",
                             "connect to %5B2001:db8::1%5D failed", "?host=%5B2001:db8::1%5D failed"}) {
        const std::string out = anon(text);
        EXPECT_EQ(out.find("db8"), std::string::npos) << out;
        EXPECT_NE(out.find("%5D"), std::string::npos) << out;  // the bracket is no zone id
    }
    EXPECT_EQ(anon("LIKE '%5Babc%5D'"), "LIKE '%5Babc%5D'");
}

// Review of round 13: a dialer's pause after a North American number, also
// a capital P or W, on every path.
TEST(RedTeam13Review, DialerPauseAfterNanpNumbers) {
    EXPECT_EQ(anon("call 415-555-0132p123"), "call XXX-XXX-0132p123");
    EXPECT_EQ(anon("call (415) 555-0132w9"), "call XXX-XXX-0132w9");
    EXPECT_EQ(anon("+14155550132P123"), "XXX-XXX-0132P123");
    EXPECT_EQ(anon("phone 4155550132p123"), "phone XXX-XXX-0132p123");
    EXPECT_EQ(anon("call 415.555.0132W1"), "call XXX-XXX-0132W1");
    for (const char *text : {"SKU 415-555-0132p12x", "order 4155550132p123", "phone 2024p1 results"})
        EXPECT_EQ(anon(text), text) << text;
}

// Review of round 13: a list after a phone label goes on after a number an
// earlier step found, and however long it is.
TEST(RedTeam13Review, ListsAfterPhoneLabels) {
    {
        const std::string out = anon("phone 415-555-0132, 020 7946 0958 and 0612345678");
        for (const char *digits : {"0132", "7946", "3456"}) EXPECT_EQ(out.find(std::string(digits) + " "), std::string::npos) << out;
        EXPECT_EQ(out, "phone XXX-XXX-0132, XXX-XXX-0958 and XXX-XXX-5678");
    }
    {
        PiiOptions options;
        options.phone_regions = {"IN"};
        PiiAnonymizer in(options);
        EXPECT_EQ(in.anonymize("phone 98765 43210, 91234 56789", kKey), "phone XXX-XXX-3210, XXX-XXX-6789");
    }
    for (int n : {2, 8, 9, 30}) {
        for (const char *quote : {"'", ""}) {
            std::string text = "WHERE phone IN (", list;
            for (int i = 0; i < n; ++i) text += (i ? ", " : "") + std::string(quote) + "21255501" + (i < 10 ? "0" : "") + std::to_string(i) + quote;
            text += ")";
            const std::string out = anon(text);
            EXPECT_EQ(out.find("21255501"), std::string::npos) << out;
        }
        std::string text = "phones:";
        for (int i = 0; i < n; ++i) text += (i ? ", 020 7946 " : " 020 7946 ") + std::to_string(1000 + i);
        const std::string out = anon(text);
        EXPECT_EQ(out.find("7946"), std::string::npos) << out;
    }
    // Ids compared in SQL stay.
    EXPECT_EQ(anon("WHERE id IN (2125550100, 2125550101) AND status = 'open'"),
              "WHERE id IN (2125550100, 2125550101) AND status = 'open'");
}
