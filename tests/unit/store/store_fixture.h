#pragma once
// Runs a test on each back end: a fresh SQLite file, and a fresh schema on the
// PostgreSQL server that ctest starts (tests/tools/pg_server.sh, directory in
// CC_TEST_PG_DIR). Without that server the PostgreSQL cases fail, saying why.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "store/database.h"
#include "store/migrations.h"

namespace cc::store::testing {

inline std::string postgres_base_url() {
  const char* dir = std::getenv("CC_TEST_PG_DIR");
  if (!dir) return {};
  std::ifstream in(std::filesystem::path(dir) / "url");
  std::string url;
  std::getline(in, url);
  return url;
}

class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const std::string tag = "t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (GetParam() == Backend::Sqlite) {
      dir_ = std::filesystem::temp_directory_path() / ("cc-store-" + tag);
      std::filesystem::remove_all(dir_);
      url_ = (dir_ / "program.db").string();
    } else {
      const std::string base = postgres_base_url();
      ASSERT_FALSE(base.empty())
          << "CC_TEST_PG_DIR does not name a running test server: run the store tests "
             "through ctest, which starts one (tests/tools/pg_server.sh)";
      auto admin = open_database(base);
      ASSERT_TRUE(admin) << admin.error().message;
      schema_ = tag;
      ASSERT_TRUE((*admin)->exec_script("CREATE SCHEMA " + schema_));
      admin_ = std::move(*admin);
      url_ = base + "&options=-csearch_path%3D" + schema_;
    }
    db_ = connect();
    ASSERT_TRUE(db_);
    auto m = migrate(*db_);
    ASSERT_TRUE(m) << m.error().message;
  }

  void TearDown() override {
    db_.reset();
    if (admin_) (void)admin_->exec_script("DROP SCHEMA " + schema_ + " CASCADE");
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Another connection to the same store, as a second process or thread would open.
  std::unique_ptr<Database> connect() {
    auto db = open_database(url_);
    EXPECT_TRUE(db) << (db ? "" : db.error().message);
    return db ? std::move(*db) : nullptr;
  }

  std::string url_;
  std::unique_ptr<Database> db_;

 private:
  std::filesystem::path dir_;
  std::string schema_;
  std::unique_ptr<Database> admin_;
};

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return to_string(info.param);
}

}  // namespace cc::store::testing
