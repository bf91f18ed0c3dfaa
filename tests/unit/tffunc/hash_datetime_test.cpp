// Hash, UUID, impure and date/time functions.
#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

using HashFn = Fn;

TEST_F(HashFn, Digests) {
  EXPECT_EQ(str("md5", {S("hello world")}), "5eb63bbbe01eeed093cb22bb8f5acdc3");
  EXPECT_EQ(str("sha1", {S("hello world")}), "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed");
  EXPECT_EQ(str("sha256", {S("hello world")}),
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
  EXPECT_EQ(str("sha512", {S("hello world")}),
            "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff49967"
            "0da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f");
  EXPECT_EQ(str("base64sha256", {S("hello world")}),
            "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=");
  EXPECT_EQ(str("base64sha512", {S("")}).size(), 88u);
}

TEST_F(HashFn, Uuidv5) {
  EXPECT_EQ(str("uuidv5", {S("dns"), S("www.example.com")}),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  EXPECT_EQ(str("uuidv5", {S("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), S("www.example.com")}),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  EXPECT_NE(str("uuidv5", {S("url"), S("www.example.com")}),
            str("uuidv5", {S("dns"), S("www.example.com")}));
  EXPECT_TRUE(fails("uuidv5", {S("not-a-namespace"), S("x")}));
}

TEST_F(HashFn, ImpureFunctionsAreUnknown) {
  EXPECT_TRUE(unknown("uuid", {}));
  EXPECT_TRUE(unknown("timestamp", {}));
  EXPECT_TRUE(unknown("plantimestamp", {}));
  EXPECT_TRUE(unknown("bcrypt", {S("secret")}));
  EXPECT_TRUE(unknown("bcrypt", {S("secret"), N(12)}));
  auto r = call("uuid", {});
  ASSERT_TRUE(r);
  EXPECT_NE(r->as_unknown().reason.find("uuid"), std::string::npos);
}

using DateFn = Fn;

TEST_F(DateFn, Formatdate) {
  EXPECT_EQ(str("formatdate", {S("DD MMM YYYY hh:mm ZZZ"), S("2018-01-02T23:12:01Z")}),
            "02 Jan 2018 23:12 UTC");
  EXPECT_EQ(str("formatdate", {S("EEEE, DD-MMM-YY hh:mm:ss ZZZ"), S("2018-01-02T23:12:01Z")}),
            "Tuesday, 02-Jan-18 23:12:01 UTC");
  EXPECT_EQ(str("formatdate", {S("EEE, DD MMM YYYY hh:mm:ss ZZZ"), S("2018-01-02T23:12:01-08:00")}),
            "Tue, 02 Jan 2018 23:12:01 -0800");
  EXPECT_EQ(str("formatdate", {S("MMMM D, YYYY"), S("2024-02-29T00:00:00Z")}), "February 29, 2024");
  EXPECT_EQ(str("formatdate", {S("HH:mmaa"), S("2018-01-02T23:12:01Z")}), "11:12pm");
  EXPECT_EQ(str("formatdate", {S("H AA"), S("2018-01-02T00:05:00Z")}), "12 AM");
  EXPECT_EQ(str("formatdate", {S("YYYY-MM-DD'T'hh:mm:ssZ"), S("2020-06-01T08:09:10+05:30")}),
            "2020-06-01T08:09:10+05:30");
  EXPECT_EQ(str("formatdate", {S("h 'o''clock'"), S("2020-06-01T08:09:10Z")}), "8 o'clock");
  EXPECT_EQ(str("formatdate", {S("ZZZZ|ZZZZZ|Z"), S("2020-06-01T08:09:10Z")}), "+0000|+00:00|Z");
  EXPECT_EQ(str("formatdate", {S("EEE"), S("1969-12-31T23:59:59Z")}), "Wed");
  EXPECT_TRUE(fails("formatdate", {S("YYYYY"), S("2018-01-02T23:12:01Z")}));
  EXPECT_TRUE(fails("formatdate", {S("Q"), S("2018-01-02T23:12:01Z")}));
  EXPECT_TRUE(fails("formatdate", {S("'open"), S("2018-01-02T23:12:01Z")}));
  EXPECT_TRUE(fails("formatdate", {S("YYYY"), S("2018-01-02")}));
  EXPECT_TRUE(fails("formatdate", {S("YYYY"), S("2018-02-30T00:00:00Z")}));
  EXPECT_TRUE(fails("formatdate", {S("YYYY"), S("2019-02-29T00:00:00Z")}));
}

TEST_F(DateFn, Timeadd) {
  EXPECT_EQ(str("timeadd", {S("2017-11-22T00:00:00Z"), S("10m")}), "2017-11-22T00:10:00Z");
  EXPECT_EQ(str("timeadd", {S("2017-11-22T00:00:00Z"), S("-1h30m")}), "2017-11-21T22:30:00Z");
  EXPECT_EQ(str("timeadd", {S("2024-02-28T23:00:00+02:00"), S("24h")}),
            "2024-02-29T23:00:00+02:00");
  EXPECT_EQ(str("timeadd", {S("2017-12-31T23:59:59.5Z"), S("0.5s")}), "2018-01-01T00:00:00Z");
  EXPECT_EQ(str("timeadd", {S("2017-11-22T00:00:00Z"), S("1.5h")}), "2017-11-22T01:30:00Z");
  EXPECT_EQ(str("timeadd", {S("2017-11-22T00:00:00Z"), S("0")}), "2017-11-22T00:00:00Z");
  EXPECT_TRUE(fails("timeadd", {S("2017-11-22T00:00:00Z"), S("10 minutes")}));
  EXPECT_TRUE(fails("timeadd", {S("2017-11-22T00:00:00Z"), S("")}));
  EXPECT_TRUE(fails("timeadd", {S("9999-12-31T23:00:00Z"), S("2h")}));
  EXPECT_TRUE(fails("timeadd", {S("2017-11-22T00:00:00Z"), S("99999999999999h")}));
}

TEST_F(DateFn, Timecmp) {
  EXPECT_EQ(eval("timecmp", {S("2017-11-22T00:00:00Z"), S("2017-11-22T00:00:00Z")}), "0");
  EXPECT_EQ(eval("timecmp", {S("2017-11-22T00:00:00Z"), S("2017-11-22T01:00:00+01:00")}), "0");
  EXPECT_EQ(eval("timecmp", {S("2017-11-22T00:00:00Z"), S("2017-11-22T00:00:00.001Z")}), "-1");
  EXPECT_EQ(eval("timecmp", {S("2018-01-01T00:00:00Z"), S("2017-11-22T00:00:00Z")}), "1");
  EXPECT_TRUE(fails("timecmp", {S("yesterday"), S("2017-11-22T00:00:00Z")}));
}

}  // namespace
}  // namespace cc::terraform::test
