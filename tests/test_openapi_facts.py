"""openapi.yaml must state the same API facts as the published Honcho 1.1.0 reference.

Prose (descriptions, summaries, code samples, contact) is ours and is ignored when comparing,
as are our ``x-sdk-*`` generator hints. Everything else -- operations, parameters, bodies,
responses, security and every component schema -- has to match exactly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]
from _shared import REPO_ROOT, shared_dir

OPENAPI_PATH = REPO_ROOT / "openapi.yaml"
REFERENCE_FILE = Path("reference") / "honcho-openapi-1.1.0.json"
SEED_FILE = Path("seed") / "000_9294f9c22b9911bd.txt"

EXPECTED_OPERATIONS = 41
EXPECTED_SCHEMAS = 41
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PROSE_KEYS = frozenset({"description", "summary", "x-codeSamples", "contact"})
SDK_PREFIX = "x-sdk-"
MAX_REPORTED_DIFFERENCES = 20

# Literal path segments that name an action rather than a resource.
ACTION_SEGMENTS = frozenset(
    {"v1", "list", "name", "get_or_create", "batch", "query", "chat", "clone"}
)

OperationKey = tuple[str, str]  # (path, method)


# --------------------------------------------------------------------------- loading


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _shared_file(relative: Path) -> Path | None:
    base = shared_dir()
    if base is None:
        return None
    candidate = base / relative
    return candidate if candidate.is_file() else None


def _require_shared_file(relative: Path) -> Path:
    found = _shared_file(relative)
    if found is None:
        base = shared_dir()
        where = base / relative if base is not None else Path("..") / "shared" / relative
        pytest.skip(
            f"../shared/reference not found: {where} is missing "
            "(set HONCHO_SHARED_DIR or put a copy of shared/ beside the repository)"
        )
    return found


def _load_reference() -> Any:
    found = _shared_file(REFERENCE_FILE)
    if found is None:
        return None
    return json.loads(found.read_text(encoding="utf-8"))


OURS: dict[str, Any] = _load_yaml(OPENAPI_PATH)
# Only used to build the parametrize lists; tests go through the ``reference`` fixture.
_REFERENCE_AT_COLLECTION: dict[str, Any] | None = _load_reference()


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    path = _require_shared_file(REFERENCE_FILE)
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


# --------------------------------------------------------------------------- helpers


def operations(doc: dict[str, Any]) -> dict[OperationKey, dict[str, Any]]:
    """All operations of a document, keyed by (path, method), in document order."""
    found: dict[OperationKey, dict[str, Any]] = {}
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                found[(path, method)] = op
    return found


def op_id(key: OperationKey) -> str:
    return f"{key[1].upper()} {key[0]}"


def normalise(node: Any, *, property_names: bool = False) -> Any:
    """Drop prose and our generator hints, recursively.

    Inside a ``properties`` mapping the keys are property names, so nothing is dropped there
    (a property may well be called ``description``); the property schemas are normalised.
    """
    if isinstance(node, dict):
        if property_names:
            return {name: normalise(schema) for name, schema in node.items()}
        return {
            key: normalise(value, property_names=key == "properties")
            for key, value in node.items()
            if key not in PROSE_KEYS and not key.startswith(SDK_PREFIX)
        }
    if isinstance(node, list):
        return [normalise(item) for item in node]
    return node


def operation_facts(op: dict[str, Any]) -> dict[str, Any]:
    """The normalised operation, with parameters keyed by (in, name) plus their order."""
    facts: dict[str, Any] = normalise(op)
    params: list[dict[str, Any]] = facts.pop("parameters", [])
    facts["parameters"] = {(p.get("in"), p.get("name")): p for p in params}
    facts["parameter order"] = [f"{p.get('in')}:{p.get('name')}" for p in params]
    return facts


def _step(path: str, key: object) -> str:
    if isinstance(key, str) and re.fullmatch(r"[A-Za-z_][\w-]*", key):
        return f"{path}.{key}"
    if isinstance(key, tuple):
        return f"{path}[{':'.join(str(part) for part in key)}]"
    shown = json.dumps(key) if isinstance(key, str) else repr(key)
    return f"{path}[{shown}]"


def _show(value: Any) -> str:
    text = json.dumps(value, default=str, sort_keys=True)
    return text if len(text) <= 120 else text[:117] + "..."


def diff(ours: Any, theirs: Any, path: str = "$") -> Iterator[str]:
    """Yield one line per difference, each naming the JSON path where it occurs."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for key in [*theirs, *(k for k in ours if k not in theirs)]:
            where = _step(path, key)
            if key not in ours:
                yield f"{where}: missing in openapi.yaml (expected {_show(theirs[key])})"
            elif key not in theirs:
                yield f"{where}: not expected (openapi.yaml has {_show(ours[key])})"
            else:
                yield from diff(ours[key], theirs[key], where)
    elif isinstance(ours, list) and isinstance(theirs, list):
        for index, (mine, other) in enumerate(zip(ours, theirs, strict=False)):
            yield from diff(mine, other, _step(path, index))
        if len(ours) != len(theirs):
            yield (
                f"{path}: {len(ours)} items in openapi.yaml, {len(theirs)} expected "
                f"(expected {_show(theirs)})"
            )
    elif type(ours) is not type(theirs) or ours != theirs:
        # The type check keeps 1 vs true and 1 vs 1.0 apart.
        yield f"{path}: openapi.yaml has {_show(ours)}, expected {_show(theirs)}"


def assert_same(ours: Any, theirs: Any, what: str, source: str = "the reference") -> None:
    differences = list(diff(ours, theirs))
    if not differences:
        return
    shown = differences[:MAX_REPORTED_DIFFERENCES]
    more = len(differences) - len(shown)
    lines = [f"{what}: openapi.yaml differs from {source}:", *(f"  {d}" for d in shown)]
    if more:
        lines.append(f"  ... and {more} more")
    pytest.fail("\n".join(lines), pytrace=False)


def prose(node: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    """Yield (json path, text) for every description/summary in a document."""
    if isinstance(node, dict):
        for key, value in node.items():
            where = _step(path, key)
            if key in ("description", "summary") and isinstance(value, str):
                yield where, value
            else:
                yield from prose(value, where)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from prose(item, _step(path, index))


def _comparable_text(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".")


def _keys_union(ours: list[Any], theirs: list[Any] | None) -> list[Any]:
    return [*ours, *(k for k in (theirs or []) if k not in ours)]


OPERATION_KEYS: list[OperationKey] = _keys_union(
    list(operations(OURS)),
    list(operations(_REFERENCE_AT_COLLECTION)) if _REFERENCE_AT_COLLECTION else None,
)
SCHEMA_NAMES: list[str] = _keys_union(
    list(OURS.get("components", {}).get("schemas", {})),
    list(_REFERENCE_AT_COLLECTION["components"]["schemas"]) if _REFERENCE_AT_COLLECTION else None,
)


# --------------------------------------------------------------------------- openapi.yaml alone


def test_openapi_yaml_is_a_valid_3_1_document() -> None:
    validator = pytest.importorskip("openapi_spec_validator")
    assert OURS["openapi"] == "3.1.0"
    validator.validate(OURS)


def test_openapi_python_client_accepts_the_document() -> None:
    schema = pytest.importorskip("openapi_python_client.schema")
    schema.OpenAPI.model_validate(OURS)


def test_counts() -> None:
    assert len(operations(OURS)) == EXPECTED_OPERATIONS
    assert len(OURS["components"]["schemas"]) == EXPECTED_SCHEMAS


def test_no_code_samples() -> None:
    text = OPENAPI_PATH.read_text(encoding="utf-8")
    assert "x-codeSamples" not in text
    assert "codesample" not in text.casefold().replace("-", "").replace("_", "")


def test_every_operation_has_sdk_hints() -> None:
    problems: list[str] = []
    owners: dict[tuple[str, str], str] = {}
    for key, op in operations(OURS).items():
        name = op_id(key)
        resource, method = op.get("x-sdk-resource"), op.get("x-sdk-method")
        if not isinstance(resource, str) or not re.fullmatch(r"[a-z_]+(\.[a-z_]+)*", resource):
            problems.append(f"{name}: bad x-sdk-resource {resource!r}")
            continue
        if not isinstance(method, str) or not method.isidentifier():
            problems.append(f"{name}: bad x-sdk-method {method!r}")
            continue
        if (resource, method) in owners:
            problems.append(
                f"{name}: {resource}.{method} already used by {owners[resource, method]}"
            )
        owners[(resource, method)] = name
        # The resource path mirrors the URL's resource segments (/v1/apps/{app_id}/users -> apps.users).
        segments = [
            part
            for part in key[0].strip("/").split("/")
            if not part.startswith("{") and part not in ACTION_SEGMENTS
        ]
        if resource.split(".") != segments:
            problems.append(f"{name}: x-sdk-resource {resource!r} does not follow the URL")
    assert not problems, "\n".join(problems)


def test_read_only_flag_marks_exactly_the_query_posts() -> None:
    problems: list[str] = []
    for (path, method), op in operations(OURS).items():
        expected = method == "post" and (
            path.endswith("/list") or path.endswith("/documents/query")
        )
        flag = op.get("x-sdk-read-only", False)
        if flag is not expected:
            problems.append(f"{op_id((path, method))}: x-sdk-read-only={flag!r}, want {expected}")
    assert not problems, "\n".join(problems)


def test_every_operation_and_response_is_described() -> None:
    missing: list[str] = []
    for key, op in operations(OURS).items():
        for field in ("summary", "description"):
            if not str(op.get(field, "")).strip():
                missing.append(f"{op_id(key)}: no {field}")
        for code, response in op["responses"].items():
            if not str(response.get("description", "")).strip():
                missing.append(f"{op_id(key)}: response {code} has no description")
    assert not missing, "\n".join(missing)


# --------------------------------------------------------------------------- against the reference


def test_info_and_servers(reference: dict[str, Any]) -> None:
    assert_same(
        {k: OURS["info"].get(k) for k in ("title", "version")} | {"openapi": OURS["openapi"]},
        {k: reference["info"].get(k) for k in ("title", "version")}
        | {"openapi": reference["openapi"]},
        "info",
    )
    assert_same(
        [s["url"] for s in OURS["servers"]], [s["url"] for s in reference["servers"]], "servers"
    )
    assert_same(normalise(OURS.get("security")), normalise(reference.get("security")), "security")


def test_security_schemes(reference: dict[str, Any]) -> None:
    assert_same(
        normalise(OURS["components"]["securitySchemes"]),
        normalise(reference["components"]["securitySchemes"]),
        "components.securitySchemes",
    )


def test_operation_sets_are_equal(reference: dict[str, Any]) -> None:
    ours, theirs = set(operations(OURS)), set(operations(reference))
    assert len(theirs) == EXPECTED_OPERATIONS
    assert not theirs - ours, f"missing in openapi.yaml: {sorted(map(op_id, theirs - ours))}"
    assert not ours - theirs, f"not in the reference: {sorted(map(op_id, ours - theirs))}"
    assert len(ours) == EXPECTED_OPERATIONS


def test_path_and_method_order_follows_the_reference(reference: dict[str, Any]) -> None:
    assert_same(
        [op_id(k) for k in operations(OURS)], [op_id(k) for k in operations(reference)], "order"
    )


def test_schema_sets_are_equal(reference: dict[str, Any]) -> None:
    ours, theirs = set(OURS["components"]["schemas"]), set(reference["components"]["schemas"])
    assert len(theirs) == EXPECTED_SCHEMAS
    assert not theirs - ours, f"missing in openapi.yaml: {sorted(theirs - ours)}"
    assert not ours - theirs, f"not in the reference: {sorted(ours - theirs)}"
    assert len(ours) == EXPECTED_SCHEMAS


@pytest.mark.parametrize("key", OPERATION_KEYS, ids=op_id)
def test_operation_matches_reference(key: OperationKey, reference: dict[str, Any]) -> None:
    ours, theirs = operations(OURS).get(key), operations(reference).get(key)
    assert ours is not None, f"{op_id(key)} is missing from openapi.yaml"
    assert theirs is not None, f"{op_id(key)} is not in the reference"
    assert_same(operation_facts(ours), operation_facts(theirs), op_id(key))


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_matches_reference(name: str, reference: dict[str, Any]) -> None:
    ours = OURS["components"]["schemas"].get(name)
    theirs = reference["components"]["schemas"].get(name)
    assert ours is not None, f"schema {name} is missing from openapi.yaml"
    assert theirs is not None, f"schema {name} is not in the reference"
    assert_same(normalise(ours), normalise(theirs), f"components.schemas.{name}")


def test_prose_is_not_copied_from_the_reference(reference: dict[str, Any]) -> None:
    """No description or summary of ours may repeat one of the reference's.

    This is stricter than comparing node by node: a text may not reappear anywhere.
    """
    theirs: dict[str, list[str]] = {}
    for where, text in prose(reference):
        theirs.setdefault(_comparable_text(text), []).append(where)
    copied = [
        f"{where}: {text!r} (reference: {', '.join(theirs[_comparable_text(text)][:3])})"
        for where, text in prose(OURS)
        if _comparable_text(text) in theirs
    ]
    assert not copied, "texts copied from the reference:\n" + "\n".join(copied)


# --------------------------------------------------------------------------- against the seed page


def _seed_document() -> dict[str, Any]:
    page = _require_shared_file(SEED_FILE).read_text(encoding="utf-8")
    match = re.search(r"^````ya?ml[^\n]*\n(.*?)^````[ \t]*$", page, re.MULTILINE | re.DOTALL)
    assert match, f"no ````yaml block in {SEED_FILE}"
    seed: dict[str, Any] = yaml.safe_load(match.group(1))
    return seed


def test_seed_page_matches() -> None:
    seed = _seed_document()
    seed_operations = operations(seed)
    assert seed_operations, "the seed page defines no operation"
    for key, op in seed_operations.items():
        ours = operations(OURS).get(key)
        assert ours is not None, f"{op_id(key)} (from the seed page) is missing from openapi.yaml"
        assert_same(operation_facts(ours), operation_facts(op), op_id(key), "the seed page")
    seed_schemas: dict[str, Any] = seed["components"]["schemas"]
    assert seed_schemas, "the seed page defines no schema"
    for name, schema in seed_schemas.items():
        ours_schema = OURS["components"]["schemas"].get(name)
        assert ours_schema is not None, f"schema {name} (from the seed page) is missing"
        assert_same(
            normalise(ours_schema), normalise(schema), f"components.schemas.{name}", "the seed page"
        )
    assert_same(
        normalise(OURS["components"]["securitySchemes"]),
        normalise(seed["components"]["securitySchemes"]),
        "components.securitySchemes",
        "the seed page",
    )
    assert_same([s["url"] for s in OURS["servers"]], [s["url"] for s in seed["servers"]], "servers")
