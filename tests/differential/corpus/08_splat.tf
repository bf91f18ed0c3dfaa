locals {
  attr_splat   = aws_instance.web.*.id
  full_splat   = aws_instance.web[*].id
  splat_index  = aws_instance.web[*].network_interface[0].id
  splat_only   = var.list[*]
  splat_nested = var.things[*].tags.Name
  attr_chain   = aws_instance.web.*.tags.Name
}
