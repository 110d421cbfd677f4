"""Renders the model of openapi.yaml into files: models, resources, `api.md`, provenance."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

import jinja2

from ._spec import Api, Model, Op, Param, Prop, Resource, TypeInfo, class_name, module_name

MARKER = "# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates."
MD_MARKER = "<!-- Generated from openapi.yaml by `python -m codegen`. Do not edit. -->"
GENERATOR_VERSION = "1"
COMMON_OPTIONS = [
    "extra_headers: Headers | None = None",
    "extra_query: Query | None = None",
    "extra_body: Body | None = None",
    "timeout: float | httpx.Timeout | None | Omit = omit",
    "max_retries: int | Omit = omit",
]

_RESOURCE_DOCS = {
    "apps": "the apps of an account.",
    "users": "the users of an app.",
    "sessions": "a user's conversations, and the dialectic chat about the user.",
    "messages": "the messages of a session.",
    "metamessages": "a user's metamessages: notes about the user, optionally tied to a session and message.",
    "collections": "a user's named collections of documents.",
    "documents": "the documents of a collection, and similarity search over them.",
    "keys": "API keys, optionally scoped to an app, user, session or collection.",
}


def generator_id() -> str:
    # Only pinned tools are named here, so that --check does not depend on unpinned versions.
    return f"honcho_client codegen {GENERATOR_VERSION} (openapi-python-client {version('openapi-python-client')}, ruff {version('ruff')})"


def render(api: Api, spec_text: bytes) -> dict[Path, str]:
    """Every generated file (before formatting), by path relative to the repo root."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    models = {m.name: m for m in api.models}
    env.globals.update(
        marker=MARKER,
        field_annotation=_field_annotation,
        field_default=_field_default,
        resource_doc=lambda r: _RESOURCE_DOCS.get(r.name, ""),
        signature=_signature,
        return_type=_return_type,
        call_args=_call_args,
        docstring=_docstring,
        path_rule=lambda op: _tuple(f'"{p.name}"' for p in op.path_params),
        query_rule=lambda op: _tuple(
            _rule(p.name, p.type, p.required, models) for p in op.query_params
        ),
        body_rule=lambda op: _body_rule(op, models),
        parse_expr=_parse_expr,
        module_of=lambda cls: module_name(cls),
        md_return=_md_return,
        md_rules=_md_rules,
    )
    out: dict[Path, str] = {}
    types_dir = Path("honcho_client/types")
    for model in api.models:
        names = {n for p in model.props for n in p.type.models if n != model.name}
        deps = sorted((models[n] for n in names), key=lambda m: m.module)
        out[types_dir / f"{model.module}.py"] = env.get_template("model.py.jinja").render(
            model=model, deps=deps
        )
    out[types_dir / "__init__.py"] = env.get_template("types_init.py.jinja").render(
        models=api.models
    )

    out[Path("honcho_client/resources/__init__.py")] = _package_init(
        env, "The client's resource tree, one module per resource; see api.md."
    )
    for r in api.walk():
        if r.children:
            out[r.file.parent / "__init__.py"] = _package_init(
                env, f"`client.{r.dotted}` and the resources below it."
            )
        out[r.file] = env.get_template("resource.py.jinja").render(r=r, models=_resource_models(r))

    out[Path("honcho_client/_spec_info.py")] = env.get_template("spec_info.py.jinja").render(
        api=api, spec_sha256=hashlib.sha256(spec_text).hexdigest(), generator=generator_id()
    )
    out[Path("api.md")] = (
        MD_MARKER + "\n" + env.get_template("api.md.jinja").render(api=api, resources=api.walk())
    )
    return out


def _package_init(env: jinja2.Environment, doc: str) -> str:
    return env.get_template("package_init.py.jinja").render(doc=doc)


def _resource_models(r: Resource) -> list[str]:
    names: set[str] = set()
    for op in r.ops:
        if op.response_model:
            names.add(op.response_model)
        if op.response == "page":
            names.add(_page_class(op))
        for p in op.body_params:
            names.update(class_name(n) for n in p.type.models)
    return sorted(names)


def _page_class(op: Op) -> str:
    return f"Page{op.response_model}"


# Models ---------------------------------------------------------------------------------------


def _field_annotation(prop: Prop) -> str:
    ann = prop.type.model_annotation
    if not prop.required and not prop.has_default and not prop.type.nullable:
        ann += " | None"
    return ann


def _field_default(prop: Prop) -> str:
    if prop.required:
        return ""
    if not prop.has_default or prop.default is None:
        return " = None"
    if prop.default == {}:
        return " = Field(default_factory=dict)"
    if prop.default == []:
        return " = Field(default_factory=list)"
    return f" = {prop.default!r}"


# Resources ------------------------------------------------------------------------------------


def _param_annotation(p: Param) -> str:
    return p.type.param_annotation


def _signature(op: Op, variant: str) -> str:
    """Parameters of a method; `variant` picks the chat overload (false, true, bool, impl)."""
    params = ["self"]
    keyword: list[str] = []
    for p in op.path_params:
        (params if p.name == op.positional else keyword).append(f"{p.name}: str")
    params.append("*")
    params.extend(keyword)
    body = sorted(op.body_params, key=lambda p: not p.required)
    for p in [*body, *op.query_params]:
        ann = _param_annotation(p)
        if op.response == "chat" and p.name == "stream":
            if variant == "true":
                params.append("stream: Literal[True]")
                continue
            ann = "Literal[False]" if variant == "false" else "bool"
        params.append(f"{p.name}: {ann}" if p.required else f"{p.name}: {ann} | Omit = omit")
    params.extend(COMMON_OPTIONS)
    return ",\n        ".join(params) + ","


def _return_type(op: Op, sync: bool, variant: str) -> str:
    model = op.response_model
    if op.response == "model":
        return str(model)
    if op.response == "list":
        return f"builtins.list[{model}]"
    if op.response == "page":
        return f"SyncPage[{model}]" if sync else f"AsyncPaginator[{model}]"
    if op.response == "chat":
        stream = "ChatStream" if sync else "AsyncChatStream"
        return {"false": str(model), "true": stream}.get(variant, f"{model} | {stream}")
    return "object"


def _call_args(op: Op) -> str:
    def mapping(params: list[Param]) -> str:
        return "{" + ", ".join(f'"{p.name}": {p.name}' for p in params) + "}"

    args = [
        f"{op.constant}",
        mapping(op.path_params),
        mapping(op.query_params) if op.query_params else "None",
        mapping(op.body_params) if op.has_body else "None",
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
        "max_retries",
    ]
    return ",\n                ".join(args) + ","


def _docstring(op: Op) -> str:
    lines = [op.summary.rstrip(".") + "."]
    if op.description:
        lines += ["", op.description]
    lines += ["", f"``{op.http_method} {op.path}``"]
    params = [*op.path_params, *op.body_params, *op.query_params]
    described = [p for p in params if p.description]
    if described:
        lines += ["", "Args:"]
        lines += [f"    {p.name}: {p.description}" for p in described]
    return "\n".join(lines)


def _rule(name: str, t: TypeInfo, required: bool, models: dict[str, Model]) -> str:
    args = [f'"{name}"', _tuple(f'"{k}"' for k in t.kinds)]
    if required:
        args.append("required=True")
    if t.nullable:
        args.append("nullable=True")
    args += t.constraint.rule_args()
    if t.item_ref is not None:
        args.append(f"items={_schema_rule(models[t.item_ref], models)}")
    elif t.items is not None:
        args.append(f"items={_rule('items', t.items, False, models)}")
    return f"Field({', '.join(args)})"


def _schema_rule(model: Model, models: dict[str, Model]) -> str:
    fields = _tuple(
        _rule(p.name, p.type, p.required, models) for p in model.props if not p.read_only
    )
    return f'Schema("{model.name}", {fields})'


def _body_rule(op: Op, models: dict[str, Model]) -> str:
    if op.body_schema is None:
        return "None"
    return _schema_rule(models[op.body_schema], models)


def _parse_expr(op: Op) -> str:
    if op.response == "page":
        return f"{_page_class(op)}.model_validate_json"
    if op.response == "list":
        return f"{op.constant}_RESULT.validate_json"
    if op.response in ("model", "chat"):
        return f"{op.response_model}.model_validate_json"
    return "parse_json"


def _tuple(items: Iterable[str]) -> str:
    """A Python tuple literal without a trailing comma, so ruff keeps it on one line if it fits."""
    parts = list(items)
    return f"({parts[0]},)" if len(parts) == 1 else "(" + ", ".join(parts) + ")"


# api.md ---------------------------------------------------------------------------------------


def _md_return(op: Op) -> str:
    return _return_type(op, True, "impl").replace("builtins.", "")


def _md_rules(p: Param) -> str:
    c = p.type.constraint
    parts = [r.replace("=", " ") for r in c.rule_args()]
    if p.type.items is not None and p.type.item_ref:
        parts.append(f"items: {class_name(p.type.item_ref)}")
    return ", ".join(parts)
