# Account-wide settings of Ledgerly's production AWS account. CloudFormation cannot express
# these, so the platform team keeps them in Terraform.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "minimum_password_length" {
  type    = number
  default = 10
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = var.minimum_password_length
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
  max_password_age               = 90
}

resource "aws_kms_key" "ebs" {
  description         = "Default key for EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.ebs.arn
}

# Break-glass administrators: a group with full access, used only in incidents.
resource "aws_iam_group" "break_glass" {
  name = "break-glass"
}

data "aws_iam_policy_document" "break_glass" {
  statement {
    sid       = "FullAccessWithMfa"
    effect    = "Allow"
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

# cloudcomply:ignore AWS-IAM-003 break-glass access needs MFA and pages the on-call lead expires=2027-06-30
resource "aws_iam_group_policy" "break_glass" {
  name   = "break-glass"
  group  = aws_iam_group.break_glass.name
  policy = data.aws_iam_policy_document.break_glass.json
}
