// File functions, and that none of them can read outside the scanned directory.
#include <unistd.h>

#include <fstream>

#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

namespace fs = std::filesystem;

class FileFn : public Fn {
 protected:
  void SetUp() override {
    static int counter = 0;
    top_ = fs::temp_directory_path() /
           ("tffunc-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    root_ = top_ / "root";
    fs::create_directories(root_ / "mod" / "templates");
    fs::create_directories(root_ / "mod" / "sub");
    fs::create_directories(root_ / "sub");
    fs::create_directories(top_ / "outside");
    write(root_ / "mod" / "hello.txt", "hello\n");
    write(root_ / "mod" / "bin.dat", std::string(1, '\xFF'));
    write(root_ / "mod" / "templates" / "motd.tpl", "Hi ${name}");
    write(root_ / "mod" / "sub" / "x.json", "{}");
    write(root_ / "sub" / "y.json", "[]");
    write(top_ / "outside" / "secret.txt", "do not read");
    fs::create_symlink(top_ / "outside" / "secret.txt", root_ / "mod" / "link_out");
    fs::create_symlink("hello.txt", root_ / "mod" / "link_in");
    fs::create_directory_symlink(top_ / "outside", root_ / "mod" / "dir_out");
    ctx.base_dir = root_ / "mod";
    ctx.confine_dir = root_;
  }
  void TearDown() override { fs::remove_all(top_); }
  static void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
  }

  fs::path top_;
  fs::path root_;
};

TEST_F(FileFn, ReadsFilesRelativeToTheModule) {
  EXPECT_EQ(str("file", {S("hello.txt")}), "hello\n");
  EXPECT_EQ(str("file", {S("./sub/../hello.txt")}), "hello\n");
  EXPECT_EQ(str("file", {S("link_in")}), "hello\n");
  EXPECT_EQ(str("file", {S((root_ / "sub" / "y.json").string())}), "[]");
  EXPECT_EQ(str("file", {S("../sub/y.json")}), "[]");
}

TEST_F(FileFn, RefusesPathsOutsideTheScannedDirectory) {
  auto r = call("file", {S("../../outside/secret.txt")});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("outside"), std::string::npos);
  EXPECT_TRUE(fails("file", {S("/etc/passwd")}));
  EXPECT_TRUE(fails("file", {S("link_out")}));
  EXPECT_TRUE(fails("file", {S("dir_out/secret.txt")}));
  EXPECT_TRUE(fails("filebase64", {S("link_out")}));
  EXPECT_TRUE(fails("filesha256", {S("../../outside/secret.txt")}));
  EXPECT_TRUE(fails("fileexists", {S("../../outside/secret.txt")}));
  EXPECT_TRUE(fails("fileexists", {S("link_out")}));
  EXPECT_TRUE(fails("fileset", {S("../.."), S("*")}));
  EXPECT_TRUE(fails("templatefile", {S("link_out"), J("{}")}));
}

TEST_F(FileFn, MissingUnreadableOrLargeFilesAreErrors) {
  EXPECT_TRUE(fails("file", {S("missing.txt")}));
  EXPECT_TRUE(fails("file", {S("templates")}));
  auto r = call("file", {S("bin.dat")});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("filebase64"), std::string::npos);
  ctx.max_file_bytes = 3;
  EXPECT_TRUE(fails("file", {S("hello.txt")}));
  EXPECT_TRUE(fails("filemd5", {S("hello.txt")}));
}

TEST_F(FileFn, NoConfineMeansNoAccess) {
  ctx.base_dir.clear();
  ctx.confine_dir.clear();
  EXPECT_TRUE(fails("file", {S("hello.txt")}));
}

TEST_F(FileFn, BinaryAndHashes) {
  EXPECT_EQ(str("filebase64", {S("bin.dat")}), "/w==");
  EXPECT_EQ(str("filesha256", {S("hello.txt")}), str("sha256", {S("hello\n")}));
  EXPECT_EQ(str("filesha1", {S("hello.txt")}), str("sha1", {S("hello\n")}));
  EXPECT_EQ(str("filesha512", {S("hello.txt")}), str("sha512", {S("hello\n")}));
  EXPECT_EQ(str("filemd5", {S("hello.txt")}), "b1946ac92492d2347c6235b4d2611184");
  EXPECT_EQ(str("filebase64sha256", {S("hello.txt")}), str("base64sha256", {S("hello\n")}));
  EXPECT_EQ(str("filebase64sha512", {S("hello.txt")}), str("base64sha512", {S("hello\n")}));
}

TEST_F(FileFn, Fileexists) {
  EXPECT_EQ(eval("fileexists", {S("hello.txt")}), "true");
  EXPECT_EQ(eval("fileexists", {S("nope.txt")}), "false");
  EXPECT_TRUE(fails("fileexists", {S("templates")}));
}

TEST_F(FileFn, Fileset) {
  EXPECT_EQ(eval("fileset", {S("."), S("*.txt")}), R"(["hello.txt"])");
  EXPECT_EQ(eval("fileset", {S("."), S("**/*.json")}), R"(["sub/x.json"])");
  EXPECT_EQ(eval("fileset", {S(".."), S("**/*.json")}), R"(["mod/sub/x.json","sub/y.json"])");
  EXPECT_EQ(eval("fileset", {S("."), S("{hello,bin}.*")}), R"(["bin.dat","hello.txt"])");
  EXPECT_EQ(eval("fileset", {S("."), S("link*")}), R"(["link_in"])");
  EXPECT_EQ(eval("fileset", {S("."), S("templates/*.tpl")}), R"(["templates/motd.tpl"])");
  EXPECT_EQ(eval("fileset", {S("."), S("[a-c]in.da?")}), R"(["bin.dat"])");
  EXPECT_EQ(eval("fileset", {S("."), S("[!b]*.txt")}), R"(["hello.txt"])");
  EXPECT_EQ(eval("fileset", {S("nodir"), S("*")}), "[]");
  EXPECT_TRUE(fails("fileset", {S("."), S("[unclosed")}));
  EXPECT_TRUE(fails("fileset", {S("nodir"), S("{a,b")}));
  EXPECT_TRUE(fails("fileset", {S("."), S("trailing\\")}));
  EXPECT_EQ(eval("fileset", {S("."), S("hello.tx[]t]")}), R"(["hello.txt"])");
}

TEST_F(FileFn, Templatefile) {
  EXPECT_TRUE(unknown("templatefile", {S("templates/motd.tpl"), J(R"({"name":"ops"})")}));
  std::string seen_path;
  ctx.render_template = [&](std::string_view text, const std::string& path, const Value& vars) {
    seen_path = path;
    return Value::string(std::string(text) + "|" + vars.find("name")->as_string());
  };
  EXPECT_EQ(str("templatefile", {S("templates/motd.tpl"), J(R"({"name":"ops"})")}),
            "Hi ${name}|ops");
  EXPECT_TRUE(seen_path.ends_with("mod/templates/motd.tpl"));
  EXPECT_TRUE(fails("templatefile", {S("missing.tpl"), J("{}")}));
  EXPECT_TRUE(fails("templatefile", {S("templates/motd.tpl"), S("not a map")}));
  EXPECT_TRUE(unknown("templatefile", {U(), J("{}")}));
}

TEST_F(FileFn, PathFunctions) {
  EXPECT_EQ(str("basename", {S("foo/bar/baz.txt")}), "baz.txt");
  EXPECT_EQ(str("basename", {S("foo/bar/")}), "bar");
  EXPECT_EQ(str("basename", {S("/")}), "/");
  EXPECT_EQ(str("basename", {S("")}), ".");
  EXPECT_EQ(str("dirname", {S("foo/bar/baz.txt")}), "foo/bar");
  EXPECT_EQ(str("dirname", {S("baz.txt")}), ".");
  EXPECT_EQ(str("dirname", {S("/baz.txt")}), "/");
  EXPECT_EQ(str("abspath", {S("/a/b/../c")}), "/a/c");
  EXPECT_EQ(str("abspath", {S("x/../y.txt")}), (root_ / "mod" / "y.txt").generic_string());
  EXPECT_TRUE(unknown("pathexpand", {S("~/.ssh/id_rsa")}));
  EXPECT_EQ(str("pathexpand", {S("/etc/hosts")}), "/etc/hosts");
}

}  // namespace
}  // namespace cc::terraform::test
