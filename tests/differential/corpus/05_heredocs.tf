variable "bucket" { default = "logs" }
locals {
  plain = <<EOT
first line
second line
EOT
  indented = <<-EOT
    indented text
      keeps relative indent
    EOT
  interpolated = <<POLICY
{
  "Resource": "arn:aws:s3:::${var.bucket}/*"
}
POLICY
  directive = <<EOT
%{ for n in [1, 2] ~}
item ${n}
%{ endfor ~}
EOT
  flush_directive = <<-EOT
    %{ for n in [1, 2] }
    item ${n}
    %{ endfor }
  EOT
  escaped = <<EOT
literal $${not_interp}
EOT
  in_call = jsonencode(<<EOT
text ${var.bucket}
EOT
  )
}
