# Corner cases of the grammar, all valid.
locals {
  splat_index      = var.x[*][0]
  attr_splat_index = var.x.*[0]
  for_index_cond   = [for i, v in var.x : v if i > 0]
  for_group        = { for v in var.x : v => v... }
  eq_chain         = 1 == 1 == true
  lt_eq            = 1 < 2 == true
  not_and          = !var.a && var.b
  brace_in_string  = "${"}"}"
  if_with_interp   = "%{if var.x}${var.y}%{else}z%{endif}"
  neg_mul          = -1 * 2
  neg_spaced       = - 1
  neg_paren        = -(1)
  key_kinds        = { "k" = 1, k2 = 2, 3 = 3 }
  wrap_object      = "${ { a = 1 } }"
  wrap_tuple       = "${ [1, 2] }"
  wrap_negative    = "${ -1 }"
  empty_string     = ""
  wrap_empty       = "${""}"
  leading_zeros    = 007
  exp_plus         = 1.0e+2
  backslash_dollar = "\\${x}"
  empty_heredoc    = <<EOT
EOT
  blank_line       = <<-EOT
    x

    y
    EOT
  deeper_marker    = <<-EOT
  x
    EOT
}
