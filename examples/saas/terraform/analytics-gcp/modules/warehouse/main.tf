variable "dataset_id" { type = string }
variable "description" { type = string }
variable "location" { type = string }
variable "kms_key" { type = string }
variable "readers" {
  type    = list(string)
  default = []
}

resource "google_bigquery_dataset" "this" {
  dataset_id  = var.dataset_id
  description = var.description
  location    = var.location

  default_encryption_configuration {
    kms_key_name = var.kms_key
  }

  access {
    role          = "OWNER"
    special_group = "projectOwners"
  }

  dynamic "access" {
    for_each = var.readers
    content {
      role          = "READER"
      user_by_email = startswith(access.value, "user:") ? trimprefix(access.value, "user:") : null
      group_by_email = startswith(access.value, "group:") ? trimprefix(access.value, "group:") : null
      special_group = startswith(access.value, "all") ? access.value : null
    }
  }
}

output "id" {
  value = google_bigquery_dataset.this.id
}
