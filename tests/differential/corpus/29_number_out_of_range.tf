locals {
  huge = 1e400
}
