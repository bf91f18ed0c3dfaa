terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
  backend "s3" {
    bucket = "state"
    key    = "app/terraform.tfstate"
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { Team = "platform" }
  }
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}
