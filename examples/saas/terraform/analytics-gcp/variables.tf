variable "project_id" {
  type = string
}

variable "region" {
  type    = string
  default = "europe-west1"
}

variable "datasets" {
  description = "Warehouse datasets and who may read them"
  type = map(object({
    description = string
    readers     = optional(list(string), [])
  }))
}

variable "analyst_networks" {
  type    = list(string)
  default = ["10.30.0.0/16"]
}
