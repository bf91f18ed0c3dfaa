# A small project: a bastion security group and buckets made by a local module.
locals {
  name_prefix = "acme-${var.environment}"
}

module "storage" {
  source   = "./modules/storage"
  for_each = var.buckets

  name      = "${local.name_prefix}-${each.key}"
  versioned = each.value.versioned
}

resource "aws_security_group" "bastion" {
  name = "${local.name_prefix}-bastion"

  ingress {
    description = "SSH from administrators"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}
