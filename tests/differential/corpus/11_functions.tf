locals {
  merged   = merge(var.tags, { Name = "x" })
  looked   = lookup(var.map, "key", "default")
  formatted = format("%s-%03d", var.prefix, 7)
  subnet   = cidrsubnet(var.cidr, 8, 2)
  encoded  = jsonencode({ Version = "2012-10-17", Statement = [] })
  as_map   = tomap({ a = "b" })
  joined   = concat(var.a, var.b, ["c"])
  count_of = length(var.list)
  expanded = max(var.numbers...)
  no_args  = timestamp()
  nested   = upper(lower(trimspace(var.s)))
  provider_fn = provider::aws::arn_parse(var.arn)
  multiline = merge(
    var.defaults,
    {
      Extra = true
    },
  )
}
