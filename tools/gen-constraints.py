#!/usr/bin/env python3
"""Extracts the request constraints of the KMS API model into Trent's own compact table.

The AWS service model (JSON, as published in com.amazonaws:aws-java-sdk-models on Maven Central)
carries each member's length, range, pattern and required flag. The AWS SDK for Java v2 model
classes do not, so Trent keeps this table beside them. Enum values are not copied: Trent reads
them from the SDK's enum classes, which are newer than any model file.

  curl -sO https://repo.maven.apache.org/maven2/com/amazonaws/aws-java-sdk-models/1.12.797/aws-java-sdk-models-1.12.797.jar
  unzip -p aws-java-sdk-models-1.12.797.jar models/kms-2014-11-01-model.json > kms.json
  tools/gen-constraints.py kms.json > src/main/resources/dev/trent/api/constraints.json
"""
import json
import sys

model = json.load(open(sys.argv[1]))
shapes = model["shapes"]


def member_constraint(shape_name):
    shape = shapes[shape_name]
    kind = shape["type"]
    out = {"type": kind}
    if shape.get("sensitive") or kind == "blob":
        out["hidden"] = True  # AWS leaves such values out of validation messages
    for bound in ("min", "max", "pattern"):
        if bound in shape:
            out[bound] = shape[bound]
    if "enum" in shape:
        out["enum"] = shape_name
    if kind == "structure":
        out["shape"] = shape_name
        pending.append(shape_name)
    elif kind == "list":
        out["member"] = member_constraint(shape["member"]["shape"])
    elif kind == "map":
        out["key"] = member_constraint(shape["key"]["shape"])
        out["value"] = member_constraint(shape["value"]["shape"])
    return out


table = {}
pending = [op["input"]["shape"] for op in model["operations"].values() if "input" in op]
while pending:
    name = pending.pop()
    if name in table:
        continue
    shape = shapes[name]
    required = set(shape.get("required", []))
    members = {}
    table[name] = members
    for member, ref in shape["members"].items():
        c = member_constraint(ref["shape"])
        if member in required:
            c["required"] = True
        members[member] = c

json.dump(dict(sorted(table.items())), sys.stdout, indent=1, sort_keys=True)
print()
