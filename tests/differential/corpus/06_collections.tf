variable "a" { default = "x" }
locals {
  tuple_literal = [1, "two", true, null]
  tuple_mixed   = [var.a, "b", 3]
  tuple_trailing = [
    "one",
    "two",
  ]
  empty_tuple = []
  empty_obj   = {}
  object_literal = { name = "n", size = 3 }
  object_lines = {
    first  = 1
    second = "two"
    "quoted key" = true
  }
  object_nested = {
    inner = {
      list = [1, 2]
      ref  = var.a
    }
  }
  key_forms = {
    bare          = 1
    "string"      = 2
    (var.a)       = 3
    "${var.a}_tpl" = 4
  }
  colon_object = { a: 1, b: "c" }
}
