resource "aws_instance" "web" {
  count         = var.instance_count
  ami           = data.aws_ami.linux.id
  instance_type = count.index == 0 ? "t3.large" : "t3.micro"
  depends_on    = [aws_iam_role_policy.web]
  provider      = aws.us
  tags = {
    Name = "web-${count.index}"
  }
}

resource "aws_s3_bucket" "each" {
  for_each = toset(["logs", "data"])
  bucket   = "acme-${each.key}"
}

resource "aws_s3_bucket" "map_each" {
  for_each = { eu = "eu-west-1", us = "us-east-1" }
  bucket   = "acme-${each.key}-${each.value}"
}
