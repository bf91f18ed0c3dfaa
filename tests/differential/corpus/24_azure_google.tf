resource "azurerm_storage_account" "sa" {
  name                     = "acmestorage"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_2"
  network_rules {
    default_action = "Deny"
    ip_rules       = ["203.0.113.0/24"]
  }
}

resource "google_storage_bucket" "gcs" {
  name                        = "acme-${var.project}"
  location                    = "EU"
  uniform_bucket_level_access = true
  versioning {
    enabled = true
  }
  lifecycle_rule {
    condition { age = 30 }
    action { type = "Delete" }
  }
}
