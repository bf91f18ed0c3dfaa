locals {
  # Every operator level, conditionals, splats and for expressions.
  ports     = [for p in var.ports : p * 2 if p > 0 && p != 22]
  by_name   = { for i, s in var.subnets : s.name => i... }
  ids       = aws_instance.web[*].id
  legacy    = aws_instance.web.*.private_ip
  first     = var.list.0
  enabled   = !var.disabled || (var.count % 2 == 0 ? true : false)
  merged    = merge(var.tags, { Name = "x" })
  maxed     = max(var.numbers...)
  negative  = -1.5e3
}
