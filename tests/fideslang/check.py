"""Validates fideslang manifests with fideslang itself: the `Taxonomy` model (which checks each
system and its privacy declarations), then every data category, data use and data subject a
declaration names against fideslang's default taxonomy."""

import json
import sys

from fideslang.default_taxonomy import DEFAULT_TAXONOMY
from fideslang.models import Taxonomy


def check(path):
    with open(path, encoding="utf-8") as file:
        taxonomy = Taxonomy(**json.load(file))
    known = {
        "data category": {item.fides_key for item in DEFAULT_TAXONOMY.data_category},
        "data use": {item.fides_key for item in DEFAULT_TAXONOMY.data_use},
        "data subject": {item.fides_key for item in DEFAULT_TAXONOMY.data_subject},
    }
    problems = []
    declarations = 0
    for system in taxonomy.system:
        for declaration in system.privacy_declarations:
            declarations += 1
            named = {
                "data category": declaration.data_categories,
                "data use": [declaration.data_use],
                "data subject": declaration.data_subjects,
            }
            for kind, keys in named.items():
                problems += [
                    f"{declaration.name}: unknown {kind} {key!r}"
                    for key in keys
                    if key not in known[kind]
                ]
    if declarations == 0:
        problems.append("no privacy declarations")
    return declarations, problems


def main(paths):
    failed = False
    for path in paths:
        try:
            declarations, problems = check(path)
        except Exception as error:  # the model's validation error, with fideslang's message
            print(f"FAIL {path}: {error}")
            failed = True
            continue
        if problems:
            failed = True
            print(f"FAIL {path}: " + "; ".join(problems))
        else:
            print(f"ok: {path} ({declarations} declarations)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
