# Ledgerly's analytics project on Google Cloud: a BigQuery warehouse fed from the
# production database, a bucket for exports and a small network for the analysts' VMs.
provider "google" {
  project = var.project_id
  region  = var.region
}

resource "google_kms_key_ring" "analytics" {
  name     = "analytics"
  location = var.region
}

resource "google_kms_crypto_key" "warehouse" {
  name            = "warehouse"
  key_ring        = google_kms_key_ring.analytics.id
  rotation_period = "7776000s"
}

module "warehouse" {
  source   = "./modules/warehouse"
  for_each = var.datasets

  dataset_id  = each.key
  description = each.value.description
  readers     = each.value.readers
  kms_key     = google_kms_crypto_key.warehouse.id
  location    = "EU"
}

resource "google_storage_bucket" "exports" {
  name                        = "${var.project_id}-exports"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.warehouse.id
  }

  logging {
    log_bucket = "${var.project_id}-access-logs"
  }
}

resource "google_compute_network" "analytics" {
  name                    = "analytics"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "analysts" {
  name                     = "analysts"
  network                  = google_compute_network.analytics.id
  ip_cidr_range            = "10.30.0.0/16"
  region                   = var.region
  private_ip_google_access = true
  # No log_config: flow logs are off for this subnet.
}

resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = google_compute_network.analytics.name

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "notebooks" {
  name    = "allow-notebooks"
  network = google_compute_network.analytics.name

  allow {
    protocol = "tcp"
    ports    = ["8888"]
  }

  source_ranges = var.analyst_networks
}

resource "google_sql_database_instance" "replica" {
  name                = "ledger-replica"
  database_version    = "POSTGRES_15"
  region              = var.region
  deletion_protection = true

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"

      authorized_networks {
        name  = "analysts"
        value = "10.30.0.0/16"
      }
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}
