locals {
  list = [
    "a", # first
    // second
    "b", /* third */
    "c"
  ]
  obj = {
    # leading comment
    a = 1 // trailing
    /* before b */ b = 2
  }
  call = merge(
    var.x, # comment inside a call
    var.y
  )
}
