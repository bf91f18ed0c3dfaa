locals {
  whole       = 42
  negative    = -7
  fraction    = 0.25
  exponent    = 1e3
  exponent2   = 2.5E-2
  yes         = true
  no          = false
  nothing     = null
  text        = "plain text"
  empty       = ""
  escapes     = "quote \" backslash \\ newline \n tab \t"
  unicode_esc = "caf\u00e9 \U0001F600"
  literal_tpl = "cost: $${price} and %%{ directive }"
  dollar      = "$5 and 100%"
  not_true    = !true
}
