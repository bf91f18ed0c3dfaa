locals {
  simple     = var.name
  attr       = aws_s3_bucket.logs.arn
  index_num  = aws_subnet.private[0].id
  index_str  = aws_s3_bucket.regional["eu"].bucket
  index_expr = var.list[length(var.list) - 1]
  legacy     = var.list.0
  deep       = module.network.subnets["a"].cidr_block
  count_ref  = count.index
  each_ref   = each.value.name
  self_ref   = self.private_ip
  data_ref   = data.aws_caller_identity.current.account_id
  path_ref   = "${path.module}/files"
  call_index = tolist(var.set)[0]
  call_attr  = jsondecode(var.json).name
}
