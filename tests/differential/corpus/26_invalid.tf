# Not valid HCL: two arguments on one line. Both parsers must reject the file.
locals {
  a = 1 b = 2
}
