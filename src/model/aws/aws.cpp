#include "model/aws/aws.h"

namespace cc::model::aws {

void adapt(AdaptContext& ctx) {
  // Order matters only where one service joins onto another's output; each adapter
  // reads raw resources, so none depends on another's canonical output.
  for (auto* fn : {adapt_s3, adapt_iam, adapt_kms, adapt_cloudtrail, adapt_logs, adapt_ec2,
                   adapt_rds, adapt_dynamodb, adapt_lambda, adapt_elb, adapt_cloudfront,
                   adapt_sqs, adapt_sns, adapt_ecr, adapt_eks, adapt_guardduty, adapt_config,
                   adapt_backup})
    fn(ctx);
}

}  // namespace cc::model::aws
