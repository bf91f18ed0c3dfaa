#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of Terraform projects.

    gen_tf_corpus.py --out DIR [--files N] [--seed S] [--jobs J]

Each project is a root module that calls two to four local child modules:

    tf/000/p00001-payments/main.tf             terraform and provider blocks, locals, module calls
    tf/000/p00001-payments/variables.tf        typed variables with defaults
    tf/000/p00001-payments/outputs.tf          outputs wired from the child modules
    tf/000/p00001-payments/terraform.tfvars    values that override some defaults
    tf/000/p00001-payments/network.tf ...      more root resources (network, storage, compute,
                                               iam, logging, database, azure, google)
    tf/000/p00001-payments/modules/<name>/{main,variables,outputs}.tf
    corpus.json                                files, bytes and expected resource counts

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
import sys

SHARD = 100  # projects per folder
MODULE_KINDS = ["network", "storage", "compute", "database", "audit", "iam"]
EXTRA_FILES = ["network", "storage", "compute", "iam", "logging", "database", "azure", "google"]
TEAMS = ["payments", "checkout", "search", "identity", "billing", "catalog", "ledger", "reports",
         "media", "notify", "orders", "profile", "inventory", "pricing", "analytics", "gateway"]
REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2"]
ENVIRONMENTS = ["dev", "staging", "prod"]


def fill(text, **values):
    """Replaces @key@ markers; HCL is full of braces, so str.format is no help."""
    for key, value in values.items():
        text = text.replace(f"@{key}@", str(value))
    return text


def hcl_string_list(items):
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


class Plan:
    """What one project holds, drawn from its own random stream."""

    def __init__(self, rng, index):
        self.rng = rng
        self.index = index
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

    def safe(self):
        return self.rng.random() < self.care

    def fit(self, budget):
        """Cuts the plan down to exactly `budget` .tf files (when it has more): whole modules
        first, then extra root files, adding unused extra files to make up the difference."""
        while 3 + 3 * len(self.modules) > budget and self.modules:
            self.modules.pop()
        want = max(0, budget - 3 - 3 * len(self.modules))
        del self.extras[want:]
        for kind in EXTRA_FILES:
            if len(self.extras) >= want:
                break
            if kind not in self.extras:
                self.extras.append(kind)

    def tf_files(self):
        return 3 + 3 * len(self.modules) + len(self.extras)


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
  tags                 = merge(var.tags, { Name = "${var.name}-vpc" })
}

resource "aws_subnet" "private" {
  count                   = var.subnet_count
  vpc_id                  = aws_vpc.this.id
  cidr_block              = cidrsubnet(var.cidr_block, 8, count.index)
  map_public_ip_on_launch = @public@
  tags                    = merge(var.tags, { Name = format("%s-private-%d", var.name, count.index) })
}

resource "aws_cloudwatch_log_group" "flow" {
  count             = var.enable_flow_logs ? 1 : 0
  name              = "/vpc/${var.name}/flow"
  retention_in_days = var.log_retention_days
}

resource "aws_flow_log" "this" {
  count           = var.enable_flow_logs ? 1 : 0
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow[0].arn
}

resource "aws_security_group" "default" {
  name        = "${var.name}-default"
  description = "Default rules for ${var.name}"
  vpc_id      = aws_vpc.this.id

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
}

resource "aws_s3_bucket" "this" {
  for_each      = var.buckets
  bucket        = "${var.name}-${each.key}"
  force_destroy = false
  tags          = merge(var.tags, { Purpose = each.key })
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.this[each.key].id
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
}

resource "aws_kms_alias" "db" {
  name          = "alias/${var.name}-db"
  target_key_id = aws_kms_key.db.key_id
}

resource "aws_db_subnet_group" "this" {
  name       = "${var.name}-db"
  subnet_ids = var.subnet_ids
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
}

resource "aws_s3_bucket" "trail" {
  bucket = "${var.name}-trail"
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/audit/${var.name}"
  retention_in_days = var.retention_days
  kms_key_id        = aws_kms_key.logs.arn
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
}

resource "aws_flow_log" "edge" {
  count                = @flow@
  vpc_id               = aws_vpc.edge.id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::${local.name}-flow-logs"
}

resource "aws_security_group" "edge" {
  name        = "${local.name}-edge"
  description = "Edge traffic"
  vpc_id      = aws_vpc.edge.id
}

@rules@''', net=p.index % 16, flow=flow, rules=rule_blocks)
    return text, 2 + flow + len(rules), 0


def extra_storage(p):
    name = p.rng.choice(["reports", "uploads", "archive"])
    versioned = p.safe()
    text = fill('''resource "aws_s3_bucket" "@name@" {
  bucket = "${local.name}-@name@"
  tags   = local.tags
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
}

resource "aws_cloudtrail" "account" {
  name                       = "${local.name}-account"
  s3_bucket_name             = "${local.name}-cloudtrail"
  is_multi_region_trail      = @multi@
  enable_log_file_validation = @validation@
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
}
''', tls="TLS1_2" if p.safe() else "TLS1_0", https=str(p.safe()).lower(),
        public=str(not p.safe()).lower(), purge=str(p.safe()).lower())
    return text, 3, 0


def extra_google(p):
    text = fill('''resource "google_storage_bucket" "data" {
  name                        = "${local.name}-gcs"
  location                    = "EU"
  uniform_bucket_level_access = @uniform@
  versioning {
    enabled = @versioning@
  }
}

resource "google_compute_firewall" "ssh" {
  name    = "${local.name}-ssh"
  network = "default"
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


def project(rng, index, budget):
    """Returns ({relative path: text}, resource instances, data sources) for project `index`
    with at most `budget` .tf files."""
    p = Plan(rng, index)
    p.fit(budget)
    files = {}
    resources = 0
    data = 0
    calls = []
    for kind in p.modules:
        call, mod_files, count, mod_data = module_call(p, kind)
        calls.append(call)
        for name, text in mod_files.items():
            files[f"modules/{kind}/{name}"] = text
        resources += count
        data += mod_data
    for kind in p.extras:
        text, count, extra_data = EXTRAS[kind](p)
        files[f"{kind}.tf"] = text
        resources += count
        data += extra_data
    azure, google = "azure" in p.extras, "google" in p.extras
    files["main.tf"] = root_main(p, calls, azure, google)
    if budget >= 2:
        files["variables.tf"] = root_variables(p, azure, google)
    else:
        # A one-file project keeps its variables in main.tf.
        files["main.tf"] += "\n" + root_variables(p, azure, google)
    if budget >= 3:
        files["outputs.tf"] = root_outputs(p)
    files["terraform.tfvars"] = root_tfvars(p)
    return p.name, files, resources, data


def _make_project(job):
    out, seed, index, budget = job
    rng = random.Random(f"{seed}/tf/{index}")
    name, files, resources, data = project(rng, index, budget)
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


def budgets(seed, files):
    """(index, .tf files allowed) per project: full-size projects, the last one cut to fit."""
    index = 0
    left = files
    while left > 0:
        index += 1
        # The plan is drawn first from the project's stream, so this is the project's size.
        natural = Plan(random.Random(f"{seed}/tf/{index}"), index).tf_files()
        yield index, min(natural, left)
        left -= min(natural, left)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="output directory (created if missing)")
    parser.add_argument("--files", type=int, default=10000, help=".tf files to write (default 10000)")
    parser.add_argument("--seed", default="1", help="seed; the same seed gives the same corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    args = parser.parse_args(argv)
    if args.files < 0:
        parser.error("--files must not be negative")
    os.makedirs(args.out, exist_ok=True)
    total = {"files": 0, "tfvars_files": 0, "projects": 0, "resources": 0, "data_sources": 0,
             "bytes": 0}
    jobs = ((args.out, args.seed, i, b) for i, b in budgets(args.seed, args.files))
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        for counts, sizes, resources, data in pool.imap(_make_project, jobs, chunksize=16):
            total["projects"] += 1
            total["files"] += counts["tf"]
            total["tfvars_files"] += counts["tfvars"]
            total["bytes"] += sizes["tf"] + sizes["tfvars"]
            total["resources"] += resources
            total["data_sources"] += data
    summary = {"seed": args.seed, "corpora": {"terraform": total}}
    with open(os.path.join(args.out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    print(f"terraform {total['files']:7d} files ({total['projects']} projects) {total['resources']:9d} "
          f"resources {total['bytes'] / 1e6:9.1f} MB  -> {os.path.join(args.out, 'tf')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
