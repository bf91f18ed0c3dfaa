# Ledgerly's disaster-recovery site on Azure: document copies, a standby database and a
# jump host. Brought up by hand during the yearly recovery exercise.
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

provider "azurerm" {
  features {}
}

locals {
  location = "westeurope"
  tags = {
    service = "ledgerly"
    purpose = "disaster-recovery"
  }
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "dr" {
  name     = "ledgerly-dr"
  location = local.location
  tags     = local.tags
}

resource "azurerm_storage_account" "documents" {
  name                            = "ledgerlydrdocs"
  resource_group_name             = azurerm_resource_group.dr.name
  location                        = local.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  public_network_access_enabled   = false
  tags                            = local.tags

  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
      days = 30
    }
  }
}

resource "azurerm_key_vault" "dr" {
  name                       = "ledgerly-dr-kv"
  location                   = local.location
  resource_group_name        = azurerm_resource_group.dr.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  soft_delete_retention_days = 7
  purge_protection_enabled   = false
  enable_rbac_authorization  = true
}

resource "azurerm_postgresql_flexible_server" "standby" {
  name                          = "ledgerly-dr-db"
  resource_group_name           = azurerm_resource_group.dr.name
  location                      = local.location
  version                       = "15"
  sku_name                      = "GP_Standard_D2s_v3"
  storage_mb                    = 65536
  backup_retention_days         = 7
  geo_redundant_backup_enabled  = true
  public_network_access_enabled = false
  tags                          = local.tags
}

resource "azurerm_virtual_network" "dr" {
  name                = "ledgerly-dr"
  address_space       = ["10.50.0.0/16"]
  location            = local.location
  resource_group_name = azurerm_resource_group.dr.name
}

resource "azurerm_subnet" "jump" {
  name                 = "jump"
  resource_group_name  = azurerm_resource_group.dr.name
  virtual_network_name = azurerm_virtual_network.dr.name
  address_prefixes     = ["10.50.1.0/24"]
}

resource "azurerm_network_security_group" "jump" {
  name                = "jump"
  location            = local.location
  resource_group_name = azurerm_resource_group.dr.name

  security_rule {
    name                       = "rdp-from-anywhere"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3389"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "jump" {
  subnet_id                 = azurerm_subnet.jump.id
  network_security_group_id = azurerm_network_security_group.jump.id
}

resource "azurerm_network_interface" "jump" {
  name                = "jump"
  location            = local.location
  resource_group_name = azurerm_resource_group.dr.name

  ip_configuration {
    name                          = "internal"
    subnet_id                     = azurerm_subnet.jump.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "jump"
  resource_group_name             = azurerm_resource_group.dr.name
  location                        = local.location
  size                            = "Standard_B2s"
  admin_username                  = "recovery"
  admin_password                  = var.jump_password
  disable_password_authentication = false
  network_interface_ids           = [azurerm_network_interface.jump.id]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Debian"
    offer     = "debian-12"
    sku       = "12-gen2"
    version   = "latest"
  }
}

variable "jump_password" {
  type      = string
  sensitive = true
}
