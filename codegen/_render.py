"""Renders the model of a spec into files: models, resources, the root, `api.md`, provenance."""

from __future__ import annotations

import hashlib
import json
import keyword
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import jinja2

from .spec.model import Api, Location, Model, Op, Param, Prop, Resource, Type
from .spec.modules import module_order

GENERATOR_VERSION = "2"
_BUILTINS = ("list", "dict", "object", "str", "int", "float", "bool", "bytes", "type", "set")


@dataclass(frozen=True)
class Target:
    """What to generate: from which spec, into which package."""

    spec: Path
    package: str = "honcho_client"
    root_class: str = "HonchoResources"
    clients: bool = False  # also write `__init__.py` and `_client.py` with `Client`/`AsyncClient`

    @property
    def marker(self) -> str:
        return f"# Generated from {self.spec.name} by `python -m codegen`. Do not edit: change the spec or the templates."


def generator_id() -> str:
    # Only pinned tools are named here, so that --check does not depend on unpinned versions.
    return f"honcho_client codegen {GENERATOR_VERSION} (ruff {version('ruff')})"


def render(api: Api, spec_text: bytes, target: Target, docs: dict[str, str]) -> dict[Path, str]:
    """Every generated file (before formatting), by path relative to the output root."""
    pkg = target.package
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    by_key = {m.key: m for m in api.models}
    env.globals.update(
        marker=target.marker,
        pkg=pkg,
        root_class=target.root_class,
        api=api,
        field_line=_field_line,
        has_alias=lambda m: any(p.name != p.wire for p in m.props),
        typed_dict=_typed_dict,
        type_imports=lambda refs: _type_imports(refs, by_key, pkg),
        resource_doc=lambda r: _resource_doc(r, docs),
        operation=_operation,
        signature=_signature,
        call=_call,
        docstring=_docstring,
        result_type=_result_type,
        event_type=_event_type,
        flag_arg=_flag_arg,
        builtins_safe=_builtins_safe,
        md_result=_md_result,
        md_params=_md_params,
        resource_refs=_resource_refs,
        resource_names=_resource_names,
        indent_doc=_indent_doc,
        json=json.dumps,
        doc=doc_text,
        all_names=_all_names,
    )
    out: dict[Path, str] = {}
    base = Path(*pkg.split("."))
    types_dir = base / "types"
    modules: dict[str, list[Model]] = {}
    for model in api.models:
        modules.setdefault(model.module, []).append(model)
    for module, members in modules.items():
        out[types_dir / f"{module}.py"] = env.get_template("model.py.jinja").render(
            models=module_order(members), refs=_module_refs(members), shared=len(members) > 1
        )
    names = sorted(
        n
        for m in api.models
        for n in ([m.class_name, m.param_name] if m.typed_dict else [m.class_name])
    )
    out[types_dir / "__init__.py"] = env.get_template("types_init.py.jinja").render(
        models=api.models, names=names
    )
    out[base / "resources/__init__.py"] = _package_init(
        env, "The client's resource tree, one module per resource; see api.md."
    )
    out[base / "resources/_root.py"] = env.get_template("resource.py.jinja").render(
        r=api.root, cls=target.root_class
    )
    for r in api.resources:
        where = base / "resources" / Path(*r.module.split("."))
        if r.children:
            out[where.parent / "__init__.py"] = _package_init(
                env, f"`client.{r.dotted}` and the resources below it."
            )
        out[where.with_suffix(".py")] = env.get_template("resource.py.jinja").render(
            r=r, cls=r.class_name
        )
    out[base / "_spec_info.py"] = env.get_template("spec_info.py.jinja").render(
        spec_name=target.spec.name,
        spec_sha256=hashlib.sha256(spec_text).hexdigest(),
        generator=generator_id(),
    )
    out[Path("api.md")] = env.get_template("api.md.jinja").render(
        resources=[api.root, *api.resources], clients=_client_names(target)
    )
    if target.clients:
        out[base / "__init__.py"] = (
            env.get_template("package_init.py.jinja").render(
                doc=f"Client of {api.title} {api.version}, generated from {target.spec.name}."
            )
            + '\nfrom ._client import AsyncClient, Client\n\n__all__ = ["AsyncClient", "Client"]\n'
        )
        out[base / "_client.py"] = env.get_template("client.py.jinja").render()
    return out


def _client_names(target: Target) -> tuple[str, str]:
    return ("Client", "AsyncClient") if target.clients else ("Honcho", "AsyncHoncho")


def _package_init(env: jinja2.Environment, doc: str) -> str:
    return env.get_template("package_init.py.jinja").render(doc=doc)


def _resource_doc(r: Resource, docs: dict[str, str]) -> str:
    if r.dotted in docs:
        return docs[r.dotted].rstrip(".") + "."
    if not r.path:
        return "the root of the resource tree, which the clients derive from."
    return f"the `{r.name}` operations."


# Imports --------------------------------------------------------------------------------------


def _module_refs(models: list[Model]) -> set[str]:
    """The names a module of `types/` imports: those its models mention, less its own."""
    refs: set[str] = set()
    for model in models:
        refs |= model.refs
    return refs - {m.key for m in models}


def _resource_refs(r: Resource) -> set[str]:
    refs: set[str] = set()
    for op in r.ops:
        for p in op.params:
            refs |= p.type.refs
        refs |= op.result.type.refs
        if op.result.event is not None:
            refs |= op.result.event.refs
        if op.body is not None:
            refs.add(op.body.key)
    return refs


def _resource_names(r: Resource) -> str:
    """What a resource module imports from `_resource` (one line: ruff would leave it exploded)."""
    kinds = {op.result.kind for op in r.ops}
    streams = {op.result.stream for op in r.ops if op.result.kind == "stream"}
    names = ["C", "Raw", "Resource", "Streaming", "W"]
    if kinds - {"page", "stream", "events", "download"}:
        names.append("endpoint")
    for kind, name in (("page", "page_endpoint"), ("events", "events_endpoint")):
        if kind in kinds:
            names.append(name)
    if "download" in kinds:
        names.append("download_endpoint")
    if "text" in streams:
        names.append("stream_endpoint")
    if "events" in streams:
        names.append("event_stream_endpoint")
    return ", ".join(sorted(names, key=lambda n: (not n[0].isupper(), n)))


def _type_imports(refs: Iterable[str], by_key: dict[str, Model], pkg: str) -> list[str]:
    """`from <pkg>.types.x import X, XParam` lines; ruff drops the names a module does not use."""
    lines = []
    for model in sorted((by_key[k] for k in refs), key=lambda m: m.module):
        names = [model.class_name]
        if model.typed_dict:
            names.append(model.param_name)
        lines.append(f"from {pkg}.types.{model.module} import {', '.join(names)}")
    return lines


# Models ---------------------------------------------------------------------------------------


def _field_line(prop: Prop) -> str:
    ann = prop.type.model + _default_mismatch(prop)
    optional = not prop.required
    if optional and not prop.has_default and not prop.type.nullable:
        ann += " | None"
    args = [] if not optional else [_default_arg(prop)]
    if prop.name != prop.wire:
        args.append(f"alias={json.dumps(prop.wire)}")
    if not args:
        return f"{prop.name}: {ann}"
    if len(args) == 1 and not args[0].startswith(("default_factory=", "alias=")):
        return f"{prop.name}: {ann} = {args[0]}"
    return f"{prop.name}: {ann} = Field({', '.join(args)})"


_SCALARS = {bool: "bool", int: "int", float: "float", str: "str"}


def _default_mismatch(prop: Prop) -> str:
    """` | bool` for a `str` property whose default is `true`: the document's default does not
    fit its type, and the server sends that default, so the field's type says it may."""
    if not prop.has_default or prop.required:
        return ""
    kind = _SCALARS.get(type(prop.default))
    base = prop.type.model.split(" | ")[0]
    fits = kind == base or (kind == "int" and base == "float")
    return f" | {kind}" if kind and base in _SCALARS.values() and not fits else ""


def _default_arg(prop: Prop) -> str:
    """The default of an optional field: a value, or a factory of a fresh object of the field's
    type (an object or array default, checked like any value so a model default is a model)."""
    value = None if not prop.has_default else prop.default
    if isinstance(value, (dict, list)):
        plain = prop.type.model.split(" | ")[0] in ("dict[str, object]", "list[object]", "object")
        if value == [] or (value == {} and (plain or not prop.type.refs)):
            return f"default_factory={type(value).__name__}"
        return f"default_factory=lambda: {_py(value)}, validate_default=True"
    return _py(value)


def _typed_dict(model: Model, quoted: bool = False) -> tuple[bool, list[tuple[str, str]]]:
    """(functional syntax needed, [(key, annotation)]) of the model's TypedDict. In a module of
    models that refer to each other, the functional form's annotations are quoted (they may
    name a TypedDict defined below)."""
    items = []
    functional = False
    for p in model.props:
        if p.read_only:
            continue
        ann = p.type.param if p.required else f"NotRequired[{p.type.param}]"
        items.append((p.wire, ann))
        if not p.wire.isidentifier() or p.wire in _BUILTINS or p.wire in ("date", "datetime"):
            functional = True
    functional = functional or any(keyword.iskeyword(k) for k, _ in items)
    if functional and quoted:
        items = [(k, json.dumps(ann)) for k, ann in items]
    return functional, items


def _all_names(models: list[Model]) -> str:
    names = [
        n
        for m in models
        for n in ([m.class_name, m.param_name] if m.typed_dict else [m.class_name])
    ]
    return ", ".join(json.dumps(n) for n in names)


def doc_text(text: str) -> str:
    """`text` as the inside of a triple-quoted docstring: backslashes and quotes kept as written."""
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return text[:-1] + '\\"' if text.endswith('"') else text


def _py(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


# Resources ------------------------------------------------------------------------------------


def _result_type(op: Op) -> str:
    kind, t = op.result.kind, op.result.type
    if kind == "page":
        return f"Page[{t.model}]"
    if kind == "none":
        return "None"
    return t.model


def _flag_arg(op: Op) -> str:
    """`, flag="streaming"` when the property asking for the stream is not `stream`."""
    flag = op.stream_param
    return "" if flag is None or flag.name == "stream" else f", flag={json.dumps(flag.name)}"


def _event_type(op: Op) -> str:
    """The type of each event's data of an operation that streams events."""
    return op.result.event.model if op.result.event is not None else "object"


def _parse(op: Op) -> str:
    kind, t = op.result.kind, op.result.type
    if kind == "page":
        return f"Page[{t.model}].model_validate_json"
    if kind in ("model", "stream"):
        return f"{t.model}.model_validate_json"
    if kind == "none":
        return "no_content"
    if kind == "json":
        return "json.loads"
    if kind == "download":
        return "bytes"
    if kind == "text":
        return "bytes.decode"
    if kind == "events":
        return _event_parse(op)
    return f"JsonOf[{t.model}]({t.model})"


def _event_parse(op: Op) -> str:
    """How one event's data is read: any JSON value (or the text) when its schema says nothing."""
    event = _event_type(op)
    return "event_data" if event == "object" else f"JsonOf[{event}]({event})"


def _operation(op: Op, variant: str = "") -> str:
    """The keyword arguments of `Operation(...)`; with `variant` "events", of the operation a
    `stream=True` call sends (it asks for the event stream and reads events)."""

    def annotations(location: Location) -> str:
        params = op.where(location)
        return "{" + ", ".join(f"{json.dumps(p.wire)}: {p.type.model}" for p in params) + "}"

    args = [
        f'name="{op.dotted}"',
        f'method="{op.http_method}"',
        f'path="{op.path}"',
    ]
    locations: tuple[tuple[Location, str], ...] = (
        ("path", "path_params"),
        ("query", "query"),
        ("header", "headers"),
        ("cookie", "cookies"),
    )
    for location, arg in locations:
        if op.where(location):
            args.append(f"{arg}={annotations(location)}")
    if op.body is not None:
        args.append(f"body={op.body.class_name}")
    if op.body_encoding != "json":
        args.append(f'body_encoding="{op.body_encoding}"')
    if op.files:
        args.append(f"files={_tuple(json.dumps(f) for f in op.files)}")
    args.append(f"safe={op.safe}")
    events = variant == "events" or op.result.kind == "events"
    args.append(f"parse={_event_parse(op) if variant == 'events' else _parse(op)}")
    if op.deprecated:
        args.append("deprecated=True")
    accept = "text/event-stream" if variant == "events" else op.accept
    if accept != "application/json":
        args.append(f"accept={json.dumps(accept)}")
    if events:
        args.append("events=True")
    if op.result.stream_text is not None:
        args.append(f"stream_text={json.dumps(op.result.stream_text)}")
    json_query = [p.wire for p in op.where("query") if p.json]
    if json_query:
        args.append(f"json_query={_tuple(json.dumps(w) for w in json_query)}")
    return ", ".join(args)


def _ordered(op: Op) -> list[Param]:
    """Parameters in signature order: the positional one, then required, then optional."""
    rest = [p for p in op.params if p.name != op.positional]
    positional = [p for p in op.params if p.name == op.positional]
    return positional + [p for p in rest if p.required] + [p for p in rest if not p.required]


def _signature(op: Op, variant: str = "") -> str:
    """A builder's parameters; `variant` is "", "plain" or "stream" (streamable operations)."""
    parts = ["self"]
    keyword_only = False
    for p in _ordered(op):
        if p.name != op.positional and not keyword_only:
            parts.append("*")
            keyword_only = True
        if variant and p is op.stream_param:
            parts.append(
                f"{p.name}: Literal[True]"
                if variant == "stream"
                else f"{p.name}: Literal[False] = False"
            )
            continue
        ann = p.type.param
        if p.required:
            parts.append(f"{p.name}: {ann}")
        elif p.location == "body" and op.body_kind == "root":
            # An optional body that is one value: None sends no body (FastAPI reads both as None).
            parts.append(f"{p.name}: {ann if p.type.nullable else ann + ' | None'} = None")
        else:
            parts.append(f"{p.name}: {ann} | Omit = omit")
    parts.append("**options: Unpack[RequestOptions]")
    return ", ".join(parts)


def stream_default_false(op: Op) -> bool:
    stream = op.stream_param
    return op.result.kind == "stream" and stream is not None and stream.default is False


def _call(op: Op, variant: str = "", constant: str = "") -> str:
    """The arguments of `Call(...)`; `constant` names the operation when not `op.constant`."""

    def mapping(params: list[Param]) -> str:
        return "{" + ", ".join(f"{json.dumps(p.wire)}: {p.name}" for p in params) + "}"

    args = [constant or op.constant]
    locations: tuple[tuple[Location, str], ...] = (
        ("path", "path"),
        ("query", "query"),
        ("header", "headers"),
        ("cookie", "cookies"),
    )
    for location, arg in locations:
        if op.where(location):
            args.append(f"{arg}={mapping(op.where(location))}")
    body = op.where("body")
    if variant == "plain" and stream_default_false(op):
        # `stream=False` is the server's default: not sent, so a plain call's body stays as given.
        body = [p for p in body if p is not op.stream_param]
    if op.body_kind == "root":
        args.append(f"body={body[0].name}")
    elif op.body is not None:
        args.append(f"body={mapping(body)}")
    args.append("options=options")
    return ", ".join(args)


def _docstring(op: Op) -> str:
    lines = [op.summary.rstrip(".") + "."]
    if op.deprecated:
        lines += ["", "Deprecated: the API marks this operation as deprecated."]
    if op.description:
        lines += ["", op.description]
    lines += ["", f"``{op.http_method} {op.path}``"]
    described = [p for p in _ordered(op) if p.description or p.has_default or p.deprecated]
    if described:
        lines += ["", "Args:"]
        for p in described:
            text = p.description
            if p.deprecated:
                text = ("Deprecated. " + text).strip()
            if p.has_default:
                text = (
                    text.rstrip(".") + "." if text else ""
                ) + f" Server default: `{json.dumps(p.default)}`."
            lines.append(f"    {p.name}: {text.strip()}")
    return "\n".join(lines)


def _indent_doc(text: str) -> str:
    return doc_text(text).replace("\n", "\n        ").replace("        \n", "\n")


def _builtins_safe(text: str, r: Resource) -> str:
    """Annotations inside a class whose methods shadow builtins (`list`) name them `builtins.x`."""
    shadowed = [n for n in _BUILTINS if any(op.name == n for op in r.ops)]
    for name in shadowed:
        text = re.sub(rf"(?<![\w.\"']){name}\[", f"builtins.{name}[", text)
        text = re.sub(rf"(?<![\w.\"']){name}\b(?!\[)(?=[\],| ])", f"builtins.{name}", text)
    return text


# api.md ---------------------------------------------------------------------------------------


def _md_result(op: Op) -> str:
    kind, t = op.result.kind, op.result.type
    if kind == "page":
        return f"SyncPage[{t.plain}]"
    if kind == "stream" and op.result.stream == "events":
        return f"{t.plain}, or EventStream[{_event_plain(op)}] with stream=True"
    if kind == "stream":
        return f"{t.plain}, or ChatStream with stream=True"
    if kind == "events":
        return f"EventStream[{_event_plain(op)}]"
    if kind == "download":
        return "APIResponse[bytes] (a download, read on demand)"
    if kind == "none":
        return "None"
    return t.plain


def _event_plain(op: Op) -> str:
    return op.result.event.plain if op.result.event is not None else "object"


def _md_params(op: Op) -> list[tuple[str, str, str, str, str]]:
    """(name, location, type, required, rules and notes) of each parameter."""
    rows: list[tuple[str, str, str, str, str]] = []
    for p in _ordered(op):
        notes = list(p.type.rules)
        if p.has_default:
            notes.append(f"default `{json.dumps(p.default)}`")
        if p.deprecated:
            notes.append("**deprecated**")
        name = f"`{p.name}`" + (" (positional)" if p.name == op.positional else "")
        ann = "`" + _md_type(p.type).replace("|", "\\|") + "`"
        rows.append((name, p.location, ann, "yes" if p.required else "no", ", ".join(notes)))
    return rows


def _md_type(t: Type) -> str:
    return t.plain


def _tuple(items: Iterable[str]) -> str:
    """A tuple literal; the trailing comma only for one item (ruff would explode it otherwise)."""
    parts = list(items)
    return f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"
