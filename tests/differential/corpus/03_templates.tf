variable "name" { default = "web" }
locals {
  greeting   = "hello ${var.name}!"
  only       = "${var.name}"
  number_in  = "port ${8080}"
  nested     = "outer ${"inner ${var.name}"} end"
  math       = "${1 + 2} items"
  call       = "upper: ${upper(var.name)}"
  stripped   = "a ${~ var.name ~} b"
  cond_interp = "mode ${var.name == "web" ? "public" : "private"}"
  wrapped_num = "${5}"
  adjacent   = "${var.name}${var.name}"
}
