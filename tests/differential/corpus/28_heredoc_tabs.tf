locals {
  tabs = <<-EOT
	x
	  y
	EOT
}
