locals {
  try_call   = try(var.maybe.value, null)
  can_call   = can(var.x.y)
  nested_tpl = "${format("%s", "${var.a}-${var.b}")}"
  cond_tpl   = "${var.on ? "yes" : "no"}"
  interp_in_key = { "${var.k}" = 1 }
  index_tpl  = var.map["${var.k}-x"]
  bool_list  = [true, false, !false]
  neg_list   = [-1, -2.5, - 3]
  paren_str  = ("text")
  splat_call = length(aws_instance.web[*].id)
  percent    = "100%"
  dollar_end = "ends with $"
}
