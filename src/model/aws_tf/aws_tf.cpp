#include "model/aws_tf/aws_tf.h"

namespace cc::model::aws_tf {

void adapt(AdaptContext& ctx) {
  adapt_s3(ctx);
  adapt_iam(ctx);
  adapt_kms(ctx);
  adapt_cloudtrail(ctx);
  adapt_logs(ctx);
  adapt_ec2(ctx);
  adapt_rds(ctx);
  adapt_dynamodb(ctx);
  adapt_lambda(ctx);
  adapt_elb(ctx);
  adapt_cloudfront(ctx);
  adapt_sqs(ctx);
  adapt_sns(ctx);
  adapt_ecr(ctx);
  adapt_eks(ctx);
  adapt_guardduty(ctx);
  adapt_config(ctx);
  adapt_backup(ctx);
}

}  // namespace cc::model::aws_tf
