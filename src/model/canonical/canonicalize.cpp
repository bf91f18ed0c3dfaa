#include "model/canonical/canonicalize.h"

#include "model/aws/aws.h"
#include "model/aws_tf/aws_tf.h"
#include "model/azure/azure.h"
#include "model/google/google.h"
#include "model/kubernetes/kubernetes.h"

namespace cc::model {

std::vector<Resource> canonicalize(const Document& doc, const SchemaRegistry& schemas,
                                   Diagnostics& diags,
                                   const kubernetes::FileFacts* kubernetes_scope) {
  std::vector<Resource> out;
  AdaptContext ctx{doc, out, diags, kubernetes_scope};
  if (doc.format == "cloudformation") aws::adapt(ctx);
  if (doc.format == "kubernetes") kubernetes::adapt(ctx);
  if (doc.format == "terraform") {
    aws_tf::adapt(ctx);
    azure::adapt(ctx);
    google::adapt(ctx);
  }
  for (auto& r : out) {
    if (const KindSchema* s = schemas.find(r.kind)) apply_defaults(*s->type, r.attributes);
  }
  return out;
}

}  // namespace cc::model
