module "network" {
  source     = "./modules/network"
  cidr_block = "10.0.0.0/16"
  azs        = ["eu-west-1a", "eu-west-1b"]
  tags       = local.tags
}

module "storage" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
  count   = var.enabled ? 1 : 0
  bucket  = "acme-${module.network.vpc_id}"
}

output "vpc_id" {
  value       = module.network.vpc_id
  description = "The VPC"
  sensitive   = false
}
