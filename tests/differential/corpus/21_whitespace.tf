locals {
      spaced   =    1
  tight=2
  tabs	=	"tab separated"
  crlf_free = [ 1 ,2 , 3 ]
  broken = merge(
    var.a
    ,
    var.b
  )
  long_cond = (
    var.a
    ? "x"
    : "y"
  )
}
