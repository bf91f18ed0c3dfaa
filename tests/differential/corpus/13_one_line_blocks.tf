variable "a" {}
variable "b" { default = 1 }
locals { x = 1 }
resource "null_resource" "n" { triggers = { always = timestamp() } }
resource "aws_s3_bucket" "empty" {
}
