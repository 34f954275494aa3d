"""No user-visible string outside the catalog.

The check reads the source (AST) of ``src/accountdesk`` and finds string literals with letters
that reach the user without ``_()``, ``ngettext()``, ``N_()``, ``pgettext()`` or
``npgettext()``. Where text reaches the user: Qt's text-setting calls and text widgets, the
static dialogs, the status bar signal, messages of ``UserError``/``ValidationError`` (and every
class of the source derived from them or from a Qt widget), argparse help, what the command
line prints and the PDF reports' paragraphs and headings.

A literal is followed to such a call when it is the argument or part of it (concatenated, in
an f-string, a list, either branch of ``a if c else b``, ``x or "none"``, the template of
``"….format()"`` or a word given to it, escaped or isolated); through names (assignments,
``append``, a ``for`` loop over a literal table, ``enumerate`` too; module constants, also
imported ones); through the result of a function of the source (``return``); and through the
functions of the source that show a parameter or a part of its items (``heading(text)``,
``_print(text)``, ``validation.fail(key, value, reason)``, ``combo(choices)``, constructors and
``super().__init__`` included), found by the same rules. A name given to ``.format()`` is data
put into a sentence (a path, a code, a key) and is not followed; nor is text kept in an
object's attribute and read elsewhere, or a literal handed to a function that does not show it
(``format_date(d, "EEE d MMM")``).

What is not text to translate (codes, rules, symbols) goes in :data:`ALLOWED`, with the reason.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import accountdesk

SRC = Path(accountdesk.__file__).parent

#: The translation facade (core/i18n.py): a call to one of these is marked, whatever it holds.
TRANSLATORS = frozenset({"_", "N_", "ngettext", "pgettext", "npgettext"})

#: Qt methods that show text, and which positional arguments hold it (None: all of them).
#: ``addItem`` and ``insertItem`` of a combo box take data after the text; only the text is
#: looked at.
QT_METHODS: dict[str, tuple[int, ...] | None] = {
    "createUndoAction": (1,),
    "createRedoAction": (1,),
    **dict.fromkeys(
        (
            "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
            "setWhatsThis", "setTitle", "setLabelText", "setInformativeText", "setDetailedText",
            "setCancelButtonText", "setPrefix", "setSuffix", "setSpecialValueText",
            "setAccessibleName", "setAccessibleDescription", "showMessage", "setHeaderLabels",
            "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setNameFilter",
            "setNameFilters", "addAction", "addTab", "insertTab", "addMenu", "addButton",
            "addRow", "addSection", "addItems", "setButtonText",
        ),
        None,
    ),
    "addItem": (0,),
    "insertItem": (1,),
    "setItemText": (1,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
}  # fmt: skip

#: Widgets and items whose constructor takes a text (and the classes of the tree derived from
#: them, found below).
QT_CLASSES = frozenset({
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox",
    "QCommandLinkButton", "QAction", "QMenu", "QMessageBox", "QProgressDialog", "QToolBar",
    "QDockWidget",
    "QListWidgetItem", "QTreeWidgetItem", "QTableWidgetItem", "QStandardItem",
})  # fmt: skip

#: The PDF reports' text: ReportLab's paragraph and the report's own text blocks and headings
#: (their text first), and what the canvas draws (x, y, text).
PDF_CLASSES = frozenset({"Paragraph", "TextBlock", "Heading"})
PDF_METHODS = frozenset({"drawString", "drawRightString", "drawCentredString"})

#: Static dialogs: every argument (titles, texts, captions and file filters).
QT_STATIC_OWNERS = frozenset({"QMessageBox", "QInputDialog", "QFileDialog", "QToolTip"})

#: Errors whose message is shown to the user as it is.
ERROR_CLASSES = frozenset({"UserError", "ValidationError", "DateInputError"})

#: Printing for the user (the command line); the project's own printing and showing
#: functions (``_print``, ``validation.fail``, ``detail.heading`` …) are found from these.
PRINTERS = frozenset({"print"})
#: ``sys.stderr.write`` and friends, the status bar signal.
PRINTER_METHODS = {("stderr", "write"), ("stdout", "write"), ("status", "emit")}
#: Keywords whose value argparse shows in ``--help`` (on any call).
HELP_KEYWORDS = frozenset({"help", "description", "epilog", "title", "usage"})
#: Keywords that hold codes, not text: ``ValidationError(…, key="due")`` names the field.
CODE_KEYWORDS = frozenset({"key"})

#: Literals with letters that are not text to translate: (path under src/accountdesk, the
#: literal) -> why.
ALLOWED: dict[tuple[str, str], str] = {
    ("ui/followups/schedule.py", "FREQ=MONTHLY;BYDAY=3MO"): (
        "an example of an iCalendar RRULE, which is written in these keywords in every language"
    ),
    ("cli.py", "accountdesk: "): "the command's name before its message, as argparse writes it",
    ("ui/followups/screen.py", "done"): (
        "a follow-up status's stored key, which labels.label() turns into its translated name"
    ),
    ("core/services/privacy.py", "accountdesk duplicates --undo "): (
        "a command to type (with the merge's id), the same in every language; the sentence "
        "around it is translated"
    ),
    ("ui/accounts/editor.py", "https://"): "a placeholder showing the start of a web address",
    ("core/io/names.py", "family_first"): (
        "a name order's stored key, which the contact editor's Name order box chooses by; the "
        "box shows its translated label"
    ),
    ("core/io/names.py", "given_first"): (
        "a name order's stored key, which the contact editor's Name order box chooses by; the "
        "box shows its translated label"
    ),
    ("ui/followups/screen.py", ".ics"): "the iCalendar file type, written alike in all languages",
    ("core/reports/documents.py", "UTC"): "the notation of an offset from UTC (UTC+03:30)",
    ("core/i18n.py", "UTC"): "the name of a fixed-offset zone, as an offset from UTC (UTC−03:00)",
    ("core/i18n.py", " Q"): (
        "format_quarter's compact form (\"2026 Q1\", a chart's short label: no word to translate);"
        ' the trend table\'s quarters (documents._trend_samples) are the translated "Q1 2026"'
    ),
}
# address.py's Latvian case endings ("a", "s" added to a surname) reach the reports' contact
# cells only through textlayout.person_name now (c5f7922), which the check does not follow:
# their entries would be stale (the test below).

#: A markup tag, also one cut at either end of a literal (``'<span style="color:'``,
#: ``'; font-weight:bold;">'``).
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<[A-Za-z][^<>]*$|^[^<>]*[\"']\s*/?>")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+);")
_FIELD = re.compile(r"\{[^{}]*\}")
_PRINTF = re.compile(r"%(?:\d+|[sdr])")


def has_words(text: str) -> bool:
    """Whether ``text`` has a letter outside markup tags, entities and format fields
    (``"<br>"``, ``"&nbsp;"``, ``"{a} – {b}"`` and ``"%1"`` have none)."""
    for pattern in (_TAG, _ENTITY, _FIELD, _PRINTF):
        text = pattern.sub("", text)
    return any(ch.isalpha() for ch in text)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str
    call: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r} reaches {self.call} untranslated"


def _name(node: ast.expr) -> str | None:
    """``f`` for ``f(...)``, ``m`` for ``x.y.m(...)``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _owner(node: ast.expr) -> str | None:
    """``y`` for ``x.y.m``: the name the method is looked up on."""
    if isinstance(node, ast.Attribute):
        return _name(node.value)
    return None


#: Calls that hand their argument's text on (escaped, isolated, marks taken out).
KEEPERS = frozenset(
    {"esc", "_escape", "escape", "isolate", "ltr", "isolate_lines", "paragraph", "plain", "str"}
)
#: Calls that hand on the items of the list they are given.
PASSERS = frozenset({"sorted", "reversed", "list", "tuple"})
#: Methods that put their argument into the list they are called on: ``lines.append(text)``.
ADDERS = frozenset({"append", "extend", "insert"})


def _flowing(node: ast.AST, values: bool = True) -> Iterator[ast.expr]:
    """What gives ``node`` its text untranslated: literals, names (their values are looked up)
    and calls of other functions (their results are); found in ``node`` itself, its parts in a
    concatenation, an f-string, a list, a conditional, a ``"….format()"`` or ``", ".join()``,
    or the argument of an escaping or isolating call (:data:`KEEPERS`). ``values``: the words
    given to ``.format()`` as well (an omission; a name given there holds data put into the
    sentence, a path, a code or a key, and is not followed)."""
    if isinstance(node, (ast.Constant, ast.Name)):
        yield node
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            yield from _flowing(
                part.value if isinstance(part, ast.FormattedValue) else part, values
            )
    elif isinstance(node, ast.BinOp):
        yield from _flowing(node.left, values)
        yield from _flowing(node.right, values)
    elif isinstance(node, ast.IfExp):
        yield from _flowing(node.body, values)
        yield from _flowing(node.orelse, values)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _flowing(value, values)
    elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        for element in node.elts:
            yield from _flowing(element, values)
    elif isinstance(node, ast.Starred):
        yield from _flowing(node.value, values)
    elif isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
        yield from _flowing(node.elt, values)
    elif isinstance(node, ast.Call):
        name = _name(node.func)
        if name in TRANSLATORS:
            return
        arguments = [*node.args, *(k.value for k in node.keywords)]
        if isinstance(node.func, ast.Attribute) and name == "format":
            yield from _flowing(node.func.value, values)
            for argument in arguments if values else ():
                yield from (p for p in _flowing(argument) if isinstance(p, ast.Constant))
            return
        if isinstance(node.func, ast.Attribute) and name == "join":
            yield from _flowing(node.func.value, values)
        elif name not in KEEPERS:
            yield node  # another function's result
            return
        for argument in arguments:
            yield from _flowing(argument, values)


def _module_path(module: str) -> str:
    """``core/validation.py`` for ``accountdesk.core.validation``."""
    return module.removeprefix("accountdesk.").replace(".", "/") + ".py"


def _chain(scope: Scope) -> Iterator[Scope]:
    """``scope`` and the scopes around it."""
    place: Scope | None = scope
    while place is not None:
        yield place
        place = place.parent


#: Where a part of a value sits: 0 is "each item", n the n-th element of a tuple; in
#: ``for label, (a, b) in table``, b is part (0, 2, 2) of table.
Path = tuple[int, ...]


@dataclass(frozen=True)
class Parameter:
    """A parameter of a function that a text comes from: all of it, or the part at ``path``
    of each of its items (``for key, text in choices`` shows part (1,) of ``choices``)."""

    scope: Scope
    name: str
    path: Path = ()


@dataclass(eq=False)
class Scope:
    """A module or a function (named ``f`` or ``Class.f``): its parameters' positions in a
    call (not counting self; -1: keyword-only), what its names are given (assignments,
    ``for`` loops, ``append``), what it returns and the calls in it."""

    path: str
    name: str
    parent: Scope | None
    where: dict[str, int] = field(default_factory=dict)
    assigned: dict[str, list[ast.expr]] = field(default_factory=dict)
    added: dict[str, list[ast.expr]] = field(default_factory=dict)  # list.append(item)
    looped: dict[str, list[tuple[ast.expr, Path]]] = field(default_factory=dict)
    returns: list[ast.expr] = field(default_factory=list)

    def give(self, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, ast.Name):
            self.assigned.setdefault(target.id, []).append(value)
        elif isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)):
            for one, other in zip(target.elts, value.elts, strict=False):
                self.give(one, other)

    def loop(self, target: ast.expr, iterable: ast.expr, path: Path = ()) -> None:
        """``for target in iterable``: each name of ``target`` with its part of an item (see
        :meth:`Source.parts`: 1 is the first element)."""
        if isinstance(target, ast.Name):
            self.looped.setdefault(target.id, []).append((iterable, path))
        elif isinstance(target, (ast.Tuple, ast.List)):
            for index, one in enumerate(target.elts, start=1):
                self.loop(one, iterable, (*path, index))


#: What a text comes from: a literal (with the scope it is written in) or a parameter.
Origin = tuple[ast.Constant, Scope] | Parameter


class Source:
    """The modules (path -> AST) read once: their scopes, calls, classes and imports, so a name
    can be followed to what it is given and a call to the function of the source it runs: a
    function of its module or one it imports, ``module.function``, ``Class(…)`` (its
    ``__init__``, maybe inherited), ``super().method``, or for ``anything.method`` every
    method of that name."""

    def __init__(self, trees: dict[str, ast.Module]) -> None:
        self.trees = trees
        self.calls: list[tuple[Scope, ast.Call, str | None]] = []  # with the method's class
        self.scopes: dict[tuple[str, str], Scope] = {}
        self.modules: dict[str, Scope] = {}
        self.classes_in: dict[str, set[str]] = {p: set() for p in trees}
        self.imported: dict[str, dict[str, tuple[str, str | None]]] = {p: {} for p in trees}
        self.bases: dict[str, set[str]] = {}
        self.methods_named: dict[str, list[tuple[str, str]]] = {}
        for path, tree in trees.items():
            self.modules[path] = Scope(path, "", None)
            self._read(tree, self.modules[path], None, None)
        self.classes = self._watched_classes()
        #: (module path, function name) -> the parameters it shows: (name, part of items)
        self.helpers: dict[tuple[str, str], set[tuple[str, Path]]] = {}

    def _read(self, node: ast.AST, scope: Scope, cls: str | None, owner: str | None) -> None:
        """Record what ``node`` holds; ``cls``: the class whose body this is, ``owner``: the
        class whose method this is in."""
        for child in ast.iter_child_nodes(node):
            inner, inner_cls, inner_owner = scope, None, owner
            if isinstance(child, ast.Call):
                self.calls.append((scope, child, owner))
                func = child.func
                if (
                    isinstance(func, ast.Attribute)
                    and func.attr in ADDERS
                    and isinstance(func.value, ast.Name)
                    and child.args
                ):
                    into = scope.assigned if func.attr == "extend" else scope.added
                    into.setdefault(func.value.id, []).append(child.args[-1])
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inner = self._function(scope, child, cls)
                inner_owner = cls or owner
            elif isinstance(child, ast.ClassDef):
                found = {name for base in child.bases if (name := _name(base))}
                self.bases.setdefault(child.name, set()).update(found)
                self.classes_in[scope.path].add(child.name)
                inner_cls = inner_owner = child.name
            elif isinstance(child, ast.Assign):
                for target in child.targets:
                    scope.give(target, child.value)
            elif isinstance(child, (ast.AnnAssign, ast.AugAssign)) and child.value is not None:
                scope.give(child.target, child.value)
            elif isinstance(child, (ast.For, ast.AsyncFor)):
                scope.loop(child.target, child.iter)
            elif isinstance(child, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                # its names are known to the calls inside it (``[QLabel(t) for t in …]``),
                # not to the value it makes, which is followed as its element
                inner = Scope(scope.path, scope.name, scope)
                for generator in child.generators:
                    inner.loop(generator.target, generator.iter)
            elif isinstance(child, ast.Return) and child.value is not None:
                scope.returns.append(child.value)
            elif isinstance(child, ast.ImportFrom) and child.module:
                for alias in child.names:
                    target = _module_path(f"{child.module}.{alias.name}")
                    self.imported[scope.path][alias.asname or alias.name] = (
                        (target, None)  # a module: from package import module
                        if target in self.trees
                        else (_module_path(child.module), alias.name)
                    )
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.asname:
                        self.imported[scope.path][alias.asname] = (_module_path(alias.name), None)
            self._read(child, inner, inner_cls, inner_owner)

    def _function(
        self, scope: Scope, node: ast.FunctionDef | ast.AsyncFunctionDef, cls: str | None
    ) -> Scope:
        arguments = node.args
        positional = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
        skip = 1 if cls is not None and positional[:1] in (["self"], ["cls"]) else 0
        name = f"{cls}.{node.name}" if cls else node.name
        function = Scope(scope.path, name, scope)
        function.where = {p: i - skip for i, p in enumerate(positional) if i >= skip}
        function.where.update((a.arg, -1) for a in arguments.kwonlyargs)
        self.scopes[(scope.path, name)] = function
        if cls:
            self.methods_named.setdefault(node.name, []).append((scope.path, name))
        return function

    def _watched_classes(self) -> frozenset[str]:
        """:data:`QT_CLASSES` and :data:`ERROR_CLASSES` with the classes of the source derived
        from them, at any depth."""
        watched = set(QT_CLASSES | ERROR_CLASSES)
        grown = True
        while grown:
            grown = False
            for name, parents in self.bases.items():
                if name not in watched and parents & watched:
                    watched.add(name)
                    grown = True
        return frozenset(watched)

    # --- calls ---------------------------------------------------------------------------

    def _named(self, module: str, name: str) -> list[tuple[str, str]]:
        """``name`` in ``module``: a function, or a class (its ``__init__``, maybe inherited)."""
        if name in self.classes_in.get(module, ()):
            return self._inherited({name}, "__init__")
        return [(module, name)]

    def _inherited(self, classes: set[str], method: str) -> list[tuple[str, str]]:
        """The ``method`` the first of ``classes`` (or their bases, nearest first) defines."""
        seen: set[str] = set()
        while classes - seen:
            seen |= classes
            known = self.methods_named.get(method, [])
            found = [k for k in known if k[1].split(".")[0] in classes]
            if found:
                return found
            classes = {base for c in classes for base in self.bases.get(c, ())}
        return []

    def targets(self, path: str, call: ast.Call, owner: str | None) -> list[Scope]:
        """The functions of the source that ``call`` (in module ``path``, in a method of class
        ``owner``) may run."""
        func = call.func
        keys: list[tuple[str, str]] = []
        if isinstance(func, ast.Name):
            module, name = self.imported[path].get(func.id, (path, func.id))
            keys = self._named(module, name) if name else []
        elif isinstance(func, ast.Attribute):
            method = func.attr
            module, name = self.imported[path].get(_name(func.value) or "", ("", "?"))
            if isinstance(func.value, ast.Call) and _name(func.value.func) == "super":
                keys = self._inherited(self.bases.get(owner or "", set()), method)
            elif name is None:  # module.function
                keys = self._named(module, method)
            elif not method.startswith("__"):
                keys = self.methods_named.get(method, [])  # a method of this or another object
        return [self.scopes[k] for k in keys if k in self.scopes]

    # --- names and values ----------------------------------------------------------------

    def lookup(
        self, name: str, scope: Scope
    ) -> tuple[list[tuple[ast.expr, Scope]], list[Parameter]]:
        """What ``name`` holds seen from ``scope``: the expressions it is given (with their
        scopes), and the parameters it comes from."""
        for place in _chain(scope):
            if name in place.where:
                return [], [Parameter(place, name)]
            given = [(e, place) for e in place.assigned.get(name, ())]
            given += [(e, place) for e in place.added.get(name, ())]
            parameters: list[Parameter] = []
            for iterable, path in place.looped.get(name, ()):
                elements, over = self.parts(iterable, place, (0, *path), None)
                given += elements
                parameters += over
            if given or parameters:
                return given, parameters
        module, attribute = self.imported[scope.path].get(name, ("", None))
        if attribute and module in self.modules:
            other = self.modules[module]
            return [(e, other) for e in other.assigned.get(attribute, ())], []
        return [], []

    def parts(
        self, node: ast.expr, scope: Scope, path: Path, owner: str | None, depth: int = 0
    ) -> tuple[list[tuple[ast.expr, Scope]], list[Parameter]]:
        """The part of ``node``'s value at ``path``, where 0 is "each item" and any other
        number n-1 the n-th element of a tuple (``path`` (0, 1): the second element of each
        item): followed through literal lists and tuples, names, ``append``, the results of
        functions and the ``sorted``/``list`` … around them; with the parameters it comes from.
        Parts that cannot be told apart here are not looked at."""
        if not path:
            return [(node, scope)], []
        if depth > 40:  # a name given itself, a function returning its own result …
            return [], []
        head, rest = path[0], path[1:]
        found: list[tuple[ast.expr, Scope]] = []
        parameters: list[Parameter] = []

        def more(sub: ast.expr, where: Scope, sub_path: Path) -> None:
            elements, over = self.parts(sub, where, sub_path, owner, depth + 1)
            found.extend(elements)
            parameters.extend(over)

        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            if head == 0:
                for item in node.elts:
                    more(item, scope, rest)
            elif isinstance(node, (ast.Tuple, ast.List)) and head - 1 < len(node.elts):
                more(node.elts[head - 1], scope, rest)
        elif isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)) and head == 0:
            more(node.elt, scope, rest)
        elif isinstance(node, ast.IfExp):
            more(node.body, scope, path)
            more(node.orelse, scope, path)
        elif isinstance(node, ast.Name):
            given, over = self.lookup(node.id, scope)
            parameters += [Parameter(p.scope, p.name, (*p.path, *path)) for p in over]
            items = [(e, h) for h in _chain(scope) for e in h.added.get(node.id, ())]
            for expression, where in given:
                if any(expression is e for e, _h in items):
                    if head == 0:
                        more(expression, where, rest)
                else:
                    more(expression, where, path)
        elif isinstance(node, ast.Call) and _name(node.func) in PASSERS and node.args:
            more(node.args[0], scope, path)
        elif isinstance(node, ast.Call) and _name(node.func) == "enumerate" and node.args:
            if head == 0 and rest[:1] == (2,):
                more(node.args[0], scope, (0, *rest[1:]))
        elif isinstance(node, ast.Call):
            for called in self.targets(scope.path, node, owner):
                for returned in called.returns:
                    elements, over = self.parts(returned, called, path, None, depth + 1)
                    found.extend(elements)
                    for parameter in over:
                        if parameter.scope is called:
                            for argument in _arguments(node, called, parameter.name):
                                more(argument, scope, parameter.path)
                        else:
                            parameters.append(parameter)
        return found, parameters

    def origins(
        self,
        node: ast.expr,
        scope: Scope,
        values: bool,
        owner: str | None,
        seen: set[tuple[int, int]],
        context: int = 0,
    ) -> Iterator[Origin]:
        """Where the text ``node`` shows comes from: literals (with the scope they are written
        in) and parameters, following names to what they are given and calls to what they
        return (a parameter of the called function to the argument given for it). ``seen``
        keeps each expression to one visit per call it is reached through (``context``)."""
        for part in _flowing(node, values):
            if (id(part), context) in seen:
                continue
            seen.add((id(part), context))
            if isinstance(part, ast.Constant):
                yield part, scope
            elif isinstance(part, ast.Name):
                given, parameters = self.lookup(part.id, scope)
                yield from parameters
                for expression, where in given:
                    yield from self.origins(expression, where, values, owner, seen)
            elif isinstance(part, ast.Call):
                for called in self.targets(scope.path, part, owner):
                    for returned in called.returns:
                        for origin in self.origins(returned, called, values, None, seen, id(part)):
                            if isinstance(origin, Parameter) and origin.scope is called:
                                for argument in _arguments(part, called, origin.name):
                                    yield from self.shown(
                                        argument, scope, origin.path, values, owner, seen, context
                                    )
                            else:
                                yield origin

    def shown(
        self,
        node: ast.expr,
        scope: Scope,
        path: Path,
        values: bool,
        owner: str | None,
        seen: set[tuple[int, int]],
        context: int = 0,
    ) -> Iterator[Origin]:
        """:meth:`origins` of the part of ``node`` at ``path`` (all of it for ())."""
        elements, parameters = self.parts(node, scope, path, owner)
        yield from parameters
        for element, where in elements:
            yield from self.origins(element, where, values, owner, seen, context)


def _arguments(call: ast.Call, function: Scope, parameter: str) -> list[ast.expr]:
    """What ``call`` gives ``function``'s ``parameter``."""
    position = function.where.get(parameter, -1)
    given = [k.value for k in call.keywords if k.arg == parameter]
    if 0 <= position < len(call.args):
        given.append(call.args[position])
    return given


def _text_arguments(
    source: Source, scope: Scope, call: ast.Call, owner: str | None
) -> tuple[str, list[tuple[ast.expr, Path]]] | None:
    """The name of ``call`` and the arguments of it that are shown as text (with the part of
    each that is shown: () for all of it), if it shows any."""
    name = _name(call.func)
    kind = _owner(call.func)
    everything = [
        *call.args,
        *(k.value for k in call.keywords if k.arg is not None and k.arg not in CODE_KEYWORDS),
    ]
    helps = [k.value for k in call.keywords if k.arg in HELP_KEYWORDS]
    if name is None:
        return None
    shown: list[ast.expr] = []
    label = name
    if isinstance(call.func, ast.Attribute) and name in QT_METHODS:
        positions = QT_METHODS[name]
        shown = (
            everything
            if positions is None
            else [call.args[i] for i in positions if i < len(call.args)]
        )
    elif name in PDF_CLASSES:
        shown = call.args[:1]
    elif isinstance(call.func, ast.Attribute) and name in PDF_METHODS:
        shown = call.args[2:3]
    elif kind in QT_STATIC_OWNERS:  # QMessageBox.warning(parent, title, text) …
        label, shown = f"{kind}.{name}", everything[1:]
    elif name == "ValidationError":  # (field, value, reason): the value is the user's data
        shown = [a for i, a in enumerate(call.args) if i != 1]
        shown += [k.value for k in call.keywords if k.arg in ("field", "reason")]
    elif name in source.classes or (isinstance(call.func, ast.Name) and name in PRINTERS):
        shown = everything
    elif (kind, name) in PRINTER_METHODS or (kind, name) == ("parser", "error"):
        label, shown = f"{kind}.{name}", list(call.args)
    else:
        parts = [
            (argument, path)
            for function in source.targets(scope.path, call, owner)
            for parameter, path in source.helpers.get((function.path, function.name), ())
            for argument in _arguments(call, function, parameter)
        ]
        if parts:
            return f"{name}()", parts
        if helps:
            return f"{name}(help=…)", [(h, ()) for h in helps]
        return None
    return label, [(argument, ()) for argument in shown]


def find_helpers(source: Source) -> None:
    """Fill ``source.helpers``: the functions that put a parameter (or a part of its items) on
    the screen or the terminal: it flows into a watched call, or into another such function,
    such as ``heading(text)``, ``_print(text)``, ``validation.fail(key, value, reason)`` or
    ``combo(choices)`` (the second part of each choice). A literal given for that parameter is
    then found at the call, as if it were given to Qt."""
    grown = True
    while grown:
        grown = False
        for scope, call, owner in source.calls:
            found = _text_arguments(source, scope, call, owner)
            for argument, path in found[1] if found else ():
                for origin in source.shown(argument, scope, path, False, owner, set()):
                    if isinstance(origin, Parameter) and origin.scope.name:
                        key = (origin.scope.path, origin.scope.name)
                        known = source.helpers.setdefault(key, set())
                        if (origin.name, origin.path) not in known:
                            known.add((origin.name, origin.path))
                            grown = True


def check(trees: dict[str, ast.Module]) -> list[Finding]:
    """Every untranslated literal that reaches the user in ``trees`` (path -> module)."""
    source = Source(trees)
    find_helpers(source)
    findings = []
    for scope, node, owner in source.calls:
        found = _text_arguments(source, scope, node, owner)
        if found is None:
            continue
        call, arguments = found
        for argument, path in arguments:
            for origin in source.shown(argument, scope, path, True, owner, set()):
                if isinstance(origin, Parameter):
                    continue
                literal, home = origin
                text = literal.value
                if isinstance(text, str) and has_words(text):
                    findings.append(Finding(home.path, literal.lineno, text, call))
    return list(dict.fromkeys(findings))


@cache
def _source_findings() -> tuple[Finding, ...]:
    trees = {
        path.relative_to(SRC).as_posix(): ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(SRC.rglob("*.py"))
    }
    return tuple(check(trees))


def _snippet(source: str, path: str = "ui/example.py") -> list[str]:
    return [f"{f.line}: {f.text}" for f in check({path: ast.parse(source)})]


# --- the source ------------------------------------------------------------------------------


def test_every_user_visible_literal_is_marked_for_translation() -> None:
    findings = _source_findings()
    unexplained = [str(f) for f in findings if (f.path, f.text) not in ALLOWED]
    assert unexplained == [], "\n" + "\n".join(unexplained)


def test_every_allowed_literal_is_still_there() -> None:
    """A stale entry would let the same text pass somewhere else unnoticed."""
    found = {(f.path, f.text) for f in _source_findings()}
    assert set(ALLOWED) - found == set()


# --- the checker itself ----------------------------------------------------------------------


def test_unmarked_qt_texts_are_found() -> None:
    source = """
label = QLabel("Next working window")
label.setText(_("Next working window"))
button.setToolTip("Opens the " + _("planner"))
box.setWindowTitle(f"Export {name}")
menu.addAction("Delete", self.delete)
table.setHeaderLabels([_("Name"), "Country"])
status.showMessage(ok and _("Saved") or "Failed")
combo.addItem(_("Gold"), "gold")
combo.addItem("Silver", "silver")
QMessageBox.warning(self, _("Import"), "The file is empty.")
"""
    assert _snippet(source) == [
        "2: Next working window",
        "4: Opens the ",
        "5: Export ",
        "6: Delete",
        "7: Country",
        "8: Failed",
        "10: Silver",
        "11: The file is empty.",
    ]


def test_marked_texts_codes_and_markup_pass() -> None:
    source = """
label.setText(_("Next working window"))
label.setText(ngettext("{n} contact", "{n} contacts", n).format(n=n))
label.setText(pgettext("status", "Open"))
label.setText(f"{start} – {end}")
label.setText("<br>".join(rows))
label.setText(", ".join(isolate(t) for t in tags))
label.setText(format_date(day, "EEE d MMM"))
label.setText(name)
combo.addItem(_("Gold"), "gold")
"""
    assert _snippet(source) == []


def test_format_templates_and_values_are_followed() -> None:
    source = """
label.setText("{n} contacts".format(n=n))
label.setText(_("Address them as: {name}").format(name="Sir"))
label.setText(_("Address them as: {name}").format(name=title or "unknown"))
"""
    assert _snippet(source) == ["2: {n} contacts", "3: Sir", "4: unknown"]


def test_errors_and_their_subclasses_are_watched() -> None:
    source = """
class CsvImportError(UserError):
    pass

class BrokenRow(CsvImportError):
    pass

raise UserError("The database is busy.")
raise BrokenRow(f"Row {n} is broken")
raise ValidationError(_("Name"), value, "is required")
raise ValidationError(_("Name"), value, _("is required"), key="name")
raise ValueError("internal: not for the user")
"""
    assert _snippet(source, "core/example.py") == [
        "8: The database is busy.",
        "9: Row ",
        "9:  is broken",
        "10: is required",
    ]


def test_functions_that_show_a_parameter_are_watched_at_their_calls() -> None:
    """``fail(key, value, reason)`` makes a ValidationError of its reason, ``_print`` prints,
    ``heading`` makes a label: a word given to them is found; the key, a code, is not."""
    source = """
def label(key):
    return _(LABELS[key])

def fail(key, value, reason):
    return ValidationError(label(key), value, reason, key=key)

def _print(text=""):
    sys.stdout.write(text + "\\n")

def heading(text, scale=1.5):
    widget = QLabel(esc(text))
    return widget

raise fail("status", None, "is required")
raise fail("status", None, _("is required"))
_print("No open follow-ups.")
title = heading(text="Follow-ups")
"""
    assert _snippet(source) == [
        "15: is required",
        "17: No open follow-ups.",
        "18: Follow-ups",
    ]


def test_helpers_are_told_apart_by_module() -> None:
    """A function shows text only where it is defined or imported from: another module's
    ``fail`` that shows nothing does not make its arguments text."""
    shows = "def fail(reason):\n    raise UserError(reason)\n"
    quiet = "def fail(code):\n    return CODES[code]\n"
    calls = (
        "from accountdesk.core.checks import fail\n"
        "from accountdesk.core import other\n"
        'fail("is required")\n'
        'other.fail("status")\n'
    )
    trees = {
        "core/checks.py": ast.parse(shows),
        "core/other.py": ast.parse(quiet),
        "ui/caller.py": ast.parse(calls),
    }
    assert [(f.path, f.line, f.text) for f in check(trees)] == [("ui/caller.py", 3, "is required")]


def test_command_line_output_and_help_are_watched() -> None:
    source = """
print("No open follow-ups.")
print(_("No open follow-ups."))
sys.stderr.write("Backups are kept in " + str(folder) + "\\n")
sys.stderr.write(f"\\r{percent:3d}%")
parser.add_argument("--seed", type=int, help="random seed")
sub.add_parser("demo", help=_("fill a database with demo data"))
parser.error("a value is required")
self.ctx.status.emit("Saved.")
"""
    assert _snippet(source, "cli.py") == [
        "2: No open follow-ups.",
        "4: Backups are kept in ",
        "6: random seed",
        "8: a value is required",
        "9: Saved.",
    ]


def test_names_lists_and_loops_over_tables_are_followed() -> None:
    source = """
def build(self, status, owner):
    title = "Change the passphrase"
    self.setWindowTitle(title)
    lines = [_("First line")]
    lines.append("Second line")
    self.label.setText("\\n".join(lines))
    for text, slot in ((_("Edit…"), self.edit), ("Delete", self.delete)):
        self.menu.addAction(text, slot)
    cards = [(_("Status"), status), ("Owner", owner)]
    for column, (caption, value) in enumerate(cards):
        self.grid.addWidget(QLabel(caption), 0, column)
    labels = [QLabel(t) for t in ("Name", _("Country"))]
"""
    assert _snippet(source) == [
        "3: Change the passphrase",
        "6: Second line",
        "8: Delete",
        "10: Owner",
        "13: Name",
    ]


def test_the_shown_part_of_a_table_is_told_from_its_keys() -> None:
    """``combo`` shows the second part of each choice: its word is found, the key is not, and
    a key shown only when a label is missing (``table_choices``) is not a word to translate."""
    source = """
def combo(choices, *, empty=None):
    box = QComboBox()
    for key, text in choices:
        box.addItem(text, key)
    return box

def table_choices(table, keys):
    return [(k, _(table[k]) if k in table else k) for k in keys]

CHANNELS = [("email", _("E-mail")), ("phone", "Phone")]
combo(CHANNELS)
combo([("x", "Extra")], empty="none")
combo(table_choices(LABELS, ("gold", "silver")))
"""
    assert _snippet(source) == ["11: Phone", "13: Extra"]


def test_results_constructors_and_inherited_methods_are_followed() -> None:
    source = """
class FormDialog(QDialog):
    def __init__(self, title, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)

class ItemDialog(FormDialog):
    pass

class NoteDialog(ItemDialog):
    def __init__(self, item):
        super().__init__("Edit note" if item else _("New note"))

def hint():
    return "Write the date and time"

def bold(text):
    return f"<b>{text}</b>"

label.setText(hint())
label.setText(bold("Due"))
dialog = ItemDialog("Edit deal")
"""
    assert _snippet(source) == [
        "12: Edit note",
        "15: Write the date and time",
        "21: Due",
        "22: Edit deal",
    ]


def test_report_text_is_watched() -> None:
    source = """
story.append(Paragraph("Accounts at risk", style))
story.append(Paragraph(_("Accounts at risk"), style))
canvas.drawString(x, y, "Page")
canvas.drawString(x, y, page_text)
"""
    assert _snippet(source, "core/reports/example.py") == ["2: Accounts at risk", "4: Page"]


def test_derived_widgets_are_watched() -> None:
    source = """
class LeadingLabel(QLabel):
    pass

class Heading(LeadingLabel):
    pass

title = Heading("Follow-ups")
"""
    assert _snippet(source) == ["8: Follow-ups"]


def test_words_are_letters_outside_markup_fields_and_entities() -> None:
    assert has_words("Open")
    assert has_words("{n} h")
    assert has_words("بازدید")
    assert not has_words("<br>")
    assert not has_words('<span style="color:') and not has_words('; font-weight:bold;">')
    assert has_words("Next >") and has_words("under < 5 %")
    assert not has_words("&nbsp;·&nbsp;")
    assert not has_words("{a} – {b}")
    assert not has_words("%1 / %2")
    assert not has_words("\u2068{name}\u2069")
