locals {
  upper_list = [for s in var.names : upper(s)]
  filtered   = [for s in var.names : s if s != ""]
  with_index = [for i, s in var.names : "${i}-${s}"]
  to_map     = { for s in var.names : s => length(s) }
  grouped    = { for k, v in var.map : v => k... }
  filtered_map = { for k, v in var.map : k => v if v != null }
  multiline  = [
    for rule in var.rules : {
      port = rule.port
      cidr = rule.cidr
    }
    if rule.enabled
  ]
}
