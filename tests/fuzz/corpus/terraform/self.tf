variable "n" { default = 2 }
module "self" {
  source = "."
  count  = var.n
  n      = var.n + 1
}
locals {
  xs = [for i in range(var.n) : { id = i, name = "x${i}" }]
  m  = { for x in local.xs : x.name => x... }
}
resource "aws_instance" "a" {
  for_each = toset([for x in local.xs : x.name])
  ami      = "${each.key}-%{for k, v in local.m}${k}%{endfor}"
  dynamic "ebs_block_device" {
    for_each = local.xs
    content { device_name = ebs_block_device.value.name }
  }
}
output "o" { value = module.self[*].o }
