variable "environment" {
  type    = string
  default = "dev"
}

variable "admin_cidr" {
  description = "Network allowed to reach the bastion over SSH"
  type        = string
  default     = "10.20.0.0/16"
}

variable "buckets" {
  type = map(object({
    versioned = optional(bool, true)
  }))
  default = {
    logs    = {}
    uploads = { versioned = false }
  }
}
