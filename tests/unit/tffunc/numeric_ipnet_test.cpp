// Numeric and IP network functions.
#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

using NumericFn = Fn;

TEST_F(NumericFn, Basics) {
  EXPECT_EQ(eval("abs", {N(-12.5)}), "12.5");
  EXPECT_EQ(eval("ceil", {N(4.1)}), "5");
  EXPECT_EQ(eval("floor", {N(-4.1)}), "-5");
  EXPECT_EQ(eval("log", {N(16), N(2)}), "4");
  EXPECT_EQ(eval("pow", {N(3), N(2)}), "9");
  EXPECT_EQ(eval("pow", {N(4), N(0.5)}), "2");
  EXPECT_EQ(eval("signum", {N(-13)}), "-1");
  EXPECT_EQ(eval("signum", {N(0)}), "0");
  EXPECT_EQ(eval("max", {N(12), N(54), N(3)}), "54");
  EXPECT_EQ(eval("min", {N(12), S("-2"), N(3)}), "-2");
  EXPECT_TRUE(fails("max", {N(1), S("x")}));
  EXPECT_TRUE(fails("log", {N(0), N(10)}));
  EXPECT_TRUE(fails("pow", {N(10), N(400)}));
}

TEST_F(NumericFn, Parseint) {
  EXPECT_EQ(eval("parseint", {S("100"), N(10)}), "100");
  EXPECT_EQ(eval("parseint", {S("FF"), N(16)}), "255");
  EXPECT_EQ(eval("parseint", {S("ff"), N(16)}), "255");
  EXPECT_EQ(eval("parseint", {S("-10"), N(16)}), "-16");
  EXPECT_EQ(eval("parseint", {S("1011111011101111"), N(2)}), "48879");
  EXPECT_EQ(eval("parseint", {S("aA"), N(62)}), "656");
  EXPECT_TRUE(fails("parseint", {S("12"), N(2)}));
  EXPECT_TRUE(fails("parseint", {S(""), N(10)}));
  EXPECT_TRUE(fails("parseint", {S("1"), N(63)}));
  EXPECT_TRUE(fails("parseint", {S(std::string(400, '9')), N(10)}));
}

using IpnetFn = Fn;

TEST_F(IpnetFn, Cidrhost) {
  EXPECT_EQ(str("cidrhost", {S("10.12.112.0/20"), N(16)}), "10.12.112.16");
  EXPECT_EQ(str("cidrhost", {S("10.12.112.0/20"), N(268)}), "10.12.113.12");
  EXPECT_EQ(str("cidrhost", {S("10.0.0.0/24"), N(-1)}), "10.0.0.255");
  EXPECT_EQ(str("cidrhost", {S("10.0.0.77/24"), N(5)}), "10.0.0.5");
  EXPECT_EQ(str("cidrhost", {S("fd00:fd12:3456:7890:00a2::/72"), N(34)}),
            "fd00:fd12:3456:7890::22");
  EXPECT_TRUE(fails("cidrhost", {S("10.0.0.0/24"), N(256)}));
  EXPECT_TRUE(fails("cidrhost", {S("10.0.0.0/24"), N(-257)}));
  EXPECT_TRUE(fails("cidrhost", {S("10.0.0/24"), N(1)}));
  EXPECT_TRUE(fails("cidrhost", {S("10.0.0.0/33"), N(1)}));
  EXPECT_TRUE(fails("cidrhost", {S("banana"), N(1)}));
}

TEST_F(IpnetFn, Cidrnetmask) {
  EXPECT_EQ(str("cidrnetmask", {S("172.16.0.0/12")}), "255.240.0.0");
  EXPECT_EQ(str("cidrnetmask", {S("0.0.0.0/0")}), "0.0.0.0");
  EXPECT_EQ(str("cidrnetmask", {S("10.1.1.1/32")}), "255.255.255.255");
  EXPECT_TRUE(fails("cidrnetmask", {S("fd00::/8")}));
}

TEST_F(IpnetFn, Cidrsubnet) {
  EXPECT_EQ(str("cidrsubnet", {S("172.16.0.0/12"), N(4), N(2)}), "172.18.0.0/16");
  EXPECT_EQ(str("cidrsubnet", {S("10.1.2.0/24"), N(4), N(15)}), "10.1.2.240/28");
  EXPECT_EQ(str("cidrsubnet", {S("fd00:fd12:3456:7890::/56"), N(16), N(162)}),
            "fd00:fd12:3456:7800:a200::/72");
  EXPECT_EQ(str("cidrsubnet", {S("10.0.0.0/8"), N(0), N(0)}), "10.0.0.0/8");
  EXPECT_TRUE(fails("cidrsubnet", {S("10.1.2.0/24"), N(4), N(16)}));
  EXPECT_TRUE(fails("cidrsubnet", {S("10.1.2.0/24"), N(9), N(0)}));
  EXPECT_TRUE(fails("cidrsubnet", {S("10.1.2.0/24"), N(1e9), N(0)}));
  EXPECT_TRUE(fails("cidrsubnet", {S("10.1.2.0/24"), N(-1), N(0)}));
  EXPECT_TRUE(fails("cidrsubnet", {S("10.1.2.0/24"), N(2), N(-1)}));
  EXPECT_TRUE(fails("cidrsubnet", {S("::/0"), N(128), N(1e300)}));
}

TEST_F(IpnetFn, Cidrsubnets) {
  EXPECT_EQ(eval("cidrsubnets", {S("10.1.0.0/16"), N(4), N(4), N(8), N(4)}),
            R"(["10.1.0.0/20","10.1.16.0/20","10.1.32.0/24","10.1.48.0/20"])");
  EXPECT_EQ(eval("cidrsubnets", {S("fd00:fd12:3456:7890::/56"), N(16), N(16), N(16), N(32)}),
            R"(["fd00:fd12:3456:7800::/72","fd00:fd12:3456:7800:100::/72",)"
            R"("fd00:fd12:3456:7800:200::/72","fd00:fd12:3456:7800:300::/88"])");
  EXPECT_EQ(eval("cidrsubnets", {S("0.0.0.0/0"), N(1), N(1)}), R"(["0.0.0.0/1","128.0.0.0/1"])");
  EXPECT_EQ(eval("cidrsubnets", {S("10.0.0.0/24")}), "[]");
  EXPECT_TRUE(fails("cidrsubnets", {S("10.0.0.0/24"), N(1), N(1), N(1)}));
  EXPECT_TRUE(fails("cidrsubnets", {S("10.0.0.0/24"), N(9)}));
}

}  // namespace
}  // namespace cc::terraform::test
