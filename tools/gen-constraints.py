#!/usr/bin/env python3
"""Extracts the request constraints of the KMS API model into Trent's own compact table.

The AWS service model (JSON, as published in com.amazonaws:aws-java-sdk-models on Maven Central)
carries each member's length, range and pattern. The AWS SDK for Java v2 model classes do not, so
Trent keeps this table beside them. Which members are required is taken from the current API as
the AWS SDK for JavaScript v3 declares it (a member without "?" in its TypeScript interface),
since the model file is older and AWS has since made some members optional. Enum values are not
copied: Trent reads them from the SDK's enum classes. Members newer than the model file are
described by hand in constraints-supplement.tsv.

  curl -sO https://repo.maven.apache.org/maven2/com/amazonaws/aws-java-sdk-models/1.12.797/aws-java-sdk-models-1.12.797.jar
  unzip -p aws-java-sdk-models-1.12.797.jar models/kms-2014-11-01-model.json > kms.json
  npm pack @aws-sdk/client-kms && tar xzf aws-sdk-client-kms-*.tgz
  tools/gen-constraints.py kms.json package/dist-types/models/models_0.d.ts \
      > src/main/resources/dev/trent/api/constraints.tsv

One line per constrained member, tab-separated: the structure, the member path (".member" for the
elements of a list, ".key" / ".value" for a map's), then attributes as name=value (a bare name is
a flag). A member of structure type names its structure with shape=NAME, described by its own lines.
Plain text rather than JSON, so that reading it costs Trent's start-up next to nothing.
"""
import json
import re
import sys

model = json.load(open(sys.argv[1]))
shapes = model["shapes"]

# interface NAME { Member: ...; Other?: ...; }: the members without "?" are required
declared = {}
for name, body in re.findall(r"export interface (\w+) \{(.*?)\n\}", open(sys.argv[2]).read(), re.S):
    declared[name] = {m: not optional for m, optional in re.findall(r"^    (\w+)(\??):", body, re.M)}


def attributes(shape_name):
    shape = shapes[shape_name]
    kind = shape["type"]
    out = [f"type={kind}"]
    if shape.get("sensitive") or kind == "blob":
        out.append("hidden")  # AWS leaves such values out of validation messages
    for bound in ("min", "max", "pattern"):
        if bound in shape:
            out.append(f"{bound}={shape[bound]}")
    if "enum" in shape:
        out.append(f"enum={shape_name}")
    if kind == "structure":
        out.append(f"shape={shape_name}")
        pending.append(shape_name)
    return out


def member_lines(structure, path, shape_name, required):
    shape = shapes[shape_name]
    attrs = attributes(shape_name) + (["required"] if required else [])
    lines.append("\t".join([structure, path] + attrs))
    if shape["type"] == "list":
        member_lines(structure, path + ".member", shape["member"]["shape"], False)
    elif shape["type"] == "map":
        member_lines(structure, path + ".key", shape["key"]["shape"], False)
        member_lines(structure, path + ".value", shape["value"]["shape"], False)


lines = []
done = set()
pending = [op["input"]["shape"] for op in model["operations"].values() if "input" in op]
while pending:
    name = pending.pop()
    if name in done:
        continue
    done.add(name)
    shape = shapes[name]
    required = declared[name]
    for member, ref in shape["members"].items():
        member_lines(name, member, ref["shape"], required.get(member, False))

for line in sorted(lines):
    assert "\n" not in line
    print(line)
