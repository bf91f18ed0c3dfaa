# Hash comment at the top of the file.
// Slash comment.
/* A block comment
   over two lines. */
variable "region" { # trailing hash comment
  type    = string // trailing slash comment
  default = "eu-west-1" /* inline block comment */
}

/* comment */ variable "zone" {
  default = "a"
}
