locals {
  arith     = 1 + 2 * 3 - 4 / 2 % 3
  parens    = (1 + 2) * 3
  compare   = var.a < 3 || var.b >= 4 && var.c != "x"
  equality  = var.a == var.b
  not_ref   = !var.enabled
  neg_ref   = -var.offset
  neg_paren = -(1 + 2)
  chain     = var.a > 1 ? "big" : var.a > 0 ? "small" : "none"
  cond_obj  = var.on ? { a = 1 } : {}
  le        = 1 <= 2
  gt        = 2 > 1
}
