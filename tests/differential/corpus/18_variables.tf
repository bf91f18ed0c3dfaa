variable "instance_type" {
  type        = string
  default     = "t3.micro"
  description = "EC2 size"
  validation {
    condition     = can(regex("^t3\\.", var.instance_type))
    error_message = "Only t3 sizes."
  }
}

variable "settings" {
  type = object({
    name    = string
    ports   = list(number)
    tags    = optional(map(string), {})
  })
  default = {
    name  = "app"
    ports = [80, 443]
  }
}

variable "secret" {
  type      = string
  sensitive = true
  nullable  = false
}
