// Encoding functions: base64, gzip, CSV, JSON, YAML, URL and character encodings.
#include <zlib.h>

#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

using EncodingFn = Fn;

TEST_F(EncodingFn, Base64RoundTrip) {
  EXPECT_EQ(str("base64encode", {S("Hello World")}), "SGVsbG8gV29ybGQ=");
  EXPECT_EQ(str("base64encode", {S("")}), "");
  EXPECT_EQ(str("base64decode", {S("SGVsbG8gV29ybGQ=")}), "Hello World");
  EXPECT_EQ(str("base64decode", {S("w7xiZXI=")}), "über");
  EXPECT_EQ(str("base64decode", {S("SGVsbG8g\r\nV29ybGQ=\n")}), "Hello World");
  EXPECT_TRUE(fails("base64decode", {S("SGVsbG8")}));   // missing padding
  EXPECT_TRUE(fails("base64decode", {S("SGV*bG8=")}));  // not in the alphabet
  EXPECT_TRUE(fails("base64decode", {S("/w==")}));      // byte 0xFF is not UTF-8
}

TEST_F(EncodingFn, Base64gzipIsRealGzip) {
  std::string text(1000, 'z');
  auto encoded = str("base64gzip", {S(text)});
  auto raw = call("base64decode", {S(encoded)});
  // Not UTF-8 (gzip bytes), so decode the base64 by hand with zlib's help below.
  EXPECT_FALSE(raw.has_value());
  auto bytes = call("textdecodebase64", {S(encoded), S("ISO-8859-1")});
  ASSERT_TRUE(bytes);
  std::string gz;
  size_t pos = 0;
  const std::string& latin = bytes->as_string();
  while (pos < latin.size()) {  // back from UTF-8 to the original bytes
    auto b0 = static_cast<unsigned char>(latin[pos]);
    if (b0 < 0x80) {
      gz += static_cast<char>(b0);
      ++pos;
    } else {
      gz += static_cast<char>(((b0 & 0x1F) << 6) | (latin[pos + 1] & 0x3F));
      pos += 2;
    }
  }
  ASSERT_GE(gz.size(), 10u);
  EXPECT_EQ(static_cast<unsigned char>(gz[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(gz[1]), 0x8b);
  z_stream zs{};
  ASSERT_EQ(inflateInit2(&zs, 16 + 15), Z_OK);
  std::string out(2000, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(gz.data());
  zs.avail_in = static_cast<uInt>(gz.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  EXPECT_EQ(out, text);
}

TEST_F(EncodingFn, Csvdecode) {
  EXPECT_EQ(eval("csvdecode", {S("a,b,c\n1,2,3\n4,5,6\n")}),
            R"([{"a":"1","b":"2","c":"3"},{"a":"4","b":"5","c":"6"}])");
  EXPECT_EQ(eval("csvdecode", {S("name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\n")}),
            R"([{"name":"Smith, J","note":"said "hi""}])");
  EXPECT_EQ(eval("csvdecode", {S("only,header\n")}), "[]");
  EXPECT_TRUE(fails("csvdecode", {S("a,b\n1,2,3\n")}));
  EXPECT_TRUE(fails("csvdecode", {S("a\n\"open\n")}));
  EXPECT_TRUE(fails("csvdecode", {S("")}));
}

TEST_F(EncodingFn, JsonencodeIsSortedAndEscaped) {
  EXPECT_EQ(str("jsonencode", {J(R"({"b":[1,2.5,true,null],"a":"x"})")}),
            R"({"a":"x","b":[1,2.5,true,null]})");
  EXPECT_EQ(str("jsonencode", {S("<b>&\"\n")}), R"("\u003cb\u003e\u0026\"\n")");
  EXPECT_EQ(str("jsonencode", {N(1e21)}), "1000000000000000000000");
  EXPECT_EQ(str("jsonencode", {J("{}")}), "{}");
}

TEST_F(EncodingFn, JsonencodeKeepsTheShapeOfReferences) {
  Value policy = J(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]})");
  Value& stmt = policy.find("Statement")->as_list()[0];
  stmt.set("Resource", Value::unknown("ref", {}, "", "${aws_s3_bucket.b.arn}/*"));
  stmt.set("Principal", Value::unknown("ref", {}, "aws_iam_role.r.arn"));
  auto r = call("jsonencode", {policy});
  ASSERT_TRUE(r && r->is_unknown());
  EXPECT_EQ(r->as_unknown().shape,
            R"({"Statement":[{"Effect":"Allow","Principal":"${aws_iam_role.r.arn}",)"
            R"("Resource":"${aws_s3_bucket.b.arn}/*"}],"Version":"2012-10-17"})");
  auto plain = call("jsonencode", {Value::list({U()})});
  ASSERT_TRUE(plain && plain->is_unknown());
  EXPECT_TRUE(plain->as_unknown().shape.empty());
}

TEST_F(EncodingFn, Jsondecode) {
  EXPECT_EQ(eval("jsondecode", {S(R"({"a":[1,"x",null,false]})")}), R"({"a":[1,"x",null,false]})");
  EXPECT_EQ(eval("jsondecode", {S("\"plain\"")}), R"("plain")");
  EXPECT_TRUE(fails("jsondecode", {S("{bad json")}));
  std::string deep(5000, '[');
  EXPECT_TRUE(fails("jsondecode", {S(deep)}));
}

TEST_F(EncodingFn, YamlencodeUsesBlockStyleWithQuotedStrings) {
  EXPECT_EQ(str("yamlencode", {J(R"({"c":"d","a":"b"})")}), "\"a\": \"b\"\n\"c\": \"d\"\n");
  EXPECT_EQ(str("yamlencode", {J(R"({"foo":[1,2,3],"bar":"baz"})")}),
            "\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n");
  EXPECT_EQ(str("yamlencode", {J(R"({"foo":[1,{"a":"b","c":"d"},3]})")}),
            "\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n");
  EXPECT_EQ(str("yamlencode", {J(R"({"empty":[],"m":{},"n":null,"t":true})")}),
            "\"empty\": []\n\"m\": {}\n\"n\": null\n\"t\": true\n");
  EXPECT_EQ(str("yamlencode", {J(R"({"s":"two\nlines"})")}), "\"s\": |-\n  two\n  lines\n");
  EXPECT_EQ(str("yamlencode", {S("hello")}), "\"hello\"\n");
  EXPECT_EQ(str("yamlencode", {B(true)}), "true\n...\n");
  EXPECT_EQ(str("yamlencode", {Value::null()}), "null\n...\n");
  EXPECT_TRUE(unknown("yamlencode", {Value::list({U()})}));
}

TEST_F(EncodingFn, Yamldecode) {
  EXPECT_EQ(eval("yamldecode", {S("hello: world\nlist: [1, two]\n")}),
            R"({"hello":"world","list":[1,"two"]})");
  EXPECT_EQ(eval("yamldecode", {S("")}), "null");
  EXPECT_TRUE(fails("yamldecode", {S("a: 1\n---\nb: 2\n")}));
  EXPECT_TRUE(fails("yamldecode", {S("a: [unclosed\n")}));
  // An alias bomb ends in an error, not in memory exhaustion.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char name = 'b'; name <= 'k'; ++name, ++prev)
    bomb += std::string(1, name) + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  EXPECT_TRUE(fails("yamldecode", {S(bomb)}));
}

TEST_F(EncodingFn, YamlRoundTrip) {
  Value v = J(R"({"name":"web","ports":[80,443],"multi":"line one\nline two","yes":"true"})");
  auto text = call("yamlencode", {v});
  ASSERT_TRUE(text);
  EXPECT_EQ(eval("yamldecode", {*text}), show(*call("jsondecode", {*call("jsonencode", {v})})));
}

TEST_F(EncodingFn, Urlencode) {
  EXPECT_EQ(str("urlencode", {S("Hello World!")}), "Hello+World%21");
  EXPECT_EQ(str("urlencode", {S("☃")}), "%E2%98%83");
  EXPECT_EQ(str("urlencode", {S("a:b@c?d=e&f=g")}), "a%3Ab%40c%3Fd%3De%26f%3Dg");
  EXPECT_EQ(str("urlencode", {S("safe-_.~")}), "safe-_.~");
}

TEST_F(EncodingFn, TextEncodings) {
  EXPECT_EQ(str("textencodebase64", {S("Hello World"), S("UTF-16LE")}),
            "SABlAGwAbABvACAAVwBvAHIAbABkAA==");
  EXPECT_EQ(str("textdecodebase64", {S("SABlAGwAbABvACAAVwBvAHIAbABkAA=="), S("UTF-16LE")}),
            "Hello World");
  EXPECT_EQ(str("textencodebase64", {S("é"), S("ISO-8859-1")}), "6Q==");
  EXPECT_EQ(str("textdecodebase64", {S("6Q=="), S("latin1")}), "é");
  EXPECT_EQ(
      str("textdecodebase64", {*call("textencodebase64", {S("a😀"), S("UTF-16BE")}), S("UTF-16BE")}),
      "a😀");
  EXPECT_TRUE(fails("textencodebase64", {S("€"), S("ISO-8859-1")}));
  EXPECT_TRUE(fails("textencodebase64", {S("x"), S("EBCDIC-XYZ")}));
  EXPECT_TRUE(fails("textdecodebase64", {S("/w=="), S("UTF-8")}));
}

}  // namespace
}  // namespace cc::terraform::test
