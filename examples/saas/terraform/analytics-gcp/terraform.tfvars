project_id = "ledgerly-analytics"

datasets = {
  invoices = {
    description = "Invoice facts for revenue reporting"
    readers     = ["group:finance@ledgerly.example"]
  }
  marketing = {
    description = "Campaign performance"
    readers     = ["allAuthenticatedUsers"]
  }
}
