#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of Terraform projects.

    gen_tf_corpus.py --out DIR [--files N] [--seed S] [--jobs J] [--profile calibrated|small]

Each project is a root module that calls two to four local child modules:

    tf/000/p00001-payments/main.tf             provider blocks, locals, module calls
    tf/000/p00001-payments/versions.tf         the terraform block (in main.tf with --profile small)
    tf/000/p00001-payments/variables.tf        typed variables with defaults
    tf/000/p00001-payments/outputs.tf          outputs wired from the child modules
    tf/000/p00001-payments/terraform.tfvars    values that override some defaults
    tf/000/p00001-payments/network.tf ...      more root resources (network, storage, compute,
                                               iam, logging, database, azure, google)
    tf/000/p00001-payments/modules/<name>/{main,variables,outputs,versions}.tf
    corpus.json                                profile, files, bytes and expected resource counts

The calibrated profile (the default) sizes files like public modules: described and
validated variables, described outputs, long attribute lists, tags, nested and dynamic
blocks, policy documents, banners and prose (see bench/README.md for the survey it follows).
The small profile writes the compact files of earlier corpora, byte for byte.

`--files` counts .tf files (terraform.tfvars files are written besides and counted apart).
Projects are added until the count is reached; the last one is cut down to fit. Project i
depends only on the seed and i, so a smaller corpus is a prefix of a larger one up to its
last project. The expected resource count is what a root-module evaluation gives: managed
resource instances after count and for_each are expanded, with variables taking their
tfvars value, else their default (data sources are counted apart). Python 3 standard
library only.
"""

import argparse
import json
import multiprocessing
import os
import random
import re
import sys

SHARD = 100  # projects per folder
MODULE_KINDS = ["network", "storage", "compute", "database", "audit", "iam"]
EXTRA_FILES = ["network", "storage", "compute", "iam", "logging", "database", "azure", "google"]
TEAMS = ["payments", "checkout", "search", "identity", "billing", "catalog", "ledger", "reports",
         "media", "notify", "orders", "profile", "inventory", "pricing", "analytics", "gateway"]
REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2"]
ENVIRONMENTS = ["dev", "staging", "prod"]
PROFILES = ["calibrated", "small"]
# Per project, how much beyond the core its files hold (log-normal, see draw_fullness): tuned
# so that file sizes follow the survey of public modules in bench/README.md.
FULLNESS_MU = 0.7
FULLNESS_SIGMA = 1.1
MAX_ENTRIES = 40  # entries of one list or map, which bounds the largest files


def fill(text, **values):
    """Replaces @key@ markers; HCL is full of braces, so str.format is no help."""
    for key, value in values.items():
        text = text.replace(f"@{key}@", str(value))
    return text


def hcl_string_list(items):
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


class Plan:
    """What one project holds, drawn from its own random stream."""

    def __init__(self, rng, index, profile="small", rich=None):
        self.rng = rng
        self.index = index
        self.profile = profile
        # .tf files of the root module without extras, and of each child module; the
        # calibrated profile adds a versions.tf to both.
        self.base_files = 4 if profile == "calibrated" else 3
        self.team = rng.choice(TEAMS)
        self.name = f"{self.team}-{index:05d}"
        self.region = rng.choice(REGIONS)
        self.env = rng.choice(ENVIRONMENTS)
        # How careful the authors were: the chance that any one setting is the safe one.
        self.care = rng.choice([0.2, 0.5, 0.8, 0.95])
        self.modules = rng.sample(MODULE_KINDS, rng.randint(2, 4))
        self.extras = rng.sample(EXTRA_FILES, rng.randint(1, 6))
        self.resources = 0
        self.data_sources = 0
        # Variables whose value decides counts: default in variables.tf, maybe overridden
        # in terraform.tfvars.
        self.subnet_count_default = rng.randint(2, 3)
        self.subnet_count = self.subnet_count_default
        self.instance_count_default = rng.randint(1, 3)
        self.instance_count = self.instance_count_default
        self.tfvars = {}
        if rng.random() < 0.5:
            self.subnet_count = rng.randint(1, 4)
            self.tfvars["subnet_count"] = self.subnet_count
        if rng.random() < 0.5:
            self.instance_count = rng.randint(1, 4)
            self.tfvars["instance_count"] = self.instance_count
        self.enable_logs = rng.random() < self.care + 0.1
        self.tfvars["environment"] = f'"{self.env}"'
        self.buckets = {k: {"versioning": self.safe(), "encrypted": self.safe()}
                        for k in rng.sample(["logs", "data", "assets", "backup", "exports"], rng.randint(1, 3))}
        if rich is not None:
            # Drawn from a second stream, so the core above is the same in both profiles.
            self.rich = rich
            self.fullness = rich.lognormvariate(FULLNESS_MU, FULLNESS_SIGMA)
            self.licensed = rich.random() < 0.3

    def safe(self):
        return self.rng.random() < self.care

    def fit(self, budget):
        """Cuts the plan down to exactly `budget` .tf files (when it has more): whole modules
        first, then extra root files, adding unused extra files to make up the difference."""
        while self.base_files * (1 + len(self.modules)) > budget and self.modules:
            self.modules.pop()
        want = max(0, budget - self.base_files * (1 + len(self.modules)))
        del self.extras[want:]
        for kind in EXTRA_FILES:
            if len(self.extras) >= want:
                break
            if kind not in self.extras:
                self.extras.append(kind)

    def tf_files(self):
        return self.base_files * (1 + len(self.modules)) + len(self.extras)


# ---- child modules -------------------------------------------------------------------
# Each returns ({file name: text}, the module's resource instances for the inputs the root
# passes, data sources).

MODULE_VARIABLES_COMMON = '''variable "name" {
  type        = string
  description = "Prefix for every resource name."
}

variable "tags" {
  type    = map(string)
  default = {}
}
'''


def module_network(p):
    flow = p.enable_logs
    main = fill('''# Network: a VPC, private subnets carved with cidrsubnet, and optional flow logs.
resource "aws_vpc" "this" {
  cidr_block           = var.cidr_block
  enable_dns_hostnames = true
  @+vpc@
  tags                 = merge(var.tags, { Name = "${var.name}-vpc" })
}

resource "aws_subnet" "private" {
  count                   = var.subnet_count
  vpc_id                  = aws_vpc.this.id
  cidr_block              = cidrsubnet(var.cidr_block, 8, count.index)
  map_public_ip_on_launch = @public@
  @+subnet@
  tags                    = merge(var.tags, { Name = format("%s-private-%d", var.name, count.index) })
}

resource "aws_cloudwatch_log_group" "flow" {
  count             = var.enable_flow_logs ? 1 : 0
  name              = "/vpc/${var.name}/flow"
  retention_in_days = var.log_retention_days
  @+flow_group@
}

resource "aws_flow_log" "this" {
  count           = var.enable_flow_logs ? 1 : 0
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow[0].arn
  @+flow_log@
}

resource "aws_security_group" "default" {
  name        = "${var.name}-default"
  description = "Default rules for ${var.name}"
  vpc_id      = aws_vpc.this.id
  @+sg@

  dynamic "ingress" {
    for_each = var.ingress_rules
    content {
      description = ingress.value.description
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
''', public="false" if p.safe() else "true")
    ssh_cidr = "10.0.0.0/8" if p.safe() else "0.0.0.0/0"
    variables = MODULE_VARIABLES_COMMON + fill('''
variable "cidr_block" {
  type = string
}

variable "subnet_count" {
  type    = number
  default = 2
}

variable "enable_flow_logs" {
  type    = bool
  default = true
}

variable "log_retention_days" {
  type    = number
  default = 90
}

variable "ingress_rules" {
  type = list(object({
    description = string
    port        = number
    cidrs       = list(string)
  }))
  default = [
    { description = "https", port = 443, cidrs = ["0.0.0.0/0"] },
    { description = "ssh", port = 22, cidrs = ["@ssh@"] },
  ]
}
''', ssh=ssh_cidr)
    outputs = '''output "vpc_id" {
  value = aws_vpc.this.id
}

output "private_subnet_ids" {
  description = "One per subnet_count."
  value       = aws_subnet.private[*].id
}

output "security_group_id" {
  value = aws_security_group.default.id
}
'''
    return {"main.tf": main, "variables.tf": variables, "outputs.tf": outputs}, \
        2 + p.subnet_count + (2 if flow else 0), 0


def module_storage(p):
    main = fill('''/*
 * Storage: one bucket per entry of var.buckets, with the settings split into the
 * provider's separate resources.
 */
resource "aws_kms_key" "this" {
  description             = "Objects of ${var.name}"
  enable_key_rotation     = @rotation@
  deletion_window_in_days = 30
  @+kms@
}

resource "aws_s3_bucket" "this" {
  for_each      = var.buckets
  bucket        = "${var.name}-${each.key}"
  force_destroy = false
  @+bucket@
  tags          = merge(var.tags, { Purpose = each.key })
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.this[each.key].id
  @+versioning@
  versioning_configuration {
    status = each.value.versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = { for k, v in var.buckets : k => v if v.encrypted }
  bucket   = aws_s3_bucket.this[each.key].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each                = var.buckets
  bucket                  = aws_s3_bucket.this[each.key].id
  block_public_acls       = @block@
  block_public_policy     = @block@
  ignore_public_acls      = @block@
  restrict_public_buckets = @block@
}

resource "aws_s3_bucket_policy" "tls" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.this[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.this[each.key].arn, "${aws_s3_bucket.this[each.key].arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
''', rotation=str(p.safe()).lower(), block=str(p.safe()).lower())
    variables = MODULE_VARIABLES_COMMON + '''
variable "buckets" {
  description = "Bucket suffix => settings."
  type = map(object({
    versioning = bool
    encrypted  = bool
  }))
}
'''
    outputs = '''output "bucket_arns" {
  value = { for k, b in aws_s3_bucket.this : k => b.arn }
}

output "kms_key_arn" {
  value = aws_kms_key.this.arn
}
'''
    encrypted = sum(1 for b in p.buckets.values() if b["encrypted"])
    return {"main.tf": main, "variables.tf": variables, "outputs.tf": outputs}, \
        1 + 4 * len(p.buckets) + encrypted, 0


def module_compute(p, ssh_cidrs):
    main = fill('''# Compute: a launch template and a fixed number of instances spread over the subnets.
data "aws_ami" "linux" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }
}

resource "aws_launch_template" "this" {
  name_prefix   = "${var.name}-"
  image_id      = data.aws_ami.linux.id
  instance_type = var.instance_type
  @+lt@
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "@tokens@"
  }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = @encrypted@
    }
  }
  user_data = base64encode(<<-EOT
    #!/bin/bash
    echo "${var.name}" > /etc/role
    %{ for cidr in var.ssh_cidrs }echo "allow ${cidr}" >> /etc/ssh-allow; %{ endfor }
  EOT
  )
}

resource "aws_security_group" "instances" {
  name   = "${var.name}-instances"
  vpc_id = var.vpc_id
  @+sg@
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  for_each          = toset(var.ssh_cidrs)
  security_group_id = aws_security_group.instances.id
  cidr_ipv4         = each.value
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}

resource "aws_instance" "this" {
  count                  = var.instance_count
  ami                    = data.aws_ami.linux.id
  instance_type          = var.instance_type
  subnet_id              = element(var.subnet_ids, count.index)
  vpc_security_group_ids = [aws_security_group.instances.id]
  monitoring             = @monitoring@
  @+instance@
  root_block_device {
    encrypted   = @encrypted@
    volume_type = "gp3"
  }
  metadata_options {
    http_tokens = "@tokens@"
  }
  tags = merge(var.tags, { Name = "${var.name}-${count.index + 1}" })
}
''', tokens="required" if p.safe() else "optional", encrypted=str(p.safe()).lower(),
        monitoring=str(p.safe()).lower())
    variables = MODULE_VARIABLES_COMMON + '''
variable "instance_count" {
  type    = number
  default = 1
}

variable "instance_type" {
  type    = string
  default = "t3.micro"
}

variable "subnet_ids" {
  type = list(string)
}

variable "vpc_id" {
  type    = string
  default = null
}

variable "ssh_cidrs" {
  type    = list(string)
  default = []
}
'''
    outputs = '''output "instance_ids" {
  value = aws_instance.this[*].id
}

output "private_ips" {
  value = [for i in aws_instance.this : i.private_ip]
}
'''
    return {"main.tf": main, "variables.tf": variables, "outputs.tf": outputs}, \
        2 + p.instance_count + len(set(ssh_cidrs)), 1


def module_database(p):
    main = fill('''resource "aws_kms_key" "db" {
  description         = "Storage of ${var.name}"
  enable_key_rotation = true
  @+kms@
}

resource "aws_kms_alias" "db" {
  name          = "alias/${var.name}-db"
  target_key_id = aws_kms_key.db.key_id
}

resource "aws_db_subnet_group" "this" {
  name       = "${var.name}-db"
  subnet_ids = var.subnet_ids
  @+subnet_group@
}

resource "aws_db_instance" "this" {
  identifier              = "${var.name}-db"
  engine                  = var.engine
  engine_version          = var.engine == "postgres" ? "16.3" : "8.0.36"
  instance_class          = "db.t3.medium"
  allocated_storage       = 50
  storage_encrypted       = @encrypted@
  kms_key_id              = @kms@
  backup_retention_period = @retention@
  multi_az                = @multi_az@
  publicly_accessible     = @public@
  db_subnet_group_name    = aws_db_subnet_group.this.name
  username                = "app"
  manage_master_user_password = true
  skip_final_snapshot     = false
  tags                    = var.tags
  @+db@
}
''', encrypted=str(p.safe()).lower(), kms="aws_kms_key.db.arn" if p.safe() else "null",
        retention=p.rng.choice([0, 1, 7, 14, 35]), multi_az=str(p.safe()).lower(),
        public=str(not p.safe()).lower())
    variables = MODULE_VARIABLES_COMMON + '''
variable "engine" {
  type    = string
  default = "postgres"
  validation {
    condition     = contains(["postgres", "mysql"], var.engine)
    error_message = "Only postgres and mysql are supported."
  }
}

variable "subnet_ids" {
  type = list(string)
}
'''
    outputs = '''output "endpoint" {
  value     = aws_db_instance.this.endpoint
  sensitive = false
}
'''
    return {"main.tf": main, "variables.tf": variables, "outputs.tf": outputs}, 4, 0


def module_audit(p):
    main = fill('''// Audit: a trail into its own bucket, and a log group for the trail's events.
resource "aws_kms_key" "logs" {
  description         = "Audit logs of ${var.name}"
  enable_key_rotation = @rotation@
  @+kms@
}

resource "aws_s3_bucket" "trail" {
  bucket = "${var.name}-trail"
  @+bucket@
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/audit/${var.name}"
  retention_in_days = var.retention_days
  kms_key_id        = aws_kms_key.logs.arn
  @+log_group@
}

resource "aws_cloudtrail" "this" {
  count                         = var.enable_trail ? 1 : 0
  name                          = "${var.name}-trail"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = @multi@
  include_global_service_events = true
  enable_log_file_validation    = @validation@
  kms_key_id                    = aws_kms_key.logs.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  @+trail@
}
''', rotation=str(p.safe()).lower(), multi=str(p.safe()).lower(), validation=str(p.safe()).lower())
    variables = MODULE_VARIABLES_COMMON + '''
variable "enable_trail" {
  type    = bool
  default = true
}

variable "retention_days" {
  type    = number
  default = 365
}
'''
    outputs = '''output "trail_arn" {
  value = try(aws_cloudtrail.this[0].arn, null)
}
'''
    return {"main.tf": main, "variables.tf": variables, "outputs.tf": outputs}, \
        3 + (1 if p.enable_logs else 0), 0


def module_iam(p, services):
    action = '"s3:GetObject"' if p.safe() else '"*"'
    main = fill('''# IAM: one role per service, each with an inline policy.
resource "aws_iam_role" "this" {
  for_each = toset(var.services)
  name     = "${var.name}-${each.key}"
  @+role@
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "${each.key}.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "this" {
  for_each = aws_iam_role.this
  name     = "${each.key}-access"
  role     = each.value.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = [@action@]
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_policy" "admin" {
  count  = var.grant_admin ? 1 : 0
  name   = "${var.name}-admin"
  @+admin@
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
    }
  EOT
}
''', action=action)
    variables = MODULE_VARIABLES_COMMON + '''
variable "services" {
  type    = list(string)
  default = ["ec2"]
}

variable "grant_admin" {
  type    = bool
  default = false
}
'''
    outputs = '''output "role_arns" {
  value = { for name, role in aws_iam_role.this : name => role.arn }
}
'''
    admin = not p.safe()
    return {"main.tf": main, "variables.tf": variables, "outputs.tf": outputs}, \
        2 * len(set(services)) + (1 if admin else 0), admin


# ---- the root module ---------------------------------------------------------------


def module_call(p, kind):
    """The module block in the root's main.tf, and the module's files and counts."""
    if kind == "network":
        files, count, data = module_network(p)
        call = '''module "network" {
  source             = "./modules/network"
  name               = local.name
  cidr_block         = var.vpc_cidr
  subnet_count       = var.subnet_count
  enable_flow_logs   = var.enable_logs
  log_retention_days = var.environment == "prod" ? 365 : 30
  tags               = local.tags
}
'''
    elif kind == "storage":
        files, count, data = module_storage(p)
        call = '''module "storage" {
  source  = "./modules/storage"
  name    = local.name
  buckets = var.buckets
  tags    = local.tags
}
'''
    elif kind == "compute":
        ssh = ["10.0.0.0/8"] if p.safe() else ["10.0.0.0/8", "0.0.0.0/0"]
        files, count, data = module_compute(p, ssh)
        subnets = ("module.network.private_subnet_ids" if "network" in p.modules
                   else 'tolist(["subnet-0a1b2c3d", "subnet-0e4f5a6b"])')
        vpc = "module.network.vpc_id" if "network" in p.modules else "null"
        call = fill('''module "compute" {
  source         = "./modules/compute"
  name           = "${local.name}-app"
  instance_count = var.instance_count
  instance_type  = lookup(local.instance_types, var.environment, "t3.micro")
  subnet_ids     = @subnets@
  vpc_id         = @vpc@
  ssh_cidrs      = @ssh@
  tags           = local.tags
}
''', subnets=subnets, vpc=vpc, ssh=hcl_string_list(ssh))
    elif kind == "database":
        files, count, data = module_database(p)
        subnets = ("module.network.private_subnet_ids" if "network" in p.modules
                   else '["subnet-0a1b2c3d", "subnet-0e4f5a6b"]')
        call = fill('''module "database" {
  source     = "./modules/database"
  name       = local.name
  engine     = "@engine@"
  subnet_ids = @subnets@
  tags       = local.tags
}
''', engine=p.rng.choice(["postgres", "mysql"]), subnets=subnets)
    elif kind == "audit":
        files, count, data = module_audit(p)
        call = '''module "audit" {
  source         = "./modules/audit"
  name           = local.name
  enable_trail   = var.enable_logs
  retention_days = var.environment == "prod" ? 400 : 90
  tags           = local.tags
}
'''
    else:
        services = p.rng.sample(["ec2", "lambda", "ecs-tasks", "states"], p.rng.randint(1, 3))
        p.iam_services = services
        files, count, admin = module_iam(p, services)
        data = 0
        call = fill('''module "iam" {
  source      = "./modules/iam"
  name        = local.name
  services    = @services@
  grant_admin = @admin@
  tags        = local.tags
}
''', services=hcl_string_list(services), admin=str(admin).lower())
    return call, files, count, data


def root_main(p, calls, azure, google):
    providers = fill('''terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }@extra_providers@
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = local.tags
  }
}
''', extra_providers=("" if not (azure or google) else
                      ("\n    azurerm = {\n      source  = \"hashicorp/azurerm\"\n      version = \"~> 3.100\"\n    }"
                       if azure else "") +
                      ("\n    google = {\n      source  = \"hashicorp/google\"\n      version = \"~> 5.30\"\n    }"
                       if google else "")))
    if azure:
        providers += '''
provider "azurerm" {
  features {}
}
'''
    if google:
        providers += '''
provider "google" {
  project = var.gcp_project
  region  = "europe-west1"
}
'''
    locals_block = fill('''
locals {
  name = format("%s-%s", var.project, var.environment)
  tags = merge(var.tags, {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
  })
  instance_types = tomap({
    dev     = "t3.micro"
    staging = "t3.small"
    prod    = "m6i.large"
  })
  is_prod     = var.environment == "prod"
  az_suffixes = [for i in range(var.subnet_count) : substr("abc", i, 1)]
  bucket_keys = length(var.buckets) > 0 ? keys(var.buckets) : []
  trusted_cidrs = concat([var.vpc_cidr], ["10.0.0.0/8"])
  greeting    = <<-EOT
    Managed by Terraform for ${var.project} (${upper(var.environment)}).
  EOT
}
''')
    header = f"# {p.name}: root module of the {p.team} service ({p.env}).\n\n"
    return header + providers + locals_block + "\n" + "\n".join(calls)


def root_variables(p, azure, google):
    buckets = "\n".join(
        f'    {k} = {{ versioning = {str(v["versioning"]).lower()}, encrypted = {str(v["encrypted"]).lower()} }}'
        for k, v in p.buckets.items())
    text = fill('''variable "project" {
  type        = string
  default     = "@team@"
  description = "Short name used in every resource name."
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "region" {
  type    = string
  default = "@region@"
}

variable "vpc_cidr" {
  type    = string
  default = "10.@octet@.0.0/16"
}

variable "subnet_count" {
  type    = number
  default = @subnets@
}

variable "instance_count" {
  type    = number
  default = @instances@
}

variable "enable_logs" {
  type    = bool
  default = @logs@
}

variable "tags" {
  type = map(string)
  default = {
    CostCenter = "@cost@"
  }
}

variable "buckets" {
  type = map(object({
    versioning = bool
    encrypted  = bool
  }))
  default = {
@buckets@
  }
}
''', team=p.team, region=p.region, octet=p.index % 250, subnets=p.subnet_count_default,
        instances=p.instance_count_default, logs=str(p.enable_logs).lower(),
        cost=f"cc-{p.index % 97:03d}", buckets=buckets)
    if azure:
        text += '''
variable "location" {
  type    = string
  default = "westeurope"
}
'''
    if google:
        text += fill('''
variable "gcp_project" {
  type    = string
  default = "@team@-@index@"
}
''', team=p.team, index=p.index)
    return text


def root_outputs(p):
    parts = []
    if "network" in p.modules:
        parts.append('''output "vpc_id" {
  value = module.network.vpc_id
}

output "subnets" {
  value = module.network.private_subnet_ids
}
''')
    if "storage" in p.modules:
        parts.append('''output "bucket_arns" {
  value = module.storage.bucket_arns
}
''')
    if "compute" in p.modules:
        parts.append('''output "instance_ids" {
  value = module.compute.instance_ids
}
''')
    if "database" in p.modules:
        parts.append('''output "db_endpoint" {
  value = module.database.endpoint
}
''')
    parts.append('''output "name" {
  description = "Prefix of every resource name."
  value       = local.name
}
''')
    return "\n".join(parts)


def root_tfvars(p):
    return "".join(f"{k} = {v}\n" for k, v in p.tfvars.items()) + \
        f'tags = {{\n  CostCenter = "cc-{p.index % 97:03d}"\n  Owner      = "{p.team}-team"\n}}\n'


# Extra root files: (text, managed resource instances, data sources).

def extra_network(p):
    open_ssh = not p.safe()
    flow = 1 if p.safe() else 0
    rules = [("https", 443, "0.0.0.0/0"), ("ssh", 22, "0.0.0.0/0" if open_ssh else "10.0.0.0/8")]
    rule_blocks = "\n".join(fill('''resource "aws_security_group_rule" "@name@" {
  type              = "ingress"
  security_group_id = aws_security_group.edge.id
  from_port         = @port@
  to_port           = @port@
  protocol          = "tcp"
  cidr_blocks       = ["@cidr@"]
  description       = "@name@ from ${"@cidr@" == "0.0.0.0/0" ? "anywhere" : "the corporate network"}"
}
''', name=n, port=port, cidr=cidr) for n, port, cidr in rules)
    text = fill('''resource "aws_vpc" "edge" {
  cidr_block = cidrsubnet("172.16.0.0/12", 4, @net@)
  tags       = { Name = "${local.name}-edge" }
  @+edge_vpc@
}

resource "aws_flow_log" "edge" {
  count                = @flow@
  vpc_id               = aws_vpc.edge.id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::${local.name}-flow-logs"
  @+edge_flow@
}

resource "aws_security_group" "edge" {
  name        = "${local.name}-edge"
  description = "Edge traffic"
  vpc_id      = aws_vpc.edge.id
  @+edge_sg@
}

@rules@''', net=p.index % 16, flow=flow, rules=rule_blocks)
    return text, 2 + flow + len(rules), 0


def extra_storage(p):
    name = p.rng.choice(["reports", "uploads", "archive"])
    versioned = p.safe()
    text = fill('''resource "aws_s3_bucket" "@name@" {
  bucket = "${local.name}-@name@"
  tags   = local.tags
  @+bucket@
}

resource "aws_s3_bucket_versioning" "@name@" {
  bucket = aws_s3_bucket.@name@.id
  versioning_configuration {
    status = "@status@"
  }
}

resource "aws_s3_bucket_logging" "@name@" {
  count         = var.enable_logs ? 1 : 0
  bucket        = aws_s3_bucket.@name@.id
  target_bucket = aws_s3_bucket.@name@.id
  target_prefix = "access/"
}

resource "aws_s3_bucket_acl" "@name@" {
  bucket = aws_s3_bucket.@name@.id
  acl    = "@acl@"
}
''', name=name, status="Enabled" if versioned else "Suspended",
        acl="private" if p.safe() else "public-read")
    return text, 3 + (1 if p.enable_logs else 0), 0


def extra_compute(p):
    count = p.rng.randint(1, 2)
    text = fill('''resource "aws_launch_template" "batch" {
  name_prefix   = "${local.name}-batch-"
  instance_type = local.is_prod ? "c6i.large" : "t3.small"
  @+batch_lt@
  metadata_options {
    http_tokens                 = "@tokens@"
    http_put_response_hop_limit = 1
  }
}

resource "aws_instance" "bastion" {
  count                       = @count@
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.nano"
  associate_public_ip_address = @public@
  @+bastion@
  root_block_device {
    encrypted = @encrypted@
  }
  tags = {
    Name = "${local.name}-bastion-${count.index}"
  }
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "${var.region}a"
  size              = 100
  encrypted         = @encrypted@
  @+scratch@
}
''', tokens="required" if p.safe() else "optional", count=count, public=str(not p.safe()).lower(),
        encrypted=str(p.safe()).lower())
    return text, 2 + count, 0


def extra_iam(p):
    wildcard = not p.safe()
    text = fill('''data "aws_iam_policy_document" "ci_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
  }
}

resource "aws_iam_role" "ci" {
  name               = "${local.name}-ci"
  assume_role_policy = data.aws_iam_policy_document.ci_assume.json
  @+ci_role@
}

resource "aws_iam_policy" "ci" {
  name   = "${local.name}-ci"
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": @actions@,
      "Resource": "@resource@"
    }
  ]
}
POLICY
}

resource "aws_iam_role_policy_attachment" "ci" {
  role       = aws_iam_role.ci.name
  policy_arn = aws_iam_policy.ci.arn
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = @length@
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = 24
}
''', actions='"*"' if wildcard else '["s3:PutObject", "s3:GetObject"]',
        resource="*" if wildcard else "arn:aws:s3:::${local.name}-artifacts/*",
        length=14 if p.safe() else 8)
    return text, 4, 1


def extra_logging(p):
    retention = p.rng.choice([0, 7, 30, 365, 400])
    text = fill('''resource "aws_cloudwatch_log_group" "app" {
  for_each          = toset(["api", "worker", "cron"])
  name              = "/${local.name}/${each.value}"
  retention_in_days = @retention@
  @+app_logs@
}

resource "aws_cloudtrail" "account" {
  name                       = "${local.name}-account"
  s3_bucket_name             = "${local.name}-cloudtrail"
  is_multi_region_trail      = @multi@
  enable_log_file_validation = @validation@
  @+trail@
  event_selector {
    read_write_type           = "All"
    include_management_events = true
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}
''', retention=retention, multi=str(p.safe()).lower(), validation=str(p.safe()).lower())
    return text, 4, 0


def extra_database(p):
    text = fill('''resource "aws_kms_key" "reporting" {
  description         = "Reporting database"
  enable_key_rotation = @rotation@
}

resource "aws_db_instance" "reporting" {
  identifier              = "${local.name}-reporting"
  engine                  = "postgres"
  instance_class          = local.is_prod ? "db.r6g.large" : "db.t3.micro"
  allocated_storage       = 20
  storage_encrypted       = @encrypted@
  kms_key_id              = aws_kms_key.reporting.arn
  backup_retention_period = local.is_prod ? 14 : @retention@
  deletion_protection     = local.is_prod
  iam_database_authentication_enabled = @iam_auth@
  username                = "report"
  password                = var.environment == "dev" ? "dev-only-password" : null
  manage_master_user_password = var.environment == "dev" ? null : true
  @+reporting_db@
}
''', rotation=str(p.safe()).lower(), encrypted=str(p.safe()).lower(),
        retention=p.rng.choice([0, 1, 7]), iam_auth=str(p.safe()).lower())
    return text, 2, 0


def extra_azure(p):
    text = fill('''resource "azurerm_resource_group" "main" {
  name     = "rg-${local.name}"
  location = var.location
}

resource "azurerm_storage_account" "main" {
  name                            = substr(replace("st${local.name}", "-", ""), 0, 24)
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  min_tls_version                 = "@tls@"
  https_traffic_only_enabled      = @https@
  allow_nested_items_to_be_public = @public@
  @+azure_storage@
  blob_properties {
    delete_retention_policy {
      days = 14
    }
  }
}

resource "azurerm_key_vault" "main" {
  name                       = "kv-${substr(local.name, 0, 18)}"
  location                   = azurerm_resource_group.main.location
  resource_group_name        = azurerm_resource_group.main.name
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  purge_protection_enabled   = @purge@
  soft_delete_retention_days = 90
  @+key_vault@
}
''', tls="TLS1_2" if p.safe() else "TLS1_0", https=str(p.safe()).lower(),
        public=str(not p.safe()).lower(), purge=str(p.safe()).lower())
    return text, 3, 0


def extra_google(p):
    text = fill('''resource "google_storage_bucket" "data" {
  name                        = "${local.name}-gcs"
  location                    = "EU"
  uniform_bucket_level_access = @uniform@
  @+gcs@
  versioning {
    enabled = @versioning@
  }
}

resource "google_compute_firewall" "ssh" {
  name    = "${local.name}-ssh"
  network = "default"
  @+firewall@
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
  source_ranges = ["@source@"]
}
''', uniform=str(p.safe()).lower(), versioning=str(p.safe()).lower(),
        source="35.235.240.0/20" if p.safe() else "0.0.0.0/0")
    return text, 2, 0


EXTRAS = {"network": extra_network, "storage": extra_storage, "compute": extra_compute,
          "iam": extra_iam, "logging": extra_logging, "database": extra_database,
          "azure": extra_azure, "google": extra_google}


# ---- the calibrated profile ----------------------------------------------------------
# Real modules are several times larger than the core templates above: variables carry
# descriptions, types with optional() fields, defaults and validation blocks; outputs carry
# descriptions; resources carry long attribute lists, tag maps, nested and dynamic blocks;
# files open with banners and prose. The calibrated profile adds all of that around the
# same core, drawing from a second random stream so the core plan stays the same.

MARKER = re.compile(r"^([ \t]*)@\+(\w+)@\n", re.M)
REQUIRED = object()  # a variable without a default
BANNER_RULE = "#" * 80


def apply_markers(text, inject):
    """Replaces each `@+key@` line with the attribute lines injected for `key`, indented like
    the marker. A marker nothing is injected for disappears with its line, which gives the
    small profile's text."""
    def lines_for(m):
        return "".join(m.group(1) + line + "\n" for line in align(inject.get(m.group(2), [])))
    return MARKER.sub(lines_for, text)


def align(lines):
    """Lines up the `=` of single-line attributes the way `terraform fmt` does."""
    width = max((len(l.split(" = ", 1)[0]) for l in lines if " = " in l and "\n" not in l), default=0)
    out = []
    for line in lines:
        if " = " in line and "\n" not in line:
            key, value = line.split(" = ", 1)
            out.append(f"{key.ljust(width)} = {value}")
        else:
            out.append(line)
    return out


class Raw(str):
    """An HCL expression written as is (a reference, a function call)."""


def hcl_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("${", "$${").replace("%{", "%%{") + '"'


def hcl_key(key):
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key) else hcl_quote(key)


def hcl_value(value, indent):
    """`value` (None, bool, number, str, Raw, list, dict) as HCL text whose continuation lines
    are indented by `indent` spaces."""
    pad = " " * indent
    if isinstance(value, Raw):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return hcl_quote(value)
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(not isinstance(v, (list, dict)) for v in value):
            flat = "[" + ", ".join(hcl_value(v, indent) for v in value) + "]"
            if len(flat) + indent < 100:
                return flat
        items = "".join(f"{pad}  {hcl_value(v, indent + 2)},\n" for v in value)
        return "[\n" + items + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = [f"{hcl_key(k)} = {hcl_value(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + "".join(f"{pad}  {l}\n" for l in align(lines)) + pad + "}"
    raise TypeError(value)


class Var:
    """One input variable of a module."""

    def __init__(self, name, type_, default=REQUIRED, doc="", validations=(), sensitive=False,
                 nullable=None):
        self.name, self.type, self.default, self.doc = name, type_, default, doc
        self.validations, self.sensitive, self.nullable = list(validations), sensitive, nullable

    def text(self):
        head = []
        if "\n" in self.doc:
            body = "".join(f"    {l}\n" if l else "\n" for l in self.doc.split("\n"))
            head.append(f"description = <<-EOT\n{body}  EOT")
        else:
            head.append(f"description = {hcl_quote(self.doc)}")
        head.append(f"type = {self.type}")
        if self.default is not REQUIRED:
            head.append(f"default = {hcl_value(self.default, 2)}")
        if self.nullable is not None:
            head.append(f"nullable = {'true' if self.nullable else 'false'}")
        if self.sensitive:
            head.append("sensitive = true")
        lines = [f'variable "{self.name}" {{']
        # fmt aligns runs of single-line attributes; a multi-line value ends a run.
        run = []
        for item in head:
            if "\n" in item:
                lines += ["  " + l for l in align(run)]
                run = []
                lines.append("  " + item)
            else:
                run.append(item)
        lines += ["  " + l for l in align(run)]
        for condition, message in self.validations:
            lines += ["", "  validation {", f"    condition     = {condition}",
                      f"    error_message = {hcl_quote(message)}", "  }"]
        return "\n".join(lines) + "\n}\n"


class Out:
    def __init__(self, name, value, doc, sensitive=False):
        self.name, self.value, self.doc, self.sensitive = name, value, doc, sensitive

    def text(self):
        lines = [f"description = {hcl_quote(self.doc)}", f"value = {self.value}"]
        if self.sensitive:
            lines.append("sensitive = true")
        return f'output "{self.name}" {{\n' + "".join(f"  {l}\n" for l in align(lines)) + "}\n"


class Setting:
    """A variable that sets one attribute of a core resource (at marker `marker`)."""

    def __init__(self, marker, name, type_, default, doc, line=None, validations=()):
        self.marker, self.var = marker, Var(name, type_, default, doc, validations)
        self.line = line or f"{name} = var.{name}"


def banner(title):
    return f"{BANNER_RULE}\n# {title}\n{BANNER_RULE}\n"


def prose(text, width=88):
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width - 2:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return "".join(f"# {l}\n" for l in lines)


# Sentences that round out a description; real modules explain defaults and consequences.
DOC_NOTES = [
    "Changing it on a running deployment may replace the resource, so read the plan first.",
    "The default suits most workloads; production stacks should review it.",
    "Leave the default unless the platform team asks for something else.",
    "The value goes to the provider unchanged.",
    "Set it per environment in terraform.tfvars rather than editing the module.",
    "It is read once at creation; later changes are applied in place where the API allows.",
    "See the examples folder of this module for typical values.",
]


def described(rng, text, notes=1):
    extra = rng.sample(DOC_NOTES, rng.randint(0, notes))
    return " ".join([text] + extra)


# Prose printed under the banners: what each part of a module does and why.
SECTION_PROSE = {
    "network": "The network gives every workload private subnets and keeps flow logs so that rejected "
               "traffic can be traced. Public entry goes through load balancers, never straight to "
               "instances.",
    "storage": "Buckets are created from one map so that every bucket gets the same baseline: "
               "versioning, encryption with the module's key, a public access block and a policy "
               "that refuses plain HTTP.",
    "compute": "Instances are launched from a template so that metadata and disk settings are set "
               "once. The security group only opens what the ssh_cidrs input allows.",
    "database": "The database runs in private subnets with storage encryption and automated backups. "
                "The master password is kept by the service, not in the state file.",
    "audit": "The trail records management events for the account into its own bucket and a log "
             "group, both encrypted with a key that only the audit module manages.",
    "iam": "One role per service, each with a narrow inline policy. Broad policies are opt-in and "
           "should be reviewed before every release.",
}

SETTINGS = {
    "network": [
        Setting("vpc", "instance_tenancy", "string", "default",
                "Tenancy of instances launched into the VPC: shared hardware or dedicated hosts.",
                validations=[('contains(["default", "dedicated"], var.instance_tenancy)',
                              "instance_tenancy must be default or dedicated.")]),
        Setting("vpc", "enable_dns_support", "bool", True,
                "Turns on the Amazon-provided DNS resolver inside the VPC."),
        Setting("vpc", "enable_network_address_usage_metrics", "bool", False,
                "Publishes network address usage metrics of the VPC to CloudWatch."),
        Setting("vpc", "assign_generated_ipv6_cidr_block", "bool", False,
                "Requests an Amazon-provided IPv6 block for the VPC."),
        Setting("subnet", "azs", "list(string)", [],
                "Availability zones to spread the private subnets over, in order. When empty the "
                "provider picks a zone for each subnet.",
                line="availability_zone = length(var.azs) > 0 ? element(var.azs, count.index) : null"),
        Setting("subnet", "private_dns_hostname_type", "string", "ip-name",
                "How instances in the private subnets are named in DNS.",
                line="private_dns_hostname_type_on_launch = var.private_dns_hostname_type",
                validations=[('contains(["ip-name", "resource-name"], var.private_dns_hostname_type)',
                              "private_dns_hostname_type must be ip-name or resource-name.")]),
        Setting("flow_group", "flow_log_group_class", "string", "STANDARD",
                "Storage class of the flow log group; infrequent access costs less to keep but "
                "more to query.", line="log_group_class = var.flow_log_group_class",
                validations=[('contains(["STANDARD", "INFREQUENT_ACCESS"], var.flow_log_group_class)',
                              "flow_log_group_class must be STANDARD or INFREQUENT_ACCESS.")]),
        Setting("flow_group", "flow_log_kms_key_id", "string", None,
                "ARN of the KMS key that encrypts the flow log group. Null keeps the service's "
                "own encryption.", line="kms_key_id = var.flow_log_kms_key_id"),
        Setting("flow_log", "flow_log_max_aggregation_interval", "number", 600,
                "Seconds over which packets are aggregated into one flow log record.",
                line="max_aggregation_interval = var.flow_log_max_aggregation_interval",
                validations=[("contains([60, 600], var.flow_log_max_aggregation_interval)",
                              "flow_log_max_aggregation_interval must be 60 or 600.")]),
        Setting("sg", "revoke_rules_on_delete", "bool", False,
                "Removes the group's rules before deleting it, which breaks cycles between groups "
                "that refer to each other."),
    ],
    "storage": [
        Setting("kms", "kms_multi_region", "bool", False,
                "Creates the bucket key as a multi-Region primary key.", line="multi_region = var.kms_multi_region"),
        Setting("kms", "kms_key_usage", "string", "ENCRYPT_DECRYPT", "What the bucket key may be used for.",
                line="key_usage = var.kms_key_usage",
                validations=[('contains(["ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC"], var.kms_key_usage)',
                              "kms_key_usage must be ENCRYPT_DECRYPT or GENERATE_VERIFY_MAC.")]),
        Setting("kms", "kms_bypass_policy_lockout_safety_check", "bool", False,
                "Skips the check that the key policy still lets the caller manage the key.",
                line="bypass_policy_lockout_safety_check = var.kms_bypass_policy_lockout_safety_check"),
        Setting("bucket", "object_lock_enabled", "bool", False,
                "Creates the buckets with object lock, which can only be chosen at creation."),
        Setting("versioning", "expected_bucket_owner", "string", None,
                "Account ID expected to own the buckets; requests fail when another account owns "
                "them."),
    ],
    "compute": [
        Setting("lt", "update_default_version", "bool", True,
                "Makes every new launch template version the default one."),
        Setting("lt", "ebs_optimized", "bool", True, "Launches instances with dedicated EBS bandwidth."),
        Setting("sg", "security_group_description", "string", "Instances of the service",
                "Description of the instances' security group.", line="description = var.security_group_description"),
        Setting("instance", "disable_api_termination", "bool", False,
                "Protects the instances against termination through the API."),
        Setting("instance", "instance_initiated_shutdown_behavior", "string", "stop",
                "What a shutdown from inside the instance does.",
                validations=[('contains(["stop", "terminate"], var.instance_initiated_shutdown_behavior)',
                              "instance_initiated_shutdown_behavior must be stop or terminate.")]),
        Setting("instance", "key_name", "string", None,
                "Name of an EC2 key pair for SSH; null means access goes through Session Manager."),
        Setting("instance", "user_data_replace_on_change", "bool", False,
                "Replaces the instances when their user data changes, instead of updating it in place."),
        Setting("instance", "hibernation", "bool", False, "Allows the instances to hibernate."),
    ],
    "database": [
        Setting("db", "deletion_protection", "bool", True, "Refuses to delete the database until this is turned off."),
        Setting("db", "auto_minor_version_upgrade", "bool", True,
                "Applies minor engine upgrades during the maintenance window."),
        Setting("db", "performance_insights_enabled", "bool", False, "Collects Performance Insights data."),
        Setting("db", "monitoring_interval", "number", 0,
                "Seconds between Enhanced Monitoring samples; 0 turns it off.",
                validations=[("contains([0, 1, 5, 10, 15, 30, 60], var.monitoring_interval)",
                              "monitoring_interval must be one of 0, 1, 5, 10, 15, 30 or 60.")]),
        Setting("db", "maintenance_window", "string", "sun:03:00-sun:04:00",
                "Weekly window for maintenance, in UTC, as ddd:hh24:mi-ddd:hh24:mi."),
        Setting("db", "backup_window", "string", "01:00-02:00",
                "Daily window for automated backups, in UTC; it must not overlap the maintenance window.",
                validations=[('can(regex("^\\\\d{2}:\\\\d{2}-\\\\d{2}:\\\\d{2}$", var.backup_window))',
                              "backup_window must look like hh24:mi-hh24:mi.")]),
        Setting("db", "copy_tags_to_snapshot", "bool", True, "Copies the instance's tags to its snapshots."),
        Setting("db", "enabled_cloudwatch_logs_exports", "list(string)", [],
                "Engine logs to publish to CloudWatch Logs.",
                validations=[('alltrue([for l in var.enabled_cloudwatch_logs_exports : contains(["postgresql", "upgrade", "audit", "error", "general", "slowquery"], l)])',
                              "Unknown log type in enabled_cloudwatch_logs_exports.")]),
        Setting("db", "storage_type", "string", "gp3", "Storage type of the instance.",
                validations=[('contains(["gp2", "gp3", "io1", "io2"], var.storage_type)',
                              "storage_type must be gp2, gp3, io1 or io2.")]),
        Setting("db", "max_allocated_storage", "number", 0,
                "Upper limit in GiB for storage autoscaling; 0 turns autoscaling off."),
        Setting("subnet_group", "subnet_group_description", "string", "Private subnets of the database",
                "Description of the subnet group.", line="description = var.subnet_group_description"),
    ],
    "audit": [
        Setting("kms", "kms_deletion_window_in_days", "number", 30,
                "Days a deleted audit key can still be recovered.",
                line="deletion_window_in_days = var.kms_deletion_window_in_days",
                validations=[("var.kms_deletion_window_in_days >= 7 && var.kms_deletion_window_in_days <= 30",
                              "kms_deletion_window_in_days must be between 7 and 30.")]),
        Setting("bucket", "trail_bucket_force_destroy", "bool", False,
                "Lets Terraform delete the trail bucket even when it still holds logs.",
                line="force_destroy = var.trail_bucket_force_destroy"),
        Setting("log_group", "log_group_class", "string", "STANDARD", "Storage class of the trail's log group.",
                validations=[('contains(["STANDARD", "INFREQUENT_ACCESS"], var.log_group_class)',
                              "log_group_class must be STANDARD or INFREQUENT_ACCESS.")]),
        Setting("trail", "is_organization_trail", "bool", False,
                "Records the events of every account of the organization; only valid in the "
                "management account."),
        Setting("trail", "sns_topic_name", "string", None, "Topic notified when a log file is delivered."),
    ],
    "iam": [
        Setting("role", "role_path", "string", "/", "Path of the roles.", line="path = var.role_path",
                validations=[('can(regex("^/(.*/)?$", var.role_path))', "role_path must start and end with a slash.")]),
        Setting("role", "max_session_duration", "number", 3600, "Longest session, in seconds, a role can grant.",
                validations=[("var.max_session_duration >= 3600 && var.max_session_duration <= 43200",
                              "max_session_duration must be between 3600 and 43200.")]),
        Setting("role", "permissions_boundary", "string", None, "ARN of a policy that bounds the roles' permissions.",
                line="permissions_boundary = var.permissions_boundary"),
        Setting("role", "force_detach_policies", "bool", True,
                "Detaches managed policies before the roles are destroyed."),
        Setting("role", "role_description", "string", "Managed by Terraform", "Description of the roles.",
                line="description = var.role_description"),
        Setting("admin", "admin_policy_path", "string", "/", "Path of the optional administrator policy.",
                line="path = var.admin_policy_path"),
    ],
}

# Settings of the root's extra files, declared in the root's variables.tf.
ROOT_SETTINGS = {
    "network": [
        Setting("edge_vpc", "edge_enable_dns_support", "bool", True, "Turns on DNS resolution in the edge VPC.",
                line="enable_dns_support = var.edge_enable_dns_support"),
        Setting("edge_vpc", "edge_instance_tenancy", "string", "default", "Tenancy of the edge VPC.",
                line="instance_tenancy = var.edge_instance_tenancy"),
        Setting("edge_flow", "edge_flow_log_interval", "number", 600, "Aggregation interval of the edge flow log.",
                line="max_aggregation_interval = var.edge_flow_log_interval",
                validations=[("contains([60, 600], var.edge_flow_log_interval)", "Use 60 or 600 seconds.")]),
        Setting("edge_sg", "edge_revoke_rules_on_delete", "bool", False,
                "Removes the edge group's rules before deleting it.", line="revoke_rules_on_delete = var.edge_revoke_rules_on_delete"),
    ],
    "storage": [
        Setting("bucket", "extra_bucket_force_destroy", "bool", False,
                "Lets Terraform delete the extra bucket with its objects.", line="force_destroy = var.extra_bucket_force_destroy"),
        Setting("bucket", "extra_bucket_object_lock", "bool", False, "Creates the extra bucket with object lock.",
                line="object_lock_enabled = var.extra_bucket_object_lock"),
    ],
    "compute": [
        Setting("bastion", "bastion_key_name", "string", None, "Key pair of the bastion hosts.",
                line="key_name = var.bastion_key_name"),
        Setting("bastion", "bastion_monitoring", "bool", True, "Detailed monitoring of the bastion hosts.",
                line="monitoring = var.bastion_monitoring"),
        Setting("scratch", "scratch_volume_type", "string", "gp3", "Type of the scratch volume.",
                line="type = var.scratch_volume_type",
                validations=[('contains(["gp2", "gp3", "st1", "sc1"], var.scratch_volume_type)',
                              "scratch_volume_type must be gp2, gp3, st1 or sc1.")]),
        Setting("batch_lt", "batch_ebs_optimized", "bool", True, "Dedicated EBS bandwidth for batch instances.",
                line="ebs_optimized = var.batch_ebs_optimized"),
    ],
    "iam": [
        Setting("ci_role", "ci_max_session_duration", "number", 3600, "Longest session of the CI role, in seconds.",
                line="max_session_duration = var.ci_max_session_duration"),
        Setting("ci_role", "ci_role_path", "string", "/ci/", "Path of the CI role.", line="path = var.ci_role_path"),
    ],
    "logging": [
        Setting("app_logs", "app_log_kms_key_id", "string", None, "KMS key of the application log groups.",
                line="kms_key_id = var.app_log_kms_key_id"),
        Setting("trail", "account_trail_sns_topic", "string", None, "Topic told about each delivered log file.",
                line="sns_topic_name = var.account_trail_sns_topic"),
    ],
    "database": [
        Setting("reporting_db", "reporting_storage_type", "string", "gp3", "Storage type of the reporting database.",
                line="storage_type = var.reporting_storage_type"),
        Setting("reporting_db", "reporting_maintenance_window", "string", "sat:02:00-sat:03:00",
                "Maintenance window of the reporting database.", line="maintenance_window = var.reporting_maintenance_window"),
        Setting("reporting_db", "reporting_performance_insights", "bool", False,
                "Performance Insights on the reporting database.",
                line="performance_insights_enabled = var.reporting_performance_insights"),
    ],
    "azure": [
        Setting("azure_storage", "storage_access_tier", "string", "Hot", "Default access tier of the storage account.",
                line="access_tier = var.storage_access_tier",
                validations=[('contains(["Hot", "Cool"], var.storage_access_tier)', "Use Hot or Cool.")]),
        Setting("key_vault", "key_vault_public_network_access", "bool", False,
                "Whether the key vault accepts traffic from public networks.",
                line="public_network_access_enabled = var.key_vault_public_network_access"),
        Setting("key_vault", "key_vault_disk_encryption", "bool", True,
                "Lets Azure Disk Encryption read secrets from the vault.",
                line="enabled_for_disk_encryption = var.key_vault_disk_encryption"),
    ],
    "google": [
        Setting("gcs", "gcs_storage_class", "string", "STANDARD", "Storage class of the bucket.",
                line="storage_class = var.gcs_storage_class",
                validations=[('contains(["STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE"], var.gcs_storage_class)',
                              "Unknown storage class.")]),
        Setting("gcs", "gcs_force_destroy", "bool", False, "Deletes the bucket with its objects.",
                line="force_destroy = var.gcs_force_destroy"),
        Setting("firewall", "firewall_priority", "number", 1000, "Priority of the SSH rule; lower wins.",
                line="priority = var.firewall_priority",
                validations=[("var.firewall_priority >= 0 && var.firewall_priority <= 65535",
                              "firewall_priority must be between 0 and 65535.")]),
    ],
}

# Descriptions and validations added to the variables and outputs of the core templates.
CORE_VAR_DOCS = {
    "tags": "Tags added to every resource that takes them, on top of the provider's default tags.",
    "cidr_block": "IPv4 range of the VPC in CIDR notation; subnets are carved from it with cidrsubnet.",
    "subnet_count": "Number of private subnets, one per availability zone when azs is set.",
    "enable_flow_logs": "Records the VPC's traffic metadata into a CloudWatch log group.",
    "log_retention_days": "Days the flow log records are kept.",
    "ingress_rules": "Ingress rules of the default security group: a description, a TCP port and the CIDR "
                     "ranges allowed to reach it.",
    "instance_count": "Number of instances, spread over the subnets in turn.",
    "instance_type": "EC2 instance type of the launch template and the instances.",
    "subnet_ids": "Subnets to place the resources in.",
    "vpc_id": "VPC of the security groups; null uses the account's default VPC.",
    "ssh_cidrs": "CIDR ranges allowed to reach the instances on port 22.",
    "engine": "Database engine.",
    "enable_trail": "Creates the CloudTrail trail; the bucket and log group exist either way.",
    "retention_days": "Days the trail's events stay in the log group.",
    "services": "AWS services that get a role, by their service principal prefix (ec2, lambda, ...).",
    "grant_admin": "Creates a policy that allows every action; meant for break-glass access only.",
    "environment": "Deployment stage; it selects instance sizes and retention periods.",
    "region": "AWS region of the provider.",
    "vpc_cidr": "IPv4 range of the main VPC.",
    "enable_logs": "Turns on flow logs, access logs and the audit trail.",
    "location": "Azure region of the resource group.",
    "gcp_project": "Google Cloud project that owns the Google resources.",
    "buckets": "Buckets of the service by short name, with whether each keeps versions and is encrypted.",
}
CORE_VAR_VALIDATIONS = {
    "environment": ('contains(["dev", "staging", "prod"], var.environment)',
                    "environment must be dev, staging or prod."),
    "region": ('can(regex("^[a-z]{2}-[a-z]+-\\\\d$", var.region))', "region must look like eu-west-1."),
    "cidr_block": ("can(cidrhost(var.cidr_block, 0))", "cidr_block must be a valid IPv4 CIDR block."),
    "vpc_cidr": ("can(cidrhost(var.vpc_cidr, 0))", "vpc_cidr must be a valid IPv4 CIDR block."),
    "log_retention_days": ("contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653], var.log_retention_days)",
                           "log_retention_days must be a retention period CloudWatch Logs accepts."),
    "instance_count": ("var.instance_count >= 0 && var.instance_count <= 20", "instance_count must be between 0 and 20."),
    "subnet_count": ("var.subnet_count >= 1 && var.subnet_count <= 16", "subnet_count must be between 1 and 16."),
}
CORE_OUT_DOCS = {
    "vpc_id": "ID of the VPC.",
    "private_subnet_ids": "IDs of the private subnets, in creation order.",
    "security_group_id": "ID of the VPC's default security group for the service.",
    "bucket_arns": "ARN of each bucket, by bucket key.",
    "kms_key_arn": "ARN of the key that encrypts the objects.",
    "instance_ids": "IDs of the instances.",
    "private_ips": "Private IPv4 addresses of the instances.",
    "endpoint": "Connection endpoint of the database, host:port.",
    "trail_arn": "ARN of the trail, or null when it is turned off.",
    "role_arns": "ARN of each role, by service.",
    "subnets": "IDs of the private subnets.",
    "db_endpoint": "Connection endpoint of the database.",
}


def document_core(text, rng, docs=CORE_VAR_DOCS, keyword="variable"):
    """Adds a description (and for variables, validations) to each core block that lacks one."""
    def add(m):
        name, body = m.group(1), m.group(2)
        if "description" not in body and name in docs:
            body = f"  description = {hcl_quote(described(rng, docs[name]) if keyword == 'variable' else docs[name])}\n" + body
        if keyword == "variable" and name in CORE_VAR_VALIDATIONS:
            condition, message = CORE_VAR_VALIDATIONS[name]
            body += (f"\n  validation {{\n    condition     = {condition}\n"
                     f"    error_message = {hcl_quote(message)}\n  }}\n")
        return f'{keyword} "{name}" {{\n{body}}}'
    return re.sub(keyword + r' "(\w+)" \{\n(.*?)^\}', add, text, flags=re.M | re.S)


def versions_tf(providers):
    sources = {"aws": ("hashicorp/aws", ">= 5.40"), "azurerm": ("hashicorp/azurerm", ">= 3.100"),
               "google": ("hashicorp/google", ">= 5.30")}
    body = "".join(f'    {n} = {{\n      source  = "{sources[n][0]}"\n      version = "{sources[n][1]}"\n    }}\n'
                   for n in providers)
    return f'terraform {{\n  required_version = ">= 1.5.0"\n\n  required_providers {{\n{body}  }}\n}}\n'


def license_header(p):
    return (f"# Copyright 2024 The {p.team} platform authors\n# SPDX-License-Identifier: Apache-2.0\n#\n"
            + prose(f"This file is part of the {p.team} infrastructure. Changes go through review like "
                    "application code: open a pull request and let the plan run before merging.") + "\n")


def realign(body):
    """Re-aligns the leading run of single-line attributes of a block body after a line was added."""
    lines = body.split("\n")
    run = 0
    while run < len(lines) and re.fullmatch(r"  [\w\"-]+ += .*[^{(\[]", lines[run]) and "<<" not in lines[run]:
        run += 1
    head = align([re.sub(r" +=", " =", l[2:], count=1) for l in lines[:run]])
    return "\n".join(["  " + l for l in head] + lines[run:])


class Feature:
    """Optional resources of a module: their text, the variables and outputs they add, lines
    injected into core resources, and the resource instances and data sources they make."""

    def __init__(self, title, text, variables=(), outputs=(), inject=None, instances=0, data=0):
        self.title, self.text = title, text
        self.variables, self.outputs = list(variables), list(outputs)
        self.inject, self.instances, self.data = inject or {}, instances, data


def rule_list(rng, pool, n, more=None):
    """n entries: drawn from `pool`, then made by more(i) once the pool runs out."""
    out = [dict(x) for x in rng.sample(pool, min(n, len(pool)))]
    return out + [more(i) for i in range(n - len(out))] if more else out


# Well-known service ports, for generated network rules.
PORT_CATALOG = [("tcp", 25), ("tcp", 53), ("tcp", 110), ("tcp", 143), ("tcp", 389), ("tcp", 465), ("tcp", 587),
                ("tcp", 636), ("tcp", 993), ("tcp", 995), ("tcp", 1433), ("tcp", 1521), ("tcp", 2049), ("tcp", 2379),
                ("tcp", 3306), ("tcp", 5044), ("tcp", 5601), ("tcp", 5672), ("tcp", 6379), ("tcp", 6443), ("tcp", 8080),
                ("tcp", 8443), ("tcp", 9092), ("tcp", 9200), ("tcp", 9300), ("tcp", 11211), ("tcp", 15672), ("tcp", 27017),
                ("udp", 123), ("udp", 161), ("udp", 514), ("udp", 1812)]
# Key prefixes, for generated lifecycle rules.
PREFIXES = ["raw", "staging", "curated", "backups", "snapshots", "invoices", "audit", "images", "thumbnails",
            "videos", "exports-daily", "exports-weekly", "scratch", "ml-features", "ml-models", "datasets",
            "manifests", "crash-dumps", "billing", "partner-drop"]
# AWS services, for generated policy statements.
SERVICES = ["s3", "sqs", "sns", "dynamodb", "lambda", "ecs", "ecr", "logs", "events", "states", "glue", "athena",
            "kinesis", "firehose", "secretsmanager", "ssm", "rds", "elasticache", "es", "backup", "xray", "cloudwatch"]


# -- network -------------------------------------------------------------------------

def feature_public_routes(p, n):
    routes = [{"cidr_block": f"10.{100 + i}.0.0/16", "transit_gateway_id": f"tgw-0{p.index % 9}a{i}b2c3d4e5f6a7b8"}
              for i in range(n)]
    text = '''resource "aws_internet_gateway" "this" {
  count  = var.create_internet_gateway ? 1 : 0
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, var.internet_gateway_tags, { Name = "${var.name}-igw" })
}

resource "aws_route_table" "public" {
  count  = var.create_internet_gateway ? 1 : 0
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this[0].id
  }

  dynamic "route" {
    for_each = var.public_extra_routes
    content {
      cidr_block                = route.value.cidr_block
      transit_gateway_id        = route.value.transit_gateway_id
      vpc_peering_connection_id = route.value.vpc_peering_connection_id
    }
  }

  tags = merge(var.tags, {
    Name = "${var.name}-public"
    Tier = "public"
  })
}
'''
    variables = [
        Var("create_internet_gateway", "bool", True, described(p.rich, "Creates an internet gateway and a public route table for the VPC.")),
        Var("internet_gateway_tags", "map(string)", {}, "Extra tags of the internet gateway."),
        Var("public_extra_routes", "list(object({\n    cidr_block                = string\n    transit_gateway_id        = optional(string)\n    vpc_peering_connection_id = optional(string)\n  }))",
            routes, "Routes added to the public route table besides the default route.\n\n"
            "- cidr_block: destination range.\n- transit_gateway_id: target transit gateway, if any.\n"
            "- vpc_peering_connection_id: target peering connection, if any.\n\n"
            "Give exactly one target per route."),
    ]
    outputs = [Out("internet_gateway_id", "try(aws_internet_gateway.this[0].id, null)", "ID of the internet gateway, or null."),
               Out("public_route_table_id", "try(aws_route_table.public[0].id, null)", "ID of the public route table, or null.")]
    return Feature("Internet gateway and public routes", text, variables, outputs, instances=2)


ACL_RULES = [
    {"rule_no": 100, "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_block": "0.0.0.0/0"},
    {"rule_no": 110, "protocol": "tcp", "from_port": 1024, "to_port": 65535, "cidr_block": "0.0.0.0/0"},
    {"rule_no": 120, "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "10.0.0.0/8"},
    {"rule_no": 130, "protocol": "udp", "from_port": 53, "to_port": 53, "cidr_block": "10.0.0.0/8"},
    {"rule_no": 140, "protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_block": "10.0.0.0/8"},
    {"rule_no": 150, "protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_block": "10.0.0.0/8", "action": "deny"},
    {"rule_no": 160, "protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_block": "0.0.0.0/0"},
    {"rule_no": 170, "protocol": "icmp", "from_port": -1, "to_port": -1, "cidr_block": "10.0.0.0/8"},
]


def feature_network_acl(p, n):
    def more(i):
        proto, port = PORT_CATALOG[i % len(PORT_CATALOG)]
        return {"rule_no": 200 + 10 * i, "protocol": proto, "from_port": port, "to_port": port,
                "cidr_block": f"10.{i % 250}.0.0/16"}
    rules = sorted(rule_list(p.rich, ACL_RULES, n + 1, more), key=lambda r: r["rule_no"])
    text = '''resource "aws_network_acl" "private" {
  vpc_id     = aws_vpc.this.id
  subnet_ids = aws_subnet.private[*].id

  dynamic "ingress" {
    for_each = var.private_acl_ingress
    content {
      rule_no    = ingress.value.rule_no
      action     = ingress.value.action
      protocol   = ingress.value.protocol
      from_port  = ingress.value.from_port
      to_port    = ingress.value.to_port
      cidr_block = ingress.value.cidr_block
    }
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }

  tags = merge(var.tags, var.private_acl_tags, { Name = "${var.name}-private" })
}
'''
    variables = [
        Var("private_acl_ingress", "list(object({\n    rule_no    = number\n    action     = optional(string, \"allow\")\n    protocol   = optional(string, \"tcp\")\n    from_port  = number\n    to_port    = number\n    cidr_block = string\n  }))",
            rules, described(p.rich, "Inbound rules of the private subnets' network ACL, evaluated in rule_no order.", 2),
            validations=[("alltrue([for r in var.private_acl_ingress : r.rule_no >= 1 && r.rule_no <= 32766])",
                          "Every rule_no must be between 1 and 32766."),
                         ('alltrue([for r in var.private_acl_ingress : contains(["allow", "deny"], r.action)])',
                          "Every action must be allow or deny.")]),
        Var("private_acl_tags", "map(string)", {}, "Extra tags of the private network ACL."),
    ]
    outputs = [Out("private_network_acl_id", "aws_network_acl.private.id", "ID of the private subnets' network ACL.")]
    return Feature("Network ACL of the private subnets", text, variables, outputs, instances=1)


def feature_endpoints(p, n):
    services = ["s3", "dynamodb"][: 1 + (n > 2)]
    text = '''data "aws_region" "current" {}

resource "aws_vpc_endpoint" "gateway" {
  for_each          = toset(var.gateway_endpoints)
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.${each.value}"
  vpc_endpoint_type = "Gateway"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "*"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalAccount" = var.endpoint_allowed_accounts } }
    }]
  })
  tags = merge(var.tags, { Name = "${var.name}-${each.value}" })
}
'''
    variables = [
        Var("gateway_endpoints", "list(string)", services,
            described(p.rich, "Services reached through gateway endpoints instead of the internet."),
            validations=[('alltrue([for s in var.gateway_endpoints : contains(["s3", "dynamodb"], s)])',
                          "Gateway endpoints exist for s3 and dynamodb only.")]),
        Var("endpoint_allowed_accounts", "list(string)", ["123456789012"],
            "Accounts whose principals may use the endpoints."),
    ]
    outputs = [Out("gateway_endpoint_ids", "{ for k, e in aws_vpc_endpoint.gateway : k => e.id }",
                   "ID of each gateway endpoint, by service.")]
    return Feature("Gateway endpoints", text, variables, outputs, instances=len(services), data=1)


def feature_default_sg(p, n):
    text = '''resource "aws_default_security_group" "this" {
  count  = var.manage_default_security_group ? 1 : 0
  vpc_id = aws_vpc.this.id

  # No ingress or egress blocks: the default group keeps no rules at all.
  tags = merge(var.tags, { Name = "${var.name}-default-locked" })
}
'''
    variables = [Var("manage_default_security_group", "bool", True,
                     described(p.rich, "Takes over the VPC's default security group and removes its rules, so "
                               "nothing lands in it by accident.", 2))]
    return Feature("Default security group", text, variables, instances=1)


# -- storage -------------------------------------------------------------------------

LIFECYCLE_RULES = [
    {"id": "logs", "prefix": "logs/", "transitions": [{"days": 30, "storage_class": "STANDARD_IA"},
                                                      {"days": 90, "storage_class": "GLACIER"}], "expiration_days": 365},
    {"id": "tmp", "prefix": "tmp/", "expiration_days": 7},
    {"id": "exports", "prefix": "exports/", "transitions": [{"days": 60, "storage_class": "GLACIER_IR"}]},
    {"id": "archive", "prefix": "archive/", "transitions": [{"days": 1, "storage_class": "DEEP_ARCHIVE"}]},
    {"id": "reports", "prefix": "reports/", "enabled": False, "expiration_days": 730},
    {"id": "uploads", "prefix": "uploads/", "transitions": [{"days": 30, "storage_class": "INTELLIGENT_TIERING"}]},
]


def feature_lifecycle(p, n):
    def more(i):
        prefix = f"{PREFIXES[i % len(PREFIXES)]}{'' if i < len(PREFIXES) else i // len(PREFIXES)}"
        return {"id": prefix, "prefix": prefix + "/",
                "transitions": [{"days": 30 * (1 + i % 4), "storage_class": ["STANDARD_IA", "GLACIER_IR", "GLACIER"][i % 3]}],
                "expiration_days": 365 * (1 + i % 3)}
    rules = rule_list(p.rich, LIFECYCLE_RULES, n, more)
    text = '''resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.this[each.key].id

  dynamic "rule" {
    for_each = var.lifecycle_rules
    content {
      id     = rule.value.id
      status = rule.value.enabled ? "Enabled" : "Disabled"

      filter {
        prefix = rule.value.prefix
      }

      dynamic "transition" {
        for_each = rule.value.transitions
        content {
          days          = transition.value.days
          storage_class = transition.value.storage_class
        }
      }

      dynamic "expiration" {
        for_each = rule.value.expiration_days == null ? [] : [rule.value.expiration_days]
        content {
          days = expiration.value
        }
      }

      abort_incomplete_multipart_upload {
        days_after_initiation = var.abort_incomplete_upload_days
      }
    }
  }
}
'''
    variables = [
        Var("lifecycle_rules", "list(object({\n    id              = string\n    enabled         = optional(bool, true)\n    prefix          = optional(string, \"\")\n    transitions     = optional(list(object({ days = number, storage_class = string })), [])\n    expiration_days = optional(number)\n  }))",
            rules, "Lifecycle rules applied to every bucket.\n\n- id: name of the rule, unique per bucket.\n"
            "- enabled: false keeps the rule but suspends it.\n- prefix: key prefix the rule applies to.\n"
            "- transitions: moves to cheaper storage classes after some days.\n"
            "- expiration_days: deletes current versions after that many days; null keeps them."),
        Var("abort_incomplete_upload_days", "number", 7, described(p.rich, "Days after which unfinished multipart uploads are removed."),
            validations=[("var.abort_incomplete_upload_days > 0", "abort_incomplete_upload_days must be positive.")]),
    ]
    return Feature("Lifecycle rules", text, variables, instances=len(p.buckets))


def feature_ownership(p, n):
    text = '''resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.this[each.key].id

  rule {
    object_ownership = var.object_ownership
  }
}
'''
    variables = [Var("object_ownership", "string", "BucketOwnerEnforced",
                     described(p.rich, "Who owns uploaded objects. BucketOwnerEnforced turns ACLs off, which is what "
                               "new buckets should use.", 2),
                     validations=[('contains(["BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter"], var.object_ownership)',
                                   "object_ownership must be BucketOwnerEnforced, BucketOwnerPreferred or ObjectWriter.")])]
    return Feature("Object ownership", text, variables, instances=len(p.buckets))


def feature_key_alias(p, n):
    text = '''resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}-${var.key_alias_suffix}"
  target_key_id = aws_kms_key.this.key_id
}
'''
    variables = [Var("key_alias_suffix", "string", "objects", "Suffix of the bucket key's alias, after the name prefix.",
                     validations=[('can(regex("^[a-zA-Z0-9/_-]+$", var.key_alias_suffix))',
                                   "key_alias_suffix may hold letters, digits, slashes, underscores and dashes.")])]
    outputs = [Out("kms_alias_arn", "aws_kms_alias.this.arn", "ARN of the bucket key's alias.")]
    return Feature("Key alias", text, variables, outputs, instances=1)


# -- compute -------------------------------------------------------------------------

def feature_autoscaling(p, n):
    text = '''resource "aws_autoscaling_group" "this" {
  count                     = var.create_autoscaling_group ? 1 : 0
  name_prefix               = "${var.name}-"
  min_size                  = var.asg_min_size
  max_size                  = var.asg_max_size
  desired_capacity          = var.asg_desired_capacity
  vpc_zone_identifier       = var.subnet_ids
  health_check_type         = "EC2"
  health_check_grace_period = 300
  termination_policies      = ["OldestLaunchTemplate", "Default"]

  launch_template {
    id      = aws_launch_template.this.id
    version = "$Latest"
  }

  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = var.asg_min_healthy_percentage
    }
  }

  dynamic "tag" {
    for_each = merge(var.tags, { Name = var.name })
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }
}
'''
    variables = [
        Var("create_autoscaling_group", "bool", True, described(p.rich, "Runs a group of instances from the launch template besides the fixed instances.")),
        Var("asg_min_size", "number", 1, "Smallest size of the group.",
            validations=[("var.asg_min_size >= 0", "asg_min_size must not be negative.")]),
        Var("asg_max_size", "number", 3, "Largest size of the group."),
        Var("asg_desired_capacity", "number", None, "Size to start with; null lets scaling policies decide."),
        Var("asg_min_healthy_percentage", "number", 90, described(p.rich, "Share of the group that must stay healthy during an instance refresh."),
            validations=[("var.asg_min_healthy_percentage >= 0 && var.asg_min_healthy_percentage <= 100",
                          "asg_min_healthy_percentage is a percentage.")]),
    ]
    outputs = [Out("autoscaling_group_name", "try(aws_autoscaling_group.this[0].name, null)", "Name of the group, or null.")]
    return Feature("Autoscaling group", text, variables, outputs, instances=1)


EC2_ALARMS = {
    "cpu-high": {"description": "CPU above 80% for ten minutes", "metric_name": "CPUUtilization", "threshold": 80},
    "status-check": {"description": "A status check failed", "metric_name": "StatusCheckFailed", "threshold": 1,
                     "statistic": "Maximum", "comparison_operator": "GreaterThanOrEqualToThreshold", "period": 60},
    "network-in": {"description": "Inbound traffic above 5 GB in five minutes", "metric_name": "NetworkIn",
                   "threshold": 5000000000, "statistic": "Sum"},
    "cpu-credits": {"description": "CPU credit balance nearly spent", "metric_name": "CPUCreditBalance",
                    "threshold": 20, "comparison_operator": "LessThanThreshold"},
    "ebs-queue": {"description": "EBS queue length high", "metric_name": "EBSIOBalance%", "threshold": 10,
                  "comparison_operator": "LessThanThreshold", "evaluation_periods": 3},
    "network-out": {"description": "Outbound traffic above 5 GB in five minutes", "metric_name": "NetworkOut",
                    "threshold": 5000000000, "statistic": "Sum"},
}

ALARM_TYPE = '''map(object({
    description         = string
    metric_name         = string
    threshold           = number
    statistic           = optional(string, "Average")
    comparison_operator = optional(string, "GreaterThanThreshold")
    period              = optional(number, 300)
    evaluation_periods  = optional(number, 2)
  }))'''

ALARM_DOC = ("Alarms to create, by a short name used in the alarm's name.\n\n"
             "- description: what the alarm means, shown in notifications.\n"
             "- metric_name: metric of the @namespace@ namespace.\n"
             "- threshold, statistic, comparison_operator: when the alarm fires.\n"
             "- period, evaluation_periods: seconds per datapoint and datapoints to evaluate.")


def pick_map(rng, pool, n):
    keys = rng.sample(sorted(pool), min(n, len(pool)))
    return {k: pool[k] for k in sorted(keys)}


def feature_instance_alarms(p, n):
    alarms = pick_map(p.rich, EC2_ALARMS, n)
    text = '''resource "aws_cloudwatch_metric_alarm" "instance" {
  for_each            = var.instance_alarms
  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = "AWS/EC2"
  metric_name         = each.value.metric_name
  statistic           = each.value.statistic
  comparison_operator = each.value.comparison_operator
  threshold           = each.value.threshold
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  treat_missing_data  = "missing"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  dimensions = {
    InstanceId = aws_instance.this[0].id
  }

  tags = var.tags
}
'''
    variables = [Var("instance_alarms", ALARM_TYPE, alarms, fill(ALARM_DOC, namespace="AWS/EC2")),
                 Var("alarm_actions", "list(string)", [], described(p.rich, "ARNs notified when an alarm changes state, usually an SNS topic."))]
    outputs = [Out("instance_alarm_arns", "{ for k, a in aws_cloudwatch_metric_alarm.instance : k => a.arn }",
                   "ARN of each instance alarm.")]
    return Feature("Alarms", text, variables, outputs, instances=len(alarms))


def feature_instance_profile(p, n):
    arns = ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
            "arn:aws:iam::aws:policy/AmazonInspector2ManagedCviPolicy"][: 1 + min(2, n // 2)]
    text = '''resource "aws_iam_role" "instance" {
  name_prefix = "${var.name}-"
  path        = "/service/"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
  tags = var.tags
}

resource "aws_iam_instance_profile" "this" {
  name_prefix = "${var.name}-"
  role        = aws_iam_role.instance.name
  tags        = var.tags
}

resource "aws_iam_role_policy_attachment" "instance" {
  for_each   = toset(var.instance_policy_arns)
  role       = aws_iam_role.instance.name
  policy_arn = each.value
}
'''
    variables = [Var("instance_policy_arns", "list(string)", arns,
                     described(p.rich, "Managed policies attached to the instances' role. Session Manager needs the first one.", 2))]
    outputs = [Out("instance_role_arn", "aws_iam_role.instance.arn", "ARN of the instances' role.")]
    return Feature("Instance profile", text, variables, outputs,
                   inject={"instance": ["iam_instance_profile = aws_iam_instance_profile.this.name"]},
                   instances=2 + len(arns))


# -- database ------------------------------------------------------------------------

PG_PARAMS = [("rds.force_ssl", "1"), ("log_min_duration_statement", "1000"), ("log_connections", "1"),
             ("log_disconnections", "1"), ("shared_preload_libraries", "pg_stat_statements", "pending-reboot"),
             ("idle_in_transaction_session_timeout", "600000"), ("log_lock_waits", "1"), ("statement_timeout", "0"),
             ("work_mem", "16384"), ("maintenance_work_mem", "262144")]
MYSQL_PARAMS = [("require_secure_transport", "ON"), ("slow_query_log", "1"), ("long_query_time", "2"),
                ("general_log", "0"), ("character_set_server", "utf8mb4"), ("max_connections", "500"),
                ("innodb_print_all_deadlocks", "1"), ("log_output", "FILE")]


def params(rng, pool, n):
    out = []
    for t in pool[: max(1, min(len(pool), n + rng.randint(0, 2)))]:
        item = {"name": t[0], "value": t[1]}
        if len(t) > 2:
            item["apply_method"] = t[2]
        out.append(item)
    return out


def feature_parameter_group(p, n):
    text = '''resource "aws_db_parameter_group" "this" {
  name_prefix = "${var.name}-"
  family      = var.engine == "postgres" ? "postgres16" : "mysql8.0"
  description = "Parameters of ${var.name}"

  dynamic "parameter" {
    for_each = var.engine == "postgres" ? var.postgres_parameters : var.mysql_parameters
    content {
      name         = parameter.value.name
      value        = parameter.value.value
      apply_method = parameter.value.apply_method
    }
  }

  lifecycle {
    create_before_destroy = true
  }

  tags = var.tags
}
'''
    ptype = 'list(object({\n    name         = string\n    value        = string\n    apply_method = optional(string, "immediate")\n  }))'
    variables = [
        Var("postgres_parameters", ptype, params(p.rich, PG_PARAMS, n),
            described(p.rich, "Parameters set when the engine is postgres. Static parameters need apply_method = \"pending-reboot\".", 2)),
        Var("mysql_parameters", ptype, params(p.rich, MYSQL_PARAMS, n),
            described(p.rich, "Parameters set when the engine is mysql.", 1)),
    ]
    outputs = [Out("parameter_group_name", "aws_db_parameter_group.this.name", "Name of the parameter group.")]
    return Feature("Parameter group", text, variables, outputs,
                   inject={"db": ["parameter_group_name = aws_db_parameter_group.this.name"]}, instances=1)


def feature_db_security_group(p, n):
    cidrs = ["10.0.0.0/8"] if p.rich.random() < p.care else ["10.0.0.0/8", "0.0.0.0/0"]
    text = '''resource "aws_security_group" "db" {
  name_prefix = "${var.name}-db-"
  description = "Database clients of ${var.name}"
  vpc_id      = var.db_vpc_id

  dynamic "ingress" {
    for_each = var.allowed_cidr_blocks
    content {
      description = "Database clients in ${ingress.value}"
      from_port   = var.engine == "postgres" ? 5432 : 3306
      to_port     = var.engine == "postgres" ? 5432 : 3306
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }

  egress {
    description = "Replies and outbound calls"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  lifecycle {
    create_before_destroy = true
  }

  tags = merge(var.tags, { Name = "${var.name}-db" })
}
'''
    variables = [
        Var("db_vpc_id", "string", None, "VPC of the database's security group; null uses the default VPC."),
        Var("allowed_cidr_blocks", "list(string)", cidrs,
            described(p.rich, "CIDR ranges allowed to reach the database port. Keep them inside the VPC.", 2),
            validations=[("alltrue([for c in var.allowed_cidr_blocks : can(cidrhost(c, 0))])",
                          "Every entry of allowed_cidr_blocks must be a CIDR block.")]),
    ]
    outputs = [Out("db_security_group_id", "aws_security_group.db.id", "ID of the database's security group.")]
    return Feature("Security group", text, variables, outputs,
                   inject={"db": ["vpc_security_group_ids = [aws_security_group.db.id]"]}, instances=1)


RDS_ALARMS = {
    "cpu-high": {"description": "Database CPU above 80%", "metric_name": "CPUUtilization", "threshold": 80},
    "storage-low": {"description": "Less than 5 GB of free storage", "metric_name": "FreeStorageSpace",
                    "threshold": 5000000000, "comparison_operator": "LessThanThreshold"},
    "memory-low": {"description": "Less than 256 MB of freeable memory", "metric_name": "FreeableMemory",
                   "threshold": 256000000, "comparison_operator": "LessThanThreshold"},
    "connections": {"description": "Connections above 400", "metric_name": "DatabaseConnections", "threshold": 400},
    "read-latency": {"description": "Read latency above 20 ms", "metric_name": "ReadLatency", "threshold": 0.02,
                     "evaluation_periods": 3},
    "write-latency": {"description": "Write latency above 20 ms", "metric_name": "WriteLatency", "threshold": 0.02,
                      "evaluation_periods": 3},
    "replica-lag": {"description": "Replica lag above 60 seconds", "metric_name": "ReplicaLag", "threshold": 60},
}


def feature_db_alarms(p, n):
    alarms = pick_map(p.rich, RDS_ALARMS, n)
    text = '''resource "aws_cloudwatch_metric_alarm" "db" {
  for_each            = var.db_alarms
  alarm_name          = "${var.name}-db-${each.key}"
  alarm_description   = each.value.description
  namespace           = "AWS/RDS"
  metric_name         = each.value.metric_name
  statistic           = each.value.statistic
  comparison_operator = each.value.comparison_operator
  threshold           = each.value.threshold
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  alarm_actions       = var.db_alarm_actions

  dimensions = {
    DBInstanceIdentifier = aws_db_instance.this.identifier
  }

  tags = var.tags
}
'''
    variables = [Var("db_alarms", ALARM_TYPE, alarms, fill(ALARM_DOC, namespace="AWS/RDS")),
                 Var("db_alarm_actions", "list(string)", [], "ARNs notified when a database alarm changes state.")]
    return Feature("Alarms", text, variables, instances=len(alarms))


# -- audit ---------------------------------------------------------------------------

SECURITY_FILTERS = {
    "unauthorized-calls": {"pattern": '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
                           "threshold": 5},
    "console-without-mfa": {"pattern": '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'},
    "root-activity": {"pattern": '{ ($.userIdentity.type = "Root") && ($.eventType != "AwsServiceEvent") }'},
    "iam-policy-changes": {"pattern": '{ ($.eventSource = "iam.amazonaws.com") && (($.eventName = "Put*Policy") || ($.eventName = "Attach*Policy") || ($.eventName = "Delete*Policy")) }'},
    "trail-changes": {"pattern": '{ ($.eventName = "StopLogging") || ($.eventName = "DeleteTrail") || ($.eventName = "UpdateTrail") }'},
    "key-deletion": {"pattern": '{ ($.eventSource = "kms.amazonaws.com") && (($.eventName = "DisableKey") || ($.eventName = "ScheduleKeyDeletion")) }'},
    "bucket-policy-changes": {"pattern": '{ ($.eventSource = "s3.amazonaws.com") && (($.eventName = "PutBucketPolicy") || ($.eventName = "DeleteBucketPolicy")) }'},
    "security-group-changes": {"pattern": '{ ($.eventName = "AuthorizeSecurityGroupIngress") || ($.eventName = "RevokeSecurityGroupIngress") }'},
    "route-changes": {"pattern": '{ ($.eventName = "CreateRoute") || ($.eventName = "ReplaceRoute") || ($.eventName = "DeleteRoute") }'},
}


def feature_metric_filters(p, n):
    filters = pick_map(p.rich, SECURITY_FILTERS, n)
    text = '''resource "aws_cloudwatch_log_metric_filter" "security" {
  for_each       = var.security_metric_filters
  name           = "${var.name}-${each.key}"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = each.value.pattern

  metric_transformation {
    name          = each.key
    namespace     = var.metric_namespace
    value         = "1"
    default_value = "0"
  }
}

resource "aws_cloudwatch_metric_alarm" "security" {
  for_each            = var.security_metric_filters
  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = "Matches of the ${each.key} filter on the trail's events"
  namespace           = var.metric_namespace
  metric_name         = each.key
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.security_alarm_actions
  tags                = var.tags
}
'''
    variables = [
        Var("security_metric_filters", "map(object({\n    pattern   = string\n    threshold = optional(number, 1)\n  }))",
            filters, "Metric filters on the trail's log group, each with an alarm.\n\n"
            "- pattern: CloudWatch Logs filter pattern over the JSON events.\n"
            "- threshold: matches within five minutes that raise the alarm."),
        Var("metric_namespace", "string", "Security/Audit", "CloudWatch namespace of the filters' metrics."),
        Var("security_alarm_actions", "list(string)", [], described(p.rich, "ARNs notified when a security alarm fires.")),
    ]
    outputs = [Out("security_alarm_arns", "{ for k, a in aws_cloudwatch_metric_alarm.security : k => a.arn }",
                   "ARN of each security alarm, by filter name.")]
    return Feature("Security metric filters and alarms", text, variables, outputs, instances=2 * len(filters))


def feature_alert_topic(p, n):
    emails = [f"{p.team}-oncall@example.com", "security@example.com"][: 1 + (n > 3)]
    text = '''resource "aws_sns_topic" "alerts" {
  name              = "${var.name}-audit-alerts"
  kms_master_key_id = aws_kms_key.logs.id
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each  = toset(var.alert_emails)
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = each.value
}
'''
    variables = [Var("alert_emails", "list(string)", emails,
                     described(p.rich, "Addresses subscribed to the audit alert topic; each must confirm its subscription.", 2),
                     validations=[('alltrue([for e in var.alert_emails : can(regex("^[^@]+@[^@]+$", e))])',
                                   "Every entry of alert_emails must be an email address.")])]
    outputs = [Out("alert_topic_arn", "aws_sns_topic.alerts.arn", "ARN of the audit alert topic.")]
    return Feature("Alert topic", text, variables, outputs, instances=1 + len(emails))


def feature_trail_bucket(p, n):
    text = '''resource "aws_s3_bucket_public_access_block" "trail" {
  bucket                  = aws_s3_bucket.trail.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id

  versioning_configuration {
    status = var.trail_bucket_versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "trail" {
  bucket = aws_s3_bucket.trail.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.logs.arn
    }
    bucket_key_enabled = true
  }
}
'''
    variables = [Var("trail_bucket_versioning", "bool", p.rich.random() < p.care,
                     described(p.rich, "Keeps earlier versions of log files in the trail bucket.", 2))]
    return Feature("Trail bucket protection", text, variables, instances=3)


# -- iam -----------------------------------------------------------------------------

def feature_oidc(p, n):
    text = '''resource "aws_iam_openid_connect_provider" "ci" {
  count           = var.create_ci_oidc_provider ? 1 : 0
  url             = var.ci_oidc_url
  client_id_list  = var.ci_oidc_audiences
  thumbprint_list = var.ci_oidc_thumbprints
  tags            = var.tags
}
'''
    variables = [
        Var("create_ci_oidc_provider", "bool", True, described(p.rich, "Registers the CI system as an OpenID Connect identity provider.")),
        Var("ci_oidc_url", "string", "https://token.actions.githubusercontent.com", "Issuer URL of the CI system's tokens.",
            validations=[('startswith(var.ci_oidc_url, "https://")', "ci_oidc_url must use https.")]),
        Var("ci_oidc_audiences", "list(string)", ["sts.amazonaws.com"], "Audiences accepted in the tokens."),
        Var("ci_oidc_thumbprints", "list(string)", ["6938fd4d98bab03faadb97b34396831e3780aea1"],
            "Certificate thumbprints of the issuer; recent providers ignore them but the API still asks."),
    ]
    outputs = [Out("ci_oidc_provider_arn", "try(aws_iam_openid_connect_provider.ci[0].arn, null)", "ARN of the CI identity provider, or null.")]
    return Feature("CI identity provider", text, variables, outputs, instances=1)


def feature_managed_policies(p, n):
    arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess",
            "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"][: 1 + min(2, n // 3)]
    text = '''resource "aws_iam_role_policy_attachment" "managed" {
  for_each   = { for pair in setproduct(var.services, var.managed_policy_arns) : "${pair[0]}/${basename(pair[1])}" => pair }
  role       = aws_iam_role.this[each.value[0]].name
  policy_arn = each.value[1]
}
'''
    variables = [Var("managed_policy_arns", "list(string)", arns,
                     described(p.rich, "AWS managed policies attached to every service role.", 2))]
    return Feature("Managed policies", text, variables, instances=len(set(p.iam_services)) * len(arns))


STATEMENTS = [
    {"sid": "ReadLogs", "actions": ["logs:GetLogEvents", "logs:FilterLogEvents", "logs:DescribeLogGroups"]},
    {"sid": "RestartServices", "actions": ["ecs:UpdateService", "ecs:DescribeServices"]},
    {"sid": "ReadMetrics", "actions": ["cloudwatch:GetMetricData", "cloudwatch:ListMetrics"]},
    {"sid": "DenyKeyDeletion", "effect": "Deny", "actions": ["kms:ScheduleKeyDeletion", "kms:DisableKey"]},
    {"sid": "ReadParameters", "actions": ["ssm:GetParameter", "ssm:GetParametersByPath"],
     "resources": ["arn:aws:ssm:*:*:parameter/app/*"]},
    {"sid": "StartSessions", "actions": ["ssm:StartSession", "ssm:TerminateSession"]},
]


def feature_operators(p, n):
    def more(i):
        service = SERVICES[i % len(SERVICES)]
        return {"sid": f"Read{service.capitalize()}{i // len(SERVICES) or ''}",
                "actions": [f"{service}:Describe*", f"{service}:List*", f"{service}:Get*"],
                "resources": [f"arn:aws:{service}:*:*:*"]}
    statements = rule_list(p.rich, STATEMENTS, n, more)
    text = '''resource "aws_iam_group" "operators" {
  name = "${var.name}-operators"
  path = var.operators_path
}

resource "aws_iam_group_policy" "operators" {
  name  = "${var.name}-operators"
  group = aws_iam_group.operators.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [for s in var.operator_statements : {
      Sid      = s.sid
      Effect   = s.effect
      Action   = s.actions
      Resource = s.resources
    }]
  })
}
'''
    variables = [
        Var("operators_path", "string", "/operators/", "Path of the operators' group."),
        Var("operator_statements", "list(object({\n    sid       = string\n    effect    = optional(string, \"Allow\")\n    actions   = list(string)\n    resources = optional(list(string), [\"*\"])\n  }))",
            statements, "Statements of the operators' inline policy.\n\n- sid: statement identifier.\n"
            "- effect: Allow or Deny.\n- actions: IAM actions.\n- resources: ARNs, every resource by default."),
    ]
    outputs = [Out("operators_group_name", "aws_iam_group.operators.name", "Name of the operators' group.")]
    return Feature("Operators group", text, variables, outputs, instances=2)


FEATURES = {
    "network": [feature_public_routes, feature_network_acl, feature_endpoints, feature_default_sg],
    "storage": [feature_lifecycle, feature_ownership, feature_key_alias],
    "compute": [feature_autoscaling, feature_instance_alarms, feature_instance_profile],
    "database": [feature_parameter_group, feature_db_security_group, feature_db_alarms],
    "audit": [feature_metric_filters, feature_alert_topic, feature_trail_bucket],
    "iam": [feature_oidc, feature_managed_policies, feature_operators],
}


# -- key and resource policies: long documents of statement blocks --------------------

POLICY_STATEMENTS = [
    ("AccountAdministration", "Allow", ['"kms:*"', '"iam:*"'][0:1], "AWS",
     ['"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"'], None),
    ("KeyAdministrators", "Allow", ['"kms:Create*"', '"kms:Describe*"', '"kms:Enable*"', '"kms:List*"', '"kms:Put*"',
                                    '"kms:Update*"', '"kms:Revoke*"', '"kms:Disable*"', '"kms:Get*"', '"kms:TagResource"'],
     "AWS", ['"arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/platform-admin"'], None),
    ("ServiceUse", "Allow", ['"kms:Encrypt"', '"kms:Decrypt"', '"kms:ReEncrypt*"', '"kms:GenerateDataKey*"', '"kms:DescribeKey"'],
     "Service", ['"logs.amazonaws.com"', '"cloudtrail.amazonaws.com"'],
     ("StringEquals", "aws:SourceAccount", "[data.aws_caller_identity.current.account_id]")),
    ("GrantsForServices", "Allow", ['"kms:CreateGrant"', '"kms:ListGrants"', '"kms:RevokeGrant"'], "AWS",
     ['"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"'],
     ("Bool", "kms:GrantIsForAWSResource", '["true"]')),
    ("DenyOutsideOrganization", "Deny", ['"*"'], "AWS", ['"*"'],
     ("StringNotEquals", "aws:PrincipalOrgID", "[var.organization_id]")),
    ("ReadOnlyAuditors", "Allow", ['"kms:Describe*"', '"kms:Get*"', '"kms:List*"'], "AWS",
     ['"arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/auditor"'], None),
    ("DenyInsecureTransport", "Deny", ['"*"'], "AWS", ['"*"'], ("Bool", "aws:SecureTransport", '["false"]')),
    ("BackupService", "Allow", ['"kms:Decrypt"', '"kms:GenerateDataKey"', '"kms:DescribeKey"'], "Service",
     ['"backup.amazonaws.com"'], ("StringEquals", "aws:SourceAccount", "[data.aws_caller_identity.current.account_id]")),
    ("BreakGlass", "Allow", ['"kms:*"'], "AWS",
     ['"arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/break-glass"'],
     ("Bool", "aws:MultiFactorAuthPresent", '["true"]')),
    ("CloudWatchAlarms", "Allow", ['"kms:Decrypt"', '"kms:GenerateDataKey*"'], "Service", ['"cloudwatch.amazonaws.com"'], None),
    ("SnsDelivery", "Allow", ['"kms:Decrypt"', '"kms:GenerateDataKey*"'], "Service", ['"sns.amazonaws.com"'],
     ("ArnLike", "aws:SourceArn", '["arn:aws:sns:*:${data.aws_caller_identity.current.account_id}:*"]')),
    ("DenyKeyDeletionWithoutMfa", "Deny", ['"kms:ScheduleKeyDeletion"', '"kms:DisableKey"'], "AWS", ['"*"'],
     ("BoolIfExists", "aws:MultiFactorAuthPresent", '["false"]')),
]


def statement_text(st, resource_policy):
    """One statement block; identity policies (resource_policy false) name no principals."""
    sid, effect, actions, ptype, principals, condition = st
    lines = [f'  statement {{', f'    sid       = "{sid}"', f'    effect    = "{effect}"',
             f'    actions   = [{", ".join(actions)}]' if len(actions) < 4 else
             "    actions = [\n" + "".join(f"      {a},\n" for a in actions) + "    ]",
             '    resources = ["*"]']
    if resource_policy:
        lines += ["", "    principals {", f'      type        = "{ptype}"',
                  f'      identifiers = [{", ".join(principals)}]', "    }"]
    if condition:
        test, variable, values = condition
        lines += ["", "    condition {", f'      test     = "{test}"', f'      variable = "{variable}"',
                  f"      values   = {values}", "    }"]
    return "\n".join(lines) + "\n  }\n"


# The core resource each module's policy document is attached to, or None for a
# stand-alone aws_iam_policy.
POLICY_TARGETS = {"storage": "kms", "database": "kms", "audit": "kms", "network": None, "compute": None, "iam": None}


def feature_policy_document(kind):
    def make(p, n):
        chosen = sorted(p.rich.sample(range(len(POLICY_STATEMENTS)), min(len(POLICY_STATEMENTS), 2 + n)))
        statements = [POLICY_STATEMENTS[i] for i in chosen]
        # Past the pool: one statement per further service that may use the key or the role.
        for i in range(2 + n - len(chosen)):
            service = SERVICES[i % len(SERVICES)]
            suffix = "" if i < len(SERVICES) else str(i // len(SERVICES))
            statements.append((f"Via{service.capitalize()}{suffix}", "Allow", ['"kms:Decrypt"', '"kms:GenerateDataKey*"'],
                               "AWS", ['"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"'],
                               ("StringLike", "kms:ViaService", f'["{service}.*.amazonaws.com"]')))
        text = ('data "aws_caller_identity" "current" {}\n\ndata "aws_iam_policy_document" "this" {\n'
                + "\n".join(statement_text(s, POLICY_TARGETS[kind] is not None) for s in statements) + "}\n")
        variables = []
        if any("organization_id" in str(s) for s in statements):
            variables.append(Var("organization_id", "string", f"o-{p.index:010d}"[:12],
                                 described(p.rich, "ID of the AWS Organization whose accounts may use the key.")))
        target = POLICY_TARGETS[kind]
        instances = 0
        inject = {}
        if target:
            inject[target] = ["policy = data.aws_iam_policy_document.this.json"]
        else:
            text += f'''
resource "aws_iam_policy" "this" {{
  name_prefix = "${{var.name}}-{kind}-"
  description = "Permissions granted by the {kind} module"
  policy      = data.aws_iam_policy_document.this.json
  tags        = var.tags
}}
'''
            instances = 1
        return Feature("Policy document", text, variables, [], inject, instances=instances, data=2)
    return make


for _kind in FEATURES:
    FEATURES[_kind].append(feature_policy_document(_kind))


# -- companions of the root's extra files --------------------------------------------
# Each returns (text, root variables, resource instances, data sources, injected lines).

def companion_network(p, text):
    tgw = f"tgw-0{p.index % 10}1a2b3c4d5e6f708"
    body = '''resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.edge.id

  route {
    cidr_block         = "10.0.0.0/8"
    transit_gateway_id = var.edge_transit_gateway_id
  }

  tags = merge(local.tags, {
    Name = "${local.name}-edge"
    Tier = "edge"
  })
}

resource "aws_network_acl" "edge" {
  vpc_id = aws_vpc.edge.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "tcp"
    from_port  = 1024
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }

  tags = merge(local.tags, { Name = "${local.name}-edge" })
}
'''
    return body, [Var("edge_transit_gateway_id", "string", tgw, "Transit gateway that connects the edge VPC to the company network.")], 2, 0, {}


def companion_storage(p, text):
    name = re.search(r'resource "aws_s3_bucket" "(\w+)"', text).group(1)
    block = str(p.rich.random() < p.care).lower()
    body = fill('''resource "aws_s3_bucket_public_access_block" "@name@" {
  bucket                  = aws_s3_bucket.@name@.id
  block_public_acls       = @block@
  block_public_policy     = @block@
  ignore_public_acls      = @block@
  restrict_public_buckets = @block@
}

resource "aws_s3_bucket_server_side_encryption_configuration" "@name@" {
  bucket = aws_s3_bucket.@name@.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "@name@" {
  bucket = aws_s3_bucket.@name@.id

  rule {
    id     = "expire-old-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.extra_bucket_noncurrent_days
    }
  }
}
''', name=name, block=block)
    return body, [Var("extra_bucket_noncurrent_days", "number", 30, "Days earlier object versions are kept.",
                      validations=[("var.extra_bucket_noncurrent_days >= 1", "Keep earlier versions at least one day.")])], 3, 0, {}


def companion_compute(p, text):
    cidrs = ["10.0.0.0/8"] if p.rich.random() < p.care else ["0.0.0.0/0"]
    body = '''resource "aws_security_group" "bastion" {
  name        = "${local.name}-bastion"
  description = "SSH to the bastion hosts"

  dynamic "ingress" {
    for_each = var.bastion_allowed_cidrs
    content {
      description = "SSH from ${ingress.value}"
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = merge(local.tags, { Name = "${local.name}-bastion" })
}

resource "aws_autoscaling_group" "batch" {
  name_prefix        = "${local.name}-batch-"
  min_size           = 0
  max_size           = var.batch_max_size
  availability_zones = ["${var.region}a", "${var.region}b"]

  launch_template {
    id      = aws_launch_template.batch.id
    version = "$Latest"
  }

  dynamic "tag" {
    for_each = local.tags
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }
}
'''
    variables = [Var("bastion_allowed_cidrs", "list(string)", cidrs, "CIDR ranges allowed to reach the bastion hosts on port 22."),
                 Var("batch_max_size", "number", 4, "Most batch workers running at once.",
                     validations=[("var.batch_max_size >= 0", "batch_max_size must not be negative.")])]
    return body, variables, 2, 0, {"bastion": ["vpc_security_group_ids = [aws_security_group.bastion.id]"]}


def companion_iam(p, text):
    body = '''data "aws_iam_policy_document" "ci_permissions" {
  statement {
    sid       = "PushImages"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"]
    resources = ["arn:aws:ecr:${var.region}:*:repository/${var.project}/*"]
  }

  statement {
    sid       = "ReadState"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::${local.name}-tfstate", "arn:aws:s3:::${local.name}-tfstate/*"]
  }

  statement {
    sid       = "LockState"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"]
    resources = ["arn:aws:dynamodb:${var.region}:*:table/${local.name}-tflock"]
  }
}

resource "aws_iam_role_policy" "ci_permissions" {
  name   = "${local.name}-ci-permissions"
  role   = aws_iam_role.ci.id
  policy = data.aws_iam_policy_document.ci_permissions.json
}
'''
    return body, [], 1, 1, {}


def companion_logging(p, text):
    body = '''resource "aws_cloudwatch_log_metric_filter" "errors" {
  for_each       = toset(["api", "worker", "cron"])
  name           = "${local.name}-${each.value}-errors"
  log_group_name = aws_cloudwatch_log_group.app[each.value].name
  pattern        = var.error_pattern

  metric_transformation {
    name      = "${each.value}-errors"
    namespace = "App/${local.name}"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  for_each            = toset(["api", "worker", "cron"])
  alarm_name          = "${local.name}-${each.value}-errors"
  alarm_description   = "Errors logged by ${each.value}"
  namespace           = "App/${local.name}"
  metric_name         = "${each.value}-errors"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.error_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  tags                = local.tags
}
'''
    variables = [Var("error_pattern", "string", "?ERROR ?Error ?FATAL", "Filter pattern that counts a log line as an error."),
                 Var("error_threshold", "number", 10, "Errors in five minutes that raise an alarm.")]
    return body, variables, 6, 0, {}


def companion_database(p, text):
    body = '''resource "aws_db_parameter_group" "reporting" {
  name   = "${local.name}-reporting"
  family = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = var.reporting_force_ssl ? "1" : "0"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = "2000"
  }

  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements"
    apply_method = "pending-reboot"
  }

  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "reporting_storage" {
  alarm_name          = "${local.name}-reporting-storage"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 2
  threshold           = 2000000000
  comparison_operator = "LessThanThreshold"

  dimensions = {
    DBInstanceIdentifier = aws_db_instance.reporting.identifier
  }
}
'''
    return body, [Var("reporting_force_ssl", "bool", p.rich.random() < p.care, "Refuses unencrypted connections to the reporting database.")], \
        2, 0, {"reporting_db": ["parameter_group_name = aws_db_parameter_group.reporting.name"]}


def companion_azure(p, text):
    body = '''resource "azurerm_storage_container" "data" {
  name                  = "data"
  storage_account_name  = azurerm_storage_account.main.name
  container_access_type = "private"
}

resource "azurerm_key_vault_key" "storage" {
  name            = "storage-cmk"
  key_vault_id    = azurerm_key_vault.main.id
  key_type        = "RSA"
  key_size        = 3072
  key_opts        = ["decrypt", "encrypt", "unwrapKey", "wrapKey"]
  expiration_date = var.key_expiration_date
}

resource "azurerm_monitor_diagnostic_setting" "key_vault" {
  name                       = "to-central-workspace"
  target_resource_id         = azurerm_key_vault.main.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category = "AuditEvent"
  }

  metric {
    category = "AllMetrics"
  }
}
'''
    variables = [Var("key_expiration_date", "string", "2027-12-31T00:00:00Z", "Expiry of the storage key, RFC 3339."),
                 Var("log_analytics_workspace_id", "string",
                     "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/central",
                     "Workspace that receives the key vault's audit events.")]
    return body, variables, 3, 0, {}


def companion_google(p, text):
    body = '''resource "google_kms_key_ring" "main" {
  name     = "${local.name}-ring"
  location = "europe-west1"
}

resource "google_kms_crypto_key" "gcs" {
  name            = "${local.name}-gcs"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = var.gcs_key_rotation_period
}

resource "google_storage_bucket_iam_member" "readers" {
  for_each = toset(var.gcs_readers)
  bucket   = google_storage_bucket.data.name
  role     = "roles/storage.objectViewer"
  member   = each.value
}
'''
    readers = ["group:data-readers@example.com"] + (["allUsers"] if p.rich.random() >= p.care else [])
    variables = [Var("gcs_key_rotation_period", "string", "7776000s", "How often the bucket key rotates, in seconds with an s suffix."),
                 Var("gcs_readers", "list(string)", readers, "Members allowed to read the bucket's objects.")]
    return body, variables, 2 + len(readers), 0, {}


COMPANIONS = {"network": companion_network, "storage": companion_storage, "compute": companion_compute,
              "iam": companion_iam, "logging": companion_logging, "database": companion_database,
              "azure": companion_azure, "google": companion_google}


def renamed(var, name):
    """A copy of `var` under another name, its validations rewritten to match."""
    pattern = re.compile(rf"\bvar\.{var.name}\b")
    return Var(name, var.type, var.default, var.doc,
               [(pattern.sub(f"var.{name}", c), m) for c, m in var.validations])


def draw_fullness(p):
    """How much a file holds beyond the core: 0.1 (a bare module) to 1 (every option)."""
    return min(1.0, max(0.1, p.fullness * p.rich.uniform(0.6, 1.5)))


# Resource types that export an ARN besides their ID.
HAS_ARN = {"aws_vpc", "aws_subnet", "aws_security_group", "aws_s3_bucket", "aws_kms_key", "aws_kms_alias",
           "aws_instance", "aws_launch_template", "aws_db_instance", "aws_iam_role", "aws_iam_policy",
           "aws_cloudtrail", "aws_cloudwatch_log_group", "aws_flow_log", "aws_autoscaling_group",
           "aws_cloudwatch_metric_alarm", "aws_sns_topic", "aws_iam_group", "aws_db_parameter_group",
           "aws_network_acl", "aws_internet_gateway", "aws_route_table", "aws_vpc_endpoint",
           "aws_iam_openid_connect_provider", "aws_iam_instance_profile", "aws_db_subnet_group",
           "aws_default_security_group"}
RESOURCE_HEAD = re.compile(r'^resource "(\w+)" "(\w+)" \{\n((?:  .*\n|\n)*?)\}', re.M)


def resource_outputs(rng, main, share, taken):
    """Outputs for the id (and arn) of a share of the resources in `main`, the way public
    modules export almost everything they create."""
    outputs = []
    for rtype, rname, body in RESOURCE_HEAD.findall(main):
        if rng.random() >= share:
            continue
        short = rtype.split("_", 1)[1]
        what = short.replace("_", " ")
        for attr in ["id", "arn"] if rtype in HAS_ARN else ["id"]:
            name = f"{short}_{attr}" if rname == "this" else f"{short}_{rname}_{attr}"
            if name in taken:
                continue
            taken.add(name)
            label = attr.upper() if attr in ("id", "arn") else attr
            if re.search(r"^  count ", body, re.M):
                value, doc = f"{rtype}.{rname}[*].{attr}", f"{label}s of the {what} instances ({rname}), in index order."
            elif re.search(r"^  for_each ", body, re.M):
                value = f"{{ for k, r in {rtype}.{rname} : k => r.{attr} }}"
                doc = f"{label} of each {what} ({rname}), by key."
            else:
                value, doc = f"{rtype}.{rname}.{attr}", f"{label} of the {what} ({rname})."
            outputs.append(Out(name, value, doc))
    return outputs


def module_locals(kind, p):
    return fill('''locals {
  # Every resource of the module carries the caller's tags plus where it comes from, so
  # that a resource found in the console leads back to this code.
  module_tags = merge(var.tags, {
    Module        = "@kind@"
    ModuleVersion = "@version@"
  })
}

''', kind=kind, version=f"1.{p.index % 7}.{p.index % 13}")


def enrich_module(p, kind, core):
    """The calibrated files of child module `kind` from its core files (which hold markers).
    Returns (files, extra instances, extra data sources, settings the module exposes)."""
    rng = p.rich
    full = draw_fullness(p)
    pool = SETTINGS[kind]
    chosen = sorted(rng.sample(range(len(pool)), max(1, round(full * len(pool)))))
    settings = [pool[i] for i in chosen]
    # Entries of lists and maps (rules, alarms, statements) are not capped: they give the tail.
    features = [make(p, min(MAX_ENTRIES, 1 + round(p.fullness * rng.uniform(1, 6)))) for make in FEATURES[kind]
                if rng.random() < 0.25 + 0.75 * full]
    inject = {}
    for s in settings:
        inject.setdefault(s.marker, []).append(s.line)
    for f in features:
        for marker, lines in f.inject.items():
            inject.setdefault(marker, []).extend(lines)
    title = kind.capitalize()
    main = (banner(title) + prose(SECTION_PROSE[kind]) + "\n" + module_locals(kind, p)
            + apply_markers(core["main.tf"], inject))
    variables = banner("Inputs shared by every resource") + "\n" + document_core(core["variables.tf"], rng)
    variables += "\n" + banner(f"{title} settings") + "\n" + "\n".join(s.var.text() for s in settings)
    outputs = document_core(core["outputs.tf"], rng, CORE_OUT_DOCS, "output")
    instances = data = 0
    for f in features:
        main += "\n" + banner(f.title) + "\n" + f.text.replace("var.tags", "local.module_tags")
        if f.variables:
            variables += "\n" + banner(f.title) + "\n" + "\n".join(v.text() for v in f.variables)
        if f.outputs:
            outputs += "\n" + "\n".join(o.text() for o in f.outputs)
        instances += f.instances
        data += f.data
    taken = set(re.findall(r'^output "(\w+)"', outputs, re.M))
    more = resource_outputs(rng, main, 0.5 + 0.5 * full, taken)
    if more:
        outputs += "\n" + banner("Resources") + "\n" + "\n".join(o.text() for o in more)
    versions = versions_tf(["aws"])
    if rng.random() < 0.5:
        versions = "# Tested with the versions below; newer minor versions of the provider should work.\n" + versions
    files = {"main.tf": main, "variables.tf": variables, "outputs.tf": outputs, "versions.tf": versions}
    return files, instances, data, settings


def pass_through(p, kind, call, settings):
    """Exposes some module settings as root variables `<kind>_<setting>` and passes them in the
    module call. Returns (call text, root variables)."""
    passed = [s for s in settings if p.rich.random() < 0.2 + 0.8 * p.fullness]
    if not passed:
        return call, []
    lines = call.rstrip("\n").split("\n")[1:-1]
    lines = [re.sub(r" +=", " =", l.strip(), count=1) for l in lines]
    lines += [f"{s.var.name} = var.{kind}_{s.var.name}" for s in passed]
    head = call.split("\n", 1)[0]
    body = "".join(f"  {l}\n" for l in align(lines))
    return f"{head}\n{body}}}\n", [renamed(s.var, f"{kind}_{s.var.name}") for s in passed]


ROOT_LOCALS = '''
  # Retention and backup periods by stage, so that dev stays cheap and prod keeps enough.
  retention_by_environment = {
    dev     = 7
    staging = 30
    prod    = 365
  }
  log_retention_days = local.retention_by_environment[var.environment]
  name_prefix        = "${var.project}-${var.environment}-"
  owner_tags = {
    Owner      = "@team@-team"
    Repository = "infrastructure-@team@"
    DataClass  = local.is_prod ? "confidential" : "internal"
  }
'''

EXTRA_PROSE = {
    "network": "An edge VPC for traffic that enters from partners, separate from the service's own network.",
    "storage": "A bucket for files that users and jobs exchange with the service.",
    "compute": "Batch workers and bastion hosts that live outside the compute module.",
    "iam": "The role that the CI pipeline assumes through OpenID Connect, and the account's password policy.",
    "logging": "Application log groups and the account-wide trail.",
    "database": "A reporting database that reads copies of production data.",
    "azure": "Azure resources of the service: a resource group, a storage account and a key vault.",
    "google": "Google Cloud resources of the service.",
}


def enrich_root(p, files):
    """Fills the markers of the root's extra files with settings and gives the files a banner,
    and sometimes a companion (more resources of the same kind), in place. Returns (the license
    header of the project's files, root variables they need, resource instances and data
    sources they add)."""
    rng = p.rich
    header = license_header(p) if p.licensed else ""
    root_vars = []
    instances = data = 0
    for kind in p.extras:
        full = draw_fullness(p)
        pool = ROOT_SETTINGS[kind]
        settings = [pool[i] for i in sorted(rng.sample(range(len(pool)), max(1, round(full * len(pool)))))]
        inject = {}
        for s in settings:
            inject.setdefault(s.marker, []).append(s.line)
        root_vars += [s.var for s in settings]
        text = files[f"{kind}.tf"]
        companion = ""
        if rng.random() < 0.5 + 0.5 * full:
            body, variables, more, more_data, more_inject = COMPANIONS[kind](p, text)
            companion = "\n" + body
            root_vars += variables
            instances += more
            data += more_data
            for marker, lines in more_inject.items():
                inject.setdefault(marker, []).extend(lines)
        files[f"{kind}.tf"] = (header + banner(f"{kind.capitalize()} resources of the root module")
                               + prose(EXTRA_PROSE[kind]) + "\n" + apply_markers(text, inject) + companion)
    return header, root_vars, instances, data


ROOT_OUTPUTS = {
    "network": [Out("security_group_id", "module.network.security_group_id", "ID of the service's default security group.")],
    "storage": [Out("kms_key_arn", "module.storage.kms_key_arn", "ARN of the key that encrypts the buckets.")],
    "compute": [Out("private_ips", "module.compute.private_ips", "Private IPv4 addresses of the instances.")],
    "audit": [Out("trail_arn", "module.audit.trail_arn", "ARN of the audit trail, or null when it is off.")],
    "iam": [Out("role_arns", "module.iam.role_arns", "ARN of each service role.")],
}


def calibrated_root_main(p, main, header):
    """Moves the terraform block out of the root's main.tf (to @versions@, for versions.tf) and
    adds banners, prose and more locals. Returns (main text, terraform block)."""
    start = main.index("terraform {")
    end = main.index("\n}\n", start) + 3
    versions = main[start:end]
    main = main[:start] + "@versions@" + main[end + 1:]
    first_line, rest = main.split("\n", 1)
    intro = prose(f"The {p.team} service in {p.env}: providers, shared names and tags, and the calls to "
                  "the modules under modules/. Resources that belong to no module live in the other "
                  ".tf files of this folder.")
    main = header + first_line + "\n" + intro + rest
    main = main.replace('provider "aws" {', banner("Providers") + '\nprovider "aws" {', 1)
    main = main.replace("\nlocals {", "\n" + banner("Names and tags") + prose(
        "Every resource name starts with local.name and every taggable resource gets local.tags, "
        "so that costs and owners can be traced from the billing report.") + "\nlocals {", 1)
    locals_end = main.index("  EOT\n}\n", main.index("locals {"))
    main = main[:locals_end] + "  EOT\n" + fill(ROOT_LOCALS, team=p.team) + "}\n" + main[locals_end + len("  EOT\n}\n"):]
    return main, versions


def calibrated_root_variables(p, text, passed, extra_vars):
    text = banner("Project") + "\n" + document_core(text, p.rich)
    for kind, variables in passed:
        if variables:
            text += "\n" + banner(f"Settings passed to the {kind} module") + "\n" + "\n".join(v.text() for v in variables)
    if extra_vars:
        text += "\n" + banner("Settings of the root's own resources") + "\n" + "\n".join(v.text() for v in extra_vars)
    return text


def calibrated_root_outputs(p, text, files):
    """Documents the core outputs, adds a few fixed ones and re-exports a share of every
    module's outputs as <module>_<output>."""
    text = document_core(text, p.rich, CORE_OUT_DOCS, "output")
    taken = set(re.findall(r'^output "(\w+)"', text, re.M))
    for kind in p.modules:
        outs = list(ROOT_OUTPUTS.get(kind, []))
        module_outputs = re.findall(r'^output "(\w+)" \{\n  description = "(.*)"\n', files[f"modules/{kind}/outputs.tf"], re.M)
        share = min(1.0, p.fullness)
        outs += [Out(f"{kind}_{name}", f"module.{kind}.{name}", doc.replace('\\"', "'"))
                 for name, doc in module_outputs if p.rich.random() < share]
        outs = [o for o in outs if o.name not in taken]
        taken.update(o.name for o in outs)
        if outs:
            text += "\n" + banner(f"{kind.capitalize()} module") + "\n" + "\n".join(o.text() for o in outs)
    return text


def project(rng, index, budget, profile="small", rich=None):
    """Returns (name, {relative path: text}, resource instances, data sources) for project
    `index` with at most `budget` .tf files."""
    p = Plan(rng, index, profile, rich)
    p.fit(budget)
    calibrated = profile == "calibrated"
    files = {}
    resources = 0
    data = 0
    calls = []
    root_vars = []
    for kind in p.modules:
        call, mod_files, count, mod_data = module_call(p, kind)
        if calibrated:
            mod_files, more, more_data, settings = enrich_module(p, kind, mod_files)
            count += more
            mod_data += more_data
            call, passed = pass_through(p, kind, call, settings)
            root_vars.append((kind, passed))
            call = banner(f"{kind.capitalize()} module") + "\n" + call
        else:
            mod_files = {name: apply_markers(text, {}) for name, text in mod_files.items()}
        calls.append(call)
        for name, text in mod_files.items():
            files[f"modules/{kind}/{name}"] = text
        resources += count
        data += mod_data
    for kind in p.extras:
        text, count, extra_data = EXTRAS[kind](p)
        files[f"{kind}.tf"] = text if calibrated else apply_markers(text, {})
        resources += count
        data += extra_data
    azure, google = "azure" in p.extras, "google" in p.extras
    main = root_main(p, calls, azure, google)
    variables = root_variables(p, azure, google)
    outputs = root_outputs(p)
    if calibrated:
        header, extra_vars, more, more_data = enrich_root(p, files)
        resources += more
        data += more_data
        main, versions = calibrated_root_main(p, main, header)
        if budget >= 4:
            files["versions.tf"] = versions
        else:
            main = main.replace("@versions@", versions + "\n")
        main = main.replace("@versions@", "")
        variables = calibrated_root_variables(p, variables, root_vars, extra_vars)
        outputs = calibrated_root_outputs(p, outputs, files)
    files["main.tf"] = main
    if budget >= 2:
        files["variables.tf"] = variables
    else:
        # A one-file project keeps its variables in main.tf.
        files["main.tf"] += "\n" + variables
    if budget >= 3:
        files["outputs.tf"] = outputs
    files["terraform.tfvars"] = root_tfvars(p)
    return p.name, files, resources, data


def _make_project(job):
    out, seed, index, budget, profile = job
    rng = random.Random(f"{seed}/tf/{index}")
    rich = random.Random(f"{seed}/tf/{index}/calibrated") if profile == "calibrated" else None
    name, files, resources, data = project(rng, index, budget, profile, rich)
    root = os.path.join(out, "tf", f"{index // SHARD:03d}", f"p{index:05d}-{name.split('-')[0]}")
    sizes = {"tf": 0, "tfvars": 0}
    counts = {"tf": 0, "tfvars": 0}
    for rel, text in sorted(files.items()):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data_bytes = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data_bytes)
        kind = "tfvars" if rel.endswith(".tfvars") else "tf"
        sizes[kind] += len(data_bytes)
        counts[kind] += 1
    return counts, sizes, resources, data


def budgets(seed, files, profile="small"):
    """(index, .tf files allowed) per project: full-size projects, the last one cut to fit."""
    index = 0
    left = files
    while left > 0:
        index += 1
        # The plan is drawn first from the project's stream, so this is the project's size.
        natural = Plan(random.Random(f"{seed}/tf/{index}"), index, profile).tf_files()
        yield index, min(natural, left)
        left -= min(natural, left)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="output directory (created if missing)")
    parser.add_argument("--files", type=int, default=10000, help=".tf files to write (default 10000)")
    parser.add_argument("--seed", default="1", help="seed; the same seed gives the same corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--profile", choices=PROFILES, default="calibrated",
                        help="calibrated: file sizes of public modules (default); small: the compact "
                             "files of earlier corpora")
    args = parser.parse_args(argv)
    if args.files < 0:
        parser.error("--files must not be negative")
    os.makedirs(args.out, exist_ok=True)
    total = {"files": 0, "tfvars_files": 0, "projects": 0, "resources": 0, "data_sources": 0,
             "bytes": 0}
    jobs = ((args.out, args.seed, i, b, args.profile) for i, b in budgets(args.seed, args.files, args.profile))
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        for counts, sizes, resources, data in pool.imap(_make_project, jobs, chunksize=16):
            total["projects"] += 1
            total["files"] += counts["tf"]
            total["tfvars_files"] += counts["tfvars"]
            total["bytes"] += sizes["tf"] + sizes["tfvars"]
            total["resources"] += resources
            total["data_sources"] += data
    summary = {"seed": args.seed, "profile": args.profile, "corpora": {"terraform": total}}
    with open(os.path.join(args.out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    print(f"terraform {total['files']:7d} files ({total['projects']} projects) {total['resources']:9d} "
          f"resources {total['bytes'] / 1e6:9.1f} MB  -> {os.path.join(args.out, 'tf')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
