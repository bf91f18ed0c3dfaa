resource aws_s3_bucket unquoted {
  bucket = "unquoted-labels"
}
resource "aws_s3_bucket" "quoted" {
  bucket = "quoted"
}
resource "aws_s3_bucket" "second" {}
data "aws_iam_policy_document" "doc" {}
thing "a" "b" "c" { x = 1 }
thing "a" "b" "d" { x = 2 }
