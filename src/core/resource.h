#pragma once
// One thing in the user's cloud configuration. Collectors emit raw resources whose
// kind names the source type ("cfn:AWS::S3::Bucket", "k8s:apps/v1/Deployment");
// model adapters emit canonical ones ("aws.s3.bucket", "k8s.workload").
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/value.h"

namespace cc {

struct Resource {
  std::string kind;      // raw or canonical kind
  std::string address;   // what users know it by: logical id, "ns/Deployment/web", TF address
  std::string name;      // display name (may equal address)
  std::string provider;  // "aws", "kubernetes", ...
  std::string format;    // source format: "cloudformation", "kubernetes", ...
  Value attributes;      // a map
  Span span;             // where the resource is declared
  uint32_t end_line = 0; // last line of its declaration, 0 if unknown
};

// Everything one source document set (one file) produced.
struct Document {
  uint32_t file = 0;
  std::string format;
  std::vector<Resource> resources;
};

struct Inventory {
  SourceTable sources;
  std::vector<Resource> resources;
  Diagnostics diagnostics;
};

}  // namespace cc
