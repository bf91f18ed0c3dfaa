"""Generates realistic CloudFormation templates for the benchmark corpus.

Each template is one service stack of a made-up company: 5 to 40 resources drawn from
the services cloudcomply models, with parameters (some without a default), mappings,
conditions and intrinsic functions, nested property blocks, and a mix of hardened and
careless settings so that rules both pass and fail.
"""

TEAMS = ["payments", "identity", "catalog", "search", "billing", "analytics", "platform",
         "notifications", "checkout", "reporting", "ledger", "onboarding", "fraud", "media"]
COMPONENTS = ["api", "worker", "ingest", "export", "scheduler", "gateway", "indexer",
              "reconciler", "renderer", "webhooks", "sync", "archive", "audit", "events"]
RUNTIMES = ["python3.12", "python3.13", "nodejs22.x", "java21", "provided.al2023", "python3.14"]
INSTANCE_TYPES = ["t3.micro", "t3.medium", "m6i.large", "m7g.xlarge", "c6i.2xlarge", "r6g.large"]
DB_CLASSES = ["db.t4g.medium", "db.r6g.large", "db.r6g.xlarge", "db.m7g.large"]
ENGINES = [("postgres", "16.9"), ("mysql", "8.0.42"), ("postgres", "15.13"), ("mariadb", "10.11.13")]
SECRET_NAMES = ["DB_PASSWORD", "API_SECRET", "STRIPE_SECRET_KEY", "SMTP_PASSWORD", "JWT_SIGNING_KEY",
                "GITHUB_TOKEN", "PARTNER_API_KEY"]
PLAIN_ENV = ["LOG_LEVEL", "REGION_NAME", "FEATURE_FLAGS", "TABLE_NAME", "QUEUE_URL", "BUCKET",
             "TIMEOUT_SECONDS", "SERVICE_NAME", "POWERTOOLS_SERVICE_NAME"]
SERVICE_ACTIONS = {
    "s3": ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject"],
    "dynamodb": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"],
    "sqs": ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
    "sns": ["sns:Publish"],
    "kms": ["kms:Decrypt", "kms:GenerateDataKey"],
    "logs": ["logs:CreateLogStream", "logs:PutLogEvents"],
}

RESOURCE_KINDS = ["bucket", "role", "policy", "security_group", "instance", "launch_template",
                  "database", "function", "key", "queue", "topic", "table", "log_group"]
WEIGHTS = [14, 12, 6, 10, 5, 4, 5, 10, 6, 8, 6, 7, 9]


def _sub(text):
    return {"Fn::Sub": text}


def _ref(name):
    return {"Ref": name}


def _getatt(name, attribute):
    return {"Fn::GetAtt": [name, attribute]}


def _if(condition, yes, no):
    return {"Fn::If": [condition, yes, no]}


class Stack:
    """State of one template while it is being built."""

    def __init__(self, rng, index):
        self.rng = rng
        self.team = rng.choice(TEAMS)
        self.component = rng.choice(COMPONENTS)
        self.name = f"{self.team}-{self.component}"
        self.index = index
        self.secure = rng.random()  # share of careful settings in this stack
        self.resources = {}
        self.counts = {}
        self.keys = []
        self.buckets = []
        self.queues = []
        self.tables = []
        self.roles = []
        self.security_groups = []
        self.log_groups = []

    def careful(self):
        return self.rng.random() < self.secure

    def logical_id(self, base):
        n = self.counts.get(base, 0) + 1
        self.counts[base] = n
        return base if n == 1 else f"{base}{n}"

    def tags(self, extra=None):
        tags = [{"Key": "team", "Value": self.team},
                {"Key": "service", "Value": self.name},
                {"Key": "environment", "Value": _ref("Environment")}]
        if self.rng.random() < 0.4:
            tags.append({"Key": "cost-center", "Value": f"cc-{self.rng.randint(1000, 9999)}"})
        if self.rng.random() < 0.2:
            tags.append({"Key": "region-code", "Value": {"Fn::FindInMap": [
                "RegionSettings", _ref("AWS::Region"), "LogBucketPrefix"]}})
        if extra:
            tags.extend(extra)
        return tags


def _key(st):
    lid = st.logical_id(st.rng.choice(["DataKey", "EncryptionKey", "ServiceKey"]))
    props = {
        "Description": f"Encrypts data of the {st.name} service",
        "EnableKeyRotation": st.careful(),
        "PendingWindowInDays": st.rng.choice([7, 14, 30]),
        "KeyPolicy": {
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "AccountAdministration", "Effect": "Allow",
                 "Principal": {"AWS": _sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")},
                 "Action": "kms:*", "Resource": "*"},
                {"Sid": "ServiceUse", "Effect": "Allow",
                 "Principal": {"AWS": _sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/"
                                           + st.name + "-${Environment}")},
                 "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"],
                 "Resource": "*"},
            ],
        },
        "Tags": st.tags(),
    }
    st.resources[lid] = {"Type": "AWS::KMS::Key", "Properties": props}
    st.keys.append(lid)
    if st.rng.random() < 0.5:
        st.resources[lid + "Alias"] = {
            "Type": "AWS::KMS::Alias",
            "Properties": {"AliasName": _sub(f"alias/{st.name}-${{Environment}}-{lid.lower()}"),
                           "TargetKeyId": _ref(lid)}}


def _encryption_key(st):
    """A key of this stack, an imported one, or none."""
    if st.keys and st.rng.random() < 0.7:
        return _getatt(st.rng.choice(st.keys), "Arn")
    if st.rng.random() < 0.5:
        return _if("HasSharedKey", _ref("SharedKmsKeyArn"), {"Ref": "AWS::NoValue"})
    return None


def _bucket(st):
    rng = st.rng
    purpose = rng.choice(["data", "exports", "uploads", "artifacts", "logs", "backups", "reports"])
    lid = st.logical_id(purpose.capitalize() + "Bucket")
    props = {"BucketName": _sub(f"{st.name}-{lid.lower()}-${{Environment}}-${{AWS::AccountId}}")}
    if st.careful():
        key = _encryption_key(st)
        default = {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key} if key else {"SSEAlgorithm": "AES256"}
        props["BucketEncryption"] = {"ServerSideEncryptionConfiguration": [
            {"ServerSideEncryptionByDefault": default, "BucketKeyEnabled": key is not None}]}
    if st.careful():
        props["VersioningConfiguration"] = {"Status": "Enabled"}
    elif rng.random() < 0.3:
        props["VersioningConfiguration"] = {"Status": "Suspended"}
    if st.careful():
        props["PublicAccessBlockConfiguration"] = {
            "BlockPublicAcls": True, "BlockPublicPolicy": True,
            "IgnorePublicAcls": True, "RestrictPublicBuckets": True}
    elif rng.random() < 0.3:
        props["AccessControl"] = rng.choice(["PublicRead", "Private", "LogDeliveryWrite"])
    if st.buckets and st.careful():
        props["LoggingConfiguration"] = {"DestinationBucketName": _ref(st.buckets[0]),
                                         "LogFilePrefix": f"{lid.lower()}/"}
    if rng.random() < 0.6:
        rules = [{"Id": "expire-noncurrent", "Status": "Enabled",
                  "NoncurrentVersionExpiration": {"NoncurrentDays": rng.choice([30, 90, 365])}}]
        if rng.random() < 0.5:
            rules.append({"Id": "archive", "Status": "Enabled",
                          "Transitions": [{"StorageClass": rng.choice(["GLACIER", "STANDARD_IA"]),
                                           "TransitionInDays": rng.choice([30, 60, 90])}]})
        props["LifecycleConfiguration"] = {"Rules": rules}
    if "AccessControl" in props:
        # ACLs only take effect when the bucket owner does not enforce ownership.
        props["OwnershipControls"] = {"Rules": [{"ObjectOwnership": "ObjectWriter"}]}
    elif rng.random() < 0.5:
        props["OwnershipControls"] = {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}
    props["Tags"] = st.tags([{"Key": "data-classification",
                              "Value": rng.choice(["public", "internal", "confidential"])}])
    resource = {"Type": "AWS::S3::Bucket", "Properties": props}
    if rng.random() < 0.3:
        resource["DeletionPolicy"] = "Retain"
        resource["UpdateReplacePolicy"] = "Retain"
    st.resources[lid] = resource
    st.buckets.append(lid)
    if rng.random() < 0.45:
        _bucket_policy(st, lid)


def _bucket_policy(st, bucket):
    statements = []
    if st.careful():
        statements.append({
            "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
            "Resource": [_getatt(bucket, "Arn"), _sub("${" + bucket + ".Arn}/*")],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}})
    if not st.careful():
        statements.append({"Sid": "PublicRead", "Effect": "Allow", "Principal": "*",
                           "Action": "s3:GetObject", "Resource": _sub("${" + bucket + ".Arn}/*")})
    else:
        statements.append({
            "Sid": "CrossAccountRead", "Effect": "Allow",
            "Principal": {"AWS": _sub("arn:${AWS::Partition}:iam::${PartnerAccountId}:root")},
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": [_getatt(bucket, "Arn"), _sub("${" + bucket + ".Arn}/*")]})
    st.resources[bucket + "Policy"] = {
        "Type": "AWS::S3::BucketPolicy",
        "Properties": {"Bucket": _ref(bucket),
                       "PolicyDocument": {"Version": "2012-10-17", "Statement": statements}}}


def _policy_document(st):
    rng = st.rng
    statements = []
    for _ in range(rng.randint(1, 4)):
        service = rng.choice(list(SERVICE_ACTIONS))
        actions = rng.sample(SERVICE_ACTIONS[service], rng.randint(1, len(SERVICE_ACTIONS[service])))
        resource = "*"
        if service == "s3" and st.buckets:
            b = rng.choice(st.buckets)
            resource = [_getatt(b, "Arn"), _sub("${" + b + ".Arn}/*")]
        elif service == "sqs" and st.queues:
            resource = _getatt(rng.choice(st.queues), "Arn")
        elif service == "dynamodb" and st.tables:
            resource = _getatt(rng.choice(st.tables), "Arn")
        statements.append({"Effect": "Allow", "Action": actions if len(actions) > 1 else actions[0],
                           "Resource": resource})
    if not st.careful() and rng.random() < 0.5:
        statements.append({"Effect": "Allow", "Action": rng.choice(["*", "s3:*", "iam:*"]),
                           "Resource": "*"})
    return {"Version": "2012-10-17", "Statement": statements}


def _role(st):
    rng = st.rng
    service = rng.choice(["lambda", "ec2", "ecs-tasks", "states", "events"])
    lid = st.logical_id(service.replace("-", " ").title().replace(" ", "") + "Role")
    props = {
        "RoleName": _sub(f"{st.name}-{lid.lower()}-${{Environment}}"),
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": f"{service}.amazonaws.com"},
             "Action": "sts:AssumeRole"}]},
        "Policies": [{"PolicyName": f"{st.component}-access", "PolicyDocument": _policy_document(st)}],
        "Tags": st.tags(),
    }
    if rng.random() < 0.5:
        managed = "service-role/AWSLambdaBasicExecutionRole" if service == "lambda" else "AmazonSSMManagedInstanceCore"
        props["ManagedPolicyArns"] = [_sub("arn:${AWS::Partition}:iam::aws:policy/" + managed)]
    if not st.careful() and rng.random() < 0.3:
        props["ManagedPolicyArns"] = [_sub("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess")]
    if st.careful():
        props["PermissionsBoundary"] = _sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/workload-boundary")
    props["MaxSessionDuration"] = rng.choice([3600, 7200, 43200])
    st.resources[lid] = {"Type": "AWS::IAM::Role", "Properties": props}
    st.roles.append(lid)


def _policy(st):
    if not st.roles:
        _role(st)
    managed = st.rng.random() < 0.5
    lid = st.logical_id("ManagedPolicy" if managed else "InlinePolicy")
    props = {"PolicyDocument": _policy_document(st),
             "Roles": [_ref(r) for r in st.rng.sample(st.roles, min(len(st.roles), st.rng.randint(1, 2)))]}
    if managed:
        props["ManagedPolicyName"] = _sub(f"{st.name}-{lid.lower()}-${{Environment}}")
        props["Description"] = f"Permissions of the {st.component} component"
        st.resources[lid] = {"Type": "AWS::IAM::ManagedPolicy", "Properties": props}
    else:
        props["PolicyName"] = f"{st.component}-{lid.lower()}"
        st.resources[lid] = {"Type": "AWS::IAM::Policy", "Properties": props}


def _security_group(st):
    rng = st.rng
    lid = st.logical_id(rng.choice(["App", "Service", "Database", "Admin", "Cache"]) + "SecurityGroup")
    ingress = []
    for _ in range(rng.randint(1, 4)):
        port = rng.choice([443, 80, 8080, 5432, 3306, 6379, 22, 3389])
        rule = {"IpProtocol": "tcp", "FromPort": port, "ToPort": port,
                "Description": f"port {port} for {st.component}"}
        if port in (22, 3389) and not st.careful():
            rule["CidrIp"] = "0.0.0.0/0"
        elif port in (443, 80) and rng.random() < 0.5:
            rule["CidrIp"] = "0.0.0.0/0"
        elif st.security_groups and rng.random() < 0.5:
            rule["SourceSecurityGroupId"] = _ref(rng.choice(st.security_groups))
        elif rng.random() < 0.3:
            rule["CidrIp"] = _ref("AllowedCidr")
        else:
            rule["CidrIp"] = f"10.{rng.randint(0, 255)}.0.0/16"
        ingress.append(rule)
    props = {"GroupDescription": f"{st.name} {lid}", "VpcId": _ref("VpcId"),
             "SecurityGroupIngress": ingress, "Tags": st.tags()}
    if rng.random() < 0.5:
        props["SecurityGroupEgress"] = [{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0",
                                         "Description": "all outbound"}]
    st.resources[lid] = {"Type": "AWS::EC2::SecurityGroup", "Properties": props}
    st.security_groups.append(lid)


def _launch_template(st):
    rng = st.rng
    lid = st.logical_id("LaunchTemplate")
    data = {"InstanceType": _ref("InstanceType"), "ImageId": _ref("ImageId"),
            "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {
                "VolumeSize": rng.choice([20, 50, 100]), "VolumeType": "gp3",
                "Encrypted": st.careful()}}],
            "TagSpecifications": [{"ResourceType": "instance", "Tags": st.tags()}]}
    if st.careful():
        data["MetadataOptions"] = {"HttpTokens": "required", "HttpPutResponseHopLimit": 1,
                                   "HttpEndpoint": "enabled"}
    elif rng.random() < 0.5:
        data["MetadataOptions"] = {"HttpTokens": "optional"}
    if st.security_groups:
        data["SecurityGroupIds"] = [_ref(rng.choice(st.security_groups))]
    st.resources[lid] = {"Type": "AWS::EC2::LaunchTemplate", "Properties": {
        "LaunchTemplateName": _sub(f"{st.name}-{lid.lower()}-${{Environment}}"),
        "LaunchTemplateData": data}}
    return lid


def _instance(st):
    rng = st.rng
    lid = st.logical_id(st.component.capitalize() + "Instance")
    props = {"InstanceType": _if("IsProduction", rng.choice(INSTANCE_TYPES), "t3.small"),
             "SubnetId": _ref("SubnetId"), "Monitoring": st.careful(), "Tags": st.tags(
                 [{"Key": "Name", "Value": _sub(f"{st.name}-${{Environment}}")}])}
    if rng.random() < 0.5:
        template = _launch_template(st)
        props["LaunchTemplate"] = {"LaunchTemplateId": _ref(template),
                                   "Version": _getatt(template, "LatestVersionNumber")}
    else:
        props["ImageId"] = _ref("ImageId")
        props["BlockDeviceMappings"] = [{"DeviceName": "/dev/xvda", "Ebs": {
            "VolumeSize": rng.choice([8, 30, 64]), "Encrypted": st.careful()}}]
        if st.security_groups:
            props["SecurityGroupIds"] = [_ref(rng.choice(st.security_groups))]
    if rng.random() < 0.3:
        props["UserData"] = {"Fn::Base64": _sub(
            "#!/bin/bash\nset -euo pipefail\ndnf install -y amazon-cloudwatch-agent\n"
            "echo ${Environment} > /etc/service-environment\n")}
    st.resources[lid] = {"Type": "AWS::EC2::Instance", "Properties": props}


def _database(st):
    rng = st.rng
    engine, version = rng.choice(ENGINES)
    lid = st.logical_id("Database")
    props = {
        "DBInstanceIdentifier": _sub(f"{st.name}-{lid.lower()}-${{Environment}}"),
        "Engine": engine, "EngineVersion": version,
        "DBInstanceClass": _ref("DatabaseClass"),
        "AllocatedStorage": str(rng.choice([20, 100, 200, 500])), "StorageType": "gp3",
        "StorageEncrypted": st.careful(),
        "MultiAZ": _if("IsProduction", True, False),
        "PubliclyAccessible": not st.careful() and rng.random() < 0.4,
        "MasterUsername": "service_admin",
        "ManageMasterUserPassword": True,
        "BackupRetentionPeriod": rng.choice([7, 14, 35]) if st.careful() else rng.choice([0, 1, 3]),
        "DeletionProtection": st.careful(),
        "CopyTagsToSnapshot": True,
        "Tags": st.tags(),
    }
    key = _encryption_key(st)
    if props["StorageEncrypted"] and key:
        props["KmsKeyId"] = key
    if st.security_groups:
        props["VPCSecurityGroups"] = [_getatt(rng.choice(st.security_groups), "GroupId")]
    if rng.random() < 0.5:
        props["EnableCloudwatchLogsExports"] = ["postgresql"] if engine == "postgres" else ["error", "slowquery"]
    st.resources[lid] = {"Type": "AWS::RDS::DBInstance", "DeletionPolicy": "Snapshot",
                         "UpdateReplacePolicy": "Snapshot", "Properties": props}


def _function(st):
    rng = st.rng
    if not st.roles or rng.random() < 0.3:
        _role(st)
    lid = st.logical_id(rng.choice(["Handler", "Processor", "Consumer", "Exporter"]) + "Function")
    variables = {}
    for name in rng.sample(PLAIN_ENV, rng.randint(1, 4)):
        variables[name] = rng.choice(["info", "debug", "eu-west-1", "enabled", "30", st.name])
    if st.queues and rng.random() < 0.5:
        variables["QUEUE_URL"] = _ref(rng.choice(st.queues))
    if st.tables and rng.random() < 0.5:
        variables["TABLE_NAME"] = _ref(rng.choice(st.tables))
    if not st.careful():
        secret = rng.choice(SECRET_NAMES)
        variables[secret] = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
                                    for _ in range(rng.choice([24, 32, 40])))
    props = {
        "FunctionName": _sub(f"{st.name}-{lid.lower()}-${{Environment}}"),
        "Runtime": rng.choice(RUNTIMES), "Handler": "app.handler",
        "Role": _getatt(rng.choice(st.roles), "Arn"),
        "Code": {"S3Bucket": _sub("deploy-artifacts-${AWS::AccountId}"),
                 "S3Key": f"{st.name}/{rng.randint(100, 999)}/bundle.zip"},
        "MemorySize": rng.choice([128, 256, 512, 1024, 2048]),
        "Timeout": rng.choice([3, 15, 30, 60, 300]),
        "Environment": {"Variables": variables},
        "Tags": st.tags(),
    }
    if st.careful():
        props["TracingConfig"] = {"Mode": "Active"}
        props["ReservedConcurrentExecutions"] = rng.choice([5, 10, 50])
    key = _encryption_key(st)
    if key and st.careful():
        props["KmsKeyArn"] = key
    if st.security_groups and rng.random() < 0.5:
        props["VpcConfig"] = {"SecurityGroupIds": [_ref(rng.choice(st.security_groups))],
                              "SubnetIds": [_ref("SubnetId")]}
    if st.queues and rng.random() < 0.4:
        props["DeadLetterConfig"] = {"TargetArn": _getatt(rng.choice(st.queues), "Arn")}
    st.resources[lid] = {"Type": "AWS::Lambda::Function", "Properties": props}


def _queue(st):
    rng = st.rng
    lid = st.logical_id(rng.choice(["Jobs", "Events", "Tasks", "Notifications"]) + "Queue")
    props = {"QueueName": _sub(f"{st.name}-{lid.lower()}-${{Environment}}"),
             "VisibilityTimeout": rng.choice([30, 60, 300, 900]),
             "MessageRetentionPeriod": rng.choice([86400, 345600, 1209600])}
    if st.careful():
        key = _encryption_key(st)
        if key:
            props["KmsMasterKeyId"] = key
        else:
            props["SqsManagedSseEnabled"] = True
    elif rng.random() < 0.5:
        props["SqsManagedSseEnabled"] = False
    if st.queues and rng.random() < 0.5:
        props["RedrivePolicy"] = {"deadLetterTargetArn": _getatt(st.queues[0], "Arn"),
                                  "maxReceiveCount": rng.choice([3, 5, 10])}
    props["Tags"] = st.tags()
    st.resources[lid] = {"Type": "AWS::SQS::Queue", "Properties": props}
    st.queues.append(lid)


def _topic(st):
    rng = st.rng
    lid = st.logical_id(rng.choice(["Alerts", "Events", "Changes"]) + "Topic")
    props = {"TopicName": _sub(f"{st.name}-{lid.lower()}-${{Environment}}"),
             "DisplayName": f"{st.name} {lid}", "Tags": st.tags()}
    if st.careful():
        props["KmsMasterKeyId"] = _ref(st.keys[0]) if st.keys else "alias/aws/sns"
    if st.queues and rng.random() < 0.6:
        props["Subscription"] = [{"Protocol": "sqs", "Endpoint": _getatt(rng.choice(st.queues), "Arn")}]
    elif rng.random() < 0.3:
        props["Subscription"] = [{"Protocol": "email", "Endpoint": _ref("AlertEmail")}]
    st.resources[lid] = {"Type": "AWS::SNS::Topic", "Properties": props}


def _table(st):
    rng = st.rng
    lid = st.logical_id(rng.choice(["Orders", "Sessions", "Accounts", "Events", "Items"]) + "Table")
    props = {
        "TableName": _sub(f"{st.name}-{lid.lower()}-${{Environment}}"),
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                 {"AttributeName": "sk", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                      {"AttributeName": "sk", "KeyType": "RANGE"}],
        "Tags": st.tags(),
    }
    if rng.random() < 0.6:
        props["BillingMode"] = "PAY_PER_REQUEST"
    else:
        props["ProvisionedThroughput"] = {"ReadCapacityUnits": rng.choice([5, 25, 100]),
                                          "WriteCapacityUnits": rng.choice([5, 25, 100])}
    if st.careful():
        props["PointInTimeRecoverySpecification"] = {"PointInTimeRecoveryEnabled": True}
    if st.careful():
        key = _encryption_key(st)
        props["SSESpecification"] = ({"SSEEnabled": True, "SSEType": "KMS", "KMSMasterKeyId": key}
                                     if key else {"SSEEnabled": True})
    if rng.random() < 0.4:
        props["TimeToLiveSpecification"] = {"AttributeName": "expires_at", "Enabled": True}
    if rng.random() < 0.3:
        props["StreamSpecification"] = {"StreamViewType": "NEW_AND_OLD_IMAGES"}
    props["DeletionProtectionEnabled"] = st.careful()
    st.resources[lid] = {"Type": "AWS::DynamoDB::Table", "Properties": props}
    st.tables.append(lid)


def _log_group(st):
    rng = st.rng
    lid = st.logical_id("LogGroup")
    props = {"LogGroupName": _sub(f"/{st.team}/{st.component}/${{Environment}}/{lid.lower()}")}
    if st.careful():
        props["RetentionInDays"] = _if("IsProduction", rng.choice([365, 400, 731]), rng.choice([14, 30]))
    if st.keys and st.careful():
        props["KmsKeyId"] = _getatt(st.keys[0], "Arn")
    st.resources[lid] = {"Type": "AWS::Logs::LogGroup", "Properties": props}
    st.log_groups.append(lid)


BUILDERS = {
    "bucket": _bucket, "role": _role, "policy": _policy, "security_group": _security_group,
    "instance": _instance, "launch_template": _launch_template, "database": _database,
    "function": _function, "key": _key, "queue": _queue, "topic": _topic, "table": _table,
    "log_group": _log_group,
}

# Order in which kinds are built, so references point at resources built earlier.
BUILD_ORDER = ["key", "log_group", "bucket", "security_group", "queue", "table", "topic", "role",
               "policy", "launch_template", "instance", "database", "function"]


def _parameters(rng):
    params = {
        "Environment": {"Type": "String", "Default": "production",
                        "AllowedValues": ["development", "staging", "production"],
                        "Description": "Deployment stage"},
        "VpcId": {"Type": "AWS::EC2::VPC::Id", "Description": "VPC the stack runs in"},
        "SubnetId": {"Type": "AWS::EC2::Subnet::Id"},
        "InstanceType": {"Type": "String", "Default": rng.choice(INSTANCE_TYPES)},
        "ImageId": {"Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
                    "Default": "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"},
        "DatabaseClass": {"Type": "String", "Default": rng.choice(DB_CLASSES),
                          "AllowedValues": DB_CLASSES},
        "SharedKmsKeyArn": {"Type": "String", "Default": "",
                            "Description": "Key shared by the platform team; empty for none"},
        "AllowedCidr": {"Type": "String", "Description": "Network allowed to reach the service"},
        "PartnerAccountId": {"Type": "String", "Default": str(rng.randint(10**11, 10**12 - 1))},
        "AlertEmail": {"Type": "String", "Default": "oncall@example.com"},
    }
    return params


def template(rng, index):
    """Builds one template; returns (document, number of resources)."""
    st = Stack(rng, index)
    count = rng.randint(5, 40)
    chosen = rng.choices(RESOURCE_KINDS, weights=WEIGHTS, k=count)
    chosen.sort(key=BUILD_ORDER.index)
    for kind in chosen:
        if len(st.resources) >= count:
            break
        BUILDERS[kind](st)
    # Some builders add companions (alias, policy, launch template); stop at the target.
    while len(st.resources) < 5:
        _log_group(st)
    doc = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"{st.name} service stack ({st.team} team)",
        "Parameters": _parameters(rng),
        "Mappings": {"RegionSettings": {
            "us-east-1": {"LogBucketPrefix": "use1", "Azs": 3},
            "eu-west-1": {"LogBucketPrefix": "euw1", "Azs": 3},
            "ap-southeast-2": {"LogBucketPrefix": "apse2", "Azs": 3}}},
        "Conditions": {
            "IsProduction": {"Fn::Equals": [_ref("Environment"), "production"]},
            "HasSharedKey": {"Fn::Not": [{"Fn::Equals": [_ref("SharedKmsKeyArn"), ""]}]},
        },
        "Resources": st.resources,
        "Outputs": {},
    }
    _drop_unused_parameters(doc)
    for lid in list(st.resources)[: rng.randint(1, 4)]:
        doc["Outputs"][lid] = {"Value": _ref(lid),
                               "Export": {"Name": _sub("${AWS::StackName}-" + lid)}}
    return doc, len(st.resources)


def _referenced_names(value, out):
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "Ref" and isinstance(v, str):
                out.add(v)
            elif k == "Fn::Sub":
                text = v[0] if isinstance(v, list) else v
                if isinstance(text, str):
                    out.update(part.split("}")[0].split(".")[0] for part in text.split("${")[1:])
            _referenced_names(v, out)
    elif isinstance(value, list):
        for v in value:
            _referenced_names(v, out)


def _used_conditions(value, out):
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "Fn::If" and isinstance(v, list) and v and isinstance(v[0], str):
                out.add(v[0])
            _used_conditions(v, out)
    elif isinstance(value, list):
        for v in value:
            _used_conditions(v, out)


def _drop_unused_parameters(doc):
    """Keeps only the conditions and parameters the resources use, as a tidy stack would."""
    conditions = set()
    _used_conditions(doc["Resources"], conditions)
    doc["Conditions"] = {k: v for k, v in doc["Conditions"].items() if k in conditions}
    if not doc["Conditions"]:
        del doc["Conditions"]
    used = set()
    _referenced_names(doc["Resources"], used)
    _referenced_names(doc.get("Conditions", {}), used)
    doc["Parameters"] = {k: v for k, v in doc["Parameters"].items() if k in used}
    if not any("Fn::FindInMap" in str(r) for r in doc["Resources"].values()):
        del doc["Mappings"]
