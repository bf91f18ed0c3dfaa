locals {
  directive = <<-EOT
    %{ for n in [1, 2] ~}
    item ${n}
    %{ endfor ~}
  EOT
}
