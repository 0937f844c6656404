"""Static checks of the web client (no browser, no server): every module parses, every import names an export of its
module, no HTML is written from strings, and every text shown through t('...') has its Mexican Spanish translation.

ESLint is not used: Debian's package (6.4) is broken on this Node (a missing dependency) and older than the syntax the
client uses (optional chaining), and PyPI has no maintained JavaScript linter; `node --check` parses each module instead.
"""
import os
import re
import shutil
import subprocess

import pytest

from conftest import ROOT

WEB = ROOT / "web" / "js"
MODULES = sorted(WEB.glob("*.js"))
NODE = shutil.which("node") or shutil.which("nodejs")


def source(path):
    return path.read_text(encoding="utf-8")


@pytest.mark.skipif(not NODE and os.environ.get("CI") != "true", reason="Node.js is not installed (apt-get install nodejs)")
@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_module_parses(path):
    result = subprocess.run([NODE, "--input-type=module", "--check"], input=source(path), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def exports(path):
    text = source(path)
    names = set(re.findall(r"^export (?:async )?(?:function\*?|const|let|class) (\w+)", text, re.M))
    for group in re.findall(r"^export \{([^}]*)\}", text, re.M):
        names |= {part.split(" as ")[-1].strip() for part in group.split(",") if part.strip()}
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_imports_name_existing_exports(path):
    for names, target in re.findall(r"^import \{([^}]*)\} from '\./([\w-]+\.js)';", source(path), re.M):
        module = WEB / target
        assert module.exists(), f"{path.name} imports {target}, which does not exist"
        missing = {n.split(" as ")[0].strip() for n in names.split(",") if n.strip()} - exports(module)
        assert not missing, f"{path.name} imports {sorted(missing)} from {target}, which does not export them"
    for target in re.findall(r"import\('\./([\w-]+\.js)'\)", source(path)):
        assert (WEB / target).exists(), f"{path.name} loads {target}, which does not exist"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_html_from_strings(path):
    """Text goes into the page as text (dom.js h()); HTML is only ever parsed inert (DOMParser)."""
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(", source(path)), path.name


def spanish():
    text = source(WEB / "i18n.js")
    body = text[text.index("const ES = {"):text.index("\n};", text.index("const ES = {"))]
    keys = [key.replace("\\'", "'") for key in re.findall(r"(?:^|[{,])\s*'((?:[^'\\]|\\.)*)'\s*:", body, re.M)]
    return keys


def test_spanish_has_no_duplicate_keys():
    keys = spanish()
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates, f"translated twice: {duplicates}"


def test_every_text_shown_has_its_spanish():
    """Each literal given to t() (and each label of the screens' column and field lists) is in the Spanish dictionary."""
    known = set(spanish())
    missing = {}
    for path in MODULES:
        text = source(path)
        found = {m.replace("\\'", "'") for m in re.findall(r"\bt\(\s*'((?:[^'\\]|\\.)*)'", text)}
        # [name, 'Label', kind...] in the field and column lists, whose labels go through t().
        found |= set(re.findall(r"\[\s*'[a-z_:.]+'\s*,\s*'([A-Z][^']*)'", text))
        lacking = sorted(found - known)
        if lacking:
            missing[path.name] = lacking
    assert not missing, f"texts without Spanish: {missing}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_every_import_is_used(path):
    text = source(path)
    unused = []
    for names in re.findall(r"^import \{([^}]*)\} from", text, re.M):
        for name in (part.split(" as ")[-1].strip() for part in names.split(",") if part.strip()):
            if len(re.findall(r"(?<![\w.])%s\b" % re.escape(name), text)) < 2:
                unused.append(name)
    assert not unused, f"{path.name} imports {unused} without using them"
