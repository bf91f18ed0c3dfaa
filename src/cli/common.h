#pragma once
// Shared by the command files: how a command ends with a given exit code.
#include <stdexcept>

namespace cc::cli {

// Thrown by a command callback to end the program with `code` (1: findings,
// 2: usage or input errors). main() turns it into the process exit code.
struct Exit {
  explicit Exit(int c) : code(c) {}
  int code;
};

}  // namespace cc::cli
