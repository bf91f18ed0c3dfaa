locals {
  café    = "crème brûlée"
  名前     = "値"
  emoji   = "🚀 launch"
  mixed_ü = "${local.café} ${local.名前}"
}
resource "aws_s3_bucket" "données" {
  bucket = "données-${local.名前}"
}
