#pragma once
// Adapters from Terraform resources of AWS (provider aws) to canonical kinds. Raw
// resources follow model/base/terraform.h, whether they come from .tf files or a plan.
// Each service adapter reads the raw resources of the document it knows (provider v4
// and v5 shapes alike) and emits the same canonical aws.* kinds as the CloudFormation
// adapters, so every AWS rule applies to Terraform unchanged.
#include "model/base/adapt.h"

namespace cc::model::aws_tf {

void adapt(AdaptContext& ctx);  // runs every service adapter below

void adapt_s3(AdaptContext& ctx);          // aws.s3.bucket
void adapt_iam(AdaptContext& ctx);         // aws.iam.user|role|group|policy|password_policy
void adapt_kms(AdaptContext& ctx);         // aws.kms.key
void adapt_cloudtrail(AdaptContext& ctx);  // aws.cloudtrail.trail
void adapt_logs(AdaptContext& ctx);        // aws.logs.log_group
void adapt_ec2(AdaptContext& ctx);         // aws.ec2.instance|launch_template|security_group|vpc|
                                           // flow_log|volume|ebs_encryption_default
void adapt_rds(AdaptContext& ctx);         // aws.rds.instance|cluster
void adapt_dynamodb(AdaptContext& ctx);    // aws.dynamodb.table
void adapt_lambda(AdaptContext& ctx);      // aws.lambda.function
void adapt_elb(AdaptContext& ctx);         // aws.elb.load_balancer|listener
void adapt_cloudfront(AdaptContext& ctx);  // aws.cloudfront.distribution
void adapt_sqs(AdaptContext& ctx);         // aws.sqs.queue
void adapt_sns(AdaptContext& ctx);         // aws.sns.topic
void adapt_ecr(AdaptContext& ctx);         // aws.ecr.repository
void adapt_eks(AdaptContext& ctx);         // aws.eks.cluster
void adapt_guardduty(AdaptContext& ctx);   // aws.guardduty.detector
void adapt_config(AdaptContext& ctx);      // aws.config.recorder
void adapt_backup(AdaptContext& ctx);      // aws.backup.plan

}  // namespace cc::model::aws_tf
