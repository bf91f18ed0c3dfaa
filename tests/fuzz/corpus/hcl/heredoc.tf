resource "aws_iam_policy" "read" {
  name   = "read"
  policy = <<-POLICY
    {
      "Statement": [
        %{ for b in var.buckets ~}
        { "Resource": "arn:aws:s3:::${b}/*" },
        %{ endfor ~}
      ]
    }
    POLICY
  user_data = <<EOT
#!/bin/sh
echo "%{ if var.debug }debug%{ else }quiet%{ endif }" $${HOME}
EOT
}
