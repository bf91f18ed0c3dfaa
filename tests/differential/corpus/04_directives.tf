variable "items" { default = ["a", "b"] }
variable "on" { default = true }
locals {
  if_else   = "%{ if var.on }enabled%{ else }disabled%{ endif }"
  if_only   = "%{if var.on}on%{endif}"
  for_list  = "%{ for item in var.items }[${item}]%{ endfor }"
  for_kv    = "%{ for i, item in var.items }${i}=${item};%{ endfor }"
  strip     = "list:%{~ for item in var.items ~} ${item} %{~ endfor ~}"
  nested    = "%{ for item in var.items }%{ if item != "a" }${item}%{ endif }%{ endfor }"
  empty_else = "%{ if var.on }x%{ else }%{ endif }"
}
